/**
 * The project-library reports of domain.md §5 — R6 (implementation progress), R7 (fund progress),
 * R8 (fund-use structure), R9 (library list / annual plan), R10 (project asset clean-up) — filled
 * through the projects area's own contract channels (projects.list, projects.get, fundDocs.list,
 * projects.compliance), so the figures are the ones the project screens show.
 */
import type { FundDocRow, ProjectDetail, ProjectRow, ComplianceResult } from '../../../api/types/projects'
import { AppError } from '../../../domain/errors'
import type { ServiceContext } from '../../../services/context'
import { landscapeA3, landscapeA4, standardFooter, standardUnitRow, type LayoutColumn, type ReportLayout } from '../layout'
import { breathe, registerDataset, type ReportParams } from './dataset'
import type { Row } from '../xlsx-writer'

// ---- calling the projects area through the contract ----

/** Calls a contract channel in-process: input validated (defaults filled), then its handler. */
async function call<T>(ctx: ServiceContext, channel: string, raw: unknown): Promise<T> {
  // Loaded when called: the handler map imports the export handlers, which import this module.
  const [{ validateInput }, { handlers }] = await Promise.all([import('../../../api/validate'), import('../../../api/handlers')])
  const checked = validateInput(channel, raw)
  if (!checked.ok) {
    if (checked.code === 'UNKNOWN_CHANNEL') throw new AppError('NOT_READY', '项目库功能尚未就绪，暂不能导出项目报表。')
    throw new AppError(checked.code, checked.message, checked.details)
  }
  const handler = (handlers as unknown as Record<string, (ctx: ServiceContext, input: unknown) => unknown>)[checked.channel]
  return (await handler(ctx, checked.input)) as T
}

/** Every project of a projects.list filter, a page at a time. */
export async function* projectPages(ctx: ServiceContext, filter: Record<string, unknown>): AsyncGenerator<ProjectRow> {
  let seen = 0
  for (let page = 1; ; page++) {
    const { rows, total } = await call<{ rows: ProjectRow[]; total: number }>(ctx, 'projects.list', { ...filter, page, pageSize: 500 })
    for (const r of rows) yield r
    seen += rows.length
    if (rows.length === 0 || seen >= total) return
    await breathe()
  }
}

/** Every project of the report's year and town, in the given order. */
async function allProjects(ctx: ServiceContext, params: ReportParams, sort = 'code', statuses?: readonly string[]): Promise<ProjectRow[]> {
  const out: ProjectRow[] = []
  for await (const r of projectPages(ctx, { year: params.year, townCode: params.townCode, statuses, sort, order: 'asc' })) out.push(r)
  return out
}

/** In the library: reached 入库, not taken out (出库) or ended (终止). */
const inLibrary = ['入库', '纳入年度计划', '开工', '完工', '验收', '资产移交', '绩效评价', '归档'] as const
/** In the year's plan (the 调度 board's denominator). */
const inPlan = inLibrary.slice(1)

const place = (p: { townName: string; villageNames: string[] }) => (p.villageNames.length ? `${p.townName}（${p.villageNames.join('、')}）` : `${p.townName}（全镇）`)
const yesNo = (b: boolean) => (b ? '是' : '否')

/** The stage R6 names from a project's status (未开工/前期/在建/完工/已验收). */
const stageOf: Record<string, string> = {
  草稿: '前期',
  申报: '前期',
  审核: '前期',
  论证: '前期',
  入库: '前期',
  纳入年度计划: '未开工',
  开工: '在建',
  完工: '完工',
  验收: '已验收',
  资产移交: '已验收',
  绩效评价: '已验收',
  归档: '已验收',
  退回修改: '前期',
  出库: '出库',
  终止: '终止',
}
const reached = (status: string, ...any: string[]) => any.includes(status)
const started = (s: string) => reached(s, '开工', '完工', '验收', '资产移交', '绩效评价', '归档')
const completed = (s: string) => reached(s, '完工', '验收', '资产移交', '绩效评价', '归档')
const accepted = (s: string) => reached(s, '验收', '资产移交', '绩效评价', '归档')
const handedOver = (s: string) => reached(s, '资产移交', '绩效评价', '归档')

