/** Helpers for print tests: render a job to PDF in Chromium (as the bridge does) and read it back with poppler. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { validateInput } from '../../src-main/api/validate'
import type { ServiceHost } from '../../src-main/core/service-host'
import type { PrintHtml } from '../../src-main/print/service'
import { renderPdf } from '../../src-main/web/bridge-print'

export const printOutputDir = resolve('test-output', 'print')
mkdirSync(printOutputDir, { recursive: true })

/** A contract call as the gateway makes it: validate (defaults filled), then run. Throws on failure. */
export async function api<T>(host: ServiceHost, channel: string, raw: unknown): Promise<T> {
  const checked = validateInput(channel, raw)
  if (!checked.ok) throw new Error(`${channel}: ${checked.message}`)
  const result = await host.call(checked.channel, checked.input as never)
  if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.message}`), { code: result.code })
  return result.data as T
}

export interface RenderedPdf {
  file: string
  made: PrintHtml
  pages: number
  /** pdftotext -layout of the whole document. */
  text: string
  /** pdftotext -layout of each page. */
  pageText: (n: number) => string
  bytes: number
}

let scratch = 0

/** Renders a print job to a PDF file (Chromium page.pdf) and reads it back. */
export async function renderJob(host: ServiceHost, job: Record<string, unknown>, name?: string): Promise<RenderedPdf> {
  const made = await api<PrintHtml>(host, 'print.html', job)
  const pdf = await renderPdf(made.html, made.page)
  const file = join(printOutputDir, `${name ?? `scratch-${++scratch}`}.pdf`)
  writeFileSync(file, pdf)
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1])
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString()
  const pageText = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-']).toString()
  return { file, made, pages, text, pageText, bytes: pdf.length }
}

/** First pages as PNG (pdftoppm -r 60) in test-output/print, to look at. */
export function toPng(file: string, name: string, lastPage = 2): string[] {
  const prefix = join(printOutputDir, name)
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', String(lastPage), file, prefix])
  return [prefix]
}

/** Every page carries 第i页 共N页 with N = the real page count. */
export function pageNumbersOk(pdf: RenderedPdf): boolean {
  for (let i = 1; i <= pdf.pages; i++) {
    if (!pdf.pageText(i).replace(/\s+/g, '').includes(`第${i}页共${pdf.pages}页`)) return false
  }
  return true
}

/** pdftotext lays CJK text out with spaces between cells; compare without whitespace. */
export const squash = (s: string) => s.replace(/\s+/g, '')
