import { fundDocLevels } from '../../../domain/project-enums'
import { normalizeName } from '../../../domain/text'
import type { ServiceContext } from '../../../services/context'
import { parseEnum } from '../normalise'
import { foldKey, shortText } from '../normalise/text'
import type { CellValue } from '../types'
import { levelSpellings } from './fund-docs'
import type { KindEnv, RowMessages } from './kind'

/**
 * Finding the project and the fund document a row of a 分配 or 拨付/支出 file names: the project by
 * its code, else by its exact normalised name (two of that name → ask for the code); the document
 * by its 文号, narrowed by 资金级次 when the file has it, else by the documents allocated to the project.
 */

interface ProjectRef {
  id: number
  code: string
  name: string
}
interface DocRef {
  id: number
  docNo: string
  level: string
  taskLine: string
}

/** A project code as written (「2026-150422-CY-0001」, spaces, lower case) folded for comparing. */
const codeKey = (s: string) => foldKey(s).replace(/[-_—]/g, '').toUpperCase()
const nameKey = (s: string) => foldKey(normalizeName(s))

export class ProjectFinder {
  private readonly byCode = new Map<string, ProjectRef>()
  private readonly byName = new Map<string, ProjectRef[]>()
  constructor(
    ctx: ServiceContext,
    private readonly env: KindEnv,
  ) {
    for (const p of ctx.db.prepare('SELECT id, code, name FROM project').all() as ProjectRef[]) {
      this.byCode.set(codeKey(p.code), p)
      const key = nameKey(p.name)
      this.byName.set(key, [...(this.byName.get(key) ?? []), p])
    }
  }
  find(m: RowMessages, code: string, name: string): ProjectRef | null {
    if (code) {
      const p = this.byCode.get(codeKey(code))
      if (!p) {
        m.error('projectCode', `项目库中没有编号为“${shortText(code, 30)}”的项目${name ? `（项目名称“${shortText(name, 40)}”）` : ''}，请核对编号或先导入项目库`)
        return null
      }
      if (name && nameKey(name) !== nameKey(p.name)) m.warning('projectName', `项目编号 ${p.code} 对应的项目是“${shortText(p.name, 40)}”，与填写的项目名称不一致，按编号登记`)
      return p
    }
    if (!name) {
      m.rowError(`${this.env.header('projectCode')}/${this.env.header('projectName')}`, '请填写项目编号或项目名称')
      return null
    }
    const hits = this.byName.get(nameKey(name)) ?? []
    if (hits.length === 0) {
      m.error('projectName', `项目库中没有名为“${shortText(name, 40)}”的项目，请核对名称、填写项目编号，或先导入项目库`)
      return null
    }
    if (hits.length > 1) {
      m.error('projectName', `项目库中有 ${hits.length} 个名为“${shortText(name, 40)}”的项目（${hits.map((h) => h.code).join('、')}），请填写项目编号`)
      return null
    }
    return hits[0]
  }
}

export class DocFinder {
  private readonly byNo = new Map<string, DocRef[]>()
  constructor(ctx: ServiceContext) {
    for (const d of ctx.db.prepare('SELECT id, doc_no AS docNo, level, task_line AS taskLine FROM fund_doc').all() as DocRef[]) {
      const key = foldKey(d.docNo)
      this.byNo.set(key, [...(this.byNo.get(key) ?? []), d])
    }
  }
  /**
   * The document of 文号 `docNo` (messages on the field 'docNo'; the 级次 cell on 'level').
   * `allocatedTo` tells whether a document gives money to the row's project (payments only).
   */
  find(m: RowMessages, docNo: string, levelCell: CellValue | undefined, allocatedTo?: (docId: number) => boolean): DocRef | null {
    let hits = this.byNo.get(foldKey(docNo)) ?? []
    if (hits.length === 0) {
      m.error('docNo', `资金文件中没有文号为“${shortText(docNo, 40)}”的文件，请核对文号或先登记（导入）资金文件`)
      return null
    }
    const level = parseEnum(levelCell, fundDocLevels, levelSpellings)
    if (level.error) {
      m.error('level', level.error)
      return null
    }
    if (level.value) {
      hits = hits.filter((d) => d.level === level.value)
      if (hits.length === 0) {
        m.error('docNo', `文号“${shortText(docNo, 40)}”没有${level.value}级次的资金文件，请核对文号和资金级次`)
        return null
      }
    }
    if (hits.length === 1) return hits[0]
    // One 文号 can cover several levels or tasks: the one allocated to this project decides.
    const allocated = allocatedTo ? hits.filter((d) => allocatedTo(d.id)) : []
    if (allocated.length === 1) return allocated[0]
    const which = hits.map((d) => `${d.level}${d.taskLine ? `/${d.taskLine}` : ''}`).join('、')
    const why = allocatedTo ? (allocated.length ? '且有多个向本项目分配了资金，' : '都未向本项目分配资金，') : ''
    m.error('docNo', `文号“${shortText(docNo, 40)}”对应 ${hits.length} 个资金文件（${which}），${why}无法确定是哪一个，请填写资金级次`)
    return null
  }
}