const t = (key: string, label: string, width = 12, wrap = width >= 16): LayoutColumn => ({ key, label, format: 'text', width, wrap })
const m = (key: string, label: string, width = 13): LayoutColumn => ({ key, label, format: 'money', width })
const d = (key: string, label: string): LayoutColumn => ({ key, label, format: 'date', width: 11 })
const flag = (key: string, label: string): LayoutColumn => ({ key, label, format: 'integer', width: 7 })
const rate = (key: string, label: string, num: string, den: string): LayoutColumn => ({ key, label, format: 'percent', width: 9, total: { ratio: [num, den] } })

// ---- R6: implementation progress ----

registerDataset({
  id: 'projects.progress',
  fields: [
    'code', 'name', 'typeName', 'place', 'townName', 'implUnit', 'totalInvestmentFen', 'allocatedFen', 'planStart', 'actualStart', 'planEnd', 'actualEnd',
    'stage', 'spentFen', 'expenditureRate', 'started', 'completed', 'accepted', 'handedOver', 'one', 'startRate', 'completionRate', 'problems',
  ],
  rows: (ctx, params) => ({
    rows: (async function* () {
      for (const p of await allProjects(ctx, params, 'code', inPlan)) {
        yield {
          ...p,
          place: place(p),
          stage: stageOf[p.status] ?? p.status,
          started: started(p.status) ? 1 : 0,
          completed: completed(p.status) ? 1 : 0,
          accepted: accepted(p.status) ? 1 : 0,
          handedOver: handedOver(p.status) ? 1 : 0,
          one: 1,
          problems: p.behind ? '支出进度滞后' : '',
        } as Row
      }
    })(),
  }),
})

export const r6Layout: ReportLayout = {
  id: 'R6',
  dataset: 'projects.progress',
  title: '{县}{年度}巩固衔接项目实施进度调度表',
  sheetName: '项目实施进度',
  unitRow: standardUnitRow,
  header: [
    t('code', '项目编号', 16, false),
    t('name', '项目名称', 26),
    t('typeName', '项目类型', 12),
    t('place', '乡镇/村', 18),
    t('implUnit', '实施单位', 16),
    m('totalInvestmentFen', '计划投资（{unit}）'),
    m('allocatedFen', '其中：衔接资金（{unit}）'),
    { label: '开工时间', children: [d('planStart', '计划'), d('actualStart', '实际')] },
    { label: '完工时间', children: [d('planEnd', '计划'), d('actualEnd', '实际')] },
    t('stage', '项目进度', 8, false),
    m('spentFen', '完成投资（支出）（{unit}）'),
    rate('expenditureRate', '支出进度', 'spentFen', 'allocatedFen'),
    { label: '进度统计', children: [flag('started', '已开工'), rate('startRate', '开工率', 'started', 'one'), flag('completed', '已完工'), rate('completionRate', '完工率', 'completed', 'one'), flag('accepted', '已验收'), flag('handedOver', '已移交')] },
    t('problems', '存在问题', 16),
  ],
  indexColumn: true,
  total: { label: '合计', labelKey: 'code', position: 'bottom' },
  footer: standardFooter,
  print: landscapeA3,
  freezeColumns: 2,
}

// ---- R7: fund issue / disbursement / expenditure progress ----

const levelOrder = ['中央', '自治区', '盟市', '旗县']

registerDataset({
  id: 'funds.progress',
  fields: ['fundTypeName', 'level', 'docNo', 'docDate', 'amountFen', 'allocatedFen', 'allocationRate', 'paidFen', 'spentFen', 'expenditureRate', 'balanceFen', 'targetRate', 'onTarget'],
  rows: (ctx, params) => ({
    rows: (async function* () {
      const docs: FundDocRow[] = []
      for (let page = 1; ; page++) {
        const { rows, total } = await call<{ rows: FundDocRow[]; total: number }>(ctx, 'fundDocs.list', { fundYear: params.year, sort: 'docDate', order: 'asc', page, pageSize: 500 })
        docs.push(...rows)
        if (rows.length === 0 || docs.length >= total) break
      }
      docs.sort((a, b) => levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level) || a.docDate.localeCompare(b.docDate))
      for (const doc of docs)
        yield {
          fundTypeName: doc.fundTypeName + (doc.taskLine ? `（${doc.taskLine}）` : ''),
          level: doc.level,
          docNo: doc.docNo,
          docDate: doc.docDate,
          amountFen: doc.amountFen,
          allocatedFen: doc.money.allocatedFen,
          allocationRate: doc.money.allocationRate,
          paidFen: doc.money.paidFen,
          spentFen: doc.money.spentFen,
          expenditureRate: doc.money.expenditureRate,
          balanceFen: doc.amountFen - doc.money.spentFen,
          targetRate: doc.milestone.targetRate,
          onTarget: doc.milestone.targetRate === null ? '' : yesNo(!doc.milestone.behind),
        } as Row
    })(),
  }),
})

