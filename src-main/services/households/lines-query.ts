import type { HouseholdLineRow } from '../../api/types/households'
import { maskIdCard } from '../../domain/id-card'
import type { ServiceContext } from '../context'
import { cached } from './count-cache'
import { householdMatch } from './search-text'

/**
 * The household line ledger (到户类资产台账) at a million lines. Filters, counts, sums and sorted pages
 * run in SQL on the tables and indexes of migration 003, with the access path chosen here from exact
 * counts rather than left to the planner (a ledger file has no statistics, and a wrong guess costs
 * seconds; reading a line's row costs ~50 times stepping over an index entry):
 *
 * - counts and sums of town / year / sub-type / fund source / status / attribute filters come from
 *   `hal_summary` (cells, not lines); with a village, a household, an asset or a text they are
 *   counted on a covering index;
 * - a page is taken from the filtered set on the plan's covering index — hal_main, led by the
 *   summary's key: the summary cells the filter matches are exactly the ranges to seek, so only
 *   matching entries are stepped over; hal_village for a village; hal_household for one household or
 *   a text search; hal_asset for one asset — or, when most lines match, by walking the sort key's own
 *   index and skipping the lines that do not. A walk has a budget of rows: should the filter and the
 *   sort order go together after all, the budget runs out and the page is taken from the filtered set;
 * - only the ids of the page are read in full, with their household and region names.
 */
export interface LineFilter {
  townCode?: string
  villageCode?: string
  attribute?: string
  q?: string
  projectYear?: number
  subtypeCode?: string
  currentStatus?: string
  fundSource?: string
  householdId?: number
  assetId?: number
}

export type LineSort = 'id' | 'headName' | 'villageName' | 'projectYear' | 'amountFen' | 'issueDate' | 'item'

type Plan = 'household' | 'asset' | 'village' | 'main' | 'all'

const present = <T>(v: T | undefined | null | ''): v is T => v !== undefined && v !== null && v !== ''

interface Normalised {
  townCode?: string
  villageCode?: string
  attribute?: string
  projectYear?: number
  /** An exact sub-type code, or a prefix (「H0」) as a range. */
  subtype?: { eq: string } | { from: string; to: string }
  currentStatus?: string
  fundSource?: string
  householdId?: number
  assetId?: number
  match: ReturnType<typeof householdMatch>
}

function normalise(ctx: ServiceContext, f: LineFilter): Normalised {
  let townCode = present(f.townCode) ? f.townCode : undefined
  if (present(f.villageCode) && !townCode) {
    // The lines' town and village are the household's, which the services take from the region table.
    townCode = (ctx.db.prepare('SELECT parent_code AS town FROM region WHERE code = ?').pluck().get(f.villageCode) as string | null | undefined) ?? undefined
  }
  let subtype: Normalised['subtype']
  if (present(f.subtypeCode)) {
    const longer = ctx.db.prepare("SELECT 1 FROM dict WHERE type = 'asset_subtype' AND code > ? AND code < ?").get(f.subtypeCode, `${f.subtypeCode}~`)
    subtype = longer ? { from: f.subtypeCode, to: `${f.subtypeCode}~` } : { eq: f.subtypeCode }
  }
  return {
    townCode,
    villageCode: present(f.villageCode) ? f.villageCode : undefined,
    attribute: present(f.attribute) ? f.attribute : undefined,
    projectYear: present(f.projectYear) ? f.projectYear : undefined,
    subtype,
    currentStatus: present(f.currentStatus) ? f.currentStatus : undefined,
    fundSource: present(f.fundSource) ? f.fundSource : undefined,
    householdId: present(f.householdId) ? f.householdId : undefined,
    assetId: present(f.assetId) ? f.assetId : undefined,
    match: householdMatch(f.q),
  }
}

/** Filters the summary answers: no village, household, asset or text. */
const summarisable = (n: Normalised) => !n.villageCode && n.householdId === undefined && n.assetId === undefined && !n.match

function planOf(n: Normalised): Plan {
  if (n.householdId !== undefined || n.match) return 'household'
  if (n.assetId !== undefined) return 'asset'
  if (n.villageCode) return 'village'
  if (n.projectYear !== undefined || n.townCode || n.currentStatus || n.subtype || n.fundSource || n.attribute) return 'main'
  return 'all'
}

