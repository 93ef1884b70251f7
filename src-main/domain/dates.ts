import { fail, ok, type Result } from './result'
import { blank, fromResult, info, isBlank, type Checked, type FieldRef } from './severity'
import { toHalfWidth } from './text'

/**
 * Dates as Excel users type them, returned as ISO 「yyyy-mm-dd」 strings (no Date objects, no time
 * zones). Excel serial numbers use the 1900 date system with its 1900-02-29 bug: serial 60 is a day
 * that never existed, and every serial after it is one too high.
 */
export interface ParsedDate {
  /** 「yyyy-mm-dd」; for a month-only date, the 1st of that month. */
  iso: string
  /** The input gave only a year and month (「2021年7月」). */
  monthOnly: boolean
}

/** Sanity bounds of a parsed date's year (not policy: fund-year limits come from the settings). */
export interface YearBounds {
  minYear?: number
  maxYear?: number
}

const DAY_MS = 86_400_000
/** Excel's last serial, 9999-12-31. */
const MAX_SERIAL = 2_958_465

const pad2 = (n: number) => String(n).padStart(2, '0')
const iso = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
export const daysInMonth = (y: number, m: number) => (m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1])

/**
 * The numbers of a date's '-'-separated parts: 「2021-07-28」 → [2021, 7, 28], as
 * `split('-').map(Number)` gives them; a date written yyyy-mm-dd is read from its digits (the
 * import checks one per row).
 */
export function isoParts(s: string): number[] {
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = digitsAt(s, 0, 4)
    const m = digitsAt(s, 5, 7)
    const d = digitsAt(s, 8, 10)
    if (y >= 0 && m >= 0 && d >= 0) return [y, m, d]
  }
  return s.split('-').map(Number)
}

/** The number written by the digits s[from, to); -1 when one is not a digit. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

export const isValidYmd = (y: number, m: number, d: number) =>
  Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)

/** True for a real calendar date written exactly as 「yyyy-mm-dd」. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  return !!m && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** Today's date on the local clock as 「yyyy-mm-dd」 (pass `now` in tests). */
export const todayIso = (now: Date = new Date()) => iso(now.getFullYear(), now.getMonth() + 1, now.getDate())

/** Compares two ISO dates: negative, 0 or positive (ISO strings sort as text). */
export const compareIso = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** 「2021-07-28」 → 「2021年7月28日」 for printed forms. */
export function formatChineseDate(isoDate: string): string {
  const [y, m, d] = isoParts(isoDate)
  return `${y}年${m}月${d}日`
}

/** An Excel serial (1900 date system) as an ISO date; a fraction (time of day) is ignored. */
export function excelSerialToIso(serial: number): Result<string> {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_SERIAL + 1) return fail(`Excel 日期序号 ${serial} 超出有效范围`)
  const n = Math.floor(serial)
  if (n === 60) return fail('Excel 日期序号 60 对应 1900年2月29日，这一天并不存在（Excel 的已知错误），请核对日期')
  // Serial 1 = 1900-01-01; from serial 61 on, Excel counts the phantom 1900-02-29.
  const base = n < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)
  const date = new Date(base + n * DAY_MS)
  return ok(iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()))
}

/** An ISO date as its Excel serial (for exports). Throws RangeError on a malformed date (a programming error). */
export function isoToExcelSerial(isoDate: string): number {
  if (!isIsoDate(isoDate) || isoDate < '1900-01-01') throw new RangeError(`不是有效的日期：${isoDate}`)
  const [y, m, d] = isoParts(isoDate)
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / DAY_MS
  return isoDate < '1900-03-01' ? days - 1 : days
}

function build(y: number, m: number, d: number | null, bounds: Required<YearBounds>): Result<ParsedDate> {
  if (y < bounds.minYear || y > bounds.maxYear) return fail(`年份${y}不在${bounds.minYear}–${bounds.maxYear}之间`)
  if (m < 1 || m > 12) return fail(`月份应为1–12，填写的是${m}`)
  if (d === null) return ok({ iso: iso(y, m, 1), monthOnly: true })
  if (!isValidYmd(y, m, d)) return fail(`日期不存在：${y}年${m}月${d}日`)
  return ok({ iso: iso(y, m, d), monthOnly: false })
}

