import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// A stand-in for the parts of Electron the print glue touches: a fake webContents records what it was asked.
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, input?: unknown) => unknown>()
  type Listener = (...args: unknown[]) => void
  const windows: {
    options: Record<string, unknown>
    loaded: string[]
    loadedHtml: string[]
    urls: string[]
    destroyed: boolean
    printed: unknown[]
    pdfOptions: unknown[]
    listeners: Map<string, Listener>
    busy: boolean
    overlapped: boolean
  }[] = []
  const state = { printResult: [true, ''] as [boolean, string], pdfDelayMs: 0, pdfFails: false }
  return { handlers, windows, state }
})

vi.mock('electron', async () => {
  const fs = await import('node:fs')
  class BrowserWindow {
    record: (typeof electron.windows)[number]
    webContents: Record<string, unknown>
    constructor(options: Record<string, unknown>) {
      const record = {
        options,
        loaded: [] as string[],
        loadedHtml: [] as string[],
        urls: [] as string[],
        destroyed: false,
        printed: [] as unknown[],
        pdfOptions: [] as unknown[],
        listeners: new Map(),
        busy: false,
        overlapped: false,
      }
      this.record = record
      electron.windows.push(record)
      this.webContents = {
        on: (name: string, listener: (...args: unknown[]) => void) => record.listeners.set(name, listener),
        setWindowOpenHandler: () => undefined,
        loadURL: (url: string) => (record.urls.push(url), Promise.resolve()),
        printToPDF: async (options: unknown) => {
          if (record.busy) record.overlapped = true
          record.busy = true
          await new Promise((wait) => setTimeout(wait, electron.state.pdfDelayMs))
          record.busy = false
          if (electron.state.pdfFails) throw new Error('渲染进程无响应')
          record.pdfOptions.push(options)
          return Buffer.from('%PDF-1.7 fake')
        },
        print: (options: unknown, callback: (ok: boolean, reason: string) => void) => {
          record.printed.push(options)
          callback(...electron.state.printResult)
        },
      }
    }
    loadFile(path: string) {
      this.record.loaded.push(path)
      this.record.loadedHtml.push(fs.readFileSync(path, 'utf8'))
      return Promise.resolve()
    }
    isDestroyed() {
      return this.record.destroyed
    }
    destroy() {
      this.record.destroyed = true
    }
  }
  return { BrowserWindow, ipcMain: { handle: (channel: string, fn: (event: unknown, input?: unknown) => unknown) => electron.handlers.set(channel, fn) } }
})

import { PRINT_PDF_CHANNEL, PRINT_PRINT_CHANNEL, PRINT_PRINTERS_CHANNEL, printWindowOptions, registerPrintHandlers } from '../../src-main/print/electron-pdf'
import { createPrintWindowKeeper } from '../../src-main/print/print-window'
import { printViewport } from '../../src-main/print/page'

const page = { paper: 'A3', orientation: 'landscape', marginsMm: [12, 10, 14, 10], widthMm: 420, heightMm: 297 }
const made = { ok: true, data: { html: '<!DOCTYPE html><title>台账</title><p>林东镇</p>', title: '巴林左旗林东镇 公益类帮扶项目资产台账', fileName: '巴林左旗林东镇 公益类帮扶项目资产台账（公示版）.pdf', page } }

