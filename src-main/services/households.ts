import type { LedgerTotals, SaveResult } from '../api/types/assets'
import type { HouseholdLineRow, HouseholdRow } from '../api/types/households'
import { maskBankCard, maskPhone } from '../domain/contact'
import { AppError, notFound } from '../domain/errors'
import { maskIdCard } from '../domain/id-card'
import { normalizeText } from '../domain/text'
import { recordAudit } from './audit'
import type { ServiceContext } from './context'
import { enforceFindings } from './findings'
import { type HouseholdFilter, type HouseholdSort, householdPage, householdsByIds, toHouseholdRow } from './households/households-query'
import { cached } from './households/count-cache'
import { ensureHouseholdDerived, householdKeys, writeHouseholdKeys } from './households/keys'
import { type LineFilter, type LineSort, lineTotals, linePageIds, linesByIds } from './households/lines-query'
import {
  checkHousehold,
  checkHouseholdLine,
  householdFields,
  type HouseholdInput,
  type HouseholdLineInput,
  type HouseholdValues,
} from './households/rules'

/**
 * Households (农户) and their asset lines (到户类资产台账, domain.md §2.5): every write checks the
 * rules of §7 and runs in one transaction with its audit row; lists page, sort and filter in SQL
 * (see households/lines-query.ts for how they stay fast at a million lines).
 */
export type { HouseholdInput, HouseholdLineInput } from './households/rules'
export { ensureHouseholdDerived, householdKeys, rebuildHouseholdDerived, refreshHouseholdKeys } from './households/keys'

interface StoredHousehold extends HouseholdValues {
  id: number
}

function loadHousehold(ctx: ServiceContext, id: number): StoredHousehold {
  const row = ctx.db
    .prepare(
      `SELECT id, household_code AS householdCode, head_name AS headName, id_no AS idNo, size, attribute, risk_eliminated AS riskEliminated,
         exit_year AS exitYear, town_code AS townCode, village_code AS villageCode, group_name AS groupName, phone, bank_account AS bankAccount
       FROM household WHERE id = ?`,
    )
    .get(id) as (Omit<StoredHousehold, 'riskEliminated'> & { riskEliminated: number | null }) | undefined
  if (!row) throw notFound('农户', id)
  return { ...row, riskEliminated: row.riskEliminated === null ? null : row.riskEliminated === 1 }
}

/** The audit snapshot of a household: ID, phone and bank account masked, as the change history is shown to every user. */
const householdSnapshot = (h: HouseholdValues) => ({
  ...h,
  idNo: maskIdCard(h.idNo),
  phone: maskPhone(h.phone),
  bankAccount: maskBankCard(h.bankAccount),
})

function placeName(ctx: ServiceContext, villageCode: string): string {
  const row = ctx.db
    .prepare('SELECT coalesce(t.name, \'\') || v.name AS name FROM region v LEFT JOIN region t ON t.code = v.parent_code WHERE v.code = ?')
    .get(villageCode) as { name: string } | undefined
  return row?.name ?? villageCode
}

const householdColumns = [
  'household_code',
  'head_name',
  'id_no',
  'size',
  'attribute',
  'risk_eliminated',
  'exit_year',
  'town_code',
  'village_code',
  'group_name',
  'phone',
  'bank_account',
] as const

function householdValues(v: HouseholdValues): unknown[] {
  return [
    v.householdCode,
    v.headName,
    v.idNo,
    v.size,
    v.attribute,
    v.riskEliminated === null ? null : v.riskEliminated ? 1 : 0,
    v.exitYear,
    v.townCode,
    v.villageCode,
    v.groupName,
    v.phone,
    v.bankAccount,
  ]
}

export function createHousehold(ctx: ServiceContext, input: HouseholdInput): SaveResult {
  return ctx.db.transaction(() => {
    const { c, values } = checkHousehold(ctx, input)
    const findings = enforceFindings(c.findings(), input.acceptWarnings)
    const info = ctx.db
      .prepare(`INSERT INTO household (${householdColumns.join(', ')}) VALUES (${householdColumns.map(() => '?').join(', ')})`)
      .run(...householdValues(values))
    const id = Number(info.lastInsertRowid)
    writeHouseholdKeys(ctx.db, id, values.headName, values.householdCode, values.idNo)
    recordAudit(ctx, {
      entity: 'household',
      entityId: id,
      entityName: values.headName,
      action: 'create',
      summary: `登记农户「${values.headName}」（${placeName(ctx, values.villageCode)}）`,
      after: householdSnapshot(values),
    })
    return { id, code: values.householdCode ?? '', findings }
  })()
}

