import * as XLSX from 'xlsx'
import type { CellValue, MergeRange, RawSheet } from '../types'
import { AppError } from '../../../domain/errors'
import { ReadErrorCode } from './errors'
import { listZip, readZipEntry, streamZipEntryBytes, streamZipEntryText, type ZipEntry } from './zip'
import { rowCells, SheetDataReader, sharedString, styledNumber, type ByteSheetContext, type SheetLookups } from './sheet-bytes'

/*
 * A streaming .xlsx reader for large files: the sheet XML is inflated and scanned chunk by chunk as
 * bytes (sheet-bytes.ts; a row is only ever cut at its end tag, so no character is split), the
 * shared strings as text through a stateful UTF-8 decoder, and only cell values are kept, so memory
 * grows with the data rather than with a DOM or SheetJS's cell objects.
 *
 * Not ExcelJS's WorkbookReader: it decodes each inflated chunk on its own (utils/parse-sax.js →
 * bufferToString), so a Chinese character split across a chunk boundary becomes two U+FFFD — in a
 * 120k-line file dozens of names and villages would be silently corrupted.
 */

const ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g
export const xmlDecode = (s: string) =>
  s.indexOf('&') < 0
    ? s
    : s.replace(ENTITY, (m, e: string) => {
        if (e === 'lt') return '<'
        if (e === 'gt') return '>'
        if (e === 'amp') return '&'
        if (e === 'quot') return '"'
        if (e === 'apos') return "'"
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m
      })

const attrPatterns = new Map<string, RegExp>()
const attr = (tag: string, name: string) => {
  let re = attrPatterns.get(name)
  if (!re) attrPatterns.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)))
  const m = re.exec(tag)
  return m ? xmlDecode(m[1] ?? m[2]) : undefined
}


/** Optional namespace prefix of SpreadsheetML tags (<x:row> from some .NET writers). */
const P = '(?:[A-Za-z_][\\w.-]*:)?'

/** Text of the <t> runs of a shared or inline string, without phonetic (<rPh>) runs. */
const PHONETIC_RUN = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g')
const TEXT_RUN = new RegExp(`<${P}t\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}t>)`, 'g')

function runsText(xml: string): string {
  // Most strings are one plain run: <t>…</t>.
  if (xml.startsWith('<t>') && xml.endsWith('</t>') && xml.indexOf('<', 3) === xml.length - 4) return xmlDecode(xml.slice(3, -4))
  const body = xml.indexOf('rPh') >= 0 ? xml.replace(PHONETIC_RUN, '') : xml
  let out = ''
  TEXT_RUN.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TEXT_RUN.exec(body))) if (m[1]) out += m[1]
  return xmlDecode(out)
}

interface Parts {
  sheets: { name: string; part: string }[]
  sharedStrings?: string
  styles?: string
  date1904: boolean
}

const resolveTarget = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/')

/** The sheets of an xlsx in workbook order (name and zip path), and its shared-strings and styles parts. */
export function xlsxParts(path: string, entries: ZipEntry[]): Parts {
  const byName = new Map(entries.map((e) => [e.name, e]))
  const wbEntry = byName.get('xl/workbook.xml')
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels')
  if (!wbEntry || !relsEntry) return { sheets: [], date1904: false }
  const wb = readZipEntry(path, wbEntry).toString('utf8')
  const rels = readZipEntry(path, relsEntry).toString('utf8')
  const targets = new Map<string, string>()
  const parts: Parts = { sheets: [], date1904: false }
  for (const m of rels.matchAll(new RegExp(`<${P}Relationship\\b[^>]*>`, 'g'))) {
    const id = attr(m[0], 'Id')
    const target = attr(m[0], 'Target')
    const type = attr(m[0], 'Type') ?? ''
    if (!id || !target) continue
    targets.set(id, resolveTarget(target))
    if (type.endsWith('/sharedStrings')) parts.sharedStrings = resolveTarget(target)
    if (type.endsWith('/styles')) parts.styles = resolveTarget(target)
  }
  const pr = new RegExp(`<${P}workbookPr\\b[^>]*>`).exec(wb)
  parts.date1904 = !!pr && /^(1|true)$/i.test(attr(pr[0], 'date1904') ?? '')
  for (const m of wb.matchAll(new RegExp(`<${P}sheet\\b[^>]*>`, 'g'))) {
    const name = attr(m[0], 'name') ?? `Sheet${parts.sheets.length + 1}`
    const rid = attr(m[0], 'r:id') ?? attr(m[0], '[A-Za-z]+:id')
    const part = rid ? targets.get(rid) : undefined
    if (part && byName.has(part)) parts.sheets.push({ name, part })
  }
  return parts
}

