/** What the project screens share: status colours, the status path, money text. */
import { formatFen, type MoneyUnit } from '../../../../src-main/domain/money'

type TagType = 'success' | 'info' | 'warning' | 'danger' | 'primary'

/** The main path of §4.3, for the step bar on the project page. */
export const mainPath = ['草稿', '申报', '审核', '论证', '入库', '纳入年度计划', '开工', '完工', '验收', '资产移交', '绩效评价', '归档'] as const

export function projectStatusType(status: string): TagType {
  if (status === '退回修改') return 'warning'
  if (status === '出库' || status === '终止') return 'danger'
  if (status === '草稿') return 'info'
  if (['验收', '资产移交', '绩效评价', '归档'].includes(status)) return 'success'
  return 'primary'
}

/** The button style of an action: the forward step is primary, the side steps plain or red. */
export function actionType(action: string): 'primary' | 'default' | 'danger' | 'warning' {
  if (action === '退回修改') return 'warning'
  if (action === '出库' || action === '终止') return 'danger'
  if (action === '调整') return 'default'
  return 'primary'
}

export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : `${formatFen(fen, '元')} 元`)
export const money = (fen: number | null | undefined, unit: MoneyUnit) => (fen === null || fen === undefined ? '—' : formatFen(fen, unit))
export const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v))

/** Years offered by the pickers: next year down to 2012. */
export function yearChoices(): number[] {
  const thisYear = new Date().getFullYear()
  return Array.from({ length: thisYear + 2 - 2012 }, (_, i) => thisYear + 1 - i)
}
