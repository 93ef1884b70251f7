import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { extname } from 'node:path'
import * as XLSX from 'xlsx'
import { AppError } from '../../../domain/errors'
import type { RawSheet, RawWorkbook, SourceFormat } from '../types'
import { parseCsv, decodeText } from './csv'
import { corrupt, emptyFile, encrypted, notSpreadsheet, ReadErrorCode, tooLarge } from './errors'
import { sheetJsOptions, sheetsOf } from './sheetjs'
import { readXlsxStreaming } from './stream'
import { listZip, ZipError, type ZipEntry } from './zip'

export { ReadErrorCode } from './errors'

export interface ReadOptions {
  /** Read at most this many rows of each sheet (from the top, counting title rows). */
  maxRows?: number
  /** .xlsx files larger than this many bytes are streamed (default 5 MB; see stream.ts). */
  streamAbove?: number
  /** Reading progress 0…1, reported as the sheet data of a streamed .xlsx is read (and 1 at the end). */
  onProgress?: (fraction: number) => void
}

/** Largest file accepted per kind (a county ledger of 120k lines is ~10–30 MB). */
export const MAX_BYTES = { xlsx: 300 * 1048576, xls: 200 * 1048576, text: 300 * 1048576 }
export const STREAM_ABOVE = 5 * 1048576
/** An .xlsx whose parts inflate to more than this is streamed whatever its file size. */
const INFLATED_STREAM_ABOVE = 60 * 1048576
/** Largest .xlsx handed to SheetJS when streaming fails (SheetJS needs ~30× the file size in memory). */
const SHEETJS_FALLBACK_MAX = 12 * 1048576

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

/** Recognises the common non-spreadsheet files by their first bytes. */
function otherFormat(head: Buffer): string | null {
  const ascii = head.toString('latin1', 0, 16)
  if (ascii.startsWith('%PDF')) return 'PDF 文档'
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'JPG 图片'
  if (ascii.startsWith('\x89PNG')) return 'PNG 图片'
  if (ascii.startsWith('GIF8')) return 'GIF 图片'
  if (ascii.startsWith('BM') && head.length > 14 && head.readUInt32LE(2) > 0 && head[14] > 0 && head[6] === 0) return 'BMP 图片'
  if (ascii.startsWith('Rar!')) return 'RAR 压缩包'
  if (head[0] === 0x37 && head[1] === 0x7a && head[2] === 0xbc && head[3] === 0xaf) return '7z 压缩包'
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gz 压缩包'
  if (ascii.startsWith('MZ')) return '程序文件（.exe）'
  if (ascii.startsWith('{\\rtf')) return 'RTF 文档'
  if (ascii.startsWith('II*\0') || ascii.startsWith('MM\0*')) return 'TIFF 图片'
  if (ascii.slice(4, 8) === 'ftyp') return '视频文件'
  if (ascii.startsWith('RIFF')) return '音视频文件'
  return null
}

function readHead(path: string, length: number): Buffer {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(length)
    const n = readSync(fd, buf, 0, length, 0)
    return buf.subarray(0, n)
  } finally {
    closeSync(fd)
  }
}

/** What the entries of a zip say it is: an Excel workbook (or ODS), or which other file. */
function zipKind(entries: ZipEntry[]): { spreadsheet: true } | { spreadsheet: false; what: string } {
  const names = new Set(entries.map((e) => e.name))
  if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin')) return { spreadsheet: true }
  // A workbook part in an unusual place (some generators): SheetJS finds it through [Content_Types].xml.
  if (names.has('[Content_Types].xml') && entries.some((e) => /(^|\/)workbook\.(xml|bin)$/i.test(e.name))) return { spreadsheet: true }
  if (names.has('content.xml') && names.has('mimetype')) return { spreadsheet: true } // .ods (LibreOffice / WPS)
  if (entries.some((e) => e.name.startsWith('word/'))) return { spreadsheet: false, what: 'Word 文档（.docx）' }
  if (entries.some((e) => e.name.startsWith('ppt/'))) return { spreadsheet: false, what: 'PowerPoint 演示文稿' }
  return { spreadsheet: false, what: 'zip 压缩包' }
}

const sheetJsFailure = (e: unknown): AppError => {
  const message = e instanceof Error ? e.message : String(e)
  if (/password|encrypt/i.test(message)) return encrypted()
  return corrupt(message)
}

function readWithSheetJs(data: Buffer | string, options: ReadOptions, raw = false): RawSheet[] {
  let wb: XLSX.WorkBook
  try {
    wb = typeof data === 'string' ? XLSX.read(data, { ...sheetJsOptions(options.maxRows, raw), type: 'string' }) : XLSX.read(data, { ...sheetJsOptions(options.maxRows, raw), type: 'buffer' })
  } catch (e) {
    throw sheetJsFailure(e)
  }
  return sheetsOf(wb)
}

function readOle(path: string, size: number, ext: string, options: ReadOptions): RawWorkbook {
  if (size > MAX_BYTES.xls) throw tooLarge(size, MAX_BYTES.xls)
  const bytes = readFileSync(path)
  let names: string[]
  try {
    const cfb = XLSX.CFB.read(bytes, { type: 'buffer' })
    names = cfb.FileIndex.map((f: { name: string }) => f.name)
  } catch (e) {
    throw corrupt(e instanceof Error ? e.message : String(e))
  }
  const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase())
  if (has('EncryptionInfo') || has('EncryptedPackage')) throw encrypted()
  if (!has('Workbook') && !has('Book')) {
    if (has('WordDocument')) throw notSpreadsheet('Word 文档（.doc）')
    if (has('PowerPoint Document')) throw notSpreadsheet('PowerPoint 演示文稿')
    throw notSpreadsheet('其他 Office 文件')
  }
  const format: SourceFormat = ext === '.et' ? 'et' : 'xls'
  return { format, sheets: readWithSheetJs(bytes, options) }
}

