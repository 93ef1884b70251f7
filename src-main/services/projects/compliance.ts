import type { ComplianceItem, ComplianceResult } from '../../api/types/projects'
import { rate } from '../../domain/project-money'
import type { ServiceContext } from '../context'
import { getSetting } from '../settings'

/** 衔接资金 of a year: 财政衔接推进乡村振兴补助资金 (XJ) from 2021, its predecessor 财政专项扶贫资金 (ZX) before. */
export const linkFundTypes = (year: number) => (year >= 2021 ? ['XJ'] : ['ZX'])

/**
 * The compliance monitor (domain.md §4.5, R8) for a year and fund level: the denominator is the
 * 衔接资金 issued in the year at that level; the numerators are what those documents allocated to
 * 产业发展 projects, to projects in non-poverty villages (a project with villages none of which is a
 * 脱贫村), and to 项目管理费 — each against its threshold in settings, with the projects behind it.
 */
export function compliance(ctx: ServiceContext, input: { year: number; level: string }): ComplianceResult {
  const types = linkFundTypes(input.year)
  const levelSql = input.level === '全部' ? '' : 'AND d.level = @level'
  const params = { year: input.year, level: input.level }
  const docWhere = `d.fund_year = @year AND d.fund_type IN (${types.map((t) => `'${t}'`).join(', ')}) ${levelSql}`
  const totalFen = (ctx.db.prepare(`SELECT coalesce(sum(d.amount), 0) AS s FROM fund_doc d WHERE ${docWhere}`).get(params) as { s: number }).s
  const rows = ctx.db
    .prepare(
      `SELECT a.project_id AS id, sum(a.amount) AS amount, p.type_code AS typeCode, coalesce(pt.name, p.type_code) AS typeName,
         coalesce(pt.is_industry, 0) AS industry, coalesce(pt.is_management_fee, 0) AS fee, coalesce(pt.sort, 99) AS sort,
         (SELECT count(*) FROM project_village pv WHERE pv.project_id = p.id) AS villages,
         (SELECT count(*) FROM project_village pv JOIN region r ON r.code = pv.village_code WHERE pv.project_id = p.id AND r.is_former_poor_village = 1) AS poorVillages
       FROM fund_allocation a JOIN fund_doc d ON d.id = a.fund_doc_id JOIN project p ON p.id = a.project_id
       LEFT JOIN project_type pt ON pt.code = p.type_code
       WHERE ${docWhere}
       GROUP BY a.project_id ORDER BY p.code`,
    )
    .all(params) as { id: number; amount: number; typeCode: string; typeName: string; industry: number; fee: number; sort: number; villages: number; poorVillages: number }[]
  const allocatedFen = rows.reduce((n, r) => n + r.amount, 0)
  const sum = (pred: (r: (typeof rows)[number]) => boolean) => {
    const hit = rows.filter(pred)
    return { fen: hit.reduce((n, r) => n + r.amount, 0), ids: hit.map((r) => r.id) }
  }
  const industry = sum((r) => r.industry === 1)
  const nonPoor = sum((r) => r.villages > 0 && r.poorVillages === 0)
  const poor = sum((r) => r.poorVillages > 0)
  const fee = sum((r) => r.fee === 1)
  const item = (key: ComplianceItem['key'], label: string, part: { fen: number; ids: number[] }, pct: number, comparator: '≥' | '≤'): ComplianceItem => ({
    key,
    label,
    numeratorFen: part.fen,
    denominatorFen: totalFen,
    rate: rate(part.fen, totalFen),
    threshold: pct / 100,
    comparator,
    // exact: compare part·100 with pct·total in integers
    crossed: totalFen > 0 && (comparator === '≥' ? part.fen * 100 < pct * totalFen : part.fen * 100 > pct * totalFen),
    projectIds: part.ids,
  })
  const byTypeMap = new Map<string, { typeCode: string; typeName: string; amountFen: number; projectIds: number[]; sort: number }>()
  for (const r of rows) {
    const t = byTypeMap.get(r.typeCode) ?? { typeCode: r.typeCode, typeName: r.typeName, amountFen: 0, projectIds: [], sort: r.sort }
    t.amountFen += r.amount
    t.projectIds.push(r.id)
    byTypeMap.set(r.typeCode, t)
  }
  return {
    year: input.year,
    level: input.level,
    totalFen,
    allocatedFen,
    items: [
      item('industryShare', '产业发展资金占比', industry, getSetting<number>(ctx, 'funds.industryShareMinPct'), '≥'),
      item('nonPoorVillageShare', '非脱贫村使用占比', nonPoor, getSetting<number>(ctx, 'funds.nonPoorVillageShareMaxPct'), '≤'),
      item('managementFeeShare', '项目管理费占比', fee, getSetting<number>(ctx, 'funds.managementFeeMaxPct'), '≤'),
    ],
    byType: [...byTypeMap.values()]
      .sort((a, b) => a.sort - b.sort)
      .map(({ sort: _s, ...t }) => ({ ...t, share: rate(t.amountFen, totalFen) })),
    poorVillageFen: poor.fen,
    nonPoorVillageFen: nonPoor.fen,
  }
}
