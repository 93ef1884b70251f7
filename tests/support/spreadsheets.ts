/**
 * Spreadsheet fixtures for import tests, made by producers other than this project:
 * LibreOffice headless converts HTML tables (rowspan/colspan) to .xlsx and .xls (cached by content
 * under tests/fixtures/libreoffice/, so CI runs them without installing LibreOffice); `iconv` writes GBK
 * CSV; ExcelJS writes large shared-string .xlsx; hostile files are built byte by byte.
 */
import ExcelJS from 'exceljs'
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createHash } from 'node:crypto'
import { basename, join, resolve } from 'node:path'
import * as XLSX from 'xlsx'

/** A cell of an HTML table: text/number, spans, and for a real date cell the ISO date. */
export interface HtmlCell {
  v: string | number | null
  rowspan?: number
  colspan?: number
  /** Makes LibreOffice store a date cell (sdval/sdnum), e.g. '2021-07-28'. */
  date?: string
}
export type HtmlRow = (string | number | null | HtmlCell)[]

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function serialOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number)
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000
}

/** An HTML document with one table (one <table> per entry of `tables`, LibreOffice makes them one sheet). */
export function htmlTable(rows: HtmlRow[]): string {
  const tr = rows
    .map((row) => {
      const tds = row
        .map((cell) => {
          const c: HtmlCell = cell !== null && typeof cell === 'object' ? cell : { v: cell }
          const attrs: string[] = []
          if (c.rowspan) attrs.push(`rowspan="${c.rowspan}"`)
          if (c.colspan) attrs.push(`colspan="${c.colspan}"`)
          if (c.date) attrs.push(`sdval="${serialOf(c.date)}" sdnum="2052;0;YYYY-MM-DD"`)
          if (typeof c.v === 'number') attrs.push(`sdval="${c.v}" sdnum="2052;0;General"`)
          const text = c.v === null ? '' : typeof c.v === 'number' ? String(c.v) : esc(c.v)
          return `<td${attrs.length ? ' ' + attrs.join(' ') : ''}>${text}</td>`
        })
        .join('')
      return `<tr>${tds}</tr>`
    })
    .join('\n')
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><table border="1">\n${tr}\n</table></body></html>\n`
}

/** True when LibreOffice (`soffice`) is installed. */
export function hasSoffice(): boolean {
  if (process.env.TEST_WITHOUT_SOFFICE) return false // to check that the cached files suffice
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0
}

/** LibreOffice-made files, by the hash of what was converted: made once where LibreOffice is installed, committed. */
export const libreOfficeCacheDir = resolve('tests', 'fixtures', 'libreoffice')

/** True when LibreOffice-made files can be had: LibreOffice is installed, or its conversions are cached. */
export function hasLibreOffice(): boolean {
  if (hasSoffice()) return true
  try {
    return statSync(libreOfficeCacheDir).isDirectory()
  } catch {
    return false
  }
}

/** Hash of what is converted; for an .xlsx its parts, without the zip's and docProps' timestamps. */
function cacheKey(input: string, format: string) {
  const hash = createHash('sha256').update(format).update('\0')
  const bytes = readFileSync(input)
  if (input.endsWith('.xlsx')) {
    const zip = XLSX.CFB.read(bytes, { type: 'buffer' }) as { FullPaths: string[]; FileIndex: { type: number; content: Uint8Array }[] }
    zip.FullPaths.map((path, i) => ({ path, entry: zip.FileIndex[i] }))
      .filter(({ path, entry }) => entry.type === 2 && !path.includes('docProps/'))
      .sort((a, b) => a.path.localeCompare(b.path))
      .forEach(({ path, entry }) => hash.update(path).update(Buffer.from(entry.content)))
  } else hash.update(bytes)
  return hash.digest('hex').slice(0, 24)
}

const FILTERS = { xlsx: 'xlsx:Calc MS Excel 2007 XML', xls: 'xls:MS Excel 97', ods: 'ods:calc8', csv: 'csv:Text - txt - csv (StarCalc):44,34,76' } as const

/**
 * Converts files with LibreOffice headless (HTML is opened as a Calc table) into `outDir`; returns
 * the new paths in input order. A private profile keeps concurrent runs apart.
 */
export function libreOfficeConvert(inputs: string[], format: keyof typeof FILTERS, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true })
  const out = inputs.map((p) => join(outDir, basename(p).replace(/\.[^.]+$/, `.${format}`)))
  const cached = inputs.map((p) => join(libreOfficeCacheDir, `${cacheKey(p, format)}.${format}`))
  if (cached.every((c) => statSafe(c))) {
    cached.forEach((c, i) => copyFileSync(c, out[i]))
    return out
  }
  if (!hasSoffice()) {
    throw new Error(`缺少 LibreOffice 生成的测试文件（${cached.map((c) => basename(c)).join('、')}）：请在装有 LibreOffice 的机器上运行一次测试，并提交 tests/fixtures/libreoffice/ 下的新文件。`)
  }
  convertWithSoffice(inputs, format, outDir, out)
  mkdirSync(libreOfficeCacheDir, { recursive: true })
  out.forEach((o, i) => copyFileSync(o, cached[i]))
  return out
}

function statSafe(path: string) {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function convertWithSoffice(inputs: string[], format: keyof typeof FILTERS, outDir: string, out: string[]) {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'))
  mkdirSync(outDir, { recursive: true })
  try {
    const html = inputs.some((p) => p.endsWith('.html'))
    const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore']
    if (html) args.push('--infilter=HTML (StarCalc)')
    args.push('--convert-to', FILTERS[format], '--outdir', outDir, ...inputs)
    const r = spawnSync('soffice', args, { encoding: 'utf8', timeout: 120_000 })
    for (const p of out) {
      try {
        statSync(p)
      } catch {
        throw new Error(`LibreOffice did not write ${p}: ${r.stdout} ${r.stderr}`)
      }
    }
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

/** Writes `html` to DIR/name.html and converts it to each format; returns { xlsx, xls, … } paths. */
export function htmlToSpreadsheets<F extends keyof typeof FILTERS>(dir: string, name: string, html: string, formats: F[]): Record<F, string> {
  const src = join(dir, `${name}.html`)
  writeFileSync(src, html)
  const out = {} as Record<F, string>
  for (const f of formats) out[f] = libreOfficeConvert([src], f, join(dir, f))[0]
  return out
}

/** The county ledger of the tests: title, unit row 「单位：万元」, a two-level header 资金来源 → 中央/自治区/盟市/旗县. */
export const LEDGER_TITLE = '巴林左旗2021年度帮扶项目资产登记表'
export function ledgerRows(): HtmlRow[] {
  return [
    [{ v: LEDGER_TITLE, colspan: 10 }],
    [{ v: '填报单位：巴林左旗农牧局', colspan: 5 }, { v: '单位：万元', colspan: 5 }],
    [
      { v: '序号', rowspan: 2 },
      { v: '资产名称', rowspan: 2 },
      { v: '乡镇', rowspan: 2 },
      { v: '村', rowspan: 2 },
      { v: '资产原值', rowspan: 2 },
      { v: '资金来源', colspan: 4 },
      { v: '建成时间', rowspan: 2 },
    ],
    ['中央', '自治区', '盟市', '旗县'],
    ['一、公益类', null, null, null, null, null, null, null, null, null],
    [1, '福山地村道路', '林东镇', '福山地村', 12.3456, 10, 2.3456, 0, 0, { v: '2021-07-28', date: '2021-07-28' }],
    [2, '南沙布台嘎查水井', '林东', '南沙布台嘎查村委会', 1.5, 1.5, 0, 0, 0, '2021.7.28'],
    ['小计', null, null, null, 13.8456, 11.5, 2.3456, 0, 0, null],
    [null, null, null, null, null, null, null, null, null, null],
    ['二、经营类', null, null, null, null, null, null, null, null, null],
    [3, '光伏电站', '隆昌镇', '隆昌村', 30862.6147, 30000, 862.6147, 0, 0, '2021年7月'],
    ['合计', null, null, null, 30876.4603, 30011.5, 864.9603, 0, 0, null],
    [null],
    [{ v: '单位负责人：张三', colspan: 3 }, { v: '审核人：李四', colspan: 3 }, { v: '填报人：王五', colspan: 2 }, { v: '填报日期：2021年8月1日', colspan: 2 }],
  ]
}

/** Writes CSV rows in UTF-8 (optionally with BOM) or GB18030/GBK (through `iconv`, as WPS writes it). */
export function writeCsv(path: string, rows: (string | number | null)[][], encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' = 'utf-8'): string {
  const quote = (v: string | number | null) => {
    if (v === null) return ''
    const s = String(v)
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  const text = rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n'
  if (encoding === 'gb18030') writeFileSync(path, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text }))
  else writeFileSync(path, encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) : text)
  return path
}

/**
 * Writes an .xlsx with ExcelJS's streaming writer (shared strings, as Excel writes them): `rows`
 * may be a generator for large files. `merges` are 'A1:D1' ranges; `dateColumns` get a date format.
 */
export async function writeXlsx(
  path: string,
  rows: Iterable<(string | number | Date | null)[]>,
  opts: { sheetName?: string; merges?: string[]; dateColumns?: number[] } = {},
): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true })
  const ws = wb.addWorksheet(opts.sheetName ?? 'Sheet1')
  for (const c of opts.dateColumns ?? []) ws.getColumn(c + 1).numFmt = 'yyyy-mm-dd'
  // Merges are applied once the rows they cover exist, before those rows are committed.
  const merges = opts.merges ?? []
  const lastMergedRow = Math.max(0, ...merges.map((m) => Number(/(\d+)$/.exec(m)?.[1] ?? 0)))
  let merged = merges.length === 0
  for (const row of rows) {
    const added = ws.addRow(row)
    if (!merged && added.number >= lastMergedRow) {
      for (const m of merges) ws.mergeCells(m)
      merged = true
    }
    if (merged) added.commit()
  }
  if (!merged) for (const m of merges) ws.mergeCells(m)
  ws.commit()
  await wb.commit()
  return path
}

/** A small valid PDF renamed to `name` (default 台账.xlsx). */
export function renamedPdf(dir: string, name = '台账.xlsx'): string {
  const p = join(dir, name)
  writeFileSync(p, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
  return p
}

/** A JPEG header renamed to .xlsx. */
export function renamedJpg(dir: string, name = '照片.xlsx'): string {
  const p = join(dir, name)
  writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(200, 7)]))
  return p
}

/** A zip of other files (a .docx-like and a text file) renamed to .xlsx, made with SheetJS's zip writer. */
export function renamedZip(dir: string, name = '资料.xlsx'): string {
  const p = join(dir, name)
  const cfb = XLSX.CFB.utils.cfb_new()
  XLSX.CFB.utils.cfb_add(cfb, '/说明.txt', Buffer.from('不是表格'))
  XLSX.CFB.utils.cfb_add(cfb, '/images/a.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  writeFileSync(p, XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'zip' }) as Buffer)
  return p
}

/** A copy of `source` cut to `fraction` of its length (a download that broke off). */
export function truncatedCopy(source: string, dir: string, fraction = 0.6, name?: string): string {
  const p = join(dir, name ?? `截断-${basename(source)}`)
  copyFileSync(source, p)
  truncateSync(p, Math.floor(statSync(p).size * fraction))
  return p
}

/** An empty (0-byte) file. */
export function emptyFile(dir: string, name = '空文件.xlsx'): string {
  const p = join(dir, name)
  writeFileSync(p, '')
  return p
}

/**
 * An encrypted .xlsx as Excel and WPS write it: an OLE compound file holding EncryptionInfo and
 * EncryptedPackage streams (ECMA-376 agile encryption header; the package bytes are random).
 */
export function encryptedXlsx(dir: string, name = '加密.xlsx'): string {
  const p = join(dir, name)
  const cfb = XLSX.CFB.utils.cfb_new()
  const info = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>')])
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', info)
  const pkg = Buffer.alloc(4096)
  pkg.writeUInt32LE(2000, 0)
  for (let i = 8; i < pkg.length; i++) pkg[i] = (i * 131) & 0xff
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', pkg)
  XLSX.CFB.utils.cfb_add(cfb, '/\u0006DataSpaces/Version', Buffer.from('Microsoft.Container.DataSpaces'))
  writeFileSync(p, XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }) as Buffer)
  return p
}

/** Reads a file back as bytes (for assertions on what was written). */
export const bytesOf = (p: string) => readFileSync(p)
