import type { AssetLedgerRow, LedgerTotals, OverviewData } from '../../api/types/assets'
import type { ServiceContext } from '../context'
import { problemKinds, problemWhere } from './problems'
import { VOID_STATUS } from './rules'

/** 所有权单位 of asset `a`, joined with 、 ('' when it has none). */
export const ownerNamesSql = `coalesce((SELECT group_concat(o.name, '、') FROM asset_owner_share s JOIN org o ON o.id = s.owner_org_id WHERE s.asset_id = a.id), '')`

/** Joins behind asset `a`: 乡镇 t, 村 v, 子类 d, the active 管护 c and its custodian org co. */
export const assetJoins = `LEFT JOIN region t ON t.code = a.town_code
  LEFT JOIN region v ON v.code = a.village_code
  LEFT JOIN dict d ON d.type = 'asset_subtype' AND d.code = a.subtype_code
  LEFT JOIN asset_custody c ON c.asset_id = a.id AND c.active = 1
  LEFT JOIN org co ON co.id = c.custodian_org_id`

/** The latest active 经营 op of asset `a` and its operator org oo. */
export const assetOperationJoins = `LEFT JOIN asset_operation op ON op.id = (SELECT max(x.id) FROM asset_operation x WHERE x.asset_id = a.id AND x.active = 1)
  LEFT JOIN org oo ON oo.id = op.operator_org_id`

export interface LedgerFilter {
  class?: string
  townCode?: string
  villageCode?: string
  subtypeCode?: string
  fundYear?: number
  status?: string
  fundSource?: string
  owner?: string
  custodian?: string
  q?: string
  problem?: string
  includeVoided?: boolean
}

/** Voided assets (作废) stay in the table but leave the ledgers, totals and overview. */
export const liveAsset = (alias = 'a') => `${alias}.status <> '${VOID_STATUS}'`

