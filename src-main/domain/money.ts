import { fail, ok, type Result } from './result'
import { blank, fromResult, isBlank, type Checked, type FieldRef } from './severity'
import { looksLikeScientific, toHalfWidth } from './text'

/**
 * Money is an integer number of 分 (fen) everywhere (DESIGN.md). Parsing works on the decimal
 * digits, never on binary floats, so 「0.29」 is exactly 29 分 and 「30862.6147」万元 is exactly
 * 30,862,614,700 分.
 */
export type MoneyUnit = '元' | '万元'

/** Decimal places of each unit that still fall on whole 分: 元 → 2, 万元 → 6 (1 万元 = 1,000,000 分). */
const placesOf: Record<MoneyUnit, number> = { 元: 2, 万元: 6 }
const MAX = BigInt(Number.MAX_SAFE_INTEGER)

const shorten = (s: string) => (s.length > 20 ? `${s.slice(0, 20)}…` : s)

/** Writes a JS number string in plain decimal form: 「1.5e-7」 → 「0.00000015」, 「1e+21」 → 「1000…」. */
function plainDecimal(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s)
  if (!m) return s
  const [, sign, int, frac = '', expText] = m
  const exp = Number(expText)
  const digits = int + frac
  const point = int.length + exp
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length)
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

const decimalsOf = (s: string) => {
  const dot = s.indexOf('.')
  return dot < 0 ? 0 : s.slice(dot + 1).replace(/0+$/, '').length
}

/**
 * A number from a spreadsheet cell as a decimal string. The shortest round-trip form is used when it
 * fits the unit's places; otherwise Excel's own 15 significant digits, which drops binary noise such
 * as 0.1+0.2 = 0.30000000000000004 without hiding a real third decimal like 1.005.
 */
function numberText(n: number, places: number): string {
  const shortest = plainDecimal(String(n))
  if (decimalsOf(shortest) <= places) return shortest
  const excel = plainDecimal(n.toPrecision(15))
  return decimalsOf(excel) <= places ? excel : shortest
}

function parseAmount(input: string | number, unit: MoneyUnit, allowNegative: boolean): Result<number> {
  const places = placesOf[unit]
  const tooManyPlaces = unit === '元' ? '金额最多两位小数（精确到分）' : '万元金额最多六位小数（精确到分）'
  let s: string
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail('金额不是有效数字')
    s = numberText(input, places)
  } else if (typeof input === 'string') {
    s = toHalfWidth(input).replace(/[\s\u00A0\u200B\uFEFF]/g, '')
  } else {
    return fail('金额不是有效数字')
  }
  if (s === '') return fail('金额不能为空')
  const original = s

  let negative = false
  const takeSign = () => {
    if (/^[+\-\u2212]/.test(s)) {
      negative = s[0] !== '+'
      s = s.slice(1)
      return true
    }
    return false
  }
  const signed = takeSign()
  if (s.startsWith('¥')) s = s.slice(1)
  else if (s.toUpperCase().startsWith('RMB')) s = s.slice(3)
  if (!signed) takeSign()

  if (unit === '元') {
    if (/万元?$/.test(s)) return fail('金额带“万”字：此处单位是元，请换算成元后填写')
    s = s.replace(/元整?$/, '')
  } else {
    if (/万元?$/.test(s)) s = s.replace(/万元?$/, '')
    else if (/元整?$/.test(s)) return fail('此处单位是万元，填写的却是“元”，请换算成万元后填写')
  }

  if (looksLikeScientific(s)) {
    return fail(`金额是科学计数法（${shorten(original)}），可能已丢失精度，请在 Excel 中设为数值格式后重新填写`)
  }
  const m = /^(\d*(?:,\d+)*)(?:\.(\d*))?$/.exec(s)
  if (!m || !/\d/.test(s)) return fail(`“${shorten(original)}”不是有效的金额`)
  const [, intText, fracText = ''] = m
  if (intText.includes(',') && !/^\d{1,3}(,\d{3})+$/.test(intText)) {
    return fail(`千分位逗号位置不对（${shorten(original)}），应每三位一个逗号`)
  }
  const intDigits = intText.replace(/,/g, '') || '0'
  if (fracText.length > places && /[1-9]/.test(fracText.slice(places))) return fail(tooManyPlaces)
  const frac = fracText.slice(0, places).padEnd(places, '0')

  // The unit's places fall on whole 分, so the digits with the point removed are the 分.
  const fen = BigInt(intDigits + frac)
  if (fen > MAX) return fail('金额过大，超出可精确计算的范围')
  if (fen === 0n) return ok(0)
  if (negative && !allowNegative) return fail('金额不能为负数')
  return ok(negative ? -Number(fen) : Number(fen))
}

/**
 * Parses an amount in 元 into 分. Accepts 「1,234.56」「１２３４．５６」「¥1234.5」「1234元」「-12.3」 and
 * numbers from spreadsheet cells; at most 2 decimals (more only when they are zeros: 「1.500」).
 * Negative amounts fail unless `allowNegative`.
 */
