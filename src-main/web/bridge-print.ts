/**
 * The test bridge's stand-in for Electron's print glue (test and dev tooling, never packaged): the
 * same HTML from `print.html`, rendered to PDF by playwright-core's Chromium — the engine Electron
 * embeds — with `page.setContent` + `page.pdf`. One browser is started on first use and reused.
 * Page numbers (第X页 共Y页) and the page size come from the document's own @page CSS, exactly as
 * under Electron (preferCSSPageSize).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { printInput } from '../api/channels/print'
import type { ApiResult } from '../api/contract'
import type { OutboxFile } from '../api/types/files'
import { writeOutboxFile } from '../files/file-box'
import { printViewport, type PrintPageOptions } from '../print/page'
import type { PrintHtml } from '../print/service'

let browser: Promise<Browser> | null = null
let context: Promise<BrowserContext> | null = null

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update']

async function getBrowser(): Promise<Browser> {
  if (!browser) {
    browser = chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs })
    browser.then(
      (b) =>
        b.on('disconnected', () => {
          browser = null
          context = null
          tab = null
        }),
      () => (browser = null),
    )
  }
  return browser
}

/** One context for every job (no JavaScript, offline), a new tab per job: cheaper than a context per job. */
async function getContext(): Promise<BrowserContext> {
  if (!context) {
    context = getBrowser()
      // as wide as Electron's print window: Chromium's first print layout pass then finds an empty body (page.ts)
      .then((b) => b.newContext({ javaScriptEnabled: false, offline: true, viewport: { width: printViewport.width, height: printViewport.height } }))
      .then((c) => c.on('close', () => (context = null)))
    context.catch(() => (context = null))
  }
  return context
}

let tab: Promise<Page> | null = null
let queue: Promise<unknown> = Promise.resolve()

/**
 * The one tab print jobs are laid out in, kept open between jobs: a new tab after a pause gets a
 * fresh renderer process (fonts loaded again), which made a 2,000-line ledger 20–30 % slower.
 */
async function getTab(): Promise<Page> {
  if (!tab) {
    const opening = getContext().then((c) => c.newPage())
    tab = opening
    opening.then(
      (t) => t.on('close', () => tab === opening && (tab = null)),
      () => tab === opening && (tab = null),
    )
  }
  return tab
}

/** Renders one print job's HTML to PDF bytes; jobs take turns in the one tab. */
export function renderPdf(html: string, page: PrintPageOptions): Promise<Buffer> {
  const job = queue.then(async () => {
    const t = await getTab()
    await t.setContent(html, { waitUntil: 'load' })
    return t.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      // Used only if the CSS size were ignored; the template's @page rule gives the same values.
      width: `${page.widthMm}mm`,
      height: `${page.heightMm}mm`,
    })
  })
  queue = job.catch(() => undefined)
  return job
}

export async function closePrintBrowser() {
  const pending = browser
  browser = null
  context = null
  tab = null
  if (pending) await (await pending.catch(() => null))?.close()
}

/**
 * POST /print/pdf: the body is a print job (the `print.html` input); the answer is an OutboxFile,
 * like Electron's print:pdf. The bridge has no printers: the page's 打印 saves the PDF instead.
 */
export async function printPdfRoute(handle: (channel: string, input: unknown) => Promise<ApiResult<unknown>>, dataDir: string, body: string): Promise<ApiResult<OutboxFile>> {
  let raw: unknown
  try {
    raw = body.trim() ? JSON.parse(body) : {}
  } catch {
    return { ok: false, code: 'BAD_REQUEST', message: '请求内容不是合法的 JSON。' }
  }
  const job = printInput.safeParse(raw)
  if (!job.success) return { ok: false, code: 'INVALID_INPUT', message: `打印参数不正确：${job.error.issues.map((i) => i.message).join('；')}` }
  const made = (await handle('print.html', job.data)) as ApiResult<PrintHtml>
  if (!made.ok) return made
  try {
    const pdf = await renderPdf(made.data.html, made.data.page)
    return { ok: true, data: writeOutboxFile(dataDir, made.data.fileName, pdf) }
  } catch (error) {
    return { ok: false, code: 'PDF_FAILED', message: `生成PDF失败：${(error as Error).message}` }
  }
}
