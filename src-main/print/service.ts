/**
 * The core side of printing: which templates exist, and `printHtml` — the HTML of one print job
 * from the database, with its page options. Turning HTML into a PDF or paper needs a browser
 * engine and lives in the glue (electron-pdf.ts under Electron, web/bridge-print.ts under the test
 * bridge); both call this through the contract channel `print.html`.
 */
import type { AssetClass } from '../domain/asset-enums'
import { AppError } from '../domain/errors'
import type { ServiceContext } from '../services/context'
import { getSetting } from '../services/settings'
import { loadAssetLedgerRows, loadAssetRecords, loadHouseholdLedgerRows, loadReceiptHouseholds, printHeader, regionName, townOfVillage } from '../services/print-data'
import { layoutFor } from './layouts'
import { pageOptions, type Orientation, type Paper, type PageSetup, type PrintPageOptions } from './page'
import { projectFor, type Variant } from './public-view'
import { renderAssetCards, renderConfirmForms, renderHandovers } from './templates/asset-forms'
import { renderReceipts } from './templates/household-receipt'
import { renderLedger } from './templates/ledger'
import { batchNotes, renderProjectBatch } from './project-batch'
import { projectTemplates, renderProjectForm, type ProjectTemplateKey } from './project-forms'

import type { PrintTemplateKey } from './options'

export { printTemplateKeys, type PrintTemplateKey } from './options'

/** `projects`: every project of a 项目年度 (and 乡镇/村) in one job (project notices in a batch). */
export type PrintScope = 'county' | 'town' | 'village' | 'asset' | 'household' | 'project' | 'projects'

export interface PrintTemplateInfo {
  key: PrintTemplateKey
  label: string
  /** Scopes the template can be printed for. */
  scopes: PrintScope[]
  paper: Paper
  orientation: Orientation
  /** Whether the 公示版/内部版 choice changes anything (forms with ID/phone/account numbers). */
  variants: boolean
  /** The version the dialog proposes: public sheets 公示版, forms kept on file 内部版. */
  defaultVariant: Variant
  /** False when the data it needs does not exist in this file yet (e.g. no project library). */
  available: boolean
  note?: string
  /** What a batch (scope `projects`) contains, shown in the dialog. */
  batchNote?: string
}

const baseTemplates: Omit<PrintTemplateInfo, 'available'>[] = [
  { key: 'ledger', label: '资产台账', scopes: ['county', 'town', 'village'], paper: 'A4', orientation: 'landscape', variants: true, defaultVariant: '公示版' },
  { key: 'assetCard', label: '资产登记卡片', scopes: ['asset', 'village'], paper: 'A4', orientation: 'portrait', variants: true, defaultVariant: '内部版' },
  { key: 'confirmForm', label: '确权登记表', scopes: ['asset', 'village'], paper: 'A4', orientation: 'portrait', variants: true, defaultVariant: '内部版' },
  { key: 'handover', label: '资产移交书', scopes: ['asset', 'village'], paper: 'A4', orientation: 'portrait', variants: false, defaultVariant: '内部版' },
  { key: 'householdReceipt', label: '到户资产发放确认单', scopes: ['household', 'village'], paper: 'A4', orientation: 'portrait', variants: true, defaultVariant: '内部版' },
]

export function listPrintTemplates(ctx: ServiceContext): PrintTemplateInfo[] {
  return [...baseTemplates.map((t) => ({ ...t, available: true })), ...projectTemplates(ctx).map((t) => ({ ...t, batchNote: batchNotes[t.key as ProjectTemplateKey] }))]
}

export interface PrintHtmlInput {
  template: PrintTemplateKey
  variant: Variant
  class?: AssetClass
  townCode?: string
  villageCode?: string
  groupBy: 'town' | 'village'
  pagePerVillage: boolean
  assetId?: number
  householdId?: number
  projectId?: number
  projectYear?: number
  copies?: number
  paper?: Paper
  orientation?: Orientation
  date?: string
}

export interface PrintHtml {
  html: string
  title: string
  /** A file name for the PDF, e.g. 「巴林左旗林东镇 公益类帮扶项目资产台账（公示版）.pdf」. */
  fileName: string
  page: PrintPageOptions
}

