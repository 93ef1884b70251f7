/**
 * The export services behind the `exports.*` channels: a report (layouts filled by their datasets) or
 * a list view's filtered rows, written as styled .xlsx into the outbox.
 */
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import type { OutboxFile } from '../../api/types/files'
import { fundSourceTypes } from '../../domain/asset-enums'
import { AppError } from '../../domain/errors'
import type { MoneyUnit } from '../../domain/money'
import type { ServiceContext } from '../../services/context'
import { outboxFile, outboxPath } from '../../services/files'
import { getSetting } from '../../services/settings'
import { leafColumns, selectColumns, type ReportLayout } from './layout'
import { assetListRows, householdLineListRows, householdListRows, listLayouts, problemListRows, projectListRows, withCompanions, type ListRows } from './lists'
import { loadCountyReports } from './reports/county'
import { getDataset, type ReportParams } from './reports/dataset'
import { allReports, getReport, reportLayouts, type ReportDef } from './reports/index'
import { writeWorkbook, type SheetInput, type SheetSummary } from './xlsx-writer'

export interface ReportInfo extends Omit<ReportDef, 'status'> {
  status: ReportDef['status'] | 'invalid'
  /** Sheet names and titles, for the picker. */
  sheetTitles: { sheetName: string; title: string }[]
}

/** The reports, the county's own (report-layouts/*.json in the data folder) included; a county file with mistakes is listed with them. */
export function listReports(ctx: ServiceContext): ReportInfo[] {
  const county = loadCountyReports(ctx)
  const reports: ReportInfo[] = allReports().map((r) => ({ ...r, sheetTitles: reportLayouts(r).map((l) => ({ sheetName: l.sheetName, title: l.title })) }))
  for (const bad of county.invalid)
    reports.push({ id: bad.file, name: `本旗县报表格式 ${bad.file}`, yearLabel: null, town: false, status: 'invalid', note: bad.problems.join('；'), sheets: [], sheetTitles: [] })
  return reports
}

const pad = (n: number) => String(n).padStart(2, '0')
function today() {
  const d = new Date()
  return { cn: `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`, stamp: `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}` }
}

const regionName = (ctx: ServiceContext, code: string | undefined) =>
  code ? ((ctx.db.prepare('SELECT name FROM region WHERE code = ?').pluck().get(code) as string | undefined) ?? code) : ''

/** The placeholder values every title, unit row and footer may use. */
export function baseVars(ctx: ServiceContext, unit: MoneyUnit): Record<string, string> & { 县: string } {
  return {
    县: getSetting<string>(ctx, 'county.name'),
    填报单位: getSetting<string>(ctx, 'org.unitName'),
    资产称谓: getSetting<string>(ctx, 'display.assetLabel'),
    填报日期: today().cn,
    单位: unit,
  }
}

function progressOf(ctx: ServiceContext, job: string) {
  return (done: number, total: number | undefined, sheet: string) =>
    ctx.progress?.({ job, done, total: total ?? done, label: `正在写入“${sheet}”：${done.toLocaleString('zh-CN')} 行` })
}

export interface WrittenFile extends OutboxFile {
  sheets: SheetSummary[]
}

async function write(ctx: ServiceContext, fileName: string, sheets: SheetInput[], unit: MoneyUnit, job: string): Promise<WrittenFile> {
  const slot = outboxPath(ctx, fileName)
  try {
    const summaries = await writeWorkbook(slot.path, sheets, { unit, onProgress: progressOf(ctx, job) })
    return { ...outboxFile(ctx, slot.fileId), sheets: summaries }
  } catch (error) {
    rmSync(dirname(slot.path), { recursive: true, force: true })
    throw error
  }
}

/** Fills one layout from its dataset. */
export function sheetOf(ctx: ServiceContext, layout: ReportLayout, params: ReportParams, vars: Record<string, string>): SheetInput {
  const dataset = getDataset(layout.dataset)
  if (!dataset) throw new AppError('LAYOUT_INVALID', `报表格式“${layout.title}”引用的数据集 ${layout.dataset} 不存在。`)
  const { rows, rowCount } = dataset.rows(ctx, params, layout.datasetArgs ?? {})
  return { layout, rows, rowCount, vars }
}

export async function exportReport(ctx: ServiceContext, input: { report: string; year?: number; townCode?: string; unit: MoneyUnit }): Promise<WrittenFile> {
  loadCountyReports(ctx)
  const report = getReport(input.report)
  if (report.status === 'later') throw new AppError('NOT_READY', `“${report.name}”的数据要等相应功能完成后才有，目前只能导出空表样式。`)
  const params: ReportParams = { unit: input.unit, year: report.yearLabel ? input.year : undefined, townCode: report.town ? input.townCode : undefined }
  if (params.townCode && !ctx.db.prepare('SELECT 1 FROM region WHERE code = ? AND level = 4').get(params.townCode))
    throw new AppError('INVALID', '所选乡镇（苏木）不存在。', [{ field: 'townCode', message: '不是本旗县的乡镇（苏木）' }])
  const vars: Record<string, string> & { 县: string } = {
    ...baseVars(ctx, input.unit),
    年度: params.year ? `${params.year}年度` : '',
    乡镇: regionName(ctx, params.townCode),
  }
  // A report limited to one town says so in its title.
  const town = vars['乡镇']
  const sheets = reportLayouts(report).map((l) => sheetOf(ctx, town ? { ...l, title: l.title.replace('{县}', '{县}{乡镇}') } : l, params, vars))
  const fileName = `${vars['县']}${town}${params.year ? `${params.year}年度` : ''}${report.name}_${today().stamp}.xlsx`
  return write(ctx, fileName, sheets, input.unit, 'export')
}

