import { z } from 'zod'
import { assetClasses } from '../../domain/asset-enums'
import { orientations, papers, printTemplateKeys, variants } from '../../print/options'
import type { PrintHtml, PrintTemplateInfo } from '../../print/service'
import { channel, id, isoDate, regionCode } from '../define'

/** What to print: the template, its scope, the variant and the page. Shared by print.html and the glue's PDF/print calls. */
export const printInput = z.object({
  template: z.enum(printTemplateKeys).describe('打印模板'),
  variant: z.enum(variants).default('公示版').describe('版本'),
  class: z.enum(assetClasses).optional().describe('台账类别'),
  townCode: regionCode.optional().describe('乡镇（苏木）'),
  villageCode: regionCode.optional().describe('村（嘎查）'),
  groupBy: z.enum(['town', 'village']).default('village').describe('分组方式'),
  pagePerVillage: z.boolean().default(false).describe('每村单独成页'),
  assetId: id.optional().describe('资产'),
  householdId: id.optional().describe('农户'),
  projectId: id.optional().describe('项目'),
  projectYear: z.number().int().min(2000).max(2100).optional().describe('项目年度'),
  copies: z.number().int().min(1).max(6).optional().describe('份数'),
  paper: z.enum(papers).optional().describe('纸张'),
  orientation: z.enum(orientations).optional().describe('方向'),
  date: isoDate.optional().describe('日期'),
})

export const printChannels = {
  'print.templates': channel<PrintTemplateInfo[]>()(z.object({})),
  'print.html': channel<PrintHtml>()(printInput),
}
