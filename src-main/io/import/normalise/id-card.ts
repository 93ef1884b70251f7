import { parseIdCard, type IdCardOptions } from '../../../domain/id-card'
import { looksLikeScientific } from '../../../domain/text'
import type { CellValue } from '../types'
import { excelErrorMessage, excelErrorOf, foldText } from './text'

export const ID_AS_NUMBER = '身份证号被 Excel 转成了数字，后几位已丢失，请将该列设为文本后重新填写'

export interface CellIdCard {
  /** The 18-character number, upper-case X (a 15-digit number converted). */
  value?: string
  error?: string
  /** Things to check that do not block (15-digit conversion, trailing 000). */
  warnings?: string[]
}

/**
 * An ID number cell. A number cell that cannot hold the ID (18 digits are beyond Excel's 15
 * significant digits) and 「1.50422E+17」 text are errors saying exactly that, never a silently wrong
 * ID. Lower-case x, spaces, full-width digits and Excel's leading apostrophe are accepted.
 * An empty cell gives neither value nor error.
 */
export function parseCellIdCard(v: CellValue | undefined, opts: Omit<IdCardOptions, 'required'> = {}): CellIdCard {
  if (v === null || v === undefined) return {}
  if (v instanceof Date || typeof v === 'boolean') return { error: '身份证号格式不正确' }
  const err = excelErrorOf(v)
  if (err) return { error: excelErrorMessage(err) }
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v >= 1e15) return { error: ID_AS_NUMBER }
    if (v < 1e14) return { error: `身份证号应为18位，填写的是${String(v).length}位（数字格式可能丢失了开头的0或末尾几位，请将该列设为文本后重新填写）` }
  }
  const text = typeof v === 'number' ? String(v) : foldText(v)
  if (text === '') return {}
  if (looksLikeScientific(text.replace(/\s/g, ''))) return { error: ID_AS_NUMBER }
  const r = parseIdCard(text, opts)
  if (!r.ok) return { error: r.reason }
  return r.value.warnings.length ? { value: r.value.id, warnings: r.value.warnings } : { value: r.value.id }
}
