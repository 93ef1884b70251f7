import type { z } from 'zod'
import { projectChannels } from '../../../api/channels/projects'
import { fundDocLevels } from '../../../domain/project-enums'
import { normalizeName } from '../../../domain/text'
import type { ServiceContext } from '../../../services/context'
import { allocate, checkAllocation, dbAllocationTotals, type AllocationTotals } from '../../../services/projects/money'
import { parseCellDate, parseCellMoney } from '../normalise'
import { foldText, shortText } from '../normalise/text'
import type { FieldSpec } from '../types'
import { levelSpellings } from './fund-docs'
import { DocFinder, ProjectFinder } from './fund-lookups'
import { cellReaders, field, RowMessages, writeEach, type ImportKind, type KindEnv, type RowCells, type RowOutcome } from './kind'
import { cachingContext } from './lookups'

const allocSchema = projectChannels['funds.allocate'].input
type AllocInput = z.output<typeof allocSchema>

/** The columns of a 资金分配表: which document gives how much to which project. */
export const fundAllocationFields: FieldSpec[] = [
  field('docNo', '资金文号', 'text', ['文号', '下达文号', '指标文号', '资金文件', '资金文件文号', '文件文号'], { required: true }),
  field('level', '资金级次', 'enum', ['级次', '资金级别'], { enumValues: fundDocLevels, enumSynonyms: levelSpellings }),
  field('projectCode', '项目编号', 'text', ['项目代码', '项目库编号', '入库编号']),
  field('projectName', '项目名称', 'text', ['项目', '所属项目']),
  field('amountFen', '分配金额', 'money', ['金额', '分配资金', '安排资金', '安排金额', '分配额度', '下达项目资金'], { required: true }),
  field('allocDate', '分配日期', 'date', ['日期', '安排日期', '下达日期']),
  field('note', '备注', 'text', []),
]

const labelOf = (path: PropertyKey[]) => fundAllocationFields.find((f) => f.key === String(path[0]))?.label ?? String(path[0])

export const fundAllocationKind: ImportKind<AllocInput> = {
  key: 'fundAllocations',
  title: '资金分配到项目',
  noun: '条资金分配',
  fields: fundAllocationFields,
  example: ['内财农〔2026〕12号', '中央', '2026150422CY0001', '2026年林东镇福山地村肉牛养殖暖棚建设项目', 800_000, '2026-03-05', ''],
  start: (ctx, env) => startFundAllocations(ctx, env),
}

function startFundAllocations(outer: ServiceContext, env: KindEnv) {
  const ctx = cachingContext(outer)
  const projects = new ProjectFinder(ctx, env)
  const docs = new DocFinder(ctx)
  // The rows of the file accepted so far count as if already allocated (the form's rules, cumulatively).
  const stored = dbAllocationTotals(ctx)
  const pendingDoc = new Map<number, number>()
  const pendingProject = new Map<number, number>()
  const totals: AllocationTotals = {
    ofDoc: (id) => stored.ofDoc(id) + (pendingDoc.get(id) ?? 0),
    ofProject: (id) => stored.ofProject(id) + (pendingProject.get(id) ?? 0),
  }
  const seen = new Map<string, number>()
  const inDb = ctx.db.prepare("SELECT id FROM fund_allocation WHERE fund_doc_id = ? AND project_id = ? AND amount = ? AND coalesce(alloc_date, '') = ? LIMIT 1")
  /** Field paths of the form → the file's fields; the project is the column the row named it in. */
  const columnsFor = (code: string) => (path: string): string | null => {
    if (path === 'projectId') return code ? 'projectCode' : 'projectName'
    if (path === 'fundDocId') return 'docNo'
    return fundAllocationFields.some((f) => f.key === path) ? path : null
  }

  const readCells = cellReaders(env)
  function convert(row: RowCells): RowOutcome<AllocInput> {
    const m = new RowMessages(row.rowNumber, env)
    const { text } = readCells(row, m)
    const code = text('projectCode')
    const name = normalizeName(foldText(row.get('projectName')))
    const docNo = text('docNo')
    const project = projects.find(m, code, name)
    const label = shortText(`${docNo} → ${project?.name ?? (name || code || `第${row.rowNumber}行`)}`, 30)
    if (!docNo) m.error('docNo', '请填写资金文号')
    const doc = docNo ? docs.find(m, docNo, row.get('level')) : null
    const date = parseCellDate(row.get('allocDate'))
    if (date.error) m.error('allocDate', date.error)
    const amount = parseCellMoney(row.get('amountFen'), env.unit('amountFen'))
    if (amount.error) m.error('amountFen', amount.error)
    else if (amount.fen === undefined) m.error('amountFen', '请填写分配金额')
    if (m.hasErrors || !project || !doc) return { input: null, messages: m.list, label }

    const parsed = allocSchema.safeParse({ fundDocId: doc.id, projectId: project.id, amountFen: amount.fen, allocDate: date.value ?? null, note: text('note'), acceptWarnings: true })
    if (!parsed.success) {
      m.schemaIssues(parsed.error, labelOf, columnsFor(code))
      return { input: null, messages: m.list, label }
    }
    const input = parsed.data
    // Natural key of an allocation line: document + project + amount + date.
    const key = `${doc.id}|${project.id}|${input.amountFen}|${input.allocDate ?? ''}`
    const first = seen.get(key)
    if (first !== undefined) m.rowError(env.header('docNo'), `与第 ${first} 行重复（同一文件、项目、金额和日期），未重复导入`)
    else seen.set(key, row.rowNumber)
    if (inDb.get(doc.id, project.id, input.amountFen, input.allocDate ?? '')) m.rowError(env.header('docNo'), '该文件已向本项目分配过同样金额（同一日期），可能已导入过，未重复导入')
    // The form's rules (on rows that are not duplicates), against the database plus the rows of this file before this one.
    if (!m.hasErrors) m.findings(checkAllocation(ctx, input, totals).findings(), columnsFor(code))
    if (m.hasErrors) return { input: null, messages: m.list, label }
    pendingDoc.set(doc.id, (pendingDoc.get(doc.id) ?? 0) + input.amountFen)
    pendingProject.set(project.id, (pendingProject.get(project.id) ?? 0) + input.amountFen)
    return { input, messages: m.list, label }
  }

  const write = writeEach<AllocInput>((input) => allocate(outer, input))
  return { convert, write }
}
