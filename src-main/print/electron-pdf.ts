/**
 * Electron glue for printing (the core has no browser): the core makes the HTML (`print.html`), a
 * hidden, sandboxed window without JavaScript (kept between jobs, print-window.ts) loads it, and
 *   print:pdf      → webContents.printToPDF → a PDF in the outbox → OutboxFile (preview and 保存PDF)
 *   print:print    → webContents.print({ deviceName, copies, … }) on paper
 *   print:printers → the system's printers (getPrintersAsync)
 * Page size, orientation, margins and 第X页 共Y页 come from the document's own @page CSS
 * (preferCSSPageSize), so the preview PDF and the printed sheets are laid out by the same rules.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { printInput } from '../api/channels/print'
import type { ApiResult } from '../api/contract'
import { createGateway } from '../api/gateway'
import type { CoreClient } from '../core/core-client'
import { writeOutboxFile } from '../files/file-box'
import { printViewport } from './page'
import { createPrintWindowKeeper, type PrintWindowKeeper } from './print-window'
import type { PrintHtml } from './service'

export const PRINT_PDF_CHANNEL = 'print:pdf'
export const PRINT_PRINT_CHANNEL = 'print:print'
export const PRINT_PRINTERS_CHANNEL = 'print:printers'

export const printOnPaperInput = z.object({
  job: printInput,
  /** A printer name from print:printers; without it the system print dialog asks. */
  deviceName: z.string().trim().min(1).max(200).optional().describe('打印机'),
  copies: z.number().int().min(1, '份数至少为1').max(99, '份数不能超过99').default(1).describe('份数'),
  duplex: z.boolean().default(false).describe('双面打印'),
})

export interface PrinterInfo {
  name: string
  displayName: string
  isDefault: boolean
}

const forbidden = { ok: false, code: 'FORBIDDEN', message: '拒绝来自非本程序页面的请求。' } as const
const invalid = (error: z.ZodError) => ({ ok: false, code: 'INVALID_INPUT', message: `打印参数不正确：${error.issues.map((i) => i.message).join('；')}` }) as const

/** The hidden window a print job is laid out in: no preload, no node, no JavaScript, its own session. */
export const printWindowOptions = {
  show: false,
  // far wider than any page: Chromium's first print layout pass (at the window's width) finds an empty body (page.ts)
  width: printViewport.width,
  height: printViewport.height,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webSecurity: true,
    images: true,
    spellcheck: false,
    // A session of its own: the app session's CSP header hook and permissions do not apply to print pages.
    partition: 'print-jobs',
  },
} as const

/** Writes a job's HTML to a temp file (big ledgers exceed data: URL limits) and lays it out in the kept print window. */
async function withPrintWindow<T>(keeper: PrintWindowKeeper, dataDir: string, html: string, use: (contents: WebContents) => Promise<T>): Promise<T> {
  const dir = join(dataDir, 'print-tmp')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${randomUUID()}.html`)
  writeFileSync(file, html, 'utf8')
  try {
    return await keeper.run(file, use)
  } finally {
    rmSync(file, { force: true })
  }
}

/** Registers the print channels; the returned `close` closes the kept print window (call it when the main window closes). */
export function registerPrintHandlers(core: Pick<CoreClient, 'call'>, dataDir: string, isTrustedSender: (event: IpcMainInvokeEvent) => boolean) {
  const handle = createGateway(core)
  const keeper = createPrintWindowKeeper(printWindowOptions)

  async function htmlOf(job: unknown): Promise<ApiResult<PrintHtml>> {
    return (await handle('print.html', job)) as ApiResult<PrintHtml>
  }

  ipcMain.handle(PRINT_PDF_CHANNEL, async (event, raw: unknown) => {
    if (!isTrustedSender(event)) return forbidden
    const job = printInput.safeParse(raw)
    if (!job.success) return invalid(job.error)
    const made = await htmlOf(job.data)
    if (!made.ok) return made
    const { html, page, fileName } = made.data
    try {
      const pdf = await withPrintWindow(keeper, dataDir, html, (contents) =>
        contents.printToPDF({ preferCSSPageSize: true, printBackground: true, pageSize: page.paper, landscape: page.orientation === 'landscape' }),
      )
      return { ok: true, data: writeOutboxFile(dataDir, fileName, pdf) }
    } catch (error) {
      return { ok: false, code: 'PDF_FAILED', message: `生成PDF失败：${(error as Error).message}` }
    }
  })

  ipcMain.handle(PRINT_PRINT_CHANNEL, async (event, raw: unknown) => {
    if (!isTrustedSender(event)) return forbidden
    const options = printOnPaperInput.safeParse(raw)
    if (!options.success) return invalid(options.error)
    const made = await htmlOf(options.data.job)
    if (!made.ok) return made
    const { html, page } = made.data
    const { deviceName, copies, duplex } = options.data
    try {
      return await withPrintWindow(keeper, dataDir, html, (contents) =>
        new Promise<ApiResult<{ printed: true }>>((done) => {
          contents.print(
            {
              silent: !!deviceName,
              deviceName,
              copies,
              printBackground: true,
              pageSize: page.paper,
              landscape: page.orientation === 'landscape',
              duplexMode: duplex ? (page.orientation === 'landscape' ? 'shortEdge' : 'longEdge') : 'simplex',
            },
            (success, reason) =>
              done(success ? { ok: true, data: { printed: true } } : { ok: false, code: 'PRINT_FAILED', message: reason === 'cancelled' ? '已取消打印。' : `打印失败：${reason}` }),
          )
        }),
      )
    } catch (error) {
      return { ok: false, code: 'PRINT_FAILED', message: `打印失败：${(error as Error).message}` }
    }
  })

  ipcMain.handle(PRINT_PRINTERS_CHANNEL, async (event) => {
    if (!isTrustedSender(event)) return forbidden
    try {
      const printers = await (event.sender as WebContents).getPrintersAsync()
      return {
        ok: true,
        data: printers.map((p): PrinterInfo => ({ name: p.name, displayName: p.displayName || p.name, isDefault: !!(p as { isDefault?: boolean }).isDefault })),
      }
    } catch (error) {
      return { ok: false, code: 'PRINTERS_FAILED', message: `无法获取打印机列表：${(error as Error).message}` }
    }
  })

  return { close: keeper.close }
}