/** Built-in number formats that show a date (incl. the CJK ones 27–36, 50–58). */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58])

/** For each cell style index (s="…"), whether its number format shows a date. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>()
  for (const m of xml.matchAll(new RegExp(`<${P}numFmt\\b[^>]*>`, 'g'))) {
    const id = Number(attr(m[0], 'numFmtId'))
    const code = attr(m[0], 'formatCode')
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code)
  }
  const xfs = new RegExp(`<${P}cellXfs\\b[^>]*>([\\s\\S]*?)</${P}cellXfs>`).exec(xml)?.[1] ?? ''
  const out: boolean[] = []
  for (const m of xfs.matchAll(new RegExp(`<${P}xf\\b[^>]*>`, 'g'))) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0)
    const code = custom.get(id)
    let isDate = BUILTIN_DATE.has(id)
    if (code !== undefined) {
      try {
        isDate = XLSX.SSF.is_date(code)
      } catch {
        isDate = false
      }
    }
    out.push(isDate)
  }
  return out
}

const tooManyCells = () =>
  new AppError(
    ReadErrorCode.tooLarge,
    `表格中的单元格超过 ${MAX_CELLS / 10_000} 万个，超出一次导入的范围。请确认没有整列整行的无用内容，或按乡镇、年度拆分后分别导入。`,
  )

/** Reads the shared-string table, streamed (it can hold most of a large file's text). */
async function readSharedStrings(path: string, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = []
  if (!entry) return strings
  let buf = ''
  const siOpen = new RegExp(`<${P}si\\b[^>]*?(/>|>)`, 'g')
  const siClose = new RegExp(`</${P}si>`, 'g')
  await streamZipEntryText(path, entry, (chunk) => {
    buf += chunk
    let pos = 0
    for (;;) {
      siOpen.lastIndex = pos
      const open = siOpen.exec(buf)
      if (!open) break
      if (open[1] === '/>') {
        strings.push('')
        pos = siOpen.lastIndex
        continue
      }
      siClose.lastIndex = siOpen.lastIndex
      const close = siClose.exec(buf)
      if (!close) {
        pos = open.index
        break
      }
      strings.push(runsText(buf.slice(siOpen.lastIndex, close.index)))
      if (strings.length > MAX_CELLS) throw tooManyCells()
      pos = siClose.lastIndex
    }
    buf = buf.slice(pos)
  })
  return strings
}

/** "B12" → row 11 (0-based); -1 without digits. */
function rowOf(ref: string): number {
  const m = /(\d+)$/.exec(ref)
  return m ? Number(m[1]) - 1 : -1
}

interface SheetContext extends SheetLookups {
  /** Non-empty cells read so far, against MAX_CELLS. */
  cells: number
}

/** More non-empty cells than any county ledger has (120k lines × 40 columns = 4.8M): a guard against zip bombs. */
export const MAX_CELLS = 30_000_000

const V = new RegExp(`<${P}v\\b[^>]*>([\\s\\S]*?)</${P}v>`)
const F = new RegExp(`<${P}f\\b[^>]*>([\\s\\S]*?)</${P}f>`)
const IS = new RegExp(`<${P}is\\b[^>]*>([\\s\\S]*?)</${P}is>`)

/** The column (0-based) of a cell reference's letters ("B12" → 1, "$B$12" → 1); -1 without letters. */
function columnOf(ref: string): number {
  let col = 0
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i)
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64)
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96)
    else if (c !== 36) break
  }
  return col - 1
}

/** The text of a cell's <v> element: the common `<v>…</v>` found directly, anything else by the pattern. */
function valueText(inner: string): string | undefined {
  const open = inner.indexOf('<v>')
  if (open >= 0) {
    const close = inner.indexOf('</v>', open + 3)
    if (close >= 0) return inner.slice(open + 3, close)
  }
  return V.exec(inner)?.[1]
}

