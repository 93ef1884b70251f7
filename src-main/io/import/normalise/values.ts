import { parseYear } from '../../../domain/dates'
import type { CellValue } from '../types'
import { excelErrorMessage, excelErrorOf, foldKey, foldText, isDashPlaceholder, numberToText, shortText } from './text'

export interface CellParsed<T> {
  value?: T
  error?: string
}

/** Common front of the number parsers: empty → null, an Excel error → its message, else folded text. */
function numberInput(v: CellValue | undefined): { empty: true } | { error: string } | { text: string } {
  if (v === null || v === undefined) return { empty: true }
  if (v instanceof Date) return { error: '数字列中是日期，请核对该列' }
  if (typeof v === 'boolean') return { error: `“${v ? 'TRUE' : 'FALSE'}”不是数字` }
  const err = excelErrorOf(v)
  if (err) return { error: excelErrorMessage(err) }
  if (typeof v === 'number') return Number.isFinite(v) ? { text: numberToText(v) } : { error: '不是有效的数字' }
  const s = foldText(v).replace(/ /g, '')
  if (s === '' || isDashPlaceholder(s)) return { empty: true }
  return { text: s }
}

/** Quantity words clerks append to a count or area: 3人, 2户, 15亩, 1.5平方米. */
const UNIT_SUFFIX = /(人|户|口|个|只|头|匹|羽|间|座|处|台|套|辆|亩|公顷|平方米|平米|㎡|m²|m2|米|公里|千米|吨|千瓦|kw|株|棵|眼|栋|项|批)$/i

const DECIMAL = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/

/**
 * A whole number (人口, 户数, 数量): a number cell or text like 「1,200」「3人」. Decimals other than .0,
 * and values outside `min`/`max` (default min 0), are refused.
 */
export function parseCellInteger(v: CellValue | undefined, opts: { min?: number; max?: number } = {}): CellParsed<number> {
  const input = numberInput(v)
  if ('empty' in input) return {}
  if ('error' in input) return { error: input.error }
  const s = input.text.replace(UNIT_SUFFIX, '')
  if (!DECIMAL.test(s)) return { error: `“${shortText(input.text)}”不是整数` }
  const n = Number(s.replace(/,/g, ''))
  if (!Number.isInteger(n)) return { error: `应为整数，填写的是${input.text}` }
  if (!Number.isSafeInteger(n)) return { error: '数字过大' }
  const min = opts.min ?? 0
  if (n < min) return { error: min === 0 ? '不能为负数' : `不能小于${min}` }
  if (opts.max !== undefined && n > opts.max) return { error: `不能大于${opts.max}` }
  return { value: n }
}

/**
 * A decimal number (面积, 规模, 比例): a number cell or text like 「1,234.5」「15亩」「12.5%」 (percent
 * kept as written: 12.5). At most `places` decimals when given; negative refused unless `min` allows.
 */
export function parseCellDecimal(
  v: CellValue | undefined,
  opts: { places?: number; min?: number; max?: number } = {},
): CellParsed<number> {
  const input = numberInput(v)
  if ('empty' in input) return {}
  if ('error' in input) return { error: input.error }
  const s = input.text.replace(UNIT_SUFFIX, '').replace(/%$/, '')
  if (!DECIMAL.test(s)) return { error: `“${shortText(input.text)}”不是有效的数字` }
  const plain = s.replace(/,/g, '')
  const frac = plain.split('.')[1]?.replace(/0+$/, '') ?? ''
  if (opts.places !== undefined && frac.length > opts.places) return { error: `最多${opts.places}位小数` }
  const n = Number(plain)
  const min = opts.min ?? 0
  if (n < min) return { error: min === 0 ? '不能为负数' : `不能小于${min}` }
  if (opts.max !== undefined && n > opts.max) return { error: `不能大于${opts.max}` }
  return { value: n }
}

/**
 * A year (资金年度, 项目年度): 2021, 「2021年」「2021年度」, or a date cell (its year). `range` comes from
 * the settings (domain.md §7.8).
 */
export function parseCellYear(v: CellValue | undefined, range: { min: number; max: number }): CellParsed<number> {
  if (v === null || v === undefined) return {}
  if (v instanceof Date) {
    const y = v.getUTCFullYear()
    return y >= range.min && y <= range.max ? { value: y } : { error: `年度应在${range.min}–${range.max}之间` }
  }
  if (typeof v === 'boolean') return { error: '年度应为4位数字，如 2021' }
  const err = excelErrorOf(v)
  if (err) return { error: excelErrorMessage(err) }
  let input: string | number = v
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return { error: `年度应为4位整数，填写的是${numberToText(v)}` }
  } else {
    input = foldText(v)
    if (input === '' || isDashPlaceholder(input)) return {}
  }
  const r = parseYear(input, range)
  return r.ok ? { value: r.value } : { error: r.reason }
}

/**
 * An enum cell: the value itself or one of its spellings (`synonyms`: spelling → value, e.g.
 * 出租 → 租赁经营), compared after folding (full-width, spaces, case). Anything else is refused,
 * naming the allowed values.
 */
export function parseEnum(
  v: CellValue | undefined,
  values: readonly string[],
  synonyms: Readonly<Record<string, string>> = {},
): CellParsed<string> {
  const text = foldText(v)
  if (text === '') return {}
  const err = excelErrorOf(text)
  if (err) return { error: excelErrorMessage(err) }
  const lookup = enumLookup(values, synonyms)
  const hit = lookup.get(foldKey(text)) ?? lookup.get(foldKey(text.replace(/[()（）]/g, '')))
  if (hit !== undefined) return { value: hit }
  return { error: `“${shortText(text)}”不是可选的值，应为：${values.join('、')}` }
}

const lookups = new WeakMap<readonly string[], WeakMap<object, Map<string, string>>>()

/** The folded spelling → value table, built once per (values, synonyms) pair. */
function enumLookup(values: readonly string[], synonyms: Readonly<Record<string, string>>): Map<string, string> {
  let bySynonyms = lookups.get(values)
  if (!bySynonyms) lookups.set(values, (bySynonyms = new WeakMap()))
  let map = bySynonyms.get(synonyms)
  if (map) return map
  map = new Map<string, string>()
  for (const [spelling, value] of Object.entries(synonyms)) {
    if (values.includes(value)) map.set(foldKey(spelling), value)
  }
  for (const value of values) map.set(foldKey(value), value)
  bySynonyms.set(synonyms, map)
  return map
}
