/**
 * The sheet XML of a large .xlsx scanned as bytes, never decoded as a whole: rows are found with
 * Buffer.indexOf, and the common cell — a shared string or a number in a plain <v> — is read from
 * its bytes (the index or the digits) without making a string. Any other cell (inline and formula
 * strings, booleans, errors, ISO dates, odd markup) is decoded on its own and read by the caller's
 * `other`. A 120,000-line roster is 61 MB of XML and 1.7M cells: decoding it all and slicing every
 * cell was most of reading the file.
 *
 * Byte ranges never split a character: rows are cut at their end tags, which are ASCII.
 */
import type { CellValue } from '../types'
import { serialToDate } from './sheetjs'

/** What plain cells are read against: the shared strings, and which cell styles are dates. */
export interface SheetLookups {
  strings: string[]
  isDate: boolean[]
  date1904: boolean
}

/** A shared string by its index; an empty or missing one is an empty cell. */
export function sharedString(lookups: SheetLookups, index: number): string | null {
  const s = lookups.strings[index]
  return s === undefined || s === '' ? null : s
}

/** A number cell: a date when its style is a date format. */
export const styledNumber = (lookups: SheetLookups, n: number, style: number | undefined): number | Date =>
  style !== undefined && lookups.isDate[style] ? serialToDate(n, lookups.date1904) : n

export interface ByteSheetContext extends SheetLookups {
  /** A cell that is not a plain shared string or number, from its decoded s and t attributes and inner XML. */
  other(s: string | undefined, t: string | undefined, inner: string): CellValue
  /** Called for every non-empty cell kept (the guard against zip bombs). */
  counted(): void
}

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const COLON = 0x3a
const EQ = 0x3d
const DQ = 0x22
const SQ = 0x27

const isNameByte = (b: number) => (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b === COLON || b === 95 || b === 45 || b === 46
const isSpaceByte = (b: number) => b === 32 || b === 9 || b === 10 || b === 13

/** Value ranges of the r, s and t attributes found by `scanAttrs`: at[R], at[R + 1] … ; -1 when absent. */
const R = 0
const S = 2
const T = 4

/** Finds the value ranges of the r, s and t attributes in buf[from, to) (a start tag after its name). */
function scanAttrs(buf: Uint8Array, from: number, to: number, at: Int32Array) {
  at.fill(-1)
  let i = from
  while (i < to) {
    let eq = i
    while (eq < to && buf[eq] !== EQ) eq++
    if (eq >= to) return
    let nameEnd = eq
    while (nameEnd > i && isSpaceByte(buf[nameEnd - 1])) nameEnd--
    let q = eq + 1
    while (q < to && isSpaceByte(buf[q])) q++
    const quote = buf[q]
    if (quote !== DQ && quote !== SQ) return
    let end = q + 1
    while (end < to && buf[end] !== quote) end++
    if (end >= to) return
    let nameStart = i
    while (nameStart < nameEnd && isSpaceByte(buf[nameStart])) nameStart++
    if (nameEnd - nameStart === 1) {
      const c = buf[nameStart]
      const slot = c === 114 ? R : c === 115 ? S : c === 116 ? T : -1
      if (slot >= 0) {
        at[slot] = q + 1
        at[slot + 1] = end
      }
    }
    i = end + 1
  }
}

/** The column (0-based) of a cell reference's letters in buf[from, to) ("B12" → 1, "$B$12" → 1); -1 without letters. */
function columnAt(buf: Uint8Array, from: number, to: number): number {
  let col = 0
  for (let i = from; i < to; i++) {
    const c = buf[i]
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64)
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96)
    else if (c !== 36) break
  }
  return col - 1
}

/** `Number()` of the ASCII text in buf[from, to): plain digits are added up (exact below 2^53), anything else goes through Number. */
function numberAt(buf: Buffer, from: number, to: number): number {
  if (to > from && to - from <= 15) {
    let n = 0
    let i = from
    for (; i < to; i++) {
      const c = buf[i]
      if (c < 48 || c > 57) break
      n = n * 10 + (c - 48)
    }
    if (i === to) return n
  }
  return Number(buf.toString('latin1', from, to))
}

