import nzhcn from 'nzh/cn'
import { formatFen } from '../domain/money'

/**
 * 金额大写 of an amount in 分, e.g. 5 → 「伍分」, 10_000_010 → 「壹拾万元壹角」,
 * 100_000_000_000 → 「壹拾亿元整」. Built from the exact 元.分 string (never a float), via nzh.
 * Negative amounts get 「负」. The caller prints the 「人民币」 label itself.
 */
export function fenToChineseUpper(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额应为整数分：${fen}`)
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  const words = nzhcn.toMoney(`${yuan}.${cents}`, { outSymbol: false, forceZheng: true })
  return fen < 0 ? `负${words}` : words
}

/** 「¥1,234.56（人民币壹仟贰佰叁拾肆元伍角陆分）」 for forms that carry one amount. */
export const moneyWithWords = (fen: number) => `¥${formatFen(fen, '元')}元（大写：${fenToChineseUpper(fen)}）`
