import { z } from 'zod'
import { channel, regionCode, text } from '../define'
import type { ExportResult, ReportInfo } from '../types/exports'
import { assetChannels } from './assets'
import { householdChannels } from './households'
import { projectChannels } from './projects'

const unit = z.enum(['元', '万元']).default('元').describe('金额单位')
/** The columns shown in the view (its column chooser); absent = every column of the list. */
const columns = z.array(z.string().max(40)).max(60).optional().describe('导出列')
/** A list's own filter and sort, exactly as its list channel takes them (without the page). */
const noPage = { page: true, pageSize: true } as const

export const exportChannels = {
  'exports.reports': channel<ReportInfo[]>()(z.object({})),
  'exports.report': channel<ExportResult>()(
    z.object({
      report: text(40).min(1).describe('报表'),
      year: z.number().int().min(2000).max(2100).optional().describe('年度'),
      townCode: regionCode.optional().describe('乡镇（苏木）'),
      unit: unit.default('万元'),
    }),
  ),
  /** The blank form of a report (its layouts, no rows): for reports whose data come later. */
  'exports.blank': channel<ExportResult>()(z.object({ report: text(40).min(1).describe('报表'), unit: unit.default('万元') })),
  'exports.list': channel<ExportResult>()(
    z.discriminatedUnion('list', [
      z.object({ list: z.literal('assets'), filter: assetChannels['assets.list'].input.omit(noPage).describe('筛选条件'), columns, unit }),
      z.object({ list: z.literal('households'), filter: householdChannels['households.list'].input.omit(noPage).describe('筛选条件'), columns, unit }),
      z.object({ list: z.literal('householdLines'), filter: householdChannels['householdLines.list'].input.omit(noPage).describe('筛选条件'), columns, unit }),
      z.object({ list: z.literal('problems'), filter: assetChannels['assets.problems'].input.omit(noPage).describe('筛选条件'), columns, unit }),
      z.object({ list: z.literal('projects'), filter: projectChannels['projects.list'].input.omit(noPage).describe('筛选条件'), columns, unit }),
    ]),
  ),
}