export const r7Layout: ReportLayout = {
  id: 'R7',
  dataset: 'funds.progress',
  title: '{县}{年度}衔接资金拨付（支出）进度表',
  sheetName: '资金支出进度',
  unitRow: standardUnitRow,
  header: [
    t('fundTypeName', '资金来源', 22),
    t('level', '级次', 7, false),
    t('docNo', '下达文号', 20),
    d('docDate', '下达日期'),
    m('amountFen', '下达金额（{unit}）'),
    m('allocatedFen', '已分配到项目'),
    rate('allocationRate', '分配率', 'allocatedFen', 'amountFen'),
    m('paidFen', '已拨付'),
    m('spentFen', '已支出'),
    rate('expenditureRate', '支出率', 'spentFen', 'amountFen'),
    m('balanceFen', '结转结余'),
    { key: 'targetRate', label: '进度目标', format: 'percent', width: 9, total: 'none' },
    t('onTarget', '是否达标', 7, false),
  ],
  indexColumn: true,
  subtotal: { key: 'level', labelKey: 'fundTypeName', label: '{group}级小计' },
  total: { label: '合计', labelKey: 'fundTypeName', position: 'top' },
  footer: standardFooter,
  print: landscapeA4,
}

// ---- R8: fund-use structure ----

const levels = ['中央', '自治区', '盟市', '旗县'] as const
async function compliance(ctx: ServiceContext, params: ReportParams) {
  if (!params.year) throw new AppError('INVALID', '衔接资金使用结构表需要选择年度。', [{ field: 'year', message: '请选择年度' }])
  const byLevel = new Map<string, ComplianceResult>()
  for (const level of [...levels, '全部'] as const) byLevel.set(level, await call<ComplianceResult>(ctx, 'projects.compliance', { year: params.year, level }))
  return byLevel
}

registerDataset({
  id: 'funds.structure',
  fields: ['typeName', ...levels.map((l) => `${l}Fen`), 'allFen', 'share'],
  rows: (ctx, params) => ({
    rows: (async function* () {
      const byLevel = await compliance(ctx, params)
      const all = byLevel.get('全部')!
      for (const type of all.byType) {
        const row: Row = { typeName: type.typeName, allFen: type.amountFen, share: type.share }
        for (const l of levels) row[`${l}Fen`] = byLevel.get(l)!.byType.find((x) => x.typeCode === type.typeCode)?.amountFen ?? 0
        yield row
      }
    })(),
  }),
})

export const r8Layout: ReportLayout = {
  id: 'R8',
  dataset: 'funds.structure',
  title: '{县}{年度}衔接资金使用结构表',
  sheetName: '使用结构',
  unitRow: standardUnitRow,
  header: [
    t('typeName', '项目类型', 20),
    { label: '分配到项目的衔接资金（{unit}）', children: [...levels.map((l) => m(`${l}Fen`, l)), m('allFen', '合计')] },
    { key: 'share', label: '占衔接资金总额比例', format: 'percent', width: 11, total: 'none' },
  ],
  total: { label: '合计', labelKey: 'typeName', position: 'top' },
  footer: standardFooter,
  print: landscapeA4,
}

registerDataset({
  id: 'funds.monitor',
  fields: ['level', 'label', 'numeratorFen', 'denominatorFen', 'rate', 'rule', 'crossed'],
  rows: (ctx, params) => ({
    rows: (async function* () {
      const byLevel = await compliance(ctx, params)
      for (const [level, result] of byLevel)
        for (const item of result.items)
          yield {
            level: level === '全部' ? '全部级次' : level,
            label: item.label,
            numeratorFen: item.numeratorFen,
            denominatorFen: item.denominatorFen,
            rate: item.rate,
            rule: `${item.comparator} ${Math.round(item.threshold * 10000) / 100}%`,
            crossed: item.crossed ? '超出' : '符合',
          } as Row
    })(),
  }),
})

