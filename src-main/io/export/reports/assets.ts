/**
 * The asset reports of domain.md §5 whose data the ledgers hold: R1 (by class and 乡镇), R1b (by
 * confirmation level), R2 (three detail sheets), R3 (running status, with the idle-asset detail), R5
 * (public-welfare custody). Each is a dataset (SQL, integer 分) plus plain layout objects.
 */
import { assetClasses, fundSourceTypes } from '../../../domain/asset-enums'
import type { ServiceContext } from '../../../services/context'
import { problemKinds } from '../../../services/assets/problems'
import { getSetting } from '../../../services/settings'
import { linePageIds, linesByIds } from '../../../services/households/lines-query'
import { countUnitRow, landscapeA3, landscapeA4, standardFooter, standardUnitRow, type HeaderNode, type LayoutColumn, type ReportLayout } from '../layout'
import { chunked, paramWhere, registerDataset, type ReportParams } from './dataset'
import { assetJoins, assetOperationJoins, liveAsset, ownerNamesSql } from '../../../services/assets/ledger'

// ---- helpers ----

const n = (key: string, label = '个数', width = 9): LayoutColumn => ({ key, label, format: 'integer', width })
const money = (key: string, label = '金额', width = 14): LayoutColumn => ({ key, label, format: 'money', width })
const text = (key: string, label: string, width = 12, wrap = false): LayoutColumn => ({ key, label, format: 'text', width, wrap })
const date = (key: string, label: string): LayoutColumn => ({ key, label, format: 'date', width: 11.5 })
const pair = (label: string, prefix: string): HeaderNode => ({ label, children: [n(`${prefix}Count`), money(`${prefix}Fen`, '金额（{unit}）')] })
const pairFields = (prefix: string) => [`${prefix}Count`, `${prefix}Fen`]

/** count and 原值 sum of the assets meeting `cond` (an SQL condition on `a`); a town without assets joins one all-NULL row, counted 0. */
const agg = (cond: string, prefix: string) => {
  const when = `a.id IS NOT NULL AND (${cond})`
  return `coalesce(sum(CASE WHEN ${when} THEN 1 ELSE 0 END), 0) AS ${prefix}Count, coalesce(sum(CASE WHEN ${when} THEN a.original_value ELSE 0 END), 0) AS ${prefix}Fen`
}

/** Active towns, and any other town that still has assets (a merged town's assets are not dropped). */
function townsSql(townFilter: boolean) {
  return `SELECT t.code, t.name, t.sort FROM region t
    WHERE t.level = 4 AND (t.active = 1 OR EXISTS (SELECT 1 FROM asset x WHERE x.town_code = t.code)) ${townFilter ? 'AND t.code = @town' : ''}`
}

const COUNTY_LEVEL = '县（旗）级'
export const countyRowName = (countyName: string) => (countyName.endsWith('旗') ? '旗直' : '县直')

