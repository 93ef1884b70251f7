import type { HouseholdRow } from '../../api/types/households'
import { maskBankCard, maskPhone } from '../../domain/contact'
import { maskIdCard } from '../../domain/id-card'
import type { ServiceContext } from '../context'
import { cached } from './count-cache'
import { householdMatch } from './search-text'

export interface HouseholdFilter {
  townCode?: string
  villageCode?: string
  attribute?: string
  q?: string
}

export type HouseholdSort = 'headName' | 'villageName' | 'size' | 'attribute' | 'amountFen'

/**
 * Every column a household list filters or sorts by is in `household_list` (town, village, sort key,
 * attribute, size, amount total), so a count or a sorted page can read that index only. When most
 * households match, a page walks its sort order's own index instead (with a budget of rows, as the
 * line ledger does); a text search starts from the households its terms find (see search-text.ts).
 */
const sortColumns: Record<HouseholdSort, { columns: string[]; walk?: string; walkLeads?: 'town' | 'attribute' }> = {
  headName: { columns: ['h.sort_key', 'h.id'], walk: 'household_sort' },
  villageName: { columns: ['h.town_code', 'h.village_code', 'h.sort_key', 'h.id'], walk: 'household_list', walkLeads: 'town' },
  size: { columns: ['h.size', 'h.sort_key', 'h.id'] },
  attribute: { columns: ['h.attribute', 'h.sort_key', 'h.id'], walk: 'household_attribute', walkLeads: 'attribute' },
  amountFen: { columns: ['h.amount_total', 'h.id'], walk: 'household_amount' },
}

const present = <T>(v: T | undefined | null | ''): v is T => v !== undefined && v !== null && v !== ''

/** Relative costs: a household row read by id, a household_list entry stepped over (see lines-query.ts). */
const ROW = 1
const ENTRY = 0.015

function buildHouseholdFilter(ctx: ServiceContext, filter: HouseholdFilter) {
  const parts: string[] = []
  const params: Record<string, unknown> = {}
  let townCode = present(filter.townCode) ? filter.townCode : undefined
  if (present(filter.villageCode) && !townCode) {
    townCode = (ctx.db.prepare('SELECT parent_code AS town FROM region WHERE code = ?').get(filter.villageCode) as { town: string } | undefined)?.town
  }
  if (townCode) {
    parts.push('h.town_code = @townCode')
    params.townCode = townCode
  }
  if (present(filter.villageCode)) {
    parts.push('h.village_code = @villageCode')
    params.villageCode = filter.villageCode
  }
  if (present(filter.attribute)) {
    parts.push('h.attribute = @attribute')
    params.attribute = filter.attribute
  }
  const match = householdMatch(filter.q)
  if (match) {
    parts.push(match.sql)
    Object.assign(params, match.params)
  }
  return {
    // A text search looks households up by id (NOT INDEXED still allows rowid lookups).
    access: match ? 'NOT INDEXED' : townCode ? 'INDEXED BY household_list' : present(filter.attribute) ? 'INDEXED BY household_attribute' : '',
    searched: !!match,
    townCode,
    attribute: present(filter.attribute) ? filter.attribute : undefined,
    where: parts.length ? `WHERE ${parts.join(' AND ')}` : '',
    condition: parts.length ? parts.join(' AND ') : '1',
    params,
  }
}

interface HouseholdDbRow {
  id: number
  householdCode: string | null
  headName: string
  idNo: string
  size: number
  attribute: string
  riskEliminated: number | null
  exitYear: number | null
  townCode: string
  townName: string
  villageCode: string
  villageName: string
  groupName: string
  phone: string
  bankAccount: string
  lineCount: number
  amountFen: number
}

export const selectHousehold = `SELECT h.id, h.household_code AS householdCode, h.head_name AS headName, h.id_no AS idNo, h.size, h.attribute,
    h.risk_eliminated AS riskEliminated, h.exit_year AS exitYear, h.town_code AS townCode, coalesce(t.name, '') AS townName,
    h.village_code AS villageCode, coalesce(v.name, '') AS villageName, h.group_name AS groupName, h.phone, h.bank_account AS bankAccount,
    h.line_count AS lineCount, h.amount_total AS amountFen
  FROM household h
  LEFT JOIN region t ON t.code = h.town_code
  LEFT JOIN region v ON v.code = h.village_code`