/** A WHERE clause under construction; `tag` keeps its parameter names apart from another's it is merged with. */
class Sql {
  parts: string[] = []
  params: Record<string, unknown> = {}
  private n = 0
  constructor(private readonly tag = 'p') {}
  private name(value: unknown) {
    const name = `${this.tag}${this.n++}`
    this.params[name] = value
    return `@${name}`
  }
  eq(column: string, value: unknown) {
    this.parts.push(`${column} = ${this.name(value)}`)
  }
  range(column: string, from: string, to: string) {
    this.parts.push(`${column} >= ${this.name(from)} AND ${column} < ${this.name(to)}`)
  }
  raw(sql: string, params: Record<string, unknown> = {}) {
    this.parts.push(sql)
    Object.assign(this.params, params)
  }
  get where() {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : ''
  }
  get condition() {
    return this.parts.length ? this.parts.join(' AND ') : '1'
  }
}

/** The key of a summary cell, which is also how hal_main begins. */
const cellColumns = ['town_code', 'project_year', 'subtype_code', 'fund_source', 'current_status', 'attribute']

/** The filter's conditions on the summary's columns (no alias): for hal_summary itself, or a cell-by-cell seek of hal_main. */
function summaryWhere(n: Normalised): Sql {
  const s = new Sql('c')
  if (n.townCode) s.eq('town_code', n.townCode)
  if (n.projectYear !== undefined) s.eq('project_year', n.projectYear)
  if (n.subtype && 'eq' in n.subtype) s.eq('subtype_code', n.subtype.eq)
  else if (n.subtype) s.range('subtype_code', n.subtype.from, n.subtype.to)
  if (n.fundSource) s.eq('fund_source', n.fundSource)
  if (n.currentStatus) s.eq('current_status', n.currentStatus)
  if (n.attribute) s.eq('attribute', n.attribute)
  return s
}

export interface LineTotals {
  count: number
  amountFen: number
  quantity: number
}

/** Empty sums are 0, and quantities (REAL, e.g. 2.5 亩) lose the binary noise of their sum. */
const tidy = (t: LineTotals): LineTotals => ({ count: t.count ?? 0, amountFen: t.amountFen ?? 0, quantity: Math.round((t.quantity ?? 0) * 1e6) / 1e6 })

const allCells = (ctx: ServiceContext) => cached(ctx.db, 'lines:cells', () => ctx.db.prepare('SELECT count(*) FROM hal_summary').pluck().get() as number)

interface SummaryStats extends LineTotals {
  /** The summary cells the filter matches: the ranges a hal_main page seeks. */
  cells: number
}

/** Totals and matching cells of the filter's summary part, in one pass over the summary. */
function summaryStats(ctx: ServiceContext, n: Normalised): SummaryStats {
  const s = summaryWhere(n)
  return cached(ctx.db, `lines:summary:${s.where}:${JSON.stringify(s.params)}`, () => {
    const row = ctx.db
      .prepare(`SELECT count(*) AS cells, sum(n) AS count, sum(amount) AS amountFen, sum(quantity) AS quantity FROM hal_summary ${s.where}`)
      .get(s.params) as SummaryStats
    return { ...tidy(row), cells: row.cells }
  })
}