export const r8MonitorLayout: ReportLayout = {
  id: 'R8-监测',
  dataset: 'funds.monitor',
  title: '{县}{年度}衔接资金使用比例监测表',
  sheetName: '比例监测',
  unitRow: standardUnitRow,
  header: [
    t('level', '资金级次', 10),
    t('label', '监测指标', 22),
    { ...m('numeratorFen', '指标金额（{unit}）', 15), total: 'none' },
    { ...m('denominatorFen', '衔接资金总额（{unit}）', 15), total: 'none' },
    { key: 'rate', label: '占比', format: 'percent', width: 9, total: 'none' },
    t('rule', '要求', 10),
    t('crossed', '是否符合', 8),
  ],
  footer: standardFooter,
  print: landscapeA4,
}

// ---- R9: library list / annual plan, R10: asset clean-up (need each project's detail) ----

async function* details(ctx: ServiceContext, params: ReportParams, sort: string, statuses?: readonly string[]): AsyncGenerator<{ row: ProjectRow; detail: ProjectDetail }> {
  const projects = await allProjects(ctx, params, sort, statuses)
  for (const [i, row] of projects.entries()) {
    yield { row, detail: await call<ProjectDetail>(ctx, 'projects.get', { id: row.id }) }
    if (i % 50 === 49) await breathe()
  }
}

registerDataset({
  id: 'projects.library',
  fields: [
    'code', 'name', 'typeName', 'nature', 'place', 'content', 'totalInvestmentFen', 'xjFen', 'otherFen', 'implUnit', 'sectorDept', 'planStart', 'planEnd',
    'beneficiaryHouseholds', 'beneficiaryPersons', 'poorPersons', 'linkMechanism', 'formsAsset', 'status', 'libraryDocNo',
  ],
  rows: (ctx, params) => ({
    rows: (async function* () {
      const all: Row[] = []
      for await (const { row, detail } of details(ctx, params, 'code', inLibrary)) {
        const xj = detail.fundSources.filter((f) => f.sourceType === 'XJ' || f.sourceType === 'ZX').reduce((n, f) => n + f.amountFen, 0)
        all.push({
          ...row,
          nature: detail.nature,
          place: place(row),
          content: detail.content,
          xjFen: xj,
          otherFen: detail.totalInvestmentFen - xj,
          beneficiaryHouseholds: detail.beneficiaryHouseholds,
          beneficiaryPersons: detail.beneficiaryPersons,
          poorPersons: detail.poorPersons,
          linkMechanism: detail.linkMechanism,
          formsAsset: yesNo(row.formsAsset),
          libraryDocNo: detail.libraryDocNo,
        })
      }
      // Grouped by type for the subtotals (the 京蒙 layout of the Bairin Left Banner).
      all.sort((a, b) => String(a.typeName).localeCompare(String(b.typeName), 'zh-CN') || String(a.code).localeCompare(String(b.code)))
      yield* all
    })(),
  }),
})

export const r9Layout: ReportLayout = {
  id: 'R9',
  dataset: 'projects.library',
  title: '{县}{年度}巩固拓展脱贫攻坚成果和乡村振兴项目库入库项目清单',
  sheetName: '入库项目清单',
  unitRow: standardUnitRow,
  header: [
    t('typeName', '项目类型', 12),
    t('code', '项目编号', 16, false),
    t('name', '项目名称', 24),
    t('nature', '建设性质', 8, false),
    t('place', '实施地点', 18),
    t('content', '建设内容及规模', 30),
    { label: '资金规模（{unit}）', children: [m('totalInvestmentFen', '总投资'), m('xjFen', '其中：衔接资金'), m('otherFen', '其他资金')] },
    t('implUnit', '实施单位', 14),
    t('sectorDept', '主管部门', 12),
    { label: '实施期限', children: [d('planStart', '计划开工'), d('planEnd', '计划完工')] },
    { label: '受益情况', children: [{ key: 'beneficiaryHouseholds', label: '受益户数', format: 'integer', width: 8 }, { key: 'beneficiaryPersons', label: '受益人数', format: 'integer', width: 8 }, { key: 'poorPersons', label: '其中脱贫人口', format: 'integer', width: 8 }] },
    t('linkMechanism', '联农带农机制', 20),
    t('formsAsset', '是否形成资产', 7, false),
    t('status', '状态', 9, false),
  ],
  indexColumn: true,
  subtotal: { key: 'typeName', labelKey: 'typeName', label: '{group}小计' },
  total: { label: '合计', labelKey: 'typeName', position: 'top' },
  footer: standardFooter,
  print: landscapeA3,
  freezeColumns: 3,
}

