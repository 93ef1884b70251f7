import type { z } from 'zod'
import { projectChannels } from '../../../api/channels/projects'
import { fundDocLevels } from '../../../domain/project-enums'
import type { ServiceContext } from '../../../services/context'
import { checkDoc, createFundDoc, duplicateDoc, DUPLICATE_DOC } from '../../../services/projects/money'
import { parseCellDate, parseCellMoney, parseCellYear, parseEnum } from '../normalise'
import { foldText, shortText } from '../normalise/text'
import type { FieldSpec } from '../types'
import { cellReaders, field, RowMessages, writeEach, type ImportKind, type KindEnv, type RowCells, type RowOutcome } from './kind'
import { cachingContext, fundSourceNames, matchFundSource } from './lookups'

const docSchema = projectChannels['fundDocs.create'].input
type DocInput = z.output<typeof docSchema>

/** 资金级次 as clerks write it: 中央财政, 自治区级, 市级, 旗级, 本级 … */
export const levelSpellings: Record<string, string> = {
  中央级: '中央',
  中央财政: '中央',
  中央资金: '中央',
  中央本级: '中央',
  国家: '中央',
  自治区级: '自治区',
  自治区财政: '自治区',
  自治区资金: '自治区',
  区级: '自治区',
  省级: '自治区',
  省: '自治区',
  盟市级: '盟市',
  盟市财政: '盟市',
  市级: '盟市',
  市: '盟市',
  盟级: '盟市',
  盟: '盟市',
  市本级: '盟市',
  旗县级: '旗县',
  旗县财政: '旗县',
  旗级: '旗县',
  县级: '旗县',
  旗: '旗县',
  县: '旗县',
  本级: '旗县',
  旗本级: '旗县',
  县本级: '旗县',
}
export const yesNo = { enumValues: ['是', '否'] as const, enumSynonyms: { Y: '是', N: '否', '√': '是', '✓': '是', 纳入: '是', 不纳入: '否', 提前: '是', 非提前: '否' } }

/** The columns of a list of 资金下达文件（指标文件） as counties keep it (domain.md §4.4). */
export const fundDocFields: FieldSpec[] = [
  field('docNo', '文号', 'text', ['下达文号', '文件文号', '指标文号', '资金文号', '文件号', '发文文号', '发文字号'], { required: true }),
  field('title', '文件标题', 'text', ['文件名称', '文件标题名称', '标题', '文件名']),
  field('docDate', '发文日期', 'date', ['下达日期', '文件日期', '印发日期', '发文时间', '下达时间', '日期'], { required: true }),
  field('fundYear', '资金年度', 'year', ['年度', '资金所属年度', '指标年度', '预算年度'], { required: true }),
  field('level', '资金级次', 'enum', ['级次', '资金级别', '级别', '财政级次', '下达级次'], { required: true, enumValues: fundDocLevels, enumSynonyms: levelSpellings }),
  field('fundType', '资金类型', 'text', ['资金性质', '资金种类', '资金类别', '资金来源']),
  field('taskLine', '任务/用途', 'text', ['任务', '任务名称', '资金用途', '用途', '支出方向', '任务清单']),
  field('integrated', '是否统筹整合', 'enum', ['统筹整合', '纳入统筹整合', '是否纳入统筹整合', '是否整合'], yesNo),
  field('isAdvance', '是否提前下达', 'enum', ['提前下达', '是否提前批'], yesNo),
  field('amountFen', '金额', 'money', ['下达金额', '资金金额', '指标金额', '资金额度', '下达资金', '金额合计', '资金规模'], { required: true }),
  field('note', '备注', 'text', []),
]

const FIELD_OF: Record<string, string> = { docNo: 'docNo', title: 'title', docDate: 'docDate', fundYear: 'fundYear', level: 'level', fundType: 'fundType', taskLine: 'taskLine', integrated: 'integrated', isAdvance: 'isAdvance', amountFen: 'amountFen', note: 'note' }
const columnOf = (path: string) => FIELD_OF[path] ?? null
const labelOf = (path: PropertyKey[]) => fundDocFields.find((f) => f.key === String(path[0]))?.label ?? String(path[0])

/** A fund type by code or name, also with the level or year in front (中央财政衔接推进乡村振兴补助资金). */
export function fundTypeOf(text: string): string | null {
  return matchFundSource(text) ?? matchFundSource(text.replace(/^(\d{4}年度?|中央|自治区|盟市|市级|旗县|县级|本级)+/, '')) ?? null
}