const margins = (orientation: Orientation): PageSetup['marginsMm'] => (orientation === 'landscape' ? [12, 10, 14, 10] : [13, 14, 15, 16])

export function printHtml(ctx: ServiceContext, input: PrintHtmlInput): PrintHtml {
  const info = listPrintTemplates(ctx).find((t) => t.key === input.template)
  if (!info) throw new AppError('INVALID', '没有这个打印模板。')
  if (!info.available) throw new AppError('NOT_AVAILABLE', info.note ?? `「${info.label}」暂不可用。`)
  const orientation = input.orientation ?? info.orientation
  const setup: PageSetup = { paper: input.paper ?? info.paper, orientation, marginsMm: margins(orientation) }
  const layout = layoutFor(getSetting<string>(ctx, 'county.code'))
  const header = printHeader(ctx, input.date)
  const variant = input.variant
  let townCode = input.townCode
  if (input.villageCode) {
    const parent = townOfVillage(ctx, input.villageCode)
    if (townCode && townCode !== parent) throw new AppError('INVALID', '所选村（嘎查）不属于所选乡镇（苏木）。')
    townCode = parent
  }
  let result: { html: string; title: string }
  switch (input.template) {
    case 'ledger': {
      if (!input.class) throw new AppError('INVALID', '请选择台账类别（公益类、经营类或到户类）。')
      const scope = { townCode, villageCode: input.villageCode }
      const rows = input.class === '到户类' ? loadHouseholdLedgerRows(ctx, { ...scope, projectYear: input.projectYear }) : loadAssetLedgerRows(ctx, input.class, scope)
      const data = {
        header,
        class: input.class,
        scope: { townName: regionName(ctx, townCode), villageName: regionName(ctx, input.villageCode) },
        groupBy: input.groupBy,
        pagePerVillage: input.pagePerVillage,
        rows,
      }
      result = renderLedger(layout, variant, setup, projectFor(variant, data))
      break
    }
    case 'assetCard':
    case 'confirmForm':
    case 'handover': {
      const assets = loadAssetRecords(ctx, { assetId: input.assetId, villageCode: input.villageCode, townCode: input.villageCode ? undefined : townCode, class: input.class })
      if (!assets.length) throw new AppError('EMPTY', '所选范围内没有资产。')
      const data = projectFor(variant, { header, assets, copies: input.copies })
      const render = input.template === 'assetCard' ? renderAssetCards : input.template === 'confirmForm' ? renderConfirmForms : renderHandovers
      result = render(layout, variant, setup, data)
      break
    }
    case 'householdReceipt': {
      const households = loadReceiptHouseholds(ctx, { householdId: input.householdId, villageCode: input.villageCode, projectYear: input.projectYear })
      if (!households.length) throw new AppError('EMPTY', '所选范围内没有到户资产发放记录。')
      result = renderReceipts(layout, variant, setup, projectFor(variant, { header, households }))
      break
    }
    default:
      result = renderProject(ctx, input.template, { ...input, townCode }, layout, variant, setup, header)
  }
  const variantTag = info.variants ? `（${variant}）` : ''
  return { ...result, fileName: `${result.title}${variantTag}.pdf`, page: pageOptions(setup) }
}

function renderProject(
  ctx: ServiceContext,
  template: PrintTemplateKey,
  input: PrintHtmlInput,
  layout: ReturnType<typeof layoutFor>,
  variant: Variant,
  setup: PageSetup,
  header: ReturnType<typeof printHeader>,
) {
  if (input.projectId) return renderProjectForm(ctx, template as ProjectTemplateKey, input.projectId, layout, variant, setup, header)
  if (!input.projectYear) throw new AppError('INVALID', '请选择一个项目，或选择项目年度批量打印公告公示。')
  const scope = {
    projectYear: input.projectYear,
    townCode: input.townCode,
    villageCode: input.villageCode,
    townName: regionName(ctx, input.townCode),
    villageName: regionName(ctx, input.villageCode),
  }
  return renderProjectBatch(ctx, template as ProjectTemplateKey, scope, layout, setup, header)
}