const fiscalSplit = (d: ProjectDetail) => {
  let notIntegrated = 0
  let integrated = 0
  let otherIntegrated = 0
  let social = 0
  let other = 0
  for (const f of d.fundSources) {
    if (f.sourceType === 'XJ' || f.sourceType === 'ZX') (f.integrated ? (integrated += f.amountFen) : (notIntegrated += f.amountFen))
    else if (f.sourceType === 'ZH') otherIntegrated += f.amountFen
    else if (['SH', 'DX', 'DD', 'DK'].includes(f.sourceType)) social += f.amountFen
    else other += f.amountFen
  }
  return { notIntegratedFen: notIntegrated, integratedFen: integrated, otherIntegratedFen: otherIntegrated, socialFen: social, otherFen: other }
}

registerDataset({
  id: 'projects.assets',
  fields: [
    'name', 'content', 'place', 'typeName', 'sectorDept', 'implUnit', 'year', 'notIntegratedFen', 'integratedFen', 'otherIntegratedFen', 'socialFen', 'otherFen',
    'assetClasses', 'assetValueFen', 'owner', 'beneficiaryPersons', 'status',
  ],
  rows: (ctx, params) => ({
    rows: (async function* () {
      for await (const { row, detail } of details(ctx, params, 'code')) {
        const classes = [...new Set(detail.assets.map((a) => a.class))]
        yield {
          name: row.name,
          content: detail.content,
          place: place(row),
          typeName: row.typeName,
          sectorDept: row.sectorDept,
          implUnit: row.implUnit,
          year: row.year,
          ...fiscalSplit(detail),
          assetClasses: classes.length ? classes.join('、') : detail.expectedAssetClass,
          assetValueFen: detail.assets.reduce((n, a) => n + a.originalValueFen, 0) + (detail.householdLines?.amountFen ?? 0),
          owner: detail.expectedOwner,
          beneficiaryPersons: detail.beneficiaryPersons,
          status: row.status,
        } as Row
      }
    })(),
  }),
})

export const r10Layout: ReportLayout = {
  id: 'R10',
  dataset: 'projects.assets',
  title: '{县}{年度}衔接资金项目资产清理表',
  sheetName: '项目资产清理',
  unitRow: standardUnitRow,
  header: [
    t('name', '项目名称', 24),
    t('content', '建设内容及规模', 28),
    t('place', '所在乡镇（苏木）和村（嘎查）', 18),
    t('typeName', '项目类型', 12),
    t('sectorDept', '旗县级行业主管部门', 14),
    t('implUnit', '业主单位', 14),
    { key: 'year', label: '资金年度', format: 'year', width: 7 },
    {
      label: '项目补助资金（{unit}）',
      children: [
        m('notIntegratedFen', '未纳入统筹整合的财政衔接资金'),
        m('integratedFen', '纳入涉农整合的财政衔接资金'),
        m('otherIntegratedFen', '其他涉农整合资金'),
        m('socialFen', '社会帮扶资金'),
        m('otherFen', '其他资金'),
      ],
    },
    t('assetClasses', '资产类别', 10),
    m('assetValueFen', '资产价值（{unit}）'),
    t('owner', '确权对象', 16),
    { key: 'beneficiaryPersons', label: '受益人口', format: 'integer', width: 8 },
    t('status', '项目状态', 9, false),
  ],
  indexColumn: true,
  total: { label: '合计', labelKey: 'name', position: 'bottom' },
  footer: standardFooter,
  print: landscapeA3,
}
