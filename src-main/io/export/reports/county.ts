/**
 * A county's own report formats, without a new program version: JSON files in
 * `<数据目录>/report-layouts/*.json`, each
 *   { "report": { "id": "县-R1简表", "name": "…", "yearLabel": "资金年度", "town": true, "note": "…" },
 *     "layouts": [ { …a ReportLayout over one of the program's datasets… } ] }
 * Every layout is checked against its dataset's fields; a file with mistakes is listed with them
 * (status 'invalid') instead of breaking the report list.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../../domain/errors'
import type { ServiceContext } from '../../../services/context'
import { checkLayout, type ReportLayout } from '../layout'
import { getDataset } from './dataset'
import { builtinLayoutIds, builtinReportIds, registerReport, type ReportDef } from './index'

export const countyLayoutDir = (ctx: Pick<ServiceContext, 'paths'>) => join(ctx.paths.dataDir, 'report-layouts')

export interface CountyLoad {
  loaded: string[]
  invalid: { file: string; problems: string[] }[]
}

function parseFile(text: string): { report: ReportDef; layouts: ReportLayout[]; problems: string[] } {
  const problems: string[] = []
  let data: { report?: Partial<ReportDef>; layouts?: ReportLayout[] }
  try {
    data = JSON.parse(text)
  } catch (e) {
    return { report: {} as ReportDef, layouts: [], problems: [`不是有效的 JSON：${(e as Error).message}`] }
  }
  const r = data.report ?? {}
  if (typeof r.id !== 'string' || !/^[\p{L}\p{N}_-]{1,40}$/u.test(r.id)) problems.push('report.id 应为1至40个字的编号')
  else if (builtinReportIds.has(r.id)) problems.push(`report.id ${r.id} 与程序自带的报表重名，请换一个编号`)
  if (typeof r.name !== 'string' || !r.name) problems.push('缺少 report.name')
  const layouts = Array.isArray(data.layouts) ? data.layouts : []
  if (layouts.length === 0) problems.push('缺少 layouts')
  for (const l of layouts) {
    const dataset = getDataset(l?.dataset)
    if (builtinLayoutIds.has(l?.id)) problems.push(`报表格式编号 ${l.id} 与程序自带的重名`)
    if (!dataset) problems.push(`报表格式 ${l?.id} 的数据集 ${l?.dataset} 不存在`)
    else problems.push(...checkLayout(l, dataset.fields).map((p) => `${l.id}：${p}`))
  }
  const report: ReportDef = {
    id: String(r.id),
    name: String(r.name ?? ''),
    yearLabel: r.yearLabel === '资金年度' || r.yearLabel === '项目年度' || r.yearLabel === '计划年度' ? r.yearLabel : null,
    town: r.town !== false,
    status: 'ready',
    note: typeof r.note === 'string' ? r.note : '本旗县自定报表格式',
    sheets: layouts.map((l) => l?.id),
  }
  return { report, layouts, problems }
}

/** Registers the county's report files; returns what was loaded and what was refused. */
export function loadCountyReports(ctx: Pick<ServiceContext, 'paths'>): CountyLoad {
  const result: CountyLoad = { loaded: [], invalid: [] }
  let files: string[]
  try {
    files = readdirSync(countyLayoutDir(ctx)).filter((f) => f.toLowerCase().endsWith('.json')).sort()
  } catch {
    return result
  }
  for (const file of files) {
    const { report, layouts, problems } = parseFile(readFileSync(join(countyLayoutDir(ctx), file), 'utf8'))
    if (problems.length) {
      result.invalid.push({ file, problems })
      continue
    }
    try {
      registerReport(report, layouts)
      result.loaded.push(report.id)
    } catch (e) {
      result.invalid.push({ file, problems: [e instanceof AppError ? e.message : String(e)] })
    }
  }
  return result
}