function cellOf(attrs: { s?: string; t?: string }, inner: string | undefined, ctx: SheetContext): CellValue {
  if (inner === undefined || inner === '') return null
  const t = attrs.t ?? 'n'
  if (t === 'inlineStr') {
    const is = IS.exec(inner)
    const text = is ? runsText(is[1]) : ''
    return text === '' ? null : text
  }
  const v = valueText(inner)
  if (v === undefined) {
    const f = F.exec(inner)
    return f && f[1] ? `=${xmlDecode(f[1])}` : null
  }
  switch (t) {
    case 's':
      return sharedString(ctx, Number(v))
    case 'str': {
      const s = xmlDecode(v)
      return s === '' ? null : s
    }
    case 'b':
      return v.trim() === '1' || v.trim().toLowerCase() === 'true'
    case 'e':
      return xmlDecode(v).trim() || '#VALUE!'
    case 'd': {
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.trim()}Z`)
      return Number.isNaN(d.getTime()) ? xmlDecode(v) : d
    }
    default: {
      const n = Number(v)
      if (v.trim() === '' || !Number.isFinite(n)) return null
      return styledNumber(ctx, n, attrs.s === undefined ? undefined : Number(attrs.s))
    }
  }
}

const MERGE = new RegExp(`<${P}mergeCell\\b[^>]*?ref\\s*=\\s*"([A-Za-z$0-9]+)(?::([A-Za-z$0-9]+))?"`, 'g')

async function readSheet(
  path: string,
  entry: ZipEntry,
  name: string,
  ctx: SheetContext,
  maxRows: number | undefined,
  onBytes: (n: number) => void,
): Promise<RawSheet> {
  const rows: CellValue[][] = []
  const merges: MergeRange[] = []
  let nextRow = 0
  const limit = maxRows && maxRows > 0 ? maxRows : Infinity
  const cells: ByteSheetContext = {
    strings: ctx.strings,
    isDate: ctx.isDate,
    date1904: ctx.date1904,
    other: (s, t, inner) => cellOf({ s, t }, inner, ctx),
    counted: () => {
      if (++ctx.cells > MAX_CELLS) throw tooManyCells()
    },
  }
  const at = new Int32Array(6)
  const reader = new SheetDataReader((rAttr, buf, from, to) => {
    if (nextRow >= limit) return void nextRow++
    const r = rAttr ? Number(rAttr) - 1 : nextRow
    nextRow = r + 1
    if (r >= limit || r < 0) return
    const out = rowCells(buf, from, to, cells, at)
    while (rows.length < r) rows.push([])
    rows[r] = out
  })
  await streamZipEntryBytes(path, entry, (chunk) => {
    onBytes(chunk.length)
    reader.push(chunk)
  })
  for (const m of reader.tailText().matchAll(MERGE)) {
    const a = m[1]
    const b = m[2] ?? m[1]
    merges.push({ top: rowOf(a), left: columnOf(a), bottom: rowOf(b), right: columnOf(b) })
  }
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop()
  return { name, rows, merges: merges.filter((m) => m.top >= 0 && m.left >= 0) }
}

/** Reads an .xlsx streamed: sheets in workbook order, values as `readWorkbook` documents them. */
export async function readXlsxStreaming(path: string, maxRows?: number, onProgress?: (fraction: number) => void): Promise<RawSheet[]> {
  const entries = listZip(path)
  const byName = new Map(entries.map((e) => [e.name, e]))
  const parts = xlsxParts(path, entries)
  const stylesEntry = byName.get(parts.styles ?? 'xl/styles.xml')
  const ctx: SheetContext = {
    strings: await readSharedStrings(path, byName.get(parts.sharedStrings ?? 'xl/sharedStrings.xml')),
    isDate: stylesEntry ? dateStyles(readZipEntry(path, stylesEntry).toString('utf8')) : [],
    date1904: parts.date1904,
    cells: 0,
  }
  // Progress by characters of sheet XML read against the sheets' uncompressed sizes (close enough:
  // sheet XML is mostly ASCII when strings are shared).
  const total = parts.sheets.reduce((n, s) => n + (byName.get(s.part)?.size ?? 0), 0) || 1
  let done = 0
  let reported = 0
  const onChars = (n: number) => {
    done += n
    const fraction = Math.min(0.99, done / total)
    if (onProgress && fraction - reported >= 0.01) {
      reported = fraction
      onProgress(fraction)
    }
  }
  const sheets: RawSheet[] = []
  for (const s of parts.sheets) sheets.push(await readSheet(path, byName.get(s.part)!, s.name, ctx, maxRows, onChars))
  return sheets
}