async function readZip(path: string, size: number, options: ReadOptions): Promise<RawWorkbook> {
  if (size > MAX_BYTES.xlsx) throw tooLarge(size, MAX_BYTES.xlsx)
  let entries: ZipEntry[]
  try {
    entries = listZip(path)
  } catch (e) {
    if (e instanceof ZipError) throw corrupt(e.message)
    throw e
  }
  const kind = zipKind(entries)
  if (!kind.spreadsheet) throw notSpreadsheet(kind.what)
  if (entries.some((e) => e.encrypted)) throw encrypted()
  const isXlsx = entries.some((e) => e.name === 'xl/workbook.xml')
  // A small file can inflate to a huge one (repetitive XML, or a zip bomb): judge by the content.
  const inflated = entries.reduce((n, e) => n + e.size, 0)
  if (isXlsx && (size > (options.streamAbove ?? STREAM_ABOVE) || inflated > INFLATED_STREAM_ABOVE)) {
    let sheets: RawSheet[] | null = null
    let failure: unknown = null
    try {
      sheets = await readXlsxStreaming(path, options.maxRows, options.onProgress)
    } catch (e) {
      if (e instanceof AppError) throw e
      failure = e
    }
    // An unusual package the streaming reader does not understand: SheetJS, if memory allows.
    if (sheets && sheets.length > 0) return { format: 'xlsx', sheets }
    if (size > SHEETJS_FALLBACK_MAX) throw corrupt(failure instanceof Error ? failure.message : String(failure ?? 'no sheets'))
  }
  return { format: 'xlsx', sheets: readWithSheetJs(readFileSync(path), options) }
}

function readText(path: string, size: number, ext: string, options: ReadOptions): RawWorkbook {
  if (size > MAX_BYTES.text) throw tooLarge(size, MAX_BYTES.text)
  const bytes = readFileSync(path)
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) throw notSpreadsheet('二进制文件')
  const { text, encoding } = decodeText(bytes)
  const start = text.trimStart().slice(0, 512).toLowerCase()
  // Web systems often export an HTML table or an Excel 2003 XML file named .xls.
  if (/^(<!doctype html|<html|<table|<\?xml[^>]*>\s*(<\?mso-application[^>]*>\s*)?<workbook)/.test(start) || (start.startsWith('<?xml') && start.includes('urn:schemas-microsoft-com:office:spreadsheet'))) {
    const format: SourceFormat = ext === '.et' ? 'et' : 'xls'
    return { format, encoding, sheets: readWithSheetJs(text, options, true) }
  }
  if (start.startsWith('<')) throw notSpreadsheet('网页或 XML 文件')
  const name = 'Sheet1'
  const rows = parseCsv(text, options.maxRows && options.maxRows > 0 ? options.maxRows : Infinity)
  return { format: 'csv', encoding, sheets: [{ name, rows, merges: [] }] }
}

const hasData = (sheets: RawSheet[]) => sheets.some((s) => s.rows.some((r) => r.some((v) => v !== null && (typeof v !== 'string' || v.trim() !== ''))))

/**
 * Reads a spreadsheet the user chose, whatever its name says: the format is sniffed from the first
 * bytes. zip → .xlsx (or .ods; large .xlsx streamed with ExcelJS), OLE compound file → .xls/.et
 * (or an encrypted OOXML, refused), text → CSV (UTF-8 with or without BOM, UTF-16 with BOM, else
 * GB18030) or an HTML/XML table saved as .xls. Cells keep their raw values: numbers as numbers,
 * date cells as Date (UTC fields = the date shown), formulas never evaluated (their cached value),
 * error cells as their text (#REF!). Throws AppError with a Chinese message for files that are not
 * spreadsheets, truncated or corrupt, encrypted, empty or too large.
 */
export async function readWorkbook(path: string, options: ReadOptions = {}): Promise<RawWorkbook> {
  try {
    return await read(path, options)
  } catch (e) {
    throw asAppError(e)
  }
}

/** File-system failures in the user's words; anything else unexpected counts as a damaged file. */
function asAppError(e: unknown): AppError {
  if (e instanceof AppError) return e
  const code = (e as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOENT') return new AppError(ReadErrorCode.notFound, '找不到所选文件，可能已被移动或删除。请重新选择。')
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') {
    return new AppError(ReadErrorCode.unreadable, '无法读取所选文件：可能正被其他程序（如 Excel、WPS）独占打开，或没有读取权限。请关闭后重试。', { code })
  }
  if (e instanceof RangeError && /memory|Invalid (string|array) length/i.test(e.message)) return tooLarge(0, 0)
  return corrupt(e instanceof Error ? e.message : String(e))
}

async function read(path: string, options: ReadOptions): Promise<RawWorkbook> {
  const st = statSync(path)
  if (!st.isFile()) throw notSpreadsheet('文件夹')
  const size = st.size
  if (size === 0) throw emptyFile()
  const head = readHead(path, 64)
  const ext = extname(path).toLowerCase()
  let book: RawWorkbook
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) {
    book = await readZip(path, size, options)
  } else if (head.subarray(0, 8).equals(CFB_MAGIC)) {
    book = readOle(path, size, ext, options)
  } else {
    const other = otherFormat(head)
    if (other) throw notSpreadsheet(other)
    if (head[0] === 0x09 && head[1] === 0x08) book = { format: 'xls', sheets: readWithSheetJs(readFileSync(path), options) } // bare BIFF stream
    else book = readText(path, size, ext, options)
  }
  if (!hasData(book.sheets)) throw emptyFile('文件中没有任何数据（所有工作表都是空的）')
  options.onProgress?.(1)
  return book
}
