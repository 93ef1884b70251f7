import type { ProblemRow } from '../../api/types/assets'
import type { ServiceContext } from '../context'
import { getSetting } from '../settings'

export const UNREGISTERED = '应登记未登记'

/**
 * 应登记未登记 (domain.md §7.7, W): projects that form assets (形成资产 = 是), accepted more than
 * project.assetRegistrationDays days ago, with neither an asset nor a household line linked to them.
 */
function unregisteredWhere(ctx: ServiceContext, townCode?: string) {
  const days = getSetting<number>(ctx, 'project.assetRegistrationDays')
  return {
    sql: `p.forms_asset = 1 AND p.acceptance_date IS NOT NULL AND p.acceptance_date <= date('now', 'localtime', @offset)
      AND p.status NOT IN ('出库', '终止')
      AND NOT EXISTS (SELECT 1 FROM asset a WHERE a.project_id = p.id)
      AND NOT EXISTS (SELECT 1 FROM household_asset_line l WHERE l.project_id = p.id)
      ${townCode ? 'AND p.town_code = @town' : ''}`,
    params: { offset: `-${days} days`, town: townCode ?? null },
    days,
  }
}

export function unregisteredProjectIds(ctx: ServiceContext, townCode?: string): number[] {
  const w = unregisteredWhere(ctx, townCode)
  return (ctx.db.prepare(`SELECT p.id FROM project p WHERE ${w.sql} ORDER BY p.acceptance_date, p.code`).all(w.params) as { id: number }[]).map((r) => r.id)
}

/**
 * Adds 应登记未登记 to the asset problem list (services/assets/problems.ts listProblems): its count,
 * and its rows after the asset rows in the same paging. A row names the project (projectId; assetId 0).
 */
export function withUnregisteredProjects(
  ctx: ServiceContext,
  input: { kind?: string; townCode?: string; page: number; pageSize: number },
  result: { rows: ProblemRow[]; total: number; counts: { kind: string; count: number }[] },
): { rows: ProblemRow[]; total: number; counts: { kind: string; count: number }[] } {
  const w = unregisteredWhere(ctx, input.townCode)
  const count = (ctx.db.prepare(`SELECT count(*) AS n FROM project p WHERE ${w.sql}`).get(w.params) as { n: number }).n
  const counts = [...result.counts, { kind: UNREGISTERED, count }]
  if (input.kind && input.kind !== UNREGISTERED) return { ...result, counts }
  const assetTotal = input.kind ? 0 : result.total
  const offset = (input.page - 1) * input.pageSize
  const room = input.pageSize - result.rows.length
  const rows = [...result.rows]
  if (room > 0 && count > 0) {
    const start = Math.max(0, offset - assetTotal)
    rows.push(
      ...(ctx.db
        .prepare(
          `SELECT '${UNREGISTERED}' AS kind, 0 AS assetId, p.id AS projectId, p.code AS assetCode, p.name AS assetName,
             CASE WHEN p.expected_asset_class IN ('公益类', '经营类', '到户类') THEN p.expected_asset_class ELSE '公益类' END AS class,
             t.name AS townName, NULL AS villageName,
             '项目已于 ' || p.acceptance_date || ' 验收，超过 ${w.days} 天仍未登记资产' AS message
           FROM project p LEFT JOIN region t ON t.code = p.town_code
           WHERE ${w.sql} ORDER BY p.acceptance_date, p.code LIMIT @limit OFFSET @start`,
        )
        .all({ ...w.params, limit: room, start }) as ProblemRow[]),
    )
  }
  return { rows, total: assetTotal + count, counts }
}