let dataDir: string
beforeEach(() => {
  electron.handlers.clear()
  electron.windows.length = 0
  electron.state.printResult = [true, '']
  electron.state.pdfDelayMs = 0
  electron.state.pdfFails = false
  dataDir = mkdtempSync(join(tmpdir(), 'ledger-print-glue-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

const sender = { getPrintersAsync: async () => [{ name: 'HP_LaserJet', displayName: 'HP LaserJet 1020', description: '', options: {} }] }

describe('print glue (electron-pdf.ts)', () => {
  it('registers print:pdf, print:print and print:printers', () => {
    registerPrintHandlers({ call: vi.fn() }, dataDir, () => true)
    expect([...electron.handlers.keys()].sort()).toEqual([PRINT_PDF_CHANNEL, PRINT_PRINT_CHANNEL, PRINT_PRINTERS_CHANNEL].sort())
  })

  it('makes a PDF in a sandboxed hidden window without JavaScript and puts it in the outbox', async () => {
    const call = vi.fn(async () => made)
    registerPrintHandlers({ call } as never, dataDir, () => true)
    const result = (await electron.handlers.get(PRINT_PDF_CHANNEL)!({ sender }, { template: 'ledger', class: '公益类', townCode: '150422100000', paper: 'A3' })) as {
      ok: boolean
      data: { fileId: string; fileName: string; bytes: number }
    }
    expect(result.ok).toBe(true)
    // the core got the validated job, defaults filled (公示版 unless asked)
    expect(call).toHaveBeenCalledWith('print.html', expect.objectContaining({ template: 'ledger', variant: '公示版', paper: 'A3', groupBy: 'village' }))
    const [win] = electron.windows
    expect(win.options).toEqual(printWindowOptions)
    expect(printWindowOptions.show).toBe(false)
    expect(printWindowOptions.width).toBe(printViewport.width) // see page.ts: Chromium's first print pass finds an empty body
    expect(printWindowOptions.webPreferences).toMatchObject({ sandbox: true, javascript: false, nodeIntegration: false, contextIsolation: true })
    expect(win.loadedHtml).toEqual([made.data.html])
    expect(win.pdfOptions).toEqual([{ preferCSSPageSize: true, printBackground: true, pageSize: 'A3', landscape: true }])
    // kept for the next job (a warm renderer), but emptied of this job's document
    expect(win.destroyed).toBe(false)
    expect(win.urls).toEqual(['about:blank'])
    // the temporary HTML is gone, the PDF is in the outbox under its Chinese name
    expect(existsSync(win.loaded[0])).toBe(false)
    expect(result.data.fileName).toBe(made.data.fileName)
    const file = join(dataDir, 'outbox', result.data.fileId, result.data.fileName)
    expect(readFileSync(file, 'utf8')).toBe('%PDF-1.7 fake')
    expect(result.data.bytes).toBe(13)
  })

  it('validates in the main process: a bad job never reaches the core or a window', async () => {
    const call = vi.fn(async () => made)
    registerPrintHandlers({ call } as never, dataDir, () => true)
    const bad = (await electron.handlers.get(PRINT_PDF_CHANNEL)!({ sender }, { template: 'evil', villageCode: '../../x' })) as { ok: boolean; code: string }
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const badCopies = (await electron.handlers.get(PRINT_PRINT_CHANNEL)!({ sender }, { job: { template: 'assetCard', assetId: 1 }, copies: 1000 })) as { ok: boolean }
    expect(badCopies.ok).toBe(false)
    expect(call).not.toHaveBeenCalled()
    expect(electron.windows).toHaveLength(0)
  })

  it('refuses calls from pages that are not the app', async () => {
    const call = vi.fn(async () => made)
    registerPrintHandlers({ call } as never, dataDir, () => false)
    for (const channel of [PRINT_PDF_CHANNEL, PRINT_PRINT_CHANNEL, PRINT_PRINTERS_CHANNEL]) {
      expect(await electron.handlers.get(channel)!({ sender }, { template: 'assetCard', assetId: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
    expect(call).not.toHaveBeenCalled()
  })

  it('passes a core refusal through unchanged and opens no window', async () => {
    const refusal = { ok: false, code: 'PRINT_TOO_LARGE', message: '所选范围共有30000条资产' }
    registerPrintHandlers({ call: vi.fn(async () => refusal) } as never, dataDir, () => true)
    expect(await electron.handlers.get(PRINT_PDF_CHANNEL)!({ sender }, { template: 'ledger', class: '公益类' })).toEqual(refusal)
    expect(electron.windows).toHaveLength(0)
  })

  it('prints on the chosen printer with copies, silently, and reports failures in Chinese', async () => {
    registerPrintHandlers({ call: vi.fn(async () => made) } as never, dataDir, () => true)
    const print = electron.handlers.get(PRINT_PRINT_CHANNEL)!
    const ok = await print({ sender }, { job: { template: 'handover', assetId: 3, copies: 4 }, deviceName: 'HP_LaserJet', copies: 2 })
    expect(ok).toEqual({ ok: true, data: { printed: true } })
    expect(electron.windows[0].printed).toEqual([
      { silent: true, deviceName: 'HP_LaserJet', copies: 2, printBackground: true, pageSize: 'A3', landscape: true, duplexMode: 'simplex' },
    ])
    electron.state.printResult = [false, 'cancelled']
    expect(await print({ sender }, { job: { template: 'handover', assetId: 3 } })).toMatchObject({ ok: false, message: '已取消打印。' })
    // without a printer the system dialog asks (not silent); both jobs used the one kept window
    expect(electron.windows).toHaveLength(1)
    expect((electron.windows[0].printed[1] as { silent: boolean }).silent).toBe(false)
    expect(readdirSync(join(dataDir, 'print-tmp'))).toEqual([])
  })

  it('lists the printers of the system', async () => {
    registerPrintHandlers({ call: vi.fn() } as never, dataDir, () => true)
    expect(await electron.handlers.get(PRINT_PRINTERS_CHANNEL)!({ sender })).toEqual({
      ok: true,
      data: [{ name: 'HP_LaserJet', displayName: 'HP LaserJet 1020', isDefault: false }],
    })
  })

  it('keeps one print window between jobs, runs concurrent jobs in turn, and closes it with the main window', async () => {
    electron.state.pdfDelayMs = 20
    const printing = registerPrintHandlers({ call: vi.fn(async () => made) } as never, dataDir, () => true)
    const pdf = electron.handlers.get(PRINT_PDF_CHANNEL)!
    const jobs = await Promise.all([1, 2, 3].map((assetId) => pdf({ sender }, { template: 'assetCard', assetId })))
    expect(jobs.map((r) => (r as { ok: boolean }).ok)).toEqual([true, true, true])
    expect(electron.windows).toHaveLength(1)
    const [win] = electron.windows
    expect(win.pdfOptions).toHaveLength(3)
    expect(win.overlapped).toBe(false)
    expect(readdirSync(join(dataDir, 'print-tmp'))).toEqual([])
    printing.close()
    expect(win.destroyed).toBe(true)
    // a job after closing opens a new window
    expect(await pdf({ sender }, { template: 'assetCard', assetId: 4 })).toMatchObject({ ok: true })
    expect(electron.windows).toHaveLength(2)
  })

  it('throws the window away after a failed job or a crashed renderer, and the next job gets a new one', async () => {
    registerPrintHandlers({ call: vi.fn(async () => made) } as never, dataDir, () => true)
    const pdf = electron.handlers.get(PRINT_PDF_CHANNEL)!
    electron.state.pdfFails = true
    expect(await pdf({ sender }, { template: 'assetCard', assetId: 1 })).toMatchObject({ ok: false, code: 'PDF_FAILED', message: '生成PDF失败：渲染进程无响应' })
    expect(electron.windows[0].destroyed).toBe(true)
    electron.state.pdfFails = false
    expect(await pdf({ sender }, { template: 'assetCard', assetId: 1 })).toMatchObject({ ok: true })
    expect(electron.windows).toHaveLength(2)
    electron.windows[1].listeners.get('render-process-gone')!()
    expect(electron.windows[1].destroyed).toBe(true)
    expect(await pdf({ sender }, { template: 'assetCard', assetId: 1 })).toMatchObject({ ok: true })
    expect(electron.windows).toHaveLength(3)
    expect(readdirSync(join(dataDir, 'print-tmp'))).toEqual([])
  })

  it('closes the kept window after it has been idle', async () => {
    const keeper = createPrintWindowKeeper(printWindowOptions, 30)
    const file = join(dataDir, 'job.html')
    writeFileSync(file, '<p>林东镇</p>')
    await keeper.run(file, async (contents) => contents.printToPDF({}))
    await keeper.run(file, async (contents) => contents.printToPDF({}))
    const [win] = electron.windows
    expect(electron.windows).toHaveLength(1)
    expect(win.destroyed).toBe(false)
    await new Promise((wait) => setTimeout(wait, 80))
    expect(win.destroyed).toBe(true)
  })
})