/** Builds the WHERE clause of a ledger filter on asset `a`; every value is a bound parameter. */
export function ledgerWhere(filter: LedgerFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = []
  const params: Record<string, unknown> = {}
  if (!filter.includeVoided) parts.push(liveAsset())
  const eq = (column: string, key: keyof LedgerFilter) => {
    if (filter[key] === undefined || filter[key] === '') return
    parts.push(`${column} = @${key}`)
    params[key] = filter[key]
  }
  eq('a.class', 'class')
  eq('a.town_code', 'townCode')
  eq('a.village_code', 'villageCode')
  eq('a.fund_year', 'fundYear')
  eq('a.status', 'status')
  if (filter.subtypeCode) {
    parts.push('a.subtype_code LIKE @subtypeCode')
    params.subtypeCode = `${filter.subtypeCode}%`
  }
  if (filter.fundSource) {
    parts.push('EXISTS (SELECT 1 FROM asset_fund_source f WHERE f.asset_id = a.id AND f.source_type = @fundSource)')
    params.fundSource = filter.fundSource
  }
  if (filter.owner) {
    parts.push('EXISTS (SELECT 1 FROM asset_owner_share s JOIN org o ON o.id = s.owner_org_id WHERE s.asset_id = a.id AND o.name LIKE @owner)')
    params.owner = `%${filter.owner}%`
  }
  if (filter.custodian) {
    parts.push(`EXISTS (SELECT 1 FROM asset_custody c JOIN org o ON o.id = c.custodian_org_id
      WHERE c.asset_id = a.id AND c.active = 1 AND (o.name LIKE @custodian OR c.person LIKE @custodian))`)
    params.custodian = `%${filter.custodian}%`
  }
  if (filter.q) {
    parts.push('(a.code LIKE @q OR a.search_key LIKE @qKey)')
    params.q = `%${filter.q}%`
    params.qKey = `%${filter.q.toLowerCase()}%`
  }
  if (filter.problem) {
    const where = problemWhere(filter.problem)
    if (where) parts.push(`(${where})`)
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

const sortColumns: Record<string, string> = {
  code: 'a.code',
  name: 'a.name',
  fundYear: 'a.fund_year',
  originalValueFen: 'a.original_value',
  townName: 't.name',
  status: 'a.status',
  completeness: 'a.completeness',
}

export function listAssets(
  ctx: ServiceContext,
  input: LedgerFilter & { sort: string; order: 'asc' | 'desc'; page: number; pageSize: number },
): { rows: AssetLedgerRow[]; total: number } {
  const { sql, params } = ledgerWhere(input)
  const order = `${sortColumns[input.sort] ?? 'a.code'} ${input.order === 'desc' ? 'DESC' : 'ASC'}, a.id`
  const total = (ctx.db.prepare(`SELECT count(*) AS n FROM asset a ${sql}`).get(params) as { n: number }).n
  const rows = ctx.db
    .prepare(
      `SELECT a.id, a.code, a.name, a.class, coalesce(d.name, a.subtype_code) AS subtypeName, t.name AS townName, v.name AS villageName,
         a.fund_year AS fundYear, a.unit, a.quantity, a.original_value AS originalValueFen, a.status,
         ${ownerNamesSql} AS ownerNames,
         co.name AS custodianName, c.person AS custodianPerson, a.confirm_date AS confirmDate, a.handover_date AS handoverDate, a.completeness
       FROM asset a
       ${assetJoins}
       ${sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as AssetLedgerRow[]
  return { rows, total }
}

/** Count and Σ原值 of a filter; with 显示已作废 the count includes the voided ones, the sum never does. */
export function assetTotals(ctx: ServiceContext, filter: LedgerFilter): LedgerTotals {
  const { sql, params } = ledgerWhere(filter)
  if (!filter.includeVoided) {
    return ctx.db.prepare(`SELECT count(*) AS count, coalesce(sum(a.original_value), 0) AS originalValueFen FROM asset a ${sql}`).get(params) as LedgerTotals
  }
  return ctx.db
    .prepare(
      `SELECT count(*) AS count, coalesce(sum(CASE WHEN ${liveAsset()} THEN a.original_value ELSE 0 END), 0) AS originalValueFen,
         coalesce(sum(CASE WHEN ${liveAsset()} THEN 0 ELSE 1 END), 0) AS voidedCount FROM asset a ${sql}`,
    )
    .get(params) as LedgerTotals
}

export function overview(ctx: ServiceContext): OverviewData {
  const all = <T>(sql: string) => ctx.db.prepare(sql).all() as T[]
  const sums = 'count(*) AS count, coalesce(sum(a.original_value), 0) AS originalValueFen'
  const progress = ctx.db
    .prepare(
      `SELECT count(*) AS total, count(a.confirm_date) AS confirmed, count(a.handover_date) AS handedOver,
         sum(EXISTS (SELECT 1 FROM asset_custody c WHERE c.asset_id = a.id AND c.active = 1)) AS inCustody
       FROM asset a WHERE a.class <> '到户类' AND ${liveAsset()}`,
    )
    .get() as OverviewData['progress']
  return {
    byClass: all(`SELECT a.class, ${sums} FROM asset a WHERE ${liveAsset()} GROUP BY a.class ORDER BY CASE a.class WHEN '公益类' THEN 1 WHEN '经营类' THEN 2 ELSE 3 END`),
    // count(a.id), not count(*): a town without assets joins one all-NULL row and must count 0.
    byTown: all(`SELECT t.code AS townCode, t.name AS townName, count(a.id) AS count, coalesce(sum(a.original_value), 0) AS originalValueFen
      FROM region t LEFT JOIN asset a ON a.town_code = t.code AND ${liveAsset()}
      WHERE t.level = 4 AND t.active = 1 GROUP BY t.code ORDER BY t.sort, t.code`),
    byYear: all(`SELECT a.fund_year AS year, ${sums} FROM asset a WHERE ${liveAsset()} GROUP BY a.fund_year ORDER BY a.fund_year`),
    byStatus: all(`SELECT a.status, ${sums} FROM asset a WHERE ${liveAsset()} GROUP BY a.status ORDER BY count(*) DESC`),
    progress: { ...progress, inCustody: progress.inCustody ?? 0 },
    problems: problemKinds.map((p) => ({
      kind: p.kind,
      count: (ctx.db.prepare(`SELECT count(*) AS n FROM asset a WHERE ${p.where}`).get() as { n: number }).n,
    })),
    households: ctx.db
      .prepare(
        `SELECT (SELECT count(*) FROM household) AS count, count(*) AS lines, coalesce(sum(amount), 0) AS amountFen FROM household_asset_line`,
      )
      .get() as OverviewData['households'],
  }
}