/** A stored household as the contract shows it; ID, phone and bank account masked unless `reveal`. */
export function toHouseholdRow(r: HouseholdDbRow, reveal = false): HouseholdRow & { bankAccount: string } {
  const { riskEliminated, ...rest } = r
  return {
    ...rest,
    riskEliminated: riskEliminated === null ? null : riskEliminated === 1,
    idNo: reveal ? r.idNo : maskIdCard(r.idNo),
    phone: reveal ? r.phone : maskPhone(r.phone),
    bankAccount: reveal ? r.bankAccount : maskBankCard(r.bankAccount),
  }
}

export function householdsByIds(ctx: ServiceContext, ids: number[]): HouseholdDbRow[] {
  if (ids.length === 0) return []
  const rows = ctx.db.prepare(`${selectHousehold} WHERE h.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as HouseholdDbRow[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.map((id) => byId.get(id)).filter((r): r is HouseholdDbRow => r !== undefined)
}

export function householdPage(
  ctx: ServiceContext,
  input: HouseholdFilter & { sort: HouseholdSort; order: 'asc' | 'desc'; page: number; pageSize: number },
): { rows: HouseholdRow[]; total: number } {
  const built = buildHouseholdFilter(ctx, input)
  const total = cached(ctx.db, `households:${built.where}:${JSON.stringify(built.params)}`, () =>
    built.where === ''
      ? (ctx.db.prepare('SELECT count(*) AS n FROM household').get() as { n: number }).n
      : (ctx.db.prepare(`SELECT count(*) AS n FROM household h ${built.access} ${built.where}`).get(built.params) as { n: number }).n,
  )
  const offset = (input.page - 1) * input.pageSize
  if (total === 0 || offset >= total) return { rows: [], total }
  const dir = input.order === 'desc' ? 'DESC' : 'ASC'
  const sort = sortColumns[input.sort] ?? sortColumns.villageName
  const orderBy = sort.columns.map((c) => `${c} ${dir}`).join(', ')
  const page = { ...built.params, limit: input.pageSize, offset }
  const fromFilter = () =>
    ctx.db.prepare(`SELECT h.id FROM household h ${built.access} ${built.where} ORDER BY ${orderBy} LIMIT @limit OFFSET @offset`).pluck().all(page) as number[]

  // Filter first: step over the filtered households on household_list (index only) and sort them. Walk: read
  // households in the sort order until the page is full (a row each, unless the walk index holds the filter).
  const all = cached(ctx.db, 'households:all', () => ctx.db.prepare('SELECT count(*) FROM household').pluck().get() as number)
  let ids: number[] | null = null
  if (sort.walk && !built.searched && total > 0) {
    const leading = sort.walkLeads === 'town' ? built.townCode : sort.walkLeads === 'attribute' ? built.attribute : undefined
    const span = leading === undefined ? all : total
    const rowCost = sort.walk === 'household_list' ? ENTRY : ROW
    const walkCost = (((offset + input.pageSize) * span) / total) * rowCost
    const filterCost = (built.townCode ? total : all) * ENTRY + total * 2 * ENTRY
    if (walkCost < filterCost) {
      const prefix = leading === undefined ? '' : sort.walkLeads === 'town' ? 'WHERE h.town_code = @townCode' : 'WHERE h.attribute = @attribute'
      const budget = Math.ceil(((offset + input.pageSize) * span) / total) * 4 + 200
      const found = ctx.db
        .prepare(
          `SELECT id FROM (SELECT h.id AS id, (${built.condition}) AS ok FROM household h INDEXED BY ${sort.walk} ${prefix} ORDER BY ${orderBy} LIMIT @budget)
           WHERE ok LIMIT @limit OFFSET @offset`,
        )
        .pluck()
        .all({ ...page, budget }) as number[]
      if (found.length === Math.min(input.pageSize, total - offset)) ids = found
    }
  }
  ids ??= fromFilter()
  const rows = householdsByIds(ctx, ids).map((r) => {
    const { bankAccount: _b, ...row } = toHouseholdRow(r)
    return row
  })
  return { rows, total }
}