const isBlankAt = (buf: Buffer, from: number, to: number) => {
  for (let i = from; i < to; i++) if (!isSpaceByte(buf[i])) return false
  return true
}

/** Whether buf[from, to) is the tag name `local`, with or without a namespace prefix. */
function isLocalName(buf: Uint8Array, from: number, to: number, local: string): boolean {
  const start = to - local.length
  if (start < from || (start > from && buf[start - 1] !== COLON)) return false
  for (let i = 0; i < local.length; i++) if (buf[start + i] !== local.charCodeAt(i)) return false
  return true
}

/** Index of the next `</c>` (unprefixed) in buf[from, to), or -1. */
function closeOfC(buf: Uint8Array, from: number, to: number): number {
  for (let i = from; i + 3 < to; i++) {
    if (buf[i] === LT && buf[i + 1] === SLASH && buf[i + 2] === 99 && buf[i + 3] === GT) return i
  }
  return -1
}

/** A shared string or number in a plain `<v>…</v>` at buf[from, to); undefined for any other cell. */
function plainValue(buf: Buffer, from: number, to: number, at: Int32Array, ctx: ByteSheetContext): CellValue | undefined {
  const tFrom = at[T]
  const oneLetterType = at[T + 1] - tFrom === 1 ? buf[tFrom] : -1
  const shared = oneLetterType === 115
  if (!shared && tFrom >= 0 && oneLetterType !== 110) return undefined
  if (!(buf[from] === LT && buf[from + 1] === 118 && buf[from + 2] === GT)) return undefined
  let close = from + 3
  while (close < to && buf[close] !== LT) close++
  if (!(close + 3 < to && buf[close + 1] === SLASH && buf[close + 2] === 118 && buf[close + 3] === GT)) return undefined
  const vFrom = from + 3
  if (shared) return sharedString(ctx, numberAt(buf, vFrom, close))
  const n = numberAt(buf, vFrom, close)
  if (isBlankAt(buf, vFrom, close) || !Number.isFinite(n)) return null
  return styledNumber(ctx, n, at[S] >= 0 ? numberAt(buf, at[S], at[S + 1]) : undefined)
}

/** What `plainCell` found: the column and value of the cell, and where the cell ends. */
const plain = { column: 0, value: null as CellValue, end: 0 }

/**
 * The common cell in one pass: `<c` and a space, then only double-quoted attributes with no spaces
 * around `=`, then either `/>` or `><v>digits…</v></c>` with t absent, "s" or "n". Fills `plain` and
 * returns true; false for anything else, which the general code reads from the same `<`.
 */
