import type { z } from 'zod'
import type { projectChannels } from '../../api/channels/projects'
import type { FundDocDetail, FundDocRow, SaveResult } from '../../api/types/projects'
import { fundSourceTypes } from '../../domain/asset-enums'
import { todayIso } from '../../domain/dates'
import { AppError, notFound } from '../../domain/errors'
import { formatFen } from '../../domain/money'
import { docRates, isBehind, rate } from '../../domain/project-money'
import { collector, type FieldRef } from '../../domain/severity'
import { recordAudit } from '../audit'
import type { ServiceContext } from '../context'
import { enforceFindings } from '../findings'
import { getProjectRow, listAllocations, listEntries, targetPct } from './read'

type Ch<C extends keyof typeof projectChannels> = z.output<(typeof projectChannels)[C]['input']>
const at = (field: string, label: string): FieldRef => ({ field, label })
const yuan = (fen: number) => `${formatFen(fen, '元')} 元`
const typeName = (code: string) => fundSourceTypes.find((t) => t.code === code)?.name ?? code

interface DocDb {
  id: number
  doc_no: string
  title: string
  doc_date: string
  fund_year: number
  level: string
  fund_type: string
  task_line: string
  integrated: number
  is_advance: number
  amount: number
  note: string
}

function getDoc(ctx: ServiceContext, id: number): DocDb {
  const row = ctx.db.prepare('SELECT * FROM fund_doc WHERE id = ?').get(id) as DocDb | undefined
  if (!row) throw notFound('资金文件', id)
  return row
}

/** Σ allocated / paid / spent of one document. */
export function docFlow(ctx: ServiceContext, id: number) {
  return ctx.db
    .prepare(
      `SELECT (SELECT coalesce(sum(amount), 0) FROM fund_allocation WHERE fund_doc_id = @id) AS allocatedFen,
        (SELECT coalesce(sum(amount), 0) FROM fund_payment WHERE fund_doc_id = @id AND kind = '拨付') AS paidFen,
        (SELECT coalesce(sum(amount), 0) FROM fund_payment WHERE fund_doc_id = @id AND kind = '支出') AS spentFen,
        (SELECT count(DISTINCT project_id) FROM fund_allocation WHERE fund_doc_id = @id) AS projectCount`,
    )
    .get({ id }) as { allocatedFen: number; paidFen: number; spentFen: number; projectCount: number }
}

function toDocRow(ctx: ServiceContext, d: DocDb & { allocatedFen: number; paidFen: number; spentFen: number; projectCount: number }, asOf: string): FundDocRow {
  const pct = targetPct(ctx, d.fund_year, asOf)
  return {
    id: d.id,
    docNo: d.doc_no,
    title: d.title,
    docDate: d.doc_date,
    fundYear: d.fund_year,
    level: d.level,
    fundType: d.fund_type,
    fundTypeName: typeName(d.fund_type),
    taskLine: d.task_line,
    integrated: d.integrated === 1,
    isAdvance: d.is_advance === 1,
    amountFen: d.amount,
    money: docRates({ issuedFen: d.amount, allocatedFen: d.allocatedFen, paidFen: d.paidFen, spentFen: d.spentFen }),
    milestone: { asOf, targetRate: pct === null ? null : pct / 100, actualRate: rate(d.spentFen, d.amount), behind: isBehind(d.spentFen, d.amount, pct) },
    projectCount: d.projectCount,
    note: d.note,
  }
}

const docSelect = `SELECT d.*,
  (SELECT coalesce(sum(amount), 0) FROM fund_allocation WHERE fund_doc_id = d.id) AS allocatedFen,
  (SELECT coalesce(sum(amount), 0) FROM fund_payment WHERE fund_doc_id = d.id AND kind = '拨付') AS paidFen,
  (SELECT coalesce(sum(amount), 0) FROM fund_payment WHERE fund_doc_id = d.id AND kind = '支出') AS spentFen,
  (SELECT count(DISTINCT project_id) FROM fund_allocation WHERE fund_doc_id = d.id) AS projectCount
  FROM fund_doc d`