function fromNumber(n: number, bounds: Required<YearBounds>): Result<ParsedDate> {
  if (!Number.isFinite(n) || n <= 0) return fail(`“${n}”不是有效的日期`)
  if (Number.isInteger(n) && n >= 10_000_000 && n <= 99_999_999) {
    return build(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100, bounds)
  }
  if (Number.isInteger(n) && n >= 100_000 && n <= 999_999) return build(Math.floor(n / 100), n % 100, null, bounds)
  const year = Math.floor(n)
  if (year >= bounds.minYear && year <= bounds.maxYear) {
    if (Number.isInteger(n)) return fail(`只填了年份（${n}），缺少月、日`)
    // 「2021.7」 typed into a cell becomes the number 2021.7, and 「2021.10」 becomes 2021.1.
    const fraction = String(n).split('.')[1] ?? ''
    if (fraction === '1') {
      return fail(`日期被 Excel 当成了小数（${n}），分不清是1月还是10月，请改为“${year}-01”或“${year}-10”这样的写法`)
    }
    if (fraction.length <= 2) return build(year, Number(fraction), null, bounds)
    return fail(`“${n}”不是有效的日期`)
  }
  const serial = excelSerialToIso(n)
  if (!serial.ok) return serial
  const [y, m, d] = serial.value.split('-').map(Number)
  return build(y, m, d, bounds)
}

/**
 * Parses a date as typed in a sheet: an Excel serial number (44405), 「2021-07-28」「2021/7/28」
 * 「2021.7.28」「2021年7月28日」(号 too)「20210728」, a trailing time (「2021-07-28 00:00:00」) ignored;
 * month only: 「2021年7月」「2021-07」「2021.7」「202107」 → the 1st, flagged `monthOnly`. Full-width
 * digits are fine. Two-digit years, day-first orders and impossible dates fail with a Chinese reason.
 * Years outside 1900–2100 fail unless `bounds` says otherwise.
 */
export function parseDate(input: string | number, bounds: YearBounds = {}): Result<ParsedDate> {
  const b = { minYear: bounds.minYear ?? 1900, maxYear: bounds.maxYear ?? 2100 }
  if (typeof input === 'number') return fromNumber(input, b)
  if (typeof input !== 'string') return fail('不是有效的日期')
  const text = toHalfWidth(input).trim()
  if (text === '') return fail('日期不能为空')
  const s = text.replace(/(?:T|\s)+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/, '').replace(/\s+/g, '')
  let m: RegExpExecArray | null
  if ((m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})[日号]?$/.exec(s))) return build(+m[1], +m[2], +m[3], b)
  if ((m = /^(\d{4})[-./年](\d{1,2})月?$/.exec(s))) return build(+m[1], +m[2], null, b)
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) return build(+m[1], +m[2], +m[3], b)
  if ((m = /^(\d{4})(\d{2})$/.exec(s))) return build(+m[1], +m[2], null, b)
  if (/^\d{1,5}(\.\d+)?$/.test(s)) return fromNumber(Number(s), b)
  if (/^\d{4}年?度?$/.test(s)) return fail(`只填了年份（${text}），缺少月、日`)
  if (/^\d{2}[-./年]\d{1,2}[-./月]\d{1,2}[日号]?$/.test(s)) return fail('年份请写全4位，如 2021-07-28')
  if (/^\d{1,2}[-./]\d{1,2}[-./]\d{4}$/.test(s)) return fail('日期请按“年-月-日”的顺序填写，如 2021-07-28')
  return fail(`“${text.length > 20 ? `${text.slice(0, 20)}…` : text}”不是可识别的日期，请按 2021-07-28 的格式填写`)
}

/**
 * `parseDate` as a check: a failure is an E finding; a month-only date adds an I finding.
 * Empty input: nothing to check, or an E when `required` (see `blank`).
 */
export function checkDate(
  input: string | number | null | undefined,
  at: FieldRef,
  opts: YearBounds & { required?: boolean } = {},
): Checked<string> {
  if (isBlank(input)) return blank(at, opts.required)
  const bounds = opts
  const checked = fromResult(parseDate(input, bounds), at)
  if (checked.value === null) return { value: null, findings: checked.findings }
  const findings = checked.value.monthOnly ? [info(at, '只精确到月，按当月1日记录')] : []
  return { value: checked.value.iso, findings }
}

/**
 * Parses a year field (资金年度, 项目年度 …): 「2021」「2021年」「2021年度」 or a number, within
 * `range` (from the settings, e.g. start year 2012 to next year; domain.md §7.8).
 */
export function parseYear(input: string | number, range: { min: number; max: number }): Result<number> {
  const s = typeof input === 'number' ? String(input) : typeof input === 'string' ? toHalfWidth(input).replace(/\s+/g, '') : ''
  if (s === '') return fail('年度不能为空')
  const m = /^(\d{4})(?:年度?)?$/.exec(s)
  if (!m) return fail('年度应为4位数字，如 2021')
  const year = Number(m[1])
  if (year < range.min || year > range.max) return fail(`年度应在${range.min}–${range.max}之间`)
  return ok(year)
}
