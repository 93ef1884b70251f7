/**
 * List exports: every ledger and list view exports exactly its filtered rows, in its sort order, with
 * the columns the user chose to see. The rows come from the same list services (and filters) the views
 * call, read in chunks, so “what you see is what you export”.
 */
import type { AssetLedgerRow, ProblemRow } from '../../api/types/assets'
import type { HouseholdRow } from '../../api/types/households'
import { fundSourceTypes } from '../../domain/asset-enums'
import { listAssets, type LedgerFilter } from '../../services/assets/ledger'
import { listProblems } from '../../services/assets/problems'
import type { ServiceContext } from '../../services/context'
import { listHouseholds } from '../../services/households'
import type { HouseholdFilter, HouseholdSort } from '../../services/households/households-query'
import { cached } from '../../services/households/count-cache'
import { ensureHouseholdDerived } from '../../services/households/keys'
import { linePageIds, linesByIds, type LineFilter, type LineSort } from '../../services/households/lines-query'
import { landscapeA4, type LayoutColumn, type ReportLayout } from './layout'
import { breathe, chunked } from './reports/dataset'
import { projectPages } from './reports/projects'
import type { Row } from './xlsx-writer'

const t = (key: string, label: string, width = 12, wrap = false): LayoutColumn => ({ key, label, format: 'text', width, wrap })
const d = (key: string, label: string): LayoutColumn => ({ key, label, format: 'date', width: 11.5 })

const listLayout = (id: string, title: string, sheetName: string, header: LayoutColumn[], totalLabelKey: string): ReportLayout => ({
  id,
  dataset: id,
  title,
  sheetName,
  unitRow: { left: '{筛选}', right: '单位：{单位}　导出日期：{填报日期}' },
  header,
  indexColumn: true,
  total: { label: '合计', labelKey: totalLabelKey, position: 'bottom' },
  footer: [],
  print: landscapeA4,
  freezeColumns: 1,
})

// ---- the column sets: keys as in the views' column choosers ----

export const assetListLayout = listLayout(
  'list.assets',
  '{县}{类}资产台账',
  '资产台账',
  [
    t('code', '资产编号', 17),
    t('name', '资产名称', 26, true),
    t('subtypeName', '资产类型', 14),
    t('location', '乡镇 / 村', 22),
    t('townName', '乡镇（苏木）', 14),
    t('villageName', '村（嘎查）', 14),
    { key: 'fundYear', label: '年度', format: 'year', width: 7 },
    { key: 'quantity', label: '数量', format: 'decimal', width: 10, total: 'none' },
    t('unit', '计量单位', 8),
    { key: 'originalValueFen', label: '原值（{unit}）', format: 'money', width: 15 },
    t('status', '状态', 9),
    t('ownerNames', '所有权人', 22, true),
    t('custodianName', '管护主体', 18, true),
    t('custodianPerson', '管护责任人', 10),
    d('confirmDate', '确权日期'),
    d('handoverDate', '移交日期'),
    { key: 'completeness', label: '完整度（%）', format: 'integer', width: 9, total: 'none' },
  ],
  'code',
)

export const householdListLayout = listLayout(
  'list.households',
  '{县}农户登记表',
  '农户',
  [
    t('headName', '户主', 10),
    t('idNo', '身份证号', 20),
    { key: 'size', label: '家庭人口', format: 'integer', width: 8 },
    t('attribute', '农户属性', 22),
    t('townName', '乡镇（苏木）', 14),
    t('villageName', '村（嘎查）', 14),
    t('groupName', '组', 8),
    t('householdCode', '户编号', 14),
    { key: 'exitYear', label: '脱贫年度', format: 'year', width: 8 },
    t('phone', '联系电话', 13),
    { key: 'lineCount', label: '到户资产（条）', format: 'integer', width: 10 },
    { key: 'amountFen', label: '补助金额合计（{unit}）', format: 'money', width: 16 },
  ],
  'headName',
)

export const householdLineListLayout = listLayout(
  'list.householdLines',
  '{县}到户资产花名册',
  '到户资产花名册',
  [
    t('headName', '户主', 10),
    t('idNo', '身份证号', 20),
    t('attribute', '农户属性', 20),
    t('townName', '乡镇（苏木）', 14),
    t('villageName', '村（嘎查）', 14),
    t('projectName', '项目名称', 24, true),
    { key: 'projectYear', label: '年度', format: 'year', width: 7 },
    t('item', '扶持内容', 12),
    t('subtype', '资产类型', 14),
    t('spec', '品种/规格', 12),
    { key: 'quantity', label: '数量', format: 'decimal', width: 9 },
    t('unit', '单位', 6),
    { key: 'standard', label: '补助标准（{unit}）', format: 'money', width: 13, total: 'none' },
    { key: 'amount', label: '补助金额（{unit}）', format: 'money', width: 14 },
    { key: 'selfRaised', label: '农户自筹（{unit}）', format: 'money', width: 13 },
    t('fundSource', '资金来源', 20, true),
    t('issueMethod', '发放方式', 12),
    d('issueDate', '发放日期'),
    t('tagNo', '耳标号/设备编号', 14),
    { key: 'currentQuantity', label: '现存数量', format: 'decimal', width: 9, total: 'none' },
    t('currentStatus', '现状', 12),
  ],
  'headName',
)

export const problemListLayout: ReportLayout = {
  ...listLayout(
    'list.problems',
    '{县}资产问题清单',
    '问题清单',
    [
      t('kind', '问题类型', 16),
      t('assetCode', '资产编号', 17),
      t('assetName', '资产名称', 26, true),
      t('class', '类别', 8),
      t('townName', '乡镇（苏木）', 14),
      t('villageName', '村（嘎查）', 14),
      t('message', '问题说明', 40, true),
    ],
    'kind',
  ),
  total: undefined,
}