/** The filter as a WHERE on lines `l`, shaped for a plan's index; `seeks` counts the ranges the index is entered at. */
function whereFor(ctx: ServiceContext, n: Normalised, plan: Plan): { sql: Sql; seeks: number } {
  const s = new Sql()
  const seeks = 1
  const subtype = () => {
    if (n.subtype && 'eq' in n.subtype) s.eq('l.subtype_code', n.subtype.eq)
    else if (n.subtype) s.range('l.subtype_code', n.subtype.from, n.subtype.to)
  }
  const flags = () => {
    subtype()
    if (n.fundSource) s.eq('l.fund_source', n.fundSource)
    if (n.attribute) s.eq('l.attribute', n.attribute)
  }

  if (plan === 'household') {
    // One household or a text search: the household's own columns answer region and attribute.
    const h = new Sql('h')
    if (n.householdId !== undefined) h.eq('h.id', n.householdId)
    if (n.match) h.raw(n.match.sql, n.match.params)
    if (n.townCode) h.eq('h.town_code', n.townCode)
    if (n.villageCode) h.eq('h.village_code', n.villageCode)
    if (n.attribute) h.eq('h.attribute', n.attribute)
    if (h.parts.length === 1 && n.householdId !== undefined) s.eq('l.household_id', n.householdId)
    // With a text search, the households its terms find are looked up by id (NOT INDEXED keeps the planner from scanning a town instead).
    else s.raw(`l.household_id IN (SELECT h.id FROM household h ${n.match ? 'NOT INDEXED' : ''} WHERE ${h.condition})`, h.params)
    if (n.projectYear !== undefined) s.eq('l.project_year', n.projectYear)
    subtype()
    if (n.fundSource) s.eq('l.fund_source', n.fundSource)
    if (n.currentStatus) s.eq('l.current_status', n.currentStatus)
    if (n.assetId !== undefined) s.eq('l.asset_id', n.assetId)
    return { sql: s, seeks }
  }
  if (plan === 'village') {
    // hal_village: (town_code, village_code, project_year, …) holds every other filter column.
    s.eq('l.town_code', n.townCode ?? '')
    s.eq('l.village_code', n.villageCode)
    if (n.projectYear !== undefined) s.eq('l.project_year', n.projectYear)
    subtype()
    if (n.fundSource) s.eq('l.fund_source', n.fundSource)
    if (n.currentStatus) s.eq('l.current_status', n.currentStatus)
    if (n.attribute) s.eq('l.attribute', n.attribute)
    return { sql: s, seeks }
  }
  if (plan === 'main') {
    // hal_main starts with the summary's key: seek each matching cell, then the village.
    const cells = summaryWhere(n)
    s.raw(`(l.${cellColumns.join(', l.')}) IN (SELECT ${cellColumns.join(', ')} FROM hal_summary ${cells.where})`, cells.params)
    return { sql: s, seeks: summaryStats(ctx, n).cells }
  }
  // The asset plan (and a walk) check every condition on the row.
  if (n.projectYear !== undefined) s.eq('l.project_year', n.projectYear)
  if (n.townCode) s.eq('l.town_code', n.townCode)
  if (n.villageCode) s.eq('l.village_code', n.villageCode)
  if (n.currentStatus) s.eq('l.current_status', n.currentStatus)
  flags()
  if (n.assetId !== undefined) s.eq('l.asset_id', n.assetId)
  return { sql: s, seeks }
}

const planIndex: Record<Plan, string> = {
  household: 'INDEXED BY hal_household',
  asset: 'INDEXED BY hal_asset',
  village: 'INDEXED BY hal_village',
  main: 'INDEXED BY hal_main',
  all: 'INDEXED BY hal_household',
}

function totalsOf(ctx: ServiceContext, n: Normalised): LineTotals {
  return cached(ctx.db, `lines:totals:${JSON.stringify(n)}`, () => {
    if (summarisable(n)) {
      const { count, amountFen, quantity } = summaryStats(ctx, n)
      return { count, amountFen, quantity }
    }
    const plan = planOf(n)
    const { sql } = whereFor(ctx, n, plan)
    return tidy(
      ctx.db
        .prepare(`SELECT count(*) AS count, sum(l.amount) AS amountFen, sum(l.quantity) AS quantity FROM household_asset_line l ${planIndex[plan]} ${sql.where}`)
        .get(sql.params) as LineTotals,
    )
  })
}

export function lineTotals(ctx: ServiceContext, filter: LineFilter): LineTotals {
  return totalsOf(ctx, normalise(ctx, filter))
}

/**
 * The ORDER BY of each sort (ties by id in the same direction, so an index can be walked either way),
 * the index to walk, the plans whose index holds the key, and the filters that go together with the
 * order (walking it would skip a long run of lines first: a year's issue dates are all in one stretch).
 */