export const fundDocKind: ImportKind<DocInput> = {
  key: 'fundDocs',
  title: '资金文件（指标文件）',
  noun: '个资金文件',
  fields: fundDocFields,
  example: ['内财农〔2026〕12号', '关于提前下达2026年中央财政衔接推进乡村振兴补助资金预算的通知', '2025-11-20', 2026, '中央', '衔接资金', '产业发展', '是', '是', 1_234_560, ''],
  start: (ctx, env) => startFundDocs(ctx, env),
}

function startFundDocs(outer: ServiceContext, env: KindEnv) {
  const ctx = cachingContext(outer)
  const seen = new Map<string, number>()
  const yearRange = { min: 2000, max: new Date().getFullYear() + 2 }

  const readCells = cellReaders(env)
  function convert(row: RowCells): RowOutcome<DocInput> {
    const m = new RowMessages(row.rowNumber, env)
    const { text } = readCells(row, m)
    const docNo = text('docNo')
    const label = shortText(docNo || `第${row.rowNumber}行`, 30)
    if (!docNo) m.error('docNo', '请填写文号')
    const docDate = parseCellDate(row.get('docDate'))
    if (docDate.error) m.error('docDate', docDate.error)
    else if (!docDate.value) m.error('docDate', '请填写发文日期')
    const year = parseCellYear(row.get('fundYear'), yearRange)
    if (year.error) m.error('fundYear', year.error)
    else if (year.value === undefined) m.error('fundYear', '请填写资金年度')
    const level = parseEnum(row.get('level'), fundDocLevels, levelSpellings)
    if (level.error) m.error('level', level.error)
    else if (!level.value) m.error('level', `请填写资金级次（${fundDocLevels.join('、')}）`)
    const typeText = foldText(row.get('fundType'))
    // No 资金类型: the money of this product's documents is 衔接资金 (before 2021: 专项扶贫资金).
    const fundType = typeText ? fundTypeOf(typeText) : year.value !== undefined && year.value < 2021 ? 'ZX' : 'XJ'
    if (!fundType) m.error('fundType', `“${shortText(typeText)}”不是可选的资金类型，应为：${fundSourceNames()}`)
    const integrated = parseEnum(row.get('integrated'), yesNo.enumValues, yesNo.enumSynonyms)
    if (integrated.error) m.error('integrated', integrated.error)
    const advance = parseEnum(row.get('isAdvance'), yesNo.enumValues, yesNo.enumSynonyms)
    if (advance.error) m.error('isAdvance', advance.error)
    const amount = parseCellMoney(row.get('amountFen'), env.unit('amountFen'))
    if (amount.error) m.error('amountFen', amount.error)
    else if (amount.fen === undefined) m.error('amountFen', '请填写金额')
    if (m.hasErrors) return { input: null, messages: m.list, label }

    const parsed = docSchema.safeParse({
      docNo,
      title: text('title'),
      docDate: docDate.value,
      fundYear: year.value,
      level: level.value,
      fundType,
      taskLine: text('taskLine'),
      integrated: integrated.value === '是',
      isAdvance: advance.value === '是',
      amountFen: amount.fen,
      note: text('note'),
      acceptWarnings: true,
    })
    if (!parsed.success) {
      m.schemaIssues(parsed.error, labelOf, columnOf)
      return { input: null, messages: m.list, label }
    }
    const input = parsed.data
    const key = [input.docNo, input.level, input.fundType, input.taskLine].join('\u0000')
    const first = seen.get(key)
    if (first !== undefined) m.rowError(env.header('docNo'), `与第 ${first} 行重复（同一文号、级次、资金类型和任务），未重复导入`)
    else seen.set(key, row.rowNumber)
    if (duplicateDoc(ctx, input) !== null) m.rowError(env.header('docNo'), `资金文件中已有同一文号、级次、资金类型和任务的文件，可能已导入过，未重复导入`)
    // The form's rules on rows that are not duplicates (its duplicate warning is the error above here).
    if (!m.hasErrors) m.findings(checkDoc(ctx, input).findings().filter((f) => f.message !== DUPLICATE_DOC), columnOf)
    return { input: m.hasErrors ? null : input, messages: m.list, label }
  }

  const write = writeEach<DocInput>((input) => createFundDoc(outer, input))
  return { convert, write }
}