export const projectListLayout = listLayout(
  'list.projects',
  '{县}项目库项目清单',
  '项目',
  [
    t('code', '项目编号', 16),
    t('name', '项目名称', 26, true),
    { key: 'year', label: '年度', format: 'year', width: 7 },
    t('typeName', '项目类型', 12),
    t('subtype', '二级类型', 12),
    t('townName', '乡镇（苏木）', 14),
    t('villageNames', '村（嘎查）', 18, true),
    t('sectorDept', '主管部门', 14),
    t('implUnit', '实施单位', 16, true),
    t('status', '状态', 9),
    { key: 'totalInvestmentFen', label: '总投资（{unit}）', format: 'money', width: 14 },
    { key: 'allocatedFen', label: '已分配（{unit}）', format: 'money', width: 14 },
    { key: 'paidFen', label: '已拨付（{unit}）', format: 'money', width: 14 },
    { key: 'spentFen', label: '已支出（{unit}）', format: 'money', width: 14 },
    { key: 'expenditureRate', label: '支出率', format: 'percent', width: 9, total: { ratio: ['spentFen', 'allocatedFen'] } },
    d('planStart', '计划开工'),
    d('planEnd', '计划完工'),
    d('actualStart', '实际开工'),
    d('actualEnd', '实际完工'),
    d('acceptanceDate', '验收日期'),
    t('formsAsset', '形成资产', 7),
    { key: 'assetCount', label: '资产（个）', format: 'integer', width: 8 },
    t('behind', '进度滞后', 7),
  ],
  'code',
)

export const listLayouts = {
  assets: assetListLayout,
  households: householdListLayout,
  householdLines: householdLineListLayout,
  problems: problemListLayout,
  projects: projectListLayout,
}

/** Columns that travel with another: the unit of a quantity. */
export function withCompanions(list: string, keys: string[] | undefined): string[] | undefined {
  if (!keys) return keys
  const out = [...keys]
  if ((list === 'assets' || list === 'householdLines') && out.includes('quantity') && !out.includes('unit')) out.splice(out.indexOf('quantity') + 1, 0, 'unit')
  return out
}

// ---- rows ----

const PAGE = 2000

export interface ListRows {
  rows: AsyncIterable<Row>
  /** Unknown until read for lists paged through another area's channel. */
  rowCount?: number
}

/** A list read through its area's paged list service, PAGE rows at a time, yielding to the event loop between pages. */
function pagedRows<T>(list: (page: number, pageSize: number) => { rows: T[]; total: number }, toRow: (r: T) => Row = (r) => r as unknown as Row): ListRows {
  const first = list(1, PAGE)
  async function* rows() {
    let page = 1
    let batch = first.rows
    while (batch.length) {
      for (const r of batch) yield toRow(r)
      if (batch.length < PAGE) break
      await breathe()
      batch = list(++page, PAGE).rows
    }
  }
  return { rows: rows(), rowCount: first.total }
}

export function assetListRows(ctx: ServiceContext, input: LedgerFilter & { sort: string; order: 'asc' | 'desc' }): ListRows {
  const toRow = (r: AssetLedgerRow): Row => ({ ...r, location: r.villageName ? `${r.townName} · ${r.villageName}` : r.townName })
  return pagedRows((page, pageSize) => listAssets(ctx, { ...input, page, pageSize }), toRow)
}

export function householdListRows(ctx: ServiceContext, input: HouseholdFilter & { sort: HouseholdSort; order: 'asc' | 'desc' }): ListRows {
  return pagedRows<HouseholdRow>((page, pageSize) => listHouseholds(ctx, { ...input, page, pageSize }))
}

export function householdLineListRows(ctx: ServiceContext, input: LineFilter & { sort: LineSort; order: 'asc' | 'desc' }): ListRows {
  cached(ctx.db, 'households:derived', () => ensureHouseholdDerived(ctx.db))
  const { ids } = linePageIds(ctx, { ...input, page: 1, pageSize: Number.MAX_SAFE_INTEGER })
  const subtypes = new Map((ctx.db.prepare("SELECT code, name FROM dict WHERE type = 'asset_subtype'").all() as { code: string; name: string }[]).map((s) => [s.code, s.name]))
  const sources = new Map<string, string>(fundSourceTypes.map((s) => [s.code, s.name]))
  // The export's columns added to each fresh row in place (no copy of 26 fields per line).
  const read = (chunk: number[]): Row[] =>
    linesByIds(ctx, chunk).map((l) => {
      const added = { subtype: subtypes.get(l.subtypeCode) ?? l.subtypeCode, standard: l.standardFen, amount: l.amountFen, selfRaised: l.selfRaisedFen, fundSource: sources.get(l.fundSource) ?? l.fundSource }
      // The same object, seen as a Row (an interface has no index signature).
      return Object.assign(l, added) as typeof l & typeof added & Row
    })
  return { rows: chunked(ids, read), rowCount: ids.length }
}

export function projectListRows(ctx: ServiceContext, filter: Record<string, unknown>): ListRows {
  async function* rows() {
    for await (const p of projectPages(ctx, filter))
      yield { ...p, villageNames: p.villageNames.join('、'), formsAsset: p.formsAsset ? '是' : '否', behind: p.behind ? '是' : '' } as Row
  }
  return { rows: rows() }
}

export function problemListRows(ctx: ServiceContext, input: { kind?: string; townCode?: string }): ListRows {
  return pagedRows<ProblemRow>((page, pageSize) => listProblems(ctx, { ...input, page, pageSize }))
}
