/**
 * The upward reports (上报报表, domain.md §5): each is a list of layouts (one sheet each), filled by the
 * layouts' datasets. 'ready' reports have their data; 'later' ones are layouts waiting for their
 * feature. A county's own report is one more entry (`registerReport`) over registered layouts.
 */
import { AppError } from '../../../domain/errors'
import { getLayout, hasLayout, registerLayout, type ReportLayout } from '../layout'
import { r1bLayout, r1Layout, r2HouseholdLayout, r2OperatingLayout, r2PublicLayout, r3IdleLayout, r3Layout, r5Layout } from './assets'
import { getDataset } from './dataset'
import { r11Layout, r12Layout, r13Layout, r4Layout } from './later'
import { r10Layout, r6Layout, r7Layout, r8Layout, r8MonitorLayout, r9Layout } from './projects'
import { isChannel } from '../../../api/contract'

export interface ReportDef {
  id: string
  name: string
  /** What the year parameter means for this report, or null when it takes none. */
  yearLabel: '资金年度' | '项目年度' | '计划年度' | null
  /** Whether it can be limited to one 乡镇. */
  town: boolean
  status: 'ready' | 'later'
  /** Shown under the name in the 报表 view. */
  note: string
  /** Layout ids, one sheet each, in order. */
  sheets: string[]
}

const reports = new Map<string, ReportDef>()

/** Registers a report; its layouts must be registered, each against its dataset's fields. */
export function registerReport(def: ReportDef, layouts: ReportLayout[] = []): ReportDef {
  for (const l of layouts) {
    const dataset = getDataset(l.dataset)
    if (!dataset) throw new AppError('LAYOUT_INVALID', `报表格式“${l.title}”引用的数据集 ${l.dataset} 不存在。`)
    registerLayout(l, dataset.fields)
  }
  for (const id of def.sheets) if (!hasLayout(id)) throw new AppError('LAYOUT_INVALID', `报表 ${def.id} 的工作表格式 ${id} 未登记。`)
  reports.set(def.id, structuredClone(def))
  return def
}

export function getReport(id: string): ReportDef {
  const r = reports.get(id)
  if (!r) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的报表。`)
  return structuredClone(r)
}

export const allReports = (): ReportDef[] => [...reports.values()].map((r) => structuredClone(r))

export const reportLayouts = (r: ReportDef): ReportLayout[] => r.sheets.map(getLayout)

registerReport(
  { id: 'R1', name: '资产统计表（按类别、按乡镇）', yearLabel: '资金年度', town: true, status: 'ready', sheets: ['R1'], note: '各乡镇（苏木）三类资产的个数和金额，已确权、已移交情况；确权到旗县级的资产列入“旗直”行。' },
  [r1Layout],
)
registerReport(
  { id: 'R1b', name: '资产确权情况统计表（按确权层级）', yearLabel: '资金年度', town: true, status: 'ready', sheets: ['R1b'], note: '已确权资产按确权到县、乡镇、村、户分列个数和金额。' },
  [r1bLayout],
)
registerReport(
  { id: 'R2', name: '资产明细台账（三类资产）', yearLabel: '资金年度', town: true, status: 'ready', sheets: ['R2-公益类', 'R2-经营类', 'R2-到户类'], note: '公益类、经营类资产明细和到户类花名册，各一个工作表，按乡镇小计。到户类按项目年度筛选，身份证号已脱敏。' },
  [r2PublicLayout, r2OperatingLayout, r2HouseholdLayout],
)
registerReport(
  { id: 'R3', name: '资产运营（运行）情况统计表', yearLabel: '资金年度', town: true, status: 'ready', sheets: ['R3', 'R3-闲置低效'], note: '各乡镇分类别的正常、闲置、低效、损毁、待处置、已处置资产；另附闲置低效资产明细。' },
  [r3Layout, r3IdleLayout],
)
registerReport(
  { id: 'R5', name: '公益性资产管护情况表', yearLabel: '资金年度', town: true, status: 'ready', sheets: ['R5'], note: '在用公益类资产的管护主体、责任人、经费、最近巡查日期和存在问题。' },
  [r5Layout],
)
// The project reports read the project library through its channels; until that area is in, they wait.
const projects: ReportDef['status'] = isChannel('projects.list') ? 'ready' : 'later'
const projectsNote = (text: string) => (projects === 'ready' ? text : '项目库功能完成后提供。')
registerReport(
  { id: 'R6', name: '项目实施进度调度表', yearLabel: '项目年度', town: true, status: projects, sheets: ['R6'], note: projectsNote('纳入年度计划的项目的计划和实际开工、完工，进度，支出，验收和移交；合计行给出开工率、完工率。') },
  [r6Layout],
)
registerReport(
  { id: 'R7', name: '资金拨付（支出）进度表', yearLabel: '资金年度', town: false, status: projects, sheets: ['R7'], note: projectsNote('各级衔接资金文件的下达、分配、拨付、支出和支出率，按级次小计。') },
  [r7Layout],
)
registerReport(
  { id: 'R8', name: '衔接资金使用结构表', yearLabel: '资金年度', town: false, status: projects, sheets: ['R8', 'R8-监测'], note: projectsNote('衔接资金按项目类型、资金级次的分配结构，另附使用比例监测（须选年度）。') },
  [r8Layout, r8MonitorLayout],
)
registerReport(
  { id: 'R9', name: '项目库入库项目清单（年度项目计划表）', yearLabel: '项目年度', town: true, status: projects, sheets: ['R9'], note: projectsNote('已入库（含纳入计划、实施中、已完成）项目的清单，按项目类型小计。') },
  [r9Layout],
)
registerReport(
  { id: 'R10', name: '衔接资金项目资产清理表', yearLabel: '项目年度', town: true, status: projects, sheets: ['R10'], note: projectsNote('各项目的补助资金构成、形成资产类别和价值、确权对象、受益人口。') },
  [r10Layout],
)
registerReport({ id: 'R4', name: '经营性资产收益及分配情况表', yearLabel: '资金年度', town: true, status: 'later', sheets: ['R4'], note: '收益与分配功能完成后提供。' }, [r4Layout])
registerReport({ id: 'R11', name: '资产处置情况表', yearLabel: '资金年度', town: true, status: 'later', sheets: ['R11'], note: '资产处置功能完成后提供。' }, [r11Layout])
registerReport({ id: 'R12', name: '绩效自评汇总表', yearLabel: '项目年度', town: false, status: 'later', sheets: ['R12'], note: '绩效评价功能完成后提供。' }, [r12Layout])
registerReport({ id: 'R13', name: '清产核资（清查）结果表', yearLabel: null, town: true, status: 'later', sheets: ['R13'], note: '清产核资功能完成后提供。' }, [r13Layout])

/** The program's own reports and layouts: a county file may not replace them. */
export const builtinReportIds: ReadonlySet<string> = new Set(allReports().map((r) => r.id))
export const builtinLayoutIds: ReadonlySet<string> = new Set(allReports().flatMap((r) => r.sheets))