const sorts: Record<LineSort, { columns: string[]; walk: string; covered: Plan[]; correlated: (keyof Normalised)[] }> = {
  id: { columns: ['l.id'], walk: 'NOT INDEXED', covered: ['household', 'asset', 'village', 'main'], correlated: [] },
  headName: { columns: ['l.head_key', 'l.id'], walk: 'INDEXED BY hal_head', covered: ['village', 'main'], correlated: [] },
  villageName: { columns: ['l.town_code', 'l.village_code', 'l.head_key', 'l.id'], walk: 'INDEXED BY hal_village', covered: ['village', 'main'], correlated: [] },
  projectYear: { columns: ['l.project_year', 'l.id'], walk: 'INDEXED BY hal_year_sort', covered: ['household', 'village', 'main'], correlated: [] },
  amountFen: { columns: ['l.amount', 'l.id'], walk: 'INDEXED BY hal_amount', covered: ['household', 'village', 'main'], correlated: ['subtype'] },
  issueDate: { columns: ['l.issue_date', 'l.id'], walk: 'INDEXED BY hal_issue', covered: ['household', 'village', 'main'], correlated: ['projectYear'] },
  item: { columns: ['l.item', 'l.id'], walk: 'INDEXED BY hal_item', covered: ['household', 'village', 'main'], correlated: ['subtype'] },
}

/** Conditions a walk can seek by: equalities on the leading columns of its index, which leave the order intact. */
function walkPrefix(sort: LineSort, n: Normalised): Sql {
  const s = new Sql('w')
  if (sort === 'villageName' && n.townCode) {
    s.eq('l.town_code', n.townCode)
    if (n.villageCode) s.eq('l.village_code', n.villageCode)
  }
  if (sort === 'projectYear' && n.projectYear !== undefined) s.eq('l.project_year', n.projectYear)
  return s
}

/** Relative costs, measured at a million lines: a row read by id ≈ 7 µs, an index entry stepped over ≈ 0.1 µs, a seek into a big index ≈ 5 µs. */
const ROW = 1
const ENTRY = 0.015
const SEEK = 0.7

export interface LinePageInput extends LineFilter {
  sort: LineSort
  order: 'asc' | 'desc'
  page: number
  pageSize: number
}

/** The ids of one page, the total, and how the page was found (for tests and measurements). */
export function linePageIds(ctx: ServiceContext, input: LinePageInput): { ids: number[]; total: number; strategy: string } {
  const n = normalise(ctx, input)
  const plan = planOf(n)
  const all = cached(ctx.db, 'lines:all', () => ctx.db.prepare('SELECT count(*) FROM household_asset_line').pluck().get() as number)
  const total = plan === 'all' ? all : totalsOf(ctx, n).count
  const offset = (input.page - 1) * input.pageSize
  if (total === 0 || offset >= total) return { ids: [], total, strategy: 'empty' }

  const sortName: LineSort = input.sort in sorts ? input.sort : 'id'
  const sort = sorts[sortName]
  const dir = input.order === 'desc' ? 'DESC' : 'ASC'
  const orderBy = sort.columns.map((c) => `${c} ${dir}`).join(', ')
  const page = { limit: input.pageSize, offset }
  const ids = (sql: string, params: Record<string, unknown>) => ctx.db.prepare(sql).pluck().all({ ...params, ...page }) as number[]

  if (plan === 'all') {
    return { ids: ids(`SELECT l.id FROM household_asset_line l ${sort.walk} ORDER BY ${orderBy} LIMIT @limit OFFSET @offset`, {}), total, strategy: `walk:${sort.walk}` }
  }
  const { sql, seeks } = whereFor(ctx, n, plan)
  const fromFilter = () => ids(`SELECT l.id FROM household_asset_line l ${planIndex[plan]} ${sql.where} ORDER BY ${orderBy} LIMIT @limit OFFSET @offset`, sql.params)

  // Filter first: find the cells (a pass over the summary unless a town narrows it), seek them, step over the
  // matches (reading each row when the index lacks the sort key), sort.
  const cellsRead = plan === 'main' ? (n.townCode ? seeks : allCells(ctx)) : 0
  const filterCost = cellsRead * ENTRY + seeks * SEEK + total * (sort.covered.includes(plan) ? 2 * ENTRY : ROW + ENTRY)
  // Walk: rows read until the page is full, if matches are spread evenly over the sort order (not so for correlated filters).
  const prefix = walkPrefix(sortName, n)
  const spanFilter: Normalised =
    sortName === 'villageName' ? { match: null, townCode: n.townCode, villageCode: n.villageCode } : { match: null, projectYear: n.projectYear }
  const span = prefix.parts.length ? totalsOf(ctx, spanFilter).count : all
  const correlated = sort.correlated.some((k) => n[k] !== undefined)
  const walkRows = ((offset + input.pageSize) * span) / total
  if (plan !== 'asset' && !correlated && walkRows * ROW < filterCost) {
    // A budget of rows: four times the estimate.
    const residual = plan === 'household' ? sql : whereFor(ctx, n, 'asset').sql
    const budget = Math.ceil(walkRows * 4) + 200
    const found = ids(
      `SELECT id FROM (SELECT l.id AS id, (${residual.condition}) AS ok FROM household_asset_line l ${sort.walk} ${prefix.where}
         ORDER BY ${orderBy} LIMIT @budget)
       WHERE ok LIMIT @limit OFFSET @offset`,
      { ...residual.params, ...prefix.params, budget },
    )
    if (found.length === Math.min(input.pageSize, total - offset)) return { ids: found, total, strategy: `walk:${sort.walk}` }
    return { ids: fromFilter(), total, strategy: `walk-budget-spent:${planIndex[plan]}` }
  }
  return { ids: fromFilter(), total, strategy: `filter:${planIndex[plan]}` }
}