export const parseYuan = (input: string | number, opts: { allowNegative?: boolean } = {}): Result<number> =>
  parseAmount(input, '元', opts.allowNegative ?? false)

/** Parses an amount in 万元 into 分 (1 万元 = 1,000,000 分); at most 6 decimals; 「万元」/「万」 suffix allowed. */
export const parseWanYuan = (input: string | number, opts: { allowNegative?: boolean } = {}): Result<number> =>
  parseAmount(input, '万元', opts.allowNegative ?? false)

/**
 * An amount cell as a check (in 元 unless `unit: '万元'`): a failure is an E (domain.md §7.5: amounts
 * ≥ 0 and exact to the 分). Empty input: nothing to check, or an E when `required` (see `blank`).
 */
export function checkMoney(
  input: string | number | null | undefined,
  at: FieldRef,
  opts: { unit?: MoneyUnit; allowNegative?: boolean; required?: boolean } = {},
): Checked<number> {
  if (isBlank(input)) return blank(at, opts.required)
  return fromResult(parseAmount(input, opts.unit ?? '元', opts.allowNegative ?? false), at)
}

function assertFen(fen: number) {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额必须是整数分：${fen}`)
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/**
 * Formats 分 for display: 元 with 2 decimals (「1,234.56」), 万元 with 4 decimals rounded half-up
 * (away from zero for negatives: 「30,862.6147」). Thousands separators unless `grouping: false`.
 * Throws RangeError for a non-integer (a programming error, not user input).
 */
export function formatFen(fen: number, unit: MoneyUnit = '元', opts: { grouping?: boolean } = {}): string {
  assertFen(fen)
  const grouping = opts.grouping ?? true
  const abs = BigInt(Math.abs(fen))
  // 元: units of 1 分 shown with 2 decimals; 万元: rounded to units of 100 分 (0.0001 万元), 4 decimals.
  const [units, decimals] = unit === '元' ? [abs, 2] : [(abs + 50n) / 100n, 4]
  const digits = units.toString().padStart(decimals + 1, '0')
  const int = digits.slice(0, -decimals)
  const text = `${grouping ? group(int) : int}.${digits.slice(-decimals)}`
  return fen < 0 && units !== 0n ? `-${text}` : text
}

/** 分 as a plain 元 string for edit fields and exports: 123456 → 「1234.56」, -5 → 「-0.05」. */
export const fenToYuanString = (fen: number) => formatFen(fen, '元', { grouping: false })

/** A non-negative finite number as an exact integer over 10^places, from its shortest decimal form. */
function scaledWeight(w: number): { digits: bigint; places: number } {
  const s = plainDecimal(String(w))
  const [int, frac = ''] = s.split('.')
  return { digits: BigInt(int + frac), places: frac.length }
}

/**
 * Splits `totalFen` by `weights` (shares, percentages, amounts …) into lines that sum exactly to
 * the total. Each line is its exact share rounded half-up to the 分; the last line with a non-zero
 * weight takes the rounding remainder (倒挤尾差, as the issue asks: "rounding remainder to the last
 * line"). Zero weights get 0. Should rounding up the earlier lines leave the last line negative (only
 * when its own share is a few 分), the earlier lines are rounded down instead, so no line is ever
 * negative. A negative total is split as its absolute value and negated.
 */
export function splitProportionally(totalFen: number, weights: readonly number[]): Result<number[]> {
  if (!Number.isSafeInteger(totalFen)) return fail('待分摊金额必须是整数分')
  if (weights.length === 0) return fail('没有可分摊的行')
  for (const [i, w] of weights.entries()) {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) return fail(`第${i + 1}行的分摊比例不是有效的非负数`)
  }
  const scaled = weights.map(scaledWeight)
  const places = Math.max(...scaled.map((s) => s.places))
  const parts = scaled.map((s) => s.digits * 10n ** BigInt(places - s.places))
  const whole = parts.reduce((a, b) => a + b, 0n)
  if (whole === 0n) return fail('分摊比例不能全为零')

  const total = BigInt(Math.abs(totalFen))
  const last = parts.findLastIndex((p) => p > 0n)
  const allocate = (roundUp: boolean) => {
    const lines = parts.map((p, i) => {
      if (i === last || p === 0n) return 0n
      return roundUp ? (2n * total * p + whole) / (2n * whole) : (total * p) / whole
    })
    lines[last] = total - lines.reduce((a, b) => a + b, 0n)
    return lines
  }
  let lines = allocate(true)
  if (lines[last] < 0n) lines = allocate(false)
  const sign = totalFen < 0 ? -1 : 1
  return ok(lines.map((l) => (l === 0n ? 0 : sign * Number(l))))
}

/** Adds amounts in 分; fails when one is not a whole 分 or the sum leaves the exactly representable range. */
export function sumFen(values: readonly number[]): Result<number> {
  let sum = 0
  for (const [i, v] of values.entries()) {
    if (!Number.isSafeInteger(v)) return fail(`第${i + 1}项金额不是整数分`)
    sum += v
    if (!Number.isSafeInteger(sum)) return fail('合计金额过大，超出可精确计算的范围')
  }
  return ok(sum)
}