/** A report's sheets with no rows: the blank form of a 'later' report, and the proof that every layout fits the writer. */
export async function exportBlankReport(ctx: ServiceContext, input: { report: string; unit: MoneyUnit }): Promise<WrittenFile> {
  const report = getReport(input.report)
  const vars: Record<string, string> & { 县: string } = { ...baseVars(ctx, input.unit), 年度: '', 乡镇: '' }
  const sheets = reportLayouts(report).map((layout) => ({ layout, rows: [], rowCount: 0, vars }))
  return write(ctx, `${vars['县']}${report.name}（空表）.xlsx`, sheets, input.unit, 'export')
}

// ---- list exports ----

export type ListName = keyof typeof listLayouts

const classNames: Record<string, string> = { 公益类: '公益类', 经营类: '经营类', 到户类: '到户类' }

/** The filter in words, for the row under the title: 筛选条件：乡镇：林东镇；年度：2023 … */
function describeFilter(ctx: ServiceContext, filter: Record<string, unknown>): string {
  const parts: string[] = []
  const add = (label: string, value: unknown) => value !== undefined && value !== null && value !== '' && parts.push(`${label}：${String(value)}`)
  add('乡镇', regionName(ctx, filter.townCode as string | undefined))
  add('村', regionName(ctx, filter.villageCode as string | undefined))
  add('资产类型', filter.subtypeCode ? ((ctx.db.prepare("SELECT name FROM dict WHERE type = 'asset_subtype' AND code = ?").pluck().get(filter.subtypeCode) as string | undefined) ?? filter.subtypeCode) : undefined)
  add('年度', filter.fundYear ?? filter.projectYear)
  add('状态', filter.status)
  add('现状', filter.currentStatus)
  add('资金来源', filter.fundSource ? (fundSourceTypes.find((t) => t.code === filter.fundSource)?.name ?? filter.fundSource) : undefined)
  add('农户属性', filter.attribute)
  add('所有权人', filter.owner)
  add('管护', filter.custodian)
  add('问题', filter.problem ?? filter.kind)
  add('项目类型', filter.typeCode)
  add('主管部门', filter.sectorDept)
  add('实施年度', filter.year)
  if (filter.behind) parts.push('进度滞后')
  add('查找', filter.q)
  return parts.length ? `筛选条件：${parts.join('；')}` : '筛选条件：全部'
}

const listNames: Record<ListName, string> = { assets: '资产台账', households: '农户登记表', householdLines: '到户资产花名册', problems: '问题清单', projects: '项目清单' }

/**
 * A long export reads the whole table once: memory-mapping it would put up to 256 MB of file pages
 * into the process for nothing, so the map is set aside for the export and restored after.
 */
async function withoutMmap<T>(ctx: ServiceContext, work: () => Promise<T>): Promise<T> {
  const before = ctx.db.pragma('mmap_size', { simple: true }) as number
  ctx.db.pragma('mmap_size = 0')
  try {
    return await work()
  } finally {
    ctx.db.pragma(`mmap_size = ${Number(before) || 0}`)
  }
}

export function exportList(ctx: ServiceContext, input: ListExportInput): Promise<WrittenFile> {
  return withoutMmap(ctx, () => writeListExport(ctx, input))
}

type ListExportInput = { list: ListName; filter: Record<string, unknown> & { sort?: string; order?: 'asc' | 'desc' }; columns?: string[]; unit: MoneyUnit }

async function writeListExport(ctx: ServiceContext, input: ListExportInput): Promise<WrittenFile> {
  const base = listLayouts[input.list]
  if (!base) throw new AppError('INVALID', `不能导出列表 ${String(input.list)}。`)
  const known = new Set(leafColumns(base.header).map((c) => c.key))
  const columns = withCompanions(input.list, input.columns?.filter((k) => known.has(k)))
  if (input.columns && input.columns.length && (!columns || columns.length === 0)) throw new AppError('INVALID', '所选的列都不能导出，请重新选择显示列。')
  const layout = selectColumns(base, columns)
  const { sort, order: givenOrder, ...f } = input.filter
  const order = givenOrder ?? 'asc'
  let source: ListRows
  switch (input.list) {
    case 'assets':
      source = assetListRows(ctx, { ...(f as object), sort: sort ?? 'code', order })
      break
    case 'households':
      source = householdListRows(ctx, { ...(f as object), sort: (sort ?? 'villageName') as never, order })
      break
    case 'householdLines':
      source = householdLineListRows(ctx, { ...(f as object), sort: (sort ?? 'id') as never, order: givenOrder ?? 'desc' })
      break
    case 'problems':
      source = problemListRows(ctx, f as { kind?: string; townCode?: string })
      break
    case 'projects':
      source = projectListRows(ctx, { ...f, sort: sort ?? 'code', order })
      break
  }
  const cls = typeof f.class === 'string' ? classNames[f.class] ?? '' : ''
  const vars: Record<string, string> & { 县: string } = { ...baseVars(ctx, input.unit), 类: cls, 筛选: describeFilter(ctx, f) }
  const fileName = `${vars['县']}${cls}${listNames[input.list]}_${today().stamp}.xlsx`
  return write(ctx, fileName, [{ layout, rows: source.rows, rowCount: source.rowCount, vars }], input.unit, 'export')
}