export function listFundDocs(ctx: ServiceContext, input: Ch<'fundDocs.list'>) {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (input.fundYear !== undefined) {
    where.push('d.fund_year = @fundYear')
    params.fundYear = input.fundYear
  }
  if (input.level) {
    where.push('d.level = @level')
    params.level = input.level
  }
  if (input.fundType) {
    where.push('d.fund_type = @fundType')
    params.fundType = input.fundType
  }
  if (input.q) {
    where.push('(d.doc_no LIKE @q OR d.title LIKE @q OR d.task_line LIKE @q)')
    params.q = `%${input.q}%`
  }
  const asOf = input.asOf ?? todayIso()
  const sort = { docDate: 'doc_date', docNo: 'doc_no', amountFen: 'amount', level: "CASE level WHEN '中央' THEN 1 WHEN '自治区' THEN 2 WHEN '盟市' THEN 3 ELSE 4 END" }[input.sort]
  const all = ctx.db
    .prepare(`${docSelect} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${sort} ${input.order === 'desc' ? 'DESC' : 'ASC'}, d.id`)
    .all(params) as (DocDb & { allocatedFen: number; paidFen: number; spentFen: number; projectCount: number })[]
  const totals = all.reduce(
    (t, d) => ({ amountFen: t.amountFen + d.amount, allocatedFen: t.allocatedFen + d.allocatedFen, paidFen: t.paidFen + d.paidFen, spentFen: t.spentFen + d.spentFen }),
    { amountFen: 0, allocatedFen: 0, paidFen: 0, spentFen: 0 },
  )
  const start = (input.page - 1) * input.pageSize
  return { rows: all.slice(start, start + input.pageSize).map((d) => toDocRow(ctx, d, asOf)), total: all.length, totals }
}

export function getFundDoc(ctx: ServiceContext, id: number, asOf?: string): FundDocDetail {
  const d = ctx.db.prepare(`${docSelect} WHERE d.id = ?`).get(id) as (DocDb & { allocatedFen: number; paidFen: number; spentFen: number; projectCount: number }) | undefined
  if (!d) throw notFound('资金文件', id)
  return {
    ...toDocRow(ctx, d, asOf ?? todayIso()),
    allocations: listAllocations(ctx, { fundDocId: id }),
    payments: listEntries(ctx, { kind: '拨付', fundDocId: id, page: 1, pageSize: 5000 }).rows,
    expenditures: listEntries(ctx, { kind: '支出', fundDocId: id, page: 1, pageSize: 5000 }).rows,
  }
}

/** The message of the duplicate-document finding (the import turns it into an error of its own). */
export const DUPLICATE_DOC = '已登记过同一文号、级次、资金类型的文件，请勿重复登记'

/** The natural key of a fund document: 文号 + 级次 + 资金类型 + 任务. The id of another document with it, or null. */
export function duplicateDoc(ctx: ServiceContext, key: { docNo: string; level: string; fundType: string; taskLine: string }, id?: number): number | null {
  const dup = ctx.db
    .prepare('SELECT id FROM fund_doc WHERE doc_no = ? AND level = ? AND fund_type = ? AND task_line = ? AND id <> ?')
    .get(key.docNo, key.level, key.fundType, key.taskLine, id ?? 0) as { id: number } | undefined
  return dup?.id ?? null
}

