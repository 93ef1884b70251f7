/**
 * Rates and milestones of the fund flow (domain.md §4.4, §7.5), pure. Sums are integer 分; a rate
 * is computed once from them (null when the denominator is 0) and only rounded for display.
 */
import type { Milestone } from './settings-catalog'

export const rate = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator)

export interface Flow {
  issuedFen: number
  allocatedFen: number
  paidFen: number
  spentFen: number
}

/** Rates of a fund document or level: each over the issued amount (分配率, 拨付率, 支出率 per §4.4). */
export const docRates = (f: Flow) => ({
  ...f,
  allocationRate: rate(f.allocatedFen, f.issuedFen),
  paymentRate: rate(f.paidFen, f.issuedFen),
  expenditureRate: rate(f.spentFen, f.issuedFen),
})

/** Last day of a month as ISO. */
export const monthEnd = (year: number, month: number) => {
  const d = new Date(Date.UTC(year, month, 0))
  return `${year}-${String(month).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
}

/**
 * The cumulative expenditure target (percent) that applies to money of `fundYear` on `date`: the
 * highest milestone whose month has ended by then; 100 after the fund year; null before the first.
 */
export function milestoneTargetPct(milestones: readonly Milestone[], fundYear: number, date: string): number | null {
  const y = Number(date.slice(0, 4))
  if (y < fundYear) return null
  const sorted = [...milestones].sort((a, b) => a.month - b.month)
  if (y > fundYear) return sorted.length ? Math.max(...sorted.map((m) => m.pct)) : null
  let pct: number | null = null
  for (const m of sorted) if (monthEnd(fundYear, m.month) <= date) pct = Math.max(pct ?? 0, m.pct)
  return pct
}

/** Behind schedule: spent / base below the target percent — compared exactly (spent·100 < pct·base). */
export const isBehind = (spentFen: number, baseFen: number, targetPct: number | null) =>
  targetPct !== null && baseFen > 0 && spentFen * 100 < targetPct * baseFen

/** Display helper: 0.4567 → 「45.67%」; null → 「—」. */
export const formatRate = (r: number | null, digits = 2) => (r === null ? '—' : `${(r * 100).toFixed(digits)}%`)
