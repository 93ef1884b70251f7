import { parseDate, type YearBounds } from '../../../domain/dates'
import type { CellValue } from '../types'
import { dateCellToIso, excelErrorMessage, excelErrorOf, foldText, isDashPlaceholder } from './text'

export interface CellDate {
  /** 「yyyy-mm-dd」 (the 1st of the month when only a month was given). */
  value?: string
  /** The cell gave only a year and month (「2021年7月」). */
  monthOnly?: boolean
  error?: string
}

/**
 * A date cell as typed: a date cell (Date), an Excel serial number, 「2021.7.28」「2021年7月28日」
 * 「2021/7/28」「2021-07-28」「20210728」, a month only (「2021年7月」 → 2021-07-01, `monthOnly`).
 * Impossible dates (2021-02-30) are refused with a Chinese reason. An empty cell (or 「-」「/」「无」)
 * gives neither value nor error: the kind decides whether it is required.
 */
export function parseCellDate(v: CellValue | undefined, bounds: YearBounds = {}): CellDate {
  if (v === null || v === undefined) return {}
  if (v instanceof Date) {
    const iso = dateCellToIso(v)
    if (!iso) return { error: '日期无效' }
    const r = parseDate(iso, bounds)
    return r.ok ? { value: r.value.iso } : { error: r.reason }
  }
  if (typeof v === 'boolean') return { error: `“${v ? 'TRUE' : 'FALSE'}”不是有效的日期` }
  const err = excelErrorOf(v)
  if (err) return { error: excelErrorMessage(err) }
  let input: string | number = v
  if (typeof v === 'string') {
    input = foldText(v)
    if (input === '' || isDashPlaceholder(input)) return {}
  }
  const r = parseDate(input, bounds)
  if (!r.ok) return { error: r.reason }
  return r.value.monthOnly ? { value: r.value.iso, monthOnly: true } : { value: r.value.iso }
}