export function updateHousehold(ctx: ServiceContext, input: HouseholdInput & { id: number }): SaveResult {
  return ctx.db.transaction(() => {
    const before = loadHousehold(ctx, input.id)
    const { c, values } = checkHousehold(ctx, input, before)
    const findings = enforceFindings(c.findings(), input.acceptWarnings)
    ctx.db
      .prepare(`UPDATE household SET ${householdColumns.map((col) => `${col} = ?`).join(', ')}, updated_at = datetime('now', 'localtime') WHERE id = ?`)
      .run(...householdValues(values), input.id)
    writeHouseholdKeys(ctx.db, input.id, values.headName, values.householdCode, values.idNo)
    const changed = (Object.keys(householdFields) as (keyof typeof householdFields)[])
      .filter((k) => JSON.stringify(before[k as keyof HouseholdValues]) !== JSON.stringify(values[k as keyof HouseholdValues]))
      .map((k) => householdFields[k].label)
    const { id: _id, ...beforeValues } = before
    recordAudit(ctx, {
      entity: 'household',
      entityId: input.id,
      entityName: values.headName,
      action: 'update',
      summary: changed.length ? `修改农户信息：${changed.join('、')}` : '保存农户信息（无改动）',
      before: householdSnapshot(beforeValues),
      after: householdSnapshot(values),
    })
    return { id: input.id, code: values.householdCode ?? '', findings }
  })()
}

/**
 * Deletes a household registered by mistake — only while no asset line hangs off it (the lines are
 * the ledger; they are deleted one by one first, each with its audit row). Its search terms go with it.
 */
export function deleteHousehold(ctx: ServiceContext, id: number): { id: number } {
  return ctx.db.transaction(() => {
    const before = loadHousehold(ctx, id)
    const lines = (ctx.db.prepare('SELECT count(*) AS n FROM household_asset_line WHERE household_id = ?').get(id) as { n: number }).n
    if (lines > 0) {
      throw new AppError('INVALID', `农户「${before.headName}」名下还有 ${lines} 条到户资产明细，不能删除；请先删除这些明细。`, [
        { level: 'E', field: 'id', label: '农户', message: `名下有 ${lines} 条到户资产明细` },
      ])
    }
    // The terms by their key (the table has no index by household), then the household.
    const source = ctx.db.prepare('SELECT search_source FROM household WHERE id = ?').pluck().get(id) as string
    if (source) {
      const [name, code, idNo] = source.split('\t')
      const remove = ctx.db.prepare('DELETE FROM household_term WHERE term = ? AND household_id = ?')
      for (const term of householdKeys(name, code || null, idNo).terms) remove.run(term, id)
    }
    ctx.db.prepare('DELETE FROM household WHERE id = ?').run(id)
    const { id: _id, ...values } = before
    recordAudit(ctx, {
      entity: 'household',
      entityId: id,
      entityName: before.headName,
      action: 'delete',
      summary: `删除农户「${before.headName}」（${placeName(ctx, before.villageCode)}）`,
      before: householdSnapshot(values),
    })
    return { id }
  })()
}

/** One household; the ID number, phone and bank account in full only with `reveal`. */
export function getHousehold(ctx: ServiceContext, input: { id: number; reveal: boolean }): HouseholdRow & { bankAccount: string } {
  const [row] = householdsByIds(ctx, [input.id])
  if (!row) throw notFound('农户', input.id)
  return toHouseholdRow(row, input.reveal)
}

/** Derived data missing after a raw import or a bulk load is rebuilt before a list reads it (checked once per change of the file). */
function ensureKeys(ctx: ServiceContext) {
  cached(ctx.db, 'households:derived', () => ensureHouseholdDerived(ctx.db))
}

export function listHouseholds(
  ctx: ServiceContext,
  input: HouseholdFilter & { sort: HouseholdSort; order: 'asc' | 'desc'; page: number; pageSize: number },
): { rows: HouseholdRow[]; total: number } {
  ensureKeys(ctx)
  return householdPage(ctx, input)
}

// ---------------------------------------------------------------- lines

const lineColumns = [
  'household_id',
  'asset_id',
  'project_name',
  'project_code',
  'project_year',
  'item',
  'subtype_code',
  'spec',
  'unit',
  'quantity',
  'standard',
  'amount',
  'self_raised',
  'fund_source',
  'issue_method',
  'issue_date',
  'tag_no',
  'current_quantity',
  'current_status',
] as const

function lineValues(input: HouseholdLineInput, normalised: { projectName: string; item: string; spec: string; projectCode: string }): unknown[] {
  return [
    input.householdId,
    input.assetId,
    normalised.projectName,
    normalised.projectCode,
    input.projectYear,
    normalised.item,
    input.subtypeCode,
    normalised.spec,
    normalizeText(input.unit),
    input.quantity,
    input.standardFen,
    input.amountFen,
    input.selfRaisedFen,
    input.fundSource,
    input.issueMethod,
    input.issueDate,
    normalizeText(input.tagNo),
    input.currentQuantity,
    input.currentStatus,
  ]
}