/** The rules of a fund document (form and import). */
export function checkDoc(ctx: ServiceContext, input: Ch<'fundDocs.create'>, id?: number) {
  const c = collector()
  const t = fundSourceTypes.find((x) => x.code === input.fundType)
  if (!t) c.error(at('fundType', '资金类型'), `没有代码为 ${input.fundType} 的资金类型`)
  if (input.docDate > todayIso()) c.error(at('docDate', '下达日期'), `不能晚于今天（${todayIso()}）`)
  const docYear = Number(input.docDate.slice(0, 4))
  if (input.fundYear > docYear + 1 || input.fundYear < docYear - 1) c.warning(at('fundYear', '资金年度'), `与下达日期（${input.docDate}）相差一年以上，请核实`)
  if (input.isAdvance && input.fundYear <= docYear) c.warning(at('isAdvance', '提前下达'), `提前下达的资金年度一般晚于下达日期所在年度`)
  if (duplicateDoc(ctx, input, id) !== null) c.warning(at('docNo', '下达文号'), DUPLICATE_DOC)
  if (id) {
    const flow = docFlow(ctx, id)
    if (flow.allocatedFen > input.amountFen) c.warning(at('amountFen', '下达金额'), `小于已分配到项目的 ${yuan(flow.allocatedFen)}`)
  }
  return c
}

const docValues = (i: Ch<'fundDocs.create'>) => [i.docNo, i.title, i.docDate, i.fundYear, i.level, i.fundType, i.taskLine, i.integrated ? 1 : 0, i.isAdvance ? 1 : 0, i.amountFen, i.note]

