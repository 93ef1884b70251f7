import type { CellValue } from '../types'

/** Zero-width space/joiners, word joiner, BOM, soft hyphen. */
const invisible = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g
/** Every kind of space incl. line breaks, NBSP and the ideographic space U+3000. */
const spaces = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g

/** Any character `foldText` changes (or a space, which may need trimming or collapsing). */
const NEEDS_FOLD = /[\s\u00A0\u00AD\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF\uFF01-\uFF5E\uFFE5]/

/** Excel's error values as a cell shows them. */
const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!'])

/** A number as Excel shows it in a General cell: at most 15 significant digits, no binary noise. */
export function numberToText(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n)
  const s = String(Number(n.toPrecision(15)))
  return s
}

/** A date cell's calendar date: the reader puts the date as shown in Excel into the Date's UTC fields. */
export function dateCellToIso(d: Date): string | null {
  const t = d.getTime()
  if (!Number.isFinite(t)) return null
  // Round to the minute: serial fractions such as 44405.99999999 mean midnight of the next day.
  const r = new Date(Math.round(t / 60_000) * 60_000)
  const y = r.getUTCFullYear()
  return `${String(y).padStart(4, '0')}-${String(r.getUTCMonth() + 1).padStart(2, '0')}-${String(r.getUTCDate()).padStart(2, '0')}`
}

/**
 * Folds a cell to plain text for comparing and parsing: full-width letters, digits and punctuation
 * (incl. ，：（）and the ideographic space) to half-width, ￥ to ¥, invisible characters removed, every run
 * of spaces, NBSPs and line breaks collapsed to one space, trimmed. Numbers as Excel shows them,
 * dates as 「yyyy-mm-dd」, booleans as TRUE/FALSE, empty as ''.
 */
export function foldText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return numberToText(v)
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  if (v instanceof Date) return dateCellToIso(v) ?? ''
  const text = String(v)
  // Most cells need nothing: one test instead of five replaces.
  if (!NEEDS_FOLD.test(text)) return text
  return text
    .replace(invisible, '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\uFFE5/g, '¥')
    .replace(spaces, ' ')
    .trim()
}

/** `foldText` with no spaces at all and lower-case Latin letters: the form header texts are compared in. */
export const foldKey = (v: CellValue | undefined) => foldText(v).replace(/ /g, '').toLowerCase()

/** True for an empty cell or one holding only spaces. */
export const isBlankCell = (v: CellValue | undefined) => foldText(v) === ''

/** Placeholders clerks type for "nothing" in a number or date column: - — / 无. */
export const isDashPlaceholder = (s: string) => /^([-—–\/\\]+|无|暂无)$/.test(s)

/** An Excel error value (#REF!, #N/A …) in the cell, or null. */
export function excelErrorOf(v: CellValue | undefined): string | null {
  if (typeof v !== 'string') return null
  const s = foldText(v).toUpperCase()
  return EXCEL_ERRORS.has(s) ? s : null
}

/** The message for a cell holding an Excel error value. */
export const excelErrorMessage = (code: string) =>
  `单元格是 Excel 错误值 ${code}（公式出错或引用的单元格已删除），请在原表中改为实际内容`

/** Shortens a value for a message. */
export const shortText = (s: string, max = 20) => (s.length > max ? `${s.slice(0, max)}…` : s)