/**
 * A line's columns as read by `linesByIds`, in the order of `LineTuple`. Rows are read as arrays and
 * made into objects here: better-sqlite3 builds a 26-field row object field by field, which made
 * reading the lines a third of an export's time.
 */
const LINE_COLUMNS = `l.id, l.household_id, h.head_name, h.id_no, h.attribute, coalesce(t.name, ''), coalesce(v.name, ''), h.group_name,
  l.asset_id, l.project_name, l.project_code, l.project_year, l.item, l.subtype_code, l.spec, l.unit,
  l.quantity, l.standard, l.amount, l.self_raised, l.fund_source, l.issue_method, l.issue_date, l.tag_no,
  l.current_quantity, l.current_status`
type LineTuple = [
  number, number, string, string, string, string, string, string,
  number | null, string, string, number, string, string, string, string,
  number, number, number, number, string, string, string, string,
  number | null, string,
]
const lineOf = ([
  id, householdId, headName, idNo, attribute, townName, villageName, groupName,
  assetId, projectName, projectCode, projectYear, item, subtypeCode, spec, unit,
  quantity, standardFen, amountFen, selfRaisedFen, fundSource, issueMethod, issueDate, tagNo,
  currentQuantity, currentStatus,
]: LineTuple): HouseholdLineRow => ({
  id, householdId, headName, idNo: maskIdCard(idNo), attribute, townName, villageName, groupName,
  assetId, projectName, projectCode, projectYear, item, subtypeCode, spec, unit,
  quantity, standardFen, amountFen, selfRaisedFen, fundSource, issueMethod, issueDate, tagNo,
  currentQuantity, currentStatus,
})

/** The full rows of the given line ids, in that order, with the head's ID masked. */
export function linesByIds(ctx: ServiceContext, ids: number[]): HouseholdLineRow[] {
  if (ids.length === 0) return []
  const tuples = ctx.db
    .prepare(
      `SELECT ${LINE_COLUMNS}
       FROM household_asset_line l
       JOIN household h ON h.id = l.household_id
       LEFT JOIN region t ON t.code = l.town_code
       LEFT JOIN region v ON v.code = l.village_code
       WHERE l.id IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(JSON.stringify(ids)) as LineTuple[]
  const byId = new Map<number, HouseholdLineRow>()
  for (const t of tuples) byId.set(t[0], lineOf(t))
  return ids.map((id) => byId.get(id)).filter((r): r is HouseholdLineRow => r !== undefined)
}