export function createFundDoc(ctx: ServiceContext, input: Ch<'fundDocs.create'>): SaveResult {
  return ctx.db.transaction(() => {
    const findings = enforceFindings(checkDoc(ctx, input).findings(), input.acceptWarnings)
    const info = ctx.db
      .prepare(
        `INSERT INTO fund_doc (doc_no, title, doc_date, fund_year, level, fund_type, task_line, integrated, is_advance, amount, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...docValues(input))
    const id = Number(info.lastInsertRowid)
    recordAudit(ctx, { entity: 'fund_doc', entityId: id, entityName: input.docNo, action: 'create', summary: `登记资金下达文件 ${input.docNo}（${input.level}，${yuan(input.amountFen)}）`, after: getDoc(ctx, id) })
    return { id, code: input.docNo, findings }
  })()
}

export function updateFundDoc(ctx: ServiceContext, input: Ch<'fundDocs.update'>): SaveResult {
  return ctx.db.transaction(() => {
    const before = getDoc(ctx, input.id)
    const findings = enforceFindings(checkDoc(ctx, input, input.id).findings(), input.acceptWarnings)
    ctx.db
      .prepare(
        `UPDATE fund_doc SET doc_no = ?, title = ?, doc_date = ?, fund_year = ?, level = ?, fund_type = ?, task_line = ?, integrated = ?, is_advance = ?, amount = ?, note = ? WHERE id = ?`,
      )
      .run(...docValues(input), input.id)
    recordAudit(ctx, { entity: 'fund_doc', entityId: input.id, entityName: input.docNo, action: 'update', summary: `修改资金下达文件 ${input.docNo}`, before, after: getDoc(ctx, input.id) })
    return { id: input.id, code: input.docNo, findings }
  })()
}

export function deleteFundDoc(ctx: ServiceContext, id: number): { ok: true } {
  return ctx.db.transaction(() => {
    const before = getDoc(ctx, id)
    const used = ctx.db.prepare('SELECT (SELECT count(*) FROM fund_allocation WHERE fund_doc_id = ?) + (SELECT count(*) FROM fund_payment WHERE fund_doc_id = ?) AS n').get(id, id) as { n: number }
    if (used.n) throw new AppError('INVALID', `资金文件 ${before.doc_no} 已分配到项目或有拨付记录，不能删除。`)
    ctx.db.prepare('DELETE FROM fund_doc WHERE id = ?').run(id)
    recordAudit(ctx, { entity: 'fund_doc', entityId: id, entityName: before.doc_no, action: 'delete', summary: `删除资金下达文件 ${before.doc_no}`, before })
    return { ok: true as const }
  })()
}

const sumOf = (ctx: ServiceContext, sql: string, ...params: unknown[]) => (ctx.db.prepare(`SELECT coalesce(sum(amount), 0) AS s FROM ${sql}`).get(...params) as { s: number }).s
const noMoneyStatuses = ['出库', '终止']
const notInLibrary = ['草稿', '申报', '审核', '论证', '退回修改']

/** The sums the 分配 rules compare against; the import adds the rows of its file that come before. */
export interface AllocationTotals {
  /** Σ allocated from the document. */
  ofDoc(docId: number): number
  /** Σ allocated to the project. */
  ofProject(projectId: number): number
}

export const dbAllocationTotals = (ctx: ServiceContext): AllocationTotals => ({
  ofDoc: (docId) => sumOf(ctx, 'fund_allocation WHERE fund_doc_id = ?', docId),
  ofProject: (projectId) => sumOf(ctx, 'fund_allocation WHERE project_id = ?', projectId),
})

/** The rules of one 分配 (form and import): Σ allocated > issued of the document is W (§7.5). */
export function checkAllocation(ctx: ServiceContext, input: Ch<'funds.allocate'>, totals: AllocationTotals = dbAllocationTotals(ctx)) {
  const doc = getDoc(ctx, input.fundDocId)
  const p = getProjectRow(ctx, input.projectId)
  const c = collector()
  if (noMoneyStatuses.includes(p.status)) c.error(at('projectId', '项目'), `项目已${p.status}，不能分配资金`)
  else if (notInLibrary.includes(p.status)) c.warning(at('projectId', '项目'), `项目尚未入库（当前「${p.status}」），请核实`)
  if (input.allocDate && input.allocDate > todayIso()) c.error(at('allocDate', '分配日期'), `不能晚于今天（${todayIso()}）`)
  if (input.allocDate && input.allocDate < doc.doc_date) c.warning(at('allocDate', '分配日期'), `早于资金下达日期 ${doc.doc_date}`)
  const allocated = totals.ofDoc(doc.id)
  if (allocated + input.amountFen > doc.amount) {
    c.warning(at('amountFen', '分配金额'), `文件 ${doc.doc_no} 下达 ${yuan(doc.amount)}，已分配 ${yuan(allocated)}，再分配 ${yuan(input.amountFen)} 将超出下达金额 ${yuan(allocated + input.amountFen - doc.amount)}`)
  }
  const projectAllocated = totals.ofProject(p.id)
  if (projectAllocated + input.amountFen > p.total_investment) {
    c.warning(at('amountFen', '分配金额'), `项目已分配 ${yuan(projectAllocated)}，再分配后超过项目总投资 ${yuan(p.total_investment)}`)
  }
  if (Math.abs(doc.fund_year - p.year) > 1) c.warning(at('fundDocId', '资金文件'), `资金年度 ${doc.fund_year} 与项目实施年度 ${p.year} 相差一年以上`)
  return c
}

/** 分配 with the rules of `checkAllocation`. */
export function allocate(ctx: ServiceContext, input: Ch<'funds.allocate'>): SaveResult {
  return ctx.db.transaction(() => {
    const doc = getDoc(ctx, input.fundDocId)
    const p = getProjectRow(ctx, input.projectId)
    const c = checkAllocation(ctx, input)
    const findings = enforceFindings(c.findings(), input.acceptWarnings)
    const info = ctx.db
      .prepare('INSERT INTO fund_allocation (fund_doc_id, project_id, amount, alloc_date, note) VALUES (?, ?, ?, ?, ?)')
      .run(doc.id, p.id, input.amountFen, input.allocDate, input.note)
    const id = Number(info.lastInsertRowid)
    recordAudit(ctx, { entity: 'project', entityId: p.id, entityName: `${p.code} ${p.name}`, action: 'update', summary: `分配资金：${doc.doc_no} ${yuan(input.amountFen)}`, after: { allocationId: id, ...input } })
    return { id, code: p.code, findings }
  })()
}

/**
 * The sums the 拨付/支出 rules compare against. The form reads them from the database; the import
 * adds the rows of its file that come before (so a file is checked as if entered row by row).
 */
export interface EntryTotals {
  /** Σ allocated to the project (from one document when `docId`). */
  allocated(projectId: number, docId?: number): number
  /** Σ 拨付 or 支出 of the project (of one document when `docId`). */
  entries(kind: '拨付' | '支出', projectId: number, docId?: number): number
  /** Whether the project has a 拨付/支出 with this voucher number. */
  voucherUsed(kind: '拨付' | '支出', voucherNo: string, projectId: number): boolean
}

export const dbEntryTotals = (ctx: ServiceContext): EntryTotals => ({
  allocated: (projectId, docId) =>
    docId === undefined ? sumOf(ctx, 'fund_allocation WHERE project_id = ?', projectId) : sumOf(ctx, 'fund_allocation WHERE project_id = ? AND fund_doc_id = ?', projectId, docId),
  entries: (kind, projectId, docId) =>
    docId === undefined
      ? sumOf(ctx, 'fund_payment WHERE project_id = ? AND kind = ?', projectId, kind)
      : sumOf(ctx, 'fund_payment WHERE project_id = ? AND fund_doc_id = ? AND kind = ?', projectId, docId, kind),
  voucherUsed: (kind, voucherNo, projectId) => !!ctx.db.prepare('SELECT id FROM fund_payment WHERE kind = ? AND voucher_no = ? AND project_id = ?').get(kind, voucherNo, projectId),
})

/** The message of the duplicate-voucher finding (the import turns it into an error of its own). */
export const duplicateVoucher = (kind: '拨付' | '支出', voucherNo: string) => `本项目已有凭证号为 ${voucherNo} 的${kind}记录，请勿重复登记`

/**
 * The rules of one 拨付 / 支出 (§7.5), for the form and the import: paid > allocated is E (per
 * project and per document); spent > paid is W.
 */
export function checkEntry(ctx: ServiceContext, kind: '拨付' | '支出', input: Ch<'funds.pay'>, totals: EntryTotals = dbEntryTotals(ctx)) {
  const p = getProjectRow(ctx, input.projectId)
  const c = collector()
  const amount = at('amountFen', `${kind}金额`)
  if (noMoneyStatuses.includes(p.status)) c.warning(at('projectId', '项目'), `项目已${p.status}，请核实`)
  if (input.date > todayIso()) c.error(at('date', `${kind}日期`), `不能晚于今天（${todayIso()}）`)
  const doc = input.fundDocId ? getDoc(ctx, input.fundDocId) : null
  if (doc && input.date < doc.doc_date) c.warning(at('date', `${kind}日期`), `早于资金下达日期 ${doc.doc_date}`)
  const alloc = totals.allocated(p.id)
  const paid = totals.entries('拨付', p.id)
  const spent = totals.entries('支出', p.id)
  if (kind === '拨付') {
    if (paid + input.amountFen > alloc) c.error(amount, `项目已分配 ${yuan(alloc)}、已拨付 ${yuan(paid)}，本次拨付 ${yuan(input.amountFen)} 将超出已分配资金 ${yuan(paid + input.amountFen - alloc)}`)
    if (doc) {
      const dAlloc = totals.allocated(p.id, doc.id)
      const dPaid = totals.entries('拨付', p.id, doc.id)
      if (dAlloc === 0) c.error(at('fundDocId', '资金文件'), `文件 ${doc.doc_no} 未向本项目分配资金`)
      else if (dPaid + input.amountFen > dAlloc) c.error(amount, `文件 ${doc.doc_no} 向本项目分配 ${yuan(dAlloc)}，已拨付 ${yuan(dPaid)}，本次将超出 ${yuan(dPaid + input.amountFen - dAlloc)}`)
    }
  } else {
    if (spent + input.amountFen > paid) c.warning(amount, `项目已拨付 ${yuan(paid)}、已支出 ${yuan(spent)}，本次支出 ${yuan(input.amountFen)} 将超出已拨付资金`)
    if (doc) {
      const dAlloc = totals.allocated(p.id, doc.id)
      if (dAlloc === 0) c.error(at('fundDocId', '资金文件'), `文件 ${doc.doc_no} 未向本项目分配资金`)
    }
  }
  if (totals.voucherUsed(kind, input.voucherNo, p.id)) c.warning(at('voucherNo', '凭证号'), duplicateVoucher(kind, input.voucherNo))
  return c
}

/** 拨付 / 支出 with the ≤ rules of `checkEntry`. */
function addEntry(ctx: ServiceContext, kind: '拨付' | '支出', input: Ch<'funds.pay'>): SaveResult {
  return ctx.db.transaction(() => {
    const p = getProjectRow(ctx, input.projectId)
    const findings = enforceFindings(checkEntry(ctx, kind, input).findings(), input.acceptWarnings)
    const info = ctx.db
      .prepare('INSERT INTO fund_payment (kind, project_id, fund_doc_id, date, amount, payee, voucher_no, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(kind, p.id, input.fundDocId, input.date, input.amountFen, input.payee, input.voucherNo, input.note)
    const id = Number(info.lastInsertRowid)
    recordAudit(ctx, { entity: 'project', entityId: p.id, entityName: `${p.code} ${p.name}`, action: 'update', summary: `${kind}：${yuan(input.amountFen)}（凭证 ${input.voucherNo}）`, after: { entryId: id, kind, ...input } })
    return { id, code: p.code, findings }
  })()
}

export const pay = (ctx: ServiceContext, input: Ch<'funds.pay'>) => addEntry(ctx, '拨付', input)
export const spend = (ctx: ServiceContext, input: Ch<'funds.spend'>) => addEntry(ctx, '支出', input)

export function deleteEntry(ctx: ServiceContext, input: Ch<'funds.deleteEntry'>): { ok: true } {
  return ctx.db.transaction(() => {
    if (input.kind === '分配') {
      const a = ctx.db.prepare('SELECT * FROM fund_allocation WHERE id = ?').get(input.id) as { project_id: number; fund_doc_id: number; amount: number } | undefined
      if (!a) throw notFound('资金分配记录', input.id)
      const p = getProjectRow(ctx, a.project_id)
      const alloc = sumOf(ctx, 'fund_allocation WHERE project_id = ?', p.id) - a.amount
      const paid = sumOf(ctx, "fund_payment WHERE project_id = ? AND kind = '拨付'", p.id)
      const dAlloc = sumOf(ctx, 'fund_allocation WHERE project_id = ? AND fund_doc_id = ?', p.id, a.fund_doc_id) - a.amount
      const dPaid = sumOf(ctx, "fund_payment WHERE project_id = ? AND fund_doc_id = ? AND kind = '拨付'", p.id, a.fund_doc_id)
      if (paid > alloc || dPaid > dAlloc) throw new AppError('INVALID', `删除后已拨付 ${yuan(paid)} 将超过已分配 ${yuan(alloc)}，请先删除相应的拨付记录。`)
      ctx.db.prepare('DELETE FROM fund_allocation WHERE id = ?').run(input.id)
      recordAudit(ctx, { entity: 'project', entityId: p.id, entityName: `${p.code} ${p.name}`, action: 'update', summary: `删除资金分配 ${yuan(a.amount)}`, before: a })
    } else {
      const e = ctx.db.prepare('SELECT * FROM fund_payment WHERE id = ? AND kind = ?').get(input.id, input.kind) as { project_id: number; amount: number; voucher_no: string } | undefined
      if (!e) throw notFound(`${input.kind}记录`, input.id)
      const p = getProjectRow(ctx, e.project_id)
      ctx.db.prepare('DELETE FROM fund_payment WHERE id = ?').run(input.id)
      recordAudit(ctx, { entity: 'project', entityId: p.id, entityName: `${p.code} ${p.name}`, action: 'update', summary: `删除${input.kind}记录 ${yuan(e.amount)}（凭证 ${e.voucher_no}）`, before: e })
    }
    return { ok: true as const }
  })()
}