/** The audit snapshot of a line: its own fields (the household is named by the audit row). */
function lineSnapshot(ctx: ServiceContext, id: number) {
  return ctx.db
    .prepare(
      `SELECT household_id AS householdId, asset_id AS assetId, project_name AS projectName, project_code AS projectCode,
         project_year AS projectYear, item, subtype_code AS subtypeCode, spec, unit, quantity, standard AS standardFen, amount AS amountFen,
         self_raised AS selfRaisedFen, fund_source AS fundSource, issue_method AS issueMethod, issue_date AS issueDate, tag_no AS tagNo,
         current_quantity AS currentQuantity, current_status AS currentStatus
       FROM household_asset_line WHERE id = ?`,
    )
    .get(id) as Record<string, unknown> | undefined
}

export function createHouseholdLine(ctx: ServiceContext, input: HouseholdLineInput): SaveResult {
  return ctx.db.transaction(() => {
    const { c, household, values } = checkHouseholdLine(ctx, input)
    const findings = enforceFindings(c.findings(), input.acceptWarnings)
    // The household's region, sort key and attribute are copied here (the triggers would do it with a second write).
    const info = ctx.db
      .prepare(
        `INSERT INTO household_asset_line (${lineColumns.join(', ')}, town_code, village_code, head_key, attribute)
         SELECT ${lineColumns.map(() => '?').join(', ')}, h.town_code, h.village_code, h.sort_key, h.attribute FROM household h WHERE h.id = ?`,
      )
      .run(...lineValues(input, values), input.householdId)
    const id = Number(info.lastInsertRowid)
    recordAudit(ctx, {
      entity: 'household_line',
      entityId: id,
      entityName: household!.headName,
      action: 'create',
      summary: `登记到户资产「${values.item}」${input.quantity}${input.unit}（${values.projectName}）`,
      after: lineSnapshot(ctx, id),
    })
    return { id, code: '', findings }
  })()
}

export function updateHouseholdLine(ctx: ServiceContext, input: HouseholdLineInput & { id: number }): SaveResult {
  return ctx.db.transaction(() => {
    const before = lineSnapshot(ctx, input.id)
    if (!before) throw notFound('到户资产明细', input.id)
    const { c, household, values } = checkHouseholdLine(ctx, input, { id: input.id, subtypeCode: before.subtypeCode as string })
    const findings = enforceFindings(c.findings(), input.acceptWarnings)
    ctx.db.prepare(`UPDATE household_asset_line SET ${lineColumns.map((col) => `${col} = ?`).join(', ')} WHERE id = ?`).run(...lineValues(input, values), input.id)
    const after = lineSnapshot(ctx, input.id)!
    const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]))
    recordAudit(ctx, {
      entity: 'household_line',
      entityId: input.id,
      entityName: household!.headName,
      action: 'update',
      summary: changed.length ? `修改到户资产「${values.item}」` : `保存到户资产「${values.item}」（无改动）`,
      before,
      after,
    })
    return { id: input.id, code: '', findings }
  })()
}

/** Deletes one household asset line; the household's totals and the summary follow by trigger. */
export function deleteHouseholdLine(ctx: ServiceContext, id: number): { id: number } {
  return ctx.db.transaction(() => {
    const before = lineSnapshot(ctx, id)
    if (!before) throw notFound('到户资产明细', id)
    const head = ctx.db.prepare('SELECT head_name FROM household WHERE id = ?').pluck().get(before.householdId) as string
    ctx.db.prepare('DELETE FROM household_asset_line WHERE id = ?').run(id)
    recordAudit(ctx, {
      entity: 'household_line',
      entityId: id,
      entityName: head,
      action: 'delete',
      summary: `删除到户资产「${before.item}」${before.quantity}${before.unit}（${before.projectName}）`,
      before,
    })
    return { id }
  })()
}

export function listHouseholdLines(
  ctx: ServiceContext,
  input: LineFilter & { sort: LineSort; order: 'asc' | 'desc'; page: number; pageSize: number },
): { rows: HouseholdLineRow[]; total: number } {
  ensureKeys(ctx)
  const { ids, total } = linePageIds(ctx, input)
  return { rows: linesByIds(ctx, ids), total }
}

/** Count, Σ 补助金额 (as `originalValueFen`, the ledger totals' money field) and Σ 数量 of a filter. */
export function householdLineTotals(ctx: ServiceContext, filter: LineFilter): LedgerTotals & { quantity: number } {
  ensureKeys(ctx)
  const t = lineTotals(ctx, filter)
  return { count: t.count, originalValueFen: t.amountFen, quantity: t.quantity }
}
