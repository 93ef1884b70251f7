/** The three ledgers (三本账): route kind ↔ asset class, and how statuses look. */
import type { AssetClass } from '../../../../src-main/domain/asset-enums'

export type LedgerKind = 'public' | 'operating' | 'household'

export const classOfKind: Record<LedgerKind, AssetClass> = { public: '公益类', operating: '经营类', household: '到户类' }
export const kindOfClass: Record<AssetClass, LedgerKind> = { 公益类: 'public', 经营类: 'operating', 到户类: 'household' }
export const isLedgerKind = (v: unknown): v is LedgerKind => v === 'public' || v === 'operating' || v === 'household'

type TagType = 'success' | 'info' | 'warning' | 'danger' | 'primary'

/** The tag colour of an asset status: 正常 green, 闲置/低效/待处置 amber, 损毁 red, ended grey. */
export function statusTagType(status: string): TagType {
  if (status === '正常') return 'success'
  if (status === '闲置' || status === '低效' || status === '待处置') return 'warning'
  if (status.startsWith('损毁')) return 'danger'
  if (status === '在建') return 'primary'
  return 'info'
}

/** The colour of 信息完整度. */
export const completenessColor = (pct: number) => (pct >= 90 ? '#67c23a' : pct >= 60 ? '#e6a23c' : '#f56c6c')

/** Today as 年-月-日 in local time (the office PC's clock). */
export { todayIso } from '../../../../src-main/domain/dates'

/** A file size for people: 「532 字节」「12.4 KB」「3.1 MB」. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