function plainCell(buf: Buffer, lt: number, to: number, ctx: ByteSheetContext, nextCol: number): boolean {
  let i = lt + 3
  let rFrom = -1
  let rTo = -1
  let style = -1
  let type = -1
  for (;;) {
    while (i < to && buf[i] === 32) i++
    if (i >= to) return false
    const b = buf[i]
    if (b === GT || b === SLASH) break
    const nameFrom = i
    while (i < to && isNameByte(buf[i])) i++
    if (i === nameFrom || i + 1 >= to || buf[i] !== EQ || buf[i + 1] !== DQ) return false
    const valueFrom = i + 2
    let valueTo = valueFrom
    while (valueTo < to && buf[valueTo] !== DQ) valueTo++
    if (valueTo >= to) return false
    if (i - nameFrom === 1) {
      const name = buf[nameFrom]
      if (name === 114) {
        rFrom = valueFrom
        rTo = valueTo
      } else if (name === 115) style = numberAt(buf, valueFrom, valueTo)
      else if (name === 116) type = valueTo - valueFrom === 1 ? buf[valueFrom] : 0
    }
    i = valueTo + 1
  }
  const column = rTo > rFrom ? columnAt(buf, rFrom, rTo) : nextCol
  if (buf[i] === SLASH) {
    if (i + 1 >= to || buf[i + 1] !== GT) return false
    plain.column = column
    plain.value = null
    plain.end = i + 2
    return true
  }
  // <v>…</v></c>
  if (type !== -1 && type !== 115 && type !== 110) return false
  if (!(buf[i + 1] === LT && buf[i + 2] === 118 && buf[i + 3] === GT)) return false
  const vFrom = i + 4
  let vTo = vFrom
  while (vTo < to && buf[vTo] !== LT) vTo++
  if (vTo + 8 > to || !(buf[vTo + 1] === SLASH && buf[vTo + 2] === 118 && buf[vTo + 3] === GT && buf[vTo + 4] === LT && buf[vTo + 5] === SLASH && buf[vTo + 6] === 99 && buf[vTo + 7] === GT)) {
    return false
  }
  if (vTo === vFrom || isBlankAt(buf, vFrom, vTo)) return false
  const n = numberAt(buf, vFrom, vTo)
  plain.column = column
  plain.value = type === 115 ? sharedString(ctx, n) : Number.isFinite(n) ? styledNumber(ctx, n, style < 0 ? undefined : style) : null
  plain.end = vTo + 8
  return true
}

/** The cells of a row's XML in buf[from, to), by column. */
export function rowCells(buf: Buffer, from: number, to: number, ctx: ByteSheetContext, at: Int32Array): CellValue[] {
  const out: CellValue[] = []
  let pos = from
  let nextCol = 0
  while (pos < to) {
    let lt = pos
    while (lt < to && buf[lt] !== LT) lt++
    if (lt >= to) break
    if (buf[lt + 1] === 99 && buf[lt + 2] === 32 && plainCell(buf, lt, to, ctx, nextCol)) {
      const c = plain.column
      pos = plain.end
      nextCol = c + 1
      if (c < 0 || c > 16_383 || plain.value === null) continue
      ctx.counted()
      while (out.length < c) out.push(null)
      out[c] = plain.value
      continue
    }
    let e = lt + 1
    // the usual unprefixed <c …> first, any other name the long way
    if (buf[e] === 99 && !isNameByte(buf[e + 1])) e++
    else while (e < to && isNameByte(buf[e])) e++
    let gt = e
    while (gt < to && buf[gt] !== GT) gt++
    if (gt >= to) break
    // a <c> or <prefix:c> element
    if (buf[e - 1] !== 99 || !(e - lt === 2 || buf[e - 2] === COLON)) {
      pos = gt + 1
      continue
    }
    const selfClosing = buf[gt - 1] === SLASH
    scanAttrs(buf, e, selfClosing ? gt - 1 : gt, at)
    const c = at[R + 1] > at[R] ? columnAt(buf, at[R], at[R + 1]) : nextCol
    const innerFrom = gt + 1
    let innerTo = innerFrom
    if (selfClosing) pos = gt + 1
    else {
      let close: number
      let closeLength: number
      if (e - lt === 2) {
        close = closeOfC(buf, innerFrom, to)
        closeLength = 4
      } else {
        const closeTag = Buffer.from(`</${buf.toString('latin1', lt + 1, e)}>`, 'latin1')
        close = buf.indexOf(closeTag, innerFrom)
        closeLength = closeTag.length
        if (close >= to) close = -1
      }
      if (close < 0) break
      innerTo = close
      pos = close + closeLength
    }
    nextCol = c + 1
    if (c < 0 || c > 16_383 || innerTo === innerFrom) continue
    let value = plainValue(buf, innerFrom, innerTo, at, ctx)
    if (value === undefined) {
      const s = at[S] < 0 ? undefined : buf.toString('utf8', at[S], at[S + 1])
      const t = at[T] < 0 ? undefined : buf.toString('utf8', at[T], at[T + 1])
      value = ctx.other(s, t, buf.toString('utf8', innerFrom, innerTo))
    }
    if (value === null) continue
    ctx.counted()
    while (out.length < c) out.push(null)
    out[c] = value
  }
  return out
}

