import { exportBlankReport, exportList, exportReport, listReports, type WrittenFile } from '../../io/export/service'
import type { exportChannels } from '../channels/exports'
import type { HandlersOf } from '../handler-types'
import type { ExportResult } from '../types/exports'

const result = (f: WrittenFile): ExportResult => ({
  fileId: f.fileId,
  fileName: f.fileName,
  bytes: f.bytes,
  sheets: f.sheets.map((s) => ({ sheetName: s.sheetName, rows: s.rows })),
})

export const exportHandlers: HandlersOf<typeof exportChannels> = {
  'exports.reports': (ctx) => listReports(ctx),
  'exports.report': async (ctx, input) => result(await exportReport(ctx, input)),
  'exports.blank': async (ctx, input) => result(await exportBlankReport(ctx, input)),
  'exports.list': async (ctx, input) => result(await exportList(ctx, input as never)),
}