function assetScope(params: ReportParams) {
  const { parts: paramParts, values } = paramWhere(params, 'a', 'fund_year')
  const parts = [liveAsset('a'), ...paramParts]
  return { on: parts.length ? ` AND ${parts.join(' AND ')}` : '', where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', values }
}

const countyName = (ctx: ServiceContext) => getSetting<string>(ctx, 'county.name')

// ---- R1: by class and 乡镇 ----

const r1Aggs = [
  agg('1', 'total'),
  agg(`a.class = '经营类'`, 'op'),
  agg(`a.class = '公益类'`, 'pub'),
  agg(`a.class = '到户类'`, 'hh'),
  agg('a.confirm_date IS NOT NULL', 'confirmed'),
  agg('a.handover_date IS NOT NULL', 'handedOver'),
].join(',\n')

registerDataset({
  id: 'assets.byTown',
  fields: ['town', ...['total', 'op', 'pub', 'hh', 'confirmed', 'handedOver'].flatMap(pairFields)],
  rows: (ctx, params) => {
    const s = assetScope(params)
    const values = { ...s.values }
    const towns = ctx.db
      .prepare(
        `SELECT t.name AS town, ${r1Aggs} FROM (${townsSql(!!params.townCode)}) t
         LEFT JOIN asset a ON a.town_code = t.code AND a.confirm_level <> '${COUNTY_LEVEL}'${s.on}
         GROUP BY t.code ORDER BY t.sort, t.code`,
      )
      .all(values) as Record<string, unknown>[]
    const county = ctx.db
      .prepare(`SELECT ${r1Aggs} FROM asset a WHERE a.confirm_level = '${COUNTY_LEVEL}'${s.on}`)
      .get(values) as Record<string, unknown>
    return { rows: [...towns, { town: countyRowName(countyName(ctx)), ...county }] }
  },
})

export const r1Layout: ReportLayout = {
  id: 'R1',
  dataset: 'assets.byTown',
  title: '{县}{年度}{资产称谓}统计表（按类别、按乡镇）',
  sheetName: '按类别按乡镇',
  unitRow: countUnitRow,
  header: [
    text('town', '乡镇（苏木）', 16),
    n('totalCount', '资产总数（个）', 12),
    money('totalFen', '资产总额（{unit}）', 15),
    pair('经营性资产', 'op'),
    pair('公益性资产', 'pub'),
    pair('到户类资产', 'hh'),
    pair('其中：已确权', 'confirmed'),
    pair('其中：已移交', 'handedOver'),
  ],
  total: { label: '合计', labelKey: 'town', position: 'top' },
  footer: standardFooter,
  print: landscapeA4,
  freezeColumns: 1,
}

// ---- R1b: by confirmation level ----

const levels: [string, string, string][] = [
  ['确权到县（旗）', '县（旗）级', 'county'],
  ['确权到乡镇（苏木）', '乡（苏木）镇级', 'town'],
  ['确权到村（嘎查）', '村（嘎查）级', 'village'],
  ['确权到户', '户', 'household'],
]

registerDataset({
  id: 'assets.byConfirmLevel',
  fields: ['town', ...['total', 'confirmed', 'unconfirmed', ...levels.map((l) => l[2])].flatMap(pairFields)],
  rows: (ctx, params) => {
    const s = assetScope(params)
    const aggs = [
      agg('1', 'total'),
      agg('a.confirm_date IS NOT NULL', 'confirmed'),
      ...levels.map(([, level, key]) => agg(`a.confirm_date IS NOT NULL AND a.confirm_level = '${level}'`, key)),
      agg('a.confirm_date IS NULL', 'unconfirmed'),
    ].join(',\n')
    const rows = ctx.db
      .prepare(
        `SELECT t.name AS town, ${aggs} FROM (${townsSql(!!params.townCode)}) t
         LEFT JOIN asset a ON a.town_code = t.code${s.on} GROUP BY t.code ORDER BY t.sort, t.code`,
      )
      .all(s.values) as Record<string, unknown>[]
    return { rows }
  },
})

export const r1bLayout: ReportLayout = {
  id: 'R1b',
  dataset: 'assets.byConfirmLevel',
  title: '{县}{年度}{资产称谓}确权情况统计表（按确权层级）',
  sheetName: '按确权层级',
  unitRow: countUnitRow,
  header: [
    text('town', '乡镇（苏木）', 16),
    pair('资产合计', 'total'),
    pair('已确权', 'confirmed'),
    ...levels.map(([label, , key]) => pair(label, key)),
    pair('未确权', 'unconfirmed'),
  ],
  total: { label: '合计', labelKey: 'town', position: 'top' },
  footer: standardFooter,
  print: landscapeA4,
  freezeColumns: 1,
}

// ---- R2: detail ledgers, one sheet per class ----

const fiscalCodes = fundSourceTypes.filter((t) => t.fiscal).map((t) => `'${t.code}'`).join(', ')
const problemText = `rtrim(${problemKinds.map((p) => `CASE WHEN (${p.where}) THEN '${p.kind}；' ELSE '' END`).join(' || ')}, '；')`

const detailSelect = `SELECT a.id, a.code, a.name, a.class, coalesce(d.name, a.subtype_code) AS subtype, a.form, a.property_nature AS nature,
    coalesce(t.name, '') AS town, coalesce(v.name, '') AS village, a.spec, a.unit, a.quantity,
    a.original_value AS valueFen, a.total_investment AS investmentFen,
    (SELECT coalesce(sum(f.amount), 0) FROM asset_fund_source f WHERE f.asset_id = a.id AND f.source_type IN (${fiscalCodes})) AS fiscalFen,
    a.fund_year AS fundYear, a.project_name AS projectName, a.project_code AS projectCode, a.fund_doc_no AS docNo,
    a.sector_dept AS sectorDept, a.impl_unit AS implUnit, a.start_date AS startDate, a.completion_date AS completionDate,
    a.acceptance_date AS acceptanceDate, a.in_use_date AS inUseDate, a.handover_date AS handoverDate,
    a.confirm_level AS confirmLevel, a.confirm_date AS confirmDate, a.cert_no AS certNo,
    ${ownerNamesSql} AS owners,
    co.name AS custodian, c.person AS custodyPerson, c.phone AS custodyPhone, c.mode AS custodyMode,
    c.budget_per_year AS custodyBudgetFen, c.budget_source AS budgetSource,
    CASE c.is_public_post WHEN 1 THEN '是' WHEN 0 THEN '否' END AS publicPost,
    (SELECT max(m.record_date) FROM asset_maintenance m WHERE m.asset_id = a.id AND m.kind = '巡查') AS lastInspection,
    oo.name AS operator, op.mode AS opMode, op.contract_no AS contractNo, op.contract_start AS contractStart, op.contract_end AS contractEnd,
    op.agreed_income AS agreedIncomeFen, op.link_mechanism AS linkMechanism,
    a.beneficiary_households AS beneHouseholds, a.beneficiary_persons AS benePersons, a.poor_households AS poorHouseholds,
    a.poor_persons AS poorPersons, a.monitor_households AS monitorHouseholds, a.monitor_persons AS monitorPersons,
    a.status, a.status_note AS statusNote, a.revitalize_measures AS measures, a.remarks,
    ${problemText} AS problems
  FROM asset a
  ${assetJoins}
  ${assetOperationJoins}`

const detailFields = [
  'code', 'name', 'class', 'subtype', 'form', 'nature', 'town', 'village', 'spec', 'unit', 'quantity', 'valueFen', 'investmentFen', 'fiscalFen',
  'fundYear', 'projectName', 'projectCode', 'docNo', 'sectorDept', 'implUnit', 'startDate', 'completionDate', 'acceptanceDate', 'inUseDate',
  'handoverDate', 'confirmLevel', 'confirmDate', 'certNo', 'owners', 'custodian', 'custodyPerson', 'custodyPhone', 'custodyMode',
  'custodyBudgetFen', 'budgetSource', 'publicPost', 'lastInspection', 'operator', 'opMode', 'contractNo', 'contractStart', 'contractEnd',
  'agreedIncomeFen', 'linkMechanism', 'beneHouseholds', 'benePersons', 'poorHouseholds', 'poorPersons', 'monitorHouseholds', 'monitorPersons',
  'status', 'statusNote', 'measures', 'remarks', 'problems', 'rectification', 'planDate',
] as const

/** Asset rows in 乡镇 order (for the subtotals), then code; extra SQL conditions on `a`. */
function assetDetailRows(ctx: ServiceContext, params: ReportParams, extra: string[], extraValues: Record<string, unknown> = {}) {
  const s = paramWhere(params, 'a', 'fund_year')
  const parts = [liveAsset('a'), ...s.parts, ...extra]
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : ''
  const ids = ctx.db
    .prepare(`SELECT a.id FROM asset a LEFT JOIN region t ON t.code = a.town_code ${where} ORDER BY t.sort, a.town_code, a.code`)
    .pluck()
    .all({ ...s.values, ...extraValues }) as number[]
  const stmt = ctx.db.prepare(`${detailSelect} WHERE a.id IN (SELECT value FROM json_each(?))`)
  const read = (chunk: number[]) => {
    const byId = new Map((stmt.all(JSON.stringify(chunk)) as { id: number }[]).map((r) => [r.id, r]))
    return chunk.map((id) => byId.get(id)!).filter(Boolean) as Record<string, unknown>[]
  }
  return { rows: chunked(ids, read), rowCount: ids.length }
}

registerDataset({
  id: 'assets.detail',
  fields: detailFields,
  rows: (ctx, params, args) => {
    const cls = String(args.class ?? '')
    if (!(assetClasses as readonly string[]).includes(cls)) return assetDetailRows(ctx, params, [])
    return assetDetailRows(ctx, params, ['a.class = @cls'], { cls })
  },
})

const place: HeaderNode[] = [text('town', '乡镇（苏木）', 12), text('village', '村（嘎查）', 12)]
const beneficiaries: HeaderNode = {
  label: '受益情况',
  children: [n('beneHouseholds', '受益户数', 8), n('benePersons', '受益人数', 8), n('poorHouseholds', '其中脱贫户（户）', 9), n('monitorHouseholds', '其中监测户（户）', 9)],
}
const value: HeaderNode = { label: '资产价值（{unit}）', children: [money('valueFen', '资产原值'), money('fiscalFen', '其中：财政资金')] }
const project: HeaderNode[] = [n('fundYear', '资金年度', 8), text('projectName', '项目名称', 22, true)]
const ownership: HeaderNode = { label: '确权情况', children: [text('confirmLevel', '确权层级', 11), date('confirmDate', '确权日期'), text('owners', '所有权人', 20, true)] }

const detailBase = (id: string, cls: string, title: string, sheetName: string, middle: HeaderNode[]): ReportLayout => ({
  id,
  dataset: 'assets.detail',
  datasetArgs: { class: cls },
  title,
  sheetName,
  unitRow: standardUnitRow,
  header: [
    text('code', '资产编号', 17),
    text('name', '资产名称', 24, true),
    text('subtype', '资产类型', 12),
    ...place,
    text('spec', '规格型号/建设规模', 20, true),
    text('unit', '计量单位', 7),
    { key: 'quantity', label: '数量', format: 'decimal', width: 9, total: 'none' },
    value,
    ...project,
    ...middle,
    ownership,
    date('handoverDate', '移交日期'),
    beneficiaries,
    text('status', '资产状态', 9),
    text('remarks', '备注', 16, true),
  ],
  indexColumn: true,
  subtotal: { key: 'town', labelKey: 'town', label: '{group}小计' },
  total: { label: '合计', labelKey: 'code', position: 'bottom' },
  footer: standardFooter,
  print: landscapeA3,
  freezeColumns: 2,
})
// fundYear is a year, not a count: no separators, no sum.
const yearFix = (l: ReportLayout): ReportLayout => {
  const fix = (nodes: HeaderNode[]): HeaderNode[] =>
    nodes.map((x) => ('children' in x ? { ...x, children: fix(x.children) } : x.key === 'fundYear' || x.key === 'projectYear' ? { ...x, format: 'year' as const, total: 'none' as const } : x))
  return { ...l, header: fix(l.header) }
}

export const r2PublicLayout = yearFix(
  detailBase('R2-公益类', '公益类', '{县}{年度}公益类{资产称谓}明细台账', '公益类资产', [
    text('sectorDept', '行业主管部门', 12),
    date('inUseDate', '建成投用日期'),
    {
      label: '管护情况',
      children: [text('custodian', '管护主体', 18, true), text('custodyPerson', '管护责任人', 9), text('custodyPhone', '联系电话', 12), text('custodyMode', '管护方式', 12), money('custodyBudgetFen', '管护经费（{unit}/年）', 12)],
    },
  ]),
)

export const r2OperatingLayout = yearFix(
  detailBase('R2-经营类', '经营类', '{县}{年度}经营类{资产称谓}明细台账', '经营类资产', [
    text('implUnit', '项目实施单位', 14, true),
    date('inUseDate', '建成投用日期'),
    {
      label: '经营情况',
      children: [
        text('operator', '经营主体', 18, true),
        text('opMode', '经营方式', 10),
        text('contractNo', '合同编号', 12),
        date('contractStart', '合同起'),
        date('contractEnd', '合同止'),
        money('agreedIncomeFen', '约定年收益（{unit}）', 12),
        text('linkMechanism', '联农带农机制', 16, true),
      ],
    },
    { label: '管护情况', children: [text('custodian', '管护主体', 18, true), text('custodyPerson', '管护责任人', 9)] },
  ]),
)

// The 到户类 sheet: one row per household per item per project (花名册, domain.md §2.5).
registerDataset({
  id: 'household.lines',
  fields: [
    'town', 'village', 'groupName', 'headName', 'idNo', 'attribute', 'projectName', 'projectCode', 'projectYear', 'item', 'subtype', 'spec', 'unit',
    'quantity', 'standardFen', 'amountFen', 'selfRaisedFen', 'fundSource', 'issueMethod', 'issueDate', 'tagNo', 'currentQuantity', 'currentStatus',
  ],
  rows: (ctx, params) => {
    const filter = { projectYear: params.year, townCode: params.townCode }
    // Town order, then village and line (the ledger's own 村 order), through the ledger's query.
    const { ids } = linePageIds(ctx, { ...filter, sort: 'villageName', order: 'asc', page: 1, pageSize: Number.MAX_SAFE_INTEGER })
    const subtypeNames = new Map(
      (ctx.db.prepare("SELECT code, name FROM dict WHERE type = 'asset_subtype'").all() as { code: string; name: string }[]).map((d) => [d.code, d.name]),
    )
    const sourceNames = new Map<string, string>(fundSourceTypes.map((t) => [t.code, t.name]))
    return { rows: chunked(ids, (chunk) => linesByIds(ctx, chunk).map((l) => lineRow(l, subtypeNames, sourceNames))), rowCount: ids.length }
  },
})

export function lineRow(l: ReturnType<typeof linesByIds>[number], subtypeNames: Map<string, string>, sourceNames: Map<string, string>) {
  return {
    town: l.townName,
    village: l.villageName,
    groupName: l.groupName,
    headName: l.headName,
    idNo: l.idNo,
    attribute: l.attribute,
    projectName: l.projectName,
    projectCode: l.projectCode,
    projectYear: l.projectYear,
    item: l.item,
    subtype: subtypeNames.get(l.subtypeCode) ?? l.subtypeCode,
    spec: l.spec,
    unit: l.unit,
    quantity: l.quantity,
    standardFen: l.standardFen,
    amountFen: l.amountFen,
    selfRaisedFen: l.selfRaisedFen,
    fundSource: sourceNames.get(l.fundSource) ?? l.fundSource,
    issueMethod: l.issueMethod,
    issueDate: l.issueDate,
    tagNo: l.tagNo,
    currentQuantity: l.currentQuantity,
    currentStatus: l.currentStatus,
  }
}

export const r2HouseholdLayout: ReportLayout = {
  id: 'R2-到户类',
  dataset: 'household.lines',
  title: '{县}{年度}到户类{资产称谓}明细台账（到户项目花名册）',
  sheetName: '到户类资产',
  unitRow: standardUnitRow,
  header: [
    text('town', '乡镇（苏木）', 12),
    text('village', '村（嘎查）', 12),
    text('groupName', '组', 6),
    { label: '农户', children: [text('headName', '户主姓名', 9), text('idNo', '身份证号', 20), text('attribute', '农户属性', 14, true)] },
    { label: '项目', children: [text('projectName', '项目名称', 22, true), { key: 'projectYear', label: '年度', format: 'year', width: 7 }] },
    {
      label: '扶持内容',
      children: [
        text('item', '扶持内容', 12),
        text('spec', '品种/规格', 10),
        text('unit', '单位', 6),
        { key: 'quantity', label: '数量', format: 'decimal', width: 9 },
        // a rate, not an amount: its sum would mean nothing
        { ...money('standardFen', '补助标准（{unit}）', 12), total: 'none' },
        money('amountFen', '补助金额（{unit}）', 13),
        money('selfRaisedFen', '农户自筹（{unit}）', 12),
      ],
    },
    text('fundSource', '资金来源', 18, true),
    text('issueMethod', '发放方式', 10),
    date('issueDate', '发放日期'),
    text('tagNo', '耳标号/设备编号', 14),
    { key: 'currentQuantity', label: '现存数量', format: 'decimal', width: 9, total: 'none' },
    text('currentStatus', '现状', 12),
  ],
  indexColumn: true,
  subtotal: { key: 'town', labelKey: 'town', label: '{group}小计' },
  total: { label: '合计', labelKey: 'town', position: 'bottom' },
  footer: standardFooter,
  print: landscapeA3,
  freezeColumns: 4,
}

// ---- R3: running status ----

const statusGroups: [label: string, key: string, cond: string][] = [
  ['正常运营（使用）', 'normal', `a.status = '正常'`],
  ['闲置', 'idle', `a.status = '闲置'`],
  ['低效', 'low', `a.status = '低效'`],
  ['损毁', 'damaged', `a.status LIKE '损毁%'`],
  ['待处置', 'pending', `a.status = '待处置'`],
  ['已处置（含报废、核销）', 'disposed', `a.status IN ('已处置', '已报废', '已核销')`],
  ['在建', 'building', `a.status = '在建'`],
  ['灭失', 'lost', `a.status = '灭失'`],
]

registerDataset({
  id: 'assets.statusByTownClass',
  fields: ['town', 'class', ...['total', ...statusGroups.map((g) => g[1])].flatMap(pairFields)],
  rows: (ctx, params) => {
    const s = assetScope(params)
    const aggs = [agg('1', 'total'), ...statusGroups.map(([, key, cond]) => agg(cond, key))].join(',\n')
    const rows = ctx.db
      .prepare(
        `SELECT t.name AS town, k.class, ${aggs}
         FROM (${townsSql(!!params.townCode)}) t
         CROSS JOIN (SELECT '公益类' AS class, 1 AS ord UNION ALL SELECT '经营类', 2 UNION ALL SELECT '到户类', 3) k
         LEFT JOIN asset a ON a.town_code = t.code AND a.class = k.class${s.on}
         GROUP BY t.code, k.class ORDER BY t.sort, t.code, k.ord`,
      )
      .all(s.values) as Record<string, unknown>[]
    return { rows }
  },
})

export const r3Layout: ReportLayout = {
  id: 'R3',
  dataset: 'assets.statusByTownClass',
  title: '{县}{年度}{资产称谓}运营（运行）情况统计表',
  sheetName: '运营情况',
  unitRow: countUnitRow,
  header: [text('town', '乡镇（苏木）', 14), text('class', '资产类别', 9), pair('资产合计', 'total'), ...statusGroups.map(([label, key]) => pair(label, key))],
  subtotal: { key: 'town', labelKey: 'class', label: '小计' },
  total: { label: '合计', labelKey: 'town', position: 'top' },
  footer: standardFooter,
  print: landscapeA3,
  freezeColumns: 2,
}

registerDataset({
  id: 'assets.idle',
  fields: detailFields,
  rows: (ctx, params) => assetDetailRows(ctx, params, [`a.status IN ('闲置', '低效')`]),
})

export const r3IdleLayout: ReportLayout = {
  id: 'R3-闲置低效',
  dataset: 'assets.idle',
  title: '{县}{年度}闲置低效{资产称谓}明细表',
  sheetName: '闲置低效资产',
  unitRow: standardUnitRow,
  header: [
    ...place,
    text('code', '资产编号', 17),
    text('name', '资产名称', 24, true),
    text('class', '资产类别', 8),
    money('valueFen', '资产原值（{unit}）'),
    text('status', '状态', 7),
    text('statusNote', '闲置（低效）原因', 24, true),
    text('measures', '盘活措施', 24, true),
    date('planDate', '计划完成时间'),
    text('custodyPerson', '责任人', 9),
  ],
  indexColumn: true,
  subtotal: { key: 'town', labelKey: 'town', label: '{group}小计' },
  total: { label: '合计', labelKey: 'town', position: 'bottom' },
  footer: standardFooter,
  print: landscapeA4,
}

// ---- R5: public-welfare custody ----

registerDataset({
  id: 'assets.custody',
  fields: detailFields,
  rows: (ctx, params) => assetDetailRows(ctx, params, [`a.class = '公益类'`, `a.status NOT IN ('已处置', '已报废', '已核销', '灭失')`]),
})

export const r5Layout: ReportLayout = {
  id: 'R5',
  dataset: 'assets.custody',
  title: '{县}{年度}公益性{资产称谓}管护情况表',
  sheetName: '管护情况',
  unitRow: standardUnitRow,
  header: [
    ...place,
    text('name', '资产名称', 24, true),
    text('subtype', '资产类型', 12),
    text('custodian', '管护主体', 20, true),
    text('custodyPerson', '管护责任人', 9),
    text('publicPost', '是否公益岗位', 8),
    money('custodyBudgetFen', '管护经费（{unit}）', 12),
    text('budgetSource', '经费来源', 12),
    date('lastInspection', '最近巡查日期'),
    text('problems', '存在问题', 24, true),
    text('rectification', '整改情况', 16, true),
  ],
  indexColumn: true,
  subtotal: { key: 'town', labelKey: 'town', label: '{group}小计' },
  total: { label: '合计', labelKey: 'town', position: 'bottom' },
  footer: standardFooter,
  print: landscapeA4,
}
