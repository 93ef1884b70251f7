/**
 * Print jobs from the page. The core makes the HTML (`print.html`); Electron's main process (or the
 * test bridge) lays it out: `makePdf` returns a PDF in the outbox (preview with `outboxUrl`, save
 * with `saveFile`), `printOnPaper` sends it to a printer. Under the test bridge there are no
 * printers: 打印 saves the PDF.
 */
import type { Input } from '../../src-main/api/contract'
import type { OutboxFile } from '../../src-main/api/types/files'
import { ApiError } from './api'

export type PrintJob = Input<'print.html'>

export interface PrinterInfo {
  name: string
  displayName: string
  isDefault: boolean
}

function unwrap<T>(result: { ok: true; data: unknown } | { ok: false; code: string; message: string; details?: unknown }): T {
  if (!result.ok) throw new ApiError(result.code, result.message, result.details)
  return result.data as T
}

export const canPrintOnPaper = () => window.api?.bridge === 'electron'

export async function makePdf(job: PrintJob): Promise<OutboxFile> {
  return unwrap<OutboxFile>(await window.api.print.pdf(job))
}

export async function printOnPaper(job: PrintJob, options: { deviceName?: string; copies?: number } = {}): Promise<void> {
  unwrap(await window.api.print.print({ job, ...options }))
}

export async function listPrinters(): Promise<PrinterInfo[]> {
  return unwrap<PrinterInfo[]>(await window.api.print.printers())
}
