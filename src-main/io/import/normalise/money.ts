import { parseWanYuan, parseYuan } from '../../../domain/money'
import type { CellValue, MoneyUnit } from '../types'
import { excelErrorMessage, excelErrorOf, foldText, isDashPlaceholder, shortText } from './text'

export interface CellMoney {
  /** The amount in 分, exact. */
  fen?: number
  error?: string
}

/**
 * An amount cell in `unit` (元 or 万元) as exact 分. Numbers from Excel go through their decimal
 * form, never a float multiplication (12.3456 万元 is exactly 123,456,000 分); text may carry
 * thousands separators, ¥/￥, full-width digits, a 元/万元 suffix. Negative amounts and more decimals
 * than the 分 allows are refused. An empty cell (or 「-」「/」「无」) gives neither value nor error.
 */
export function parseCellMoney(v: CellValue | undefined, unit: MoneyUnit, opts: { allowNegative?: boolean } = {}): CellMoney {
  if (v === null || v === undefined) return {}
  if (v instanceof Date) return { error: '金额列中是日期，请核对该列' }
  if (typeof v === 'boolean') return { error: `“${v ? 'TRUE' : 'FALSE'}”不是有效的金额` }
  const err = excelErrorOf(v)
  if (err) return { error: excelErrorMessage(err) }
  let input: string | number = v
  if (typeof v === 'string') {
    input = foldText(v)
    if (input === '' || isDashPlaceholder(input)) return {}
    if (input.length > 40) return { error: `“${shortText(input)}”不是有效的金额` }
  }
  const r = unit === '万元' ? parseWanYuan(input, opts) : parseYuan(input, opts)
  return r.ok ? { fen: r.value } : { error: r.reason }
}
