import type { z } from 'zod'
import { projectChannels } from '../../../api/channels/projects'
import { fundDocLevels } from '../../../domain/project-enums'
import { normalizeName } from '../../../domain/text'
import type { ServiceContext } from '../../../services/context'
import { checkEntry, dbEntryTotals, pay, spend, type EntryTotals } from '../../../services/projects/money'
import { parseCellDate, parseCellMoney, parseEnum } from '../normalise'
import { foldText, shortText } from '../normalise/text'
import type { FieldSpec } from '../types'
import { cellReaders, field, RowMessages, writeEach, type ImportKind, type KindEnv, type RowCells, type RowOutcome } from './kind'
import { levelSpellings } from './fund-docs'
import { DocFinder, ProjectFinder } from './fund-lookups'
import { cachingContext } from './lookups'

type EntryKind = '拨付' | '支出'
type PayInput = z.output<(typeof projectChannels)['funds.pay']['input']>
type EntryInput = PayInput & { kind: EntryKind }

const entryKinds = ['拨付', '支出'] as const
/** 类型 as clerks write it: money passed down to the implementer (拨款, 下拨) or paid out (付款, 报账, 支付). */
export const entryKindSpellings: Record<string, string> = {
  拨款: '拨付',
  下拨: '拨付',
  拨付资金: '拨付',
  资金拨付: '拨付',
  拨: '拨付',
  付款: '支出',
  支付: '支出',
  报账: '支出',
  报销: '支出',
  资金支出: '支出',
  实际支出: '支出',
  支出资金: '支出',
  资金支付: '支出',
  付: '支出',
}

/** The columns of a 资金拨付/支出明细 (one row per 拨付 or 支出, with its voucher). */
export const fundPaymentFields: FieldSpec[] = [
  field('kind', '类型', 'enum', ['类别', '拨付/支出', '款项类型', '业务类型', '收支类型', '资金流向'], { required: true, enumValues: entryKinds, enumSynonyms: entryKindSpellings }),
  field('projectCode', '项目编号', 'text', ['项目代码', '项目库编号', '入库编号']),
  field('projectName', '项目名称', 'text', ['项目', '所属项目']),
  field('docNo', '资金文号', 'text', ['文号', '下达文号', '指标文号', '资金文件', '资金文件文号', '文件文号']),
  field('level', '资金级次', 'enum', ['级次', '资金级别'], { enumValues: fundDocLevels, enumSynonyms: levelSpellings }),
  field('date', '日期', 'date', ['拨付日期', '支出日期', '支付日期', '付款日期', '报账日期', '拨款日期', '日期（拨付/支出）', '记账日期'], { required: true }),
  field('amountFen', '金额', 'money', ['拨付金额', '支出金额', '支付金额', '付款金额', '报账金额', '拨款金额', '发生额'], { required: true }),
  field('payee', '收款单位/收款人', 'text', ['收款单位', '收款人', '收款方', '收款单位（人）', '收款单位名称']),
  field('voucherNo', '凭证号', 'text', ['凭证编号', '记账凭证号', '凭证字号', '凭证'], { required: true }),
  field('note', '备注', 'text', ['摘要']),
]

const labelOf = (path: PropertyKey[]) => fundPaymentFields.find((f) => f.key === String(path[0]))?.label ?? String(path[0])

export const fundPaymentKind: ImportKind<EntryInput> = {
  key: 'fundPayments',
  title: '资金拨付/支出明细',
  noun: '条拨付/支出记录',
  fields: fundPaymentFields,
  example: ['拨付', '2026150422CY0001', '2026年林东镇福山地村肉牛养殖暖棚建设项目', '内财农〔2026〕12号', '中央', '2026-05-10', 300_000, '林东镇人民政府', '记-0015', ''],
  start: (ctx, env) => startFundPayments(ctx, env),
}

