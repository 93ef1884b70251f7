import type { ProblemKind, ProblemRow } from '../../api/types/assets'
import type { ServiceContext } from '../context'
import { withUnregisteredProjects } from '../projects/problems'
import { notInUseStatuses, VOID_STATUS } from './rules'

/** Statuses in which an asset no longer needs custody, hand-over or measures. */
const ended = `('已处置', '已报废', '已核销', '灭失')`
const yuanSql = (expr: string) => `printf('%d.%02d', (${expr}) / 100, (${expr}) % 100)`
const fundSum = '(SELECT coalesce(sum(f.amount), 0) FROM asset_fund_source f WHERE f.asset_id = a.id)'

/**
 * The county problem list (问题清单): each kind is a condition on an asset row `a` and a message,
 * both in SQL, so the list is always computed from the current data and clears itself when fixed.
 */
const kinds: { kind: ProblemKind; where: string; message: string }[] = [
  {
    kind: '无管护主体',
    // the same statuses as the save rule of §7.7 (rules.ts needsCustody)
    where: `a.class IN ('公益类', '经营类') AND a.status NOT IN (${notInUseStatuses.map((s) => `'${s}'`).join(', ')})
      AND NOT EXISTS (SELECT 1 FROM asset_custody c WHERE c.asset_id = a.id AND c.active = 1)`,
    message: `'未指定管护主体和管护责任人'`,
  },
  {
    kind: '无所有权人',
    where: `a.class IN ('公益类', '经营类') AND a.status NOT IN ${ended}
      AND NOT EXISTS (SELECT 1 FROM asset_owner_share s WHERE s.asset_id = a.id)`,
    message: `'尚未确权，没有所有权人'`,
  },
  {
    kind: '已确权未移交',
    where: `a.confirm_date IS NOT NULL AND a.handover_date IS NULL AND a.class <> '到户类' AND a.status NOT IN ${ended}`,
    message: `'已于 ' || a.confirm_date || ' 确权，尚未移交'`,
  },
  {
    kind: '闲置无盘活措施',
    where: `a.status IN ('闲置', '低效') AND trim(a.revitalize_measures) = ''`,
    message: `'状态为' || a.status || '，未填写盘活措施'`,
  },
  {
    kind: '资金来源与原值不符',
    where: `a.original_value <> ${fundSum}`,
    message: `'资金来源合计 ' || ${yuanSql(fundSum)} || ' 元，资产原值 ' || ${yuanSql('a.original_value')} || ' 元'`,
  },
  {
    kind: '日期顺序',
    where: `(a.start_date > a.completion_date OR a.completion_date > a.acceptance_date
      OR a.acceptance_date > a.handover_date OR a.acceptance_date > a.confirm_date)`,
    message: `CASE
      WHEN a.start_date > a.completion_date THEN '开工日期 ' || a.start_date || ' 晚于完工日期 ' || a.completion_date
      WHEN a.completion_date > a.acceptance_date THEN '完工日期 ' || a.completion_date || ' 晚于验收日期 ' || a.acceptance_date
      WHEN a.acceptance_date > a.handover_date THEN '验收日期 ' || a.acceptance_date || ' 晚于移交日期 ' || a.handover_date
      ELSE '验收日期 ' || a.acceptance_date || ' 晚于确权日期 ' || a.confirm_date END`,
  },
]

/** Every kind leaves voided assets (作废) out: they are not part of the ledgers any more. */
export const problemKinds = kinds.map((p) => ({ ...p, where: `a.status <> '${VOID_STATUS}' AND (${p.where})` }))

export const problemWhere = (kind: string) => problemKinds.find((p) => p.kind === kind)?.where

export function problemsOfAsset(ctx: ServiceContext, id: number): { kind: string; message: string }[] {
  const sql = problemKinds.map((p) => `SELECT '${p.kind}' AS kind, ${p.message} AS message FROM asset a WHERE a.id = ? AND (${p.where})`).join(' UNION ALL ')
  return ctx.db.prepare(sql).all(...problemKinds.map(() => id)) as { kind: string; message: string }[]
}

export function listProblems(
  ctx: ServiceContext,
  input: { kind?: string; townCode?: string; page: number; pageSize: number },
): { rows: ProblemRow[]; total: number; counts: { kind: string; count: number }[] } {
  const town = input.townCode ? ' AND a.town_code = @town' : ''
  const params = { town: input.townCode ?? null }
  const counts = problemKinds.map((p) => ({
    kind: p.kind,
    count: (ctx.db.prepare(`SELECT count(*) AS n FROM asset a WHERE (${p.where})${town}`).get(params) as { n: number }).n,
  }))
  const kinds = problemKinds.filter((p) => !input.kind || p.kind === input.kind)
  const union = kinds
    .map(
      (p, i) => `SELECT ${i} AS ord, '${p.kind}' AS kind, a.id AS assetId, a.code AS assetCode, a.name AS assetName, a.class,
        t.name AS townName, v.name AS villageName, ${p.message} AS message
      FROM asset a LEFT JOIN region t ON t.code = a.town_code LEFT JOIN region v ON v.code = a.village_code
      WHERE (${p.where})${town}`,
    )
    .join(' UNION ALL ')
  const rows = union
    ? (ctx.db
        .prepare(`SELECT kind, assetId, assetCode, assetName, class, townName, villageName, message FROM (${union}) ORDER BY ord, assetCode LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as ProblemRow[])
    : []
  const total = counts.filter((c) => kinds.some((k) => k.kind === c.kind)).reduce((n, c) => n + c.count, 0)
  return withUnregisteredProjects(ctx, input, { rows, total, counts })
}
