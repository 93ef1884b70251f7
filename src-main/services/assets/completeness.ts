import type { ServiceContext } from '../context'

/**
 * 信息完整度: the share of the fields and steps that apply to an asset and are filled in, 0–100.
 * Each item is [applies (SQL), filled (SQL)] on an asset row `a`; computed in SQL so bulk updates
 * (imports, demo data) refresh thousands of rows in one statement.
 */
const items: [string, string][] = [
  ['1', "a.spec <> ''"],
  ['1', 'a.quantity > 0'],
  ['1', 'a.original_value > 0'],
  ['1', "a.project_name <> ''"],
  ['1', "a.fund_doc_no <> ''"],
  ["a.confirm_level NOT IN ('县（旗）级', '乡（苏木）镇级')", 'a.village_code IS NOT NULL'],
  ["a.class <> '到户类'", "a.sector_dept <> ''"],
  ['1', "a.impl_unit <> ''"],
  ["a.class <> '到户类'", 'a.start_date IS NOT NULL'],
  ["a.class <> '到户类'", 'a.completion_date IS NOT NULL'],
  ["a.class <> '到户类'", 'a.acceptance_date IS NOT NULL'],
  ['1', 'a.in_use_date IS NOT NULL'],
  ['1', 'a.total_investment = (SELECT coalesce(sum(f.amount), 0) FROM asset_fund_source f WHERE f.asset_id = a.id)'],
  ["a.class <> '到户类'", 'EXISTS (SELECT 1 FROM asset_owner_share s WHERE s.asset_id = a.id)'],
  ["a.class <> '到户类'", 'a.confirm_date IS NOT NULL'],
  ["a.class <> '到户类'", 'a.handover_date IS NOT NULL'],
  ["a.class <> '到户类'", 'EXISTS (SELECT 1 FROM asset_custody c WHERE c.asset_id = a.id AND c.active = 1)'],
  ["a.class = '经营类'", 'EXISTS (SELECT 1 FROM asset_operation p WHERE p.asset_id = a.id AND p.active = 1)'],
  ['1', 'a.beneficiary_households > 0'],
  ['1', "EXISTS (SELECT 1 FROM attachment x WHERE x.entity = 'asset' AND x.entity_id = a.id)"],
]

const applicable = items.map(([applies]) => `(CASE WHEN ${applies} THEN 1 ELSE 0 END)`).join(' + ')
const filled = items.map(([applies, ok]) => `(CASE WHEN (${applies}) AND (${ok}) THEN 1 ELSE 0 END)`).join(' + ')
export const completenessSql = `CAST(round(100.0 * (${filled}) / (${applicable})) AS INTEGER)`

/** Recomputes 信息完整度 for one asset, or for all when no id is given. */
export function refreshCompleteness(ctx: ServiceContext, id?: number) {
  const sql = `UPDATE asset AS a SET completeness = ${completenessSql}${id === undefined ? '' : ' WHERE a.id = ?'}`
  if (id === undefined) ctx.db.prepare(sql).run()
  else ctx.db.prepare(sql).run(id)
}