function startFundPayments(outer: ServiceContext, env: KindEnv) {
  const ctx = cachingContext(outer)
  const projects = new ProjectFinder(ctx, env)
  const docs = new DocFinder(ctx)
  // The rows of the file accepted so far count as if already entered (the form's rules, cumulatively).
  const stored = dbEntryTotals(ctx)
  const pending = new Map<string, number>()
  const pendingKey = (kind: EntryKind, projectId: number, docId?: number) => `${kind}|${projectId}|${docId ?? '*'}`
  const totals: EntryTotals = {
    allocated: stored.allocated,
    entries: (kind, projectId, docId) => stored.entries(kind, projectId, docId) + (pending.get(pendingKey(kind, projectId, docId)) ?? 0),
    // Duplicate vouchers are errors of the import (below), not the form's warning.
    voucherUsed: () => false,
  }
  const seenVouchers = new Map<string, number>()
  /** Field paths of the form → the file's fields; the project is the column the row named it in. */
  const columnsFor = (code: string) => (path: string): string | null => {
    if (path === 'projectId') return code ? 'projectCode' : 'projectName'
    if (path === 'fundDocId') return 'docNo'
    return fundPaymentFields.some((f) => f.key === path) ? path : null
  }

  const readCells = cellReaders(env)
  function convert(row: RowCells): RowOutcome<EntryInput> {
    const m = new RowMessages(row.rowNumber, env)
    const { text } = readCells(row, m)
    const code = text('projectCode')
    const name = normalizeName(foldText(row.get('projectName')))
    const kind = parseEnum(row.get('kind'), entryKinds, entryKindSpellings)
    if (kind.error) m.error('kind', kind.error)
    else if (!kind.value) m.error('kind', '请填写类型（拨付或支出）')
    const project = projects.find(m, code, name)
    const label = shortText(`${kind.value ?? ''}${kind.value ? ' ' : ''}${project?.name ?? (name || code || `第${row.rowNumber}行`)}`, 30)
    const docNo = text('docNo')
    const doc = docNo ? docs.find(m, docNo, row.get('level'), project ? (docId) => stored.allocated(project.id, docId) > 0 : undefined) : null
    const date = parseCellDate(row.get('date'))
    if (date.error) m.error('date', date.error)
    else if (!date.value) m.error('date', '请填写日期')
    const amount = parseCellMoney(row.get('amountFen'), env.unit('amountFen'))
    if (amount.error) m.error('amountFen', amount.error)
    else if (amount.fen === undefined) m.error('amountFen', '请填写金额')
    if (m.hasErrors || !project || !kind.value) return { input: null, messages: m.list, label }

    const entryKind = kind.value as EntryKind
    const schema = projectChannels[entryKind === '拨付' ? 'funds.pay' : 'funds.spend'].input
    const parsed = schema.safeParse({
      projectId: project.id,
      fundDocId: doc?.id ?? null,
      date: date.value,
      amountFen: amount.fen,
      payee: text('payee'),
      voucherNo: text('voucherNo'),
      note: text('note'),
      acceptWarnings: true,
    })
    if (!parsed.success) {
      m.schemaIssues(parsed.error, labelOf, columnsFor(code))
      return { input: null, messages: m.list, label }
    }
    const input = parsed.data
    // Natural key of an entry: type + project + 凭证号 (as the form's duplicate check).
    const key = `${entryKind}|${project.id}|${input.voucherNo}`
    const first = seenVouchers.get(key)
    if (first !== undefined) m.rowError(env.header('voucherNo'), `与第 ${first} 行重复（同一项目、类型和凭证号），未重复导入`)
    else seenVouchers.set(key, row.rowNumber)
    if (stored.voucherUsed(entryKind, input.voucherNo, project.id)) m.rowError(env.header('voucherNo'), `本项目已有凭证号为 ${input.voucherNo} 的${entryKind}记录，可能已导入过，未重复导入`)
    // The form's rules (on rows that are not duplicates), against the database plus the rows of this file before this one.
    if (!m.hasErrors) m.findings(checkEntry(ctx, entryKind, input, totals).findings(), columnsFor(code))
    if (m.hasErrors) return { input: null, messages: m.list, label }
    for (const k of [pendingKey(entryKind, project.id), ...(doc ? [pendingKey(entryKind, project.id, doc.id)] : [])]) pending.set(k, (pending.get(k) ?? 0) + input.amountFen)
    return { input: { ...input, kind: entryKind }, messages: m.list, label }
  }

  const write = writeEach<EntryInput>(({ kind, ...input }) => (kind === '拨付' ? pay : spend)(outer, input))
  return { convert, write }
}