const ROW_END = Buffer.from('</row>')

/**
 * Cuts the sheet XML, chunk by chunk, into rows: `onRow` gets each row's r attribute (undefined
 * without one) and the byte range of its content. What follows </sheetData> (the merged cells) is
 * kept as text.
 */
export class SheetDataReader {
  private inData = true
  private readonly tail: Buffer[] = []
  private readonly at = new Int32Array(6)

  constructor(private readonly onRow: (r: string | undefined, buf: Buffer, from: number, to: number) => void) {}

  push(chunk: Buffer) {
    if (!this.inData) {
      this.tail.push(Buffer.from(chunk))
      return
    }
    // The unfinished row of the last chunk and this chunk, in one reused buffer (a new Buffer per
    // chunk is external memory the garbage collector frees late: 30 MB more at the peak).
    const buf = this.join(chunk)
    let pos = 0
    const n = buf.length
    for (;;) {
      // the next tag is usually right here (between rows): a loop, not a native call per row
      let lt = pos
      while (lt < n && buf[lt] !== LT) lt++
      if (lt >= n) {
        pos = n
        break
      }
      const closing = buf[lt + 1] === SLASH
      const nameFrom = closing ? lt + 2 : lt + 1
      let e = nameFrom
      while (e < n && isNameByte(buf[e])) e++
      let gt = e
      while (gt < n && buf[gt] !== GT) gt++
      if (gt >= n) {
        pos = lt
        break
      }
      if (closing) {
        if (isLocalName(buf, nameFrom, e, 'sheetData')) {
          this.inData = false
          this.tail.push(Buffer.from(buf.subarray(lt)))
          pos = buf.length
          break
        }
        pos = gt + 1
        continue
      }
      if (!isLocalName(buf, nameFrom, e, 'row')) {
        pos = gt + 1
        continue
      }
      const selfClosing = buf[gt - 1] === SLASH
      scanAttrs(buf, e, selfClosing ? gt - 1 : gt, this.at)
      const r = this.at[R] >= 0 ? buf.toString('latin1', this.at[R], this.at[R + 1]) : undefined
      if (selfClosing) {
        this.onRow(r, buf, 0, 0)
        pos = gt + 1
        continue
      }
      const end = e - nameFrom === 3 ? ROW_END : Buffer.from(`</${buf.toString('latin1', nameFrom, e)}>`, 'latin1')
      const close = buf.indexOf(end, gt + 1)
      if (close < 0) {
        pos = lt
        break
      }
      this.onRow(r, buf, gt + 1, close)
      pos = close + end.length
    }
    this.keep(buf, pos)
  }

  private work = Buffer.alloc(0)
  private kept = 0

  /** The kept bytes followed by `chunk`, in the working buffer (grown when needed). */
  private join(chunk: Buffer): Buffer {
    if (this.kept === 0) return chunk
    const length = this.kept + chunk.length
    if (this.work.length < length) {
      const bigger = Buffer.allocUnsafe(Math.max(length, this.work.length * 2))
      this.work.copy(bigger, 0, 0, this.kept)
      this.work = bigger
    }
    chunk.copy(this.work, this.kept)
    return this.work.subarray(0, length)
  }

  /** Keeps buf[pos…] (an unfinished row) at the start of the working buffer. */
  private keep(buf: Buffer, pos: number) {
    this.kept = buf.length - pos
    if (this.kept === 0) return
    if (this.work.length < this.kept) {
      const bigger = Buffer.allocUnsafe(Math.max(this.kept, 64 * 1024))
      buf.copy(bigger, 0, pos)
      this.work = bigger
    } else buf.copy(this.work, 0, pos)
  }

  /** The XML after </sheetData>, decoded (empty while still in the data). */
  tailText(): string {
    return Buffer.concat(this.tail).toString('utf8')
  }
}
