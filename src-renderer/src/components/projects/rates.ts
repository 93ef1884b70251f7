/**
 * Rates and shares of the project screens (分配率, 拨付率, 支出率, 开工率, 产业占比 …), computed from
 * integer numerators and denominators without floats: the percent is rounded half up to 2 decimals
 * on BigInt. The main process computes the figures; these helpers only show them.
 */

/** num / den as hundredths of a percent (basis points of 100 %), rounded half up; null when den is 0. */
export function rateBp(num: number, den: number): number | null {
  if (!Number.isFinite(num) || !Number.isFinite(den) || den <= 0 || num < 0) return null
  const n = BigInt(Math.round(num)) * 10000n * 2n + BigInt(Math.round(den))
  return Number(n / (2n * BigInt(Math.round(den))))
}

/** Hundredths of a percent as text: 3333 → 「33.33%」; null → 「—」. */
export function bpText(bp: number | null | undefined, digits: 0 | 1 | 2 = 2): string {
  if (bp === null || bp === undefined || !Number.isFinite(bp)) return '—'
  const neg = bp < 0
  const abs = Math.abs(Math.round(bp))
  const whole = Math.floor(abs / 100)
  const frac = String(abs % 100).padStart(2, '0')
  if (digits === 0) return `${neg ? '-' : ''}${Math.round(abs / 100)}%`
  if (digits === 1) {
    const tenths = Math.round(abs / 10)
    return `${neg ? '-' : ''}${Math.floor(tenths / 10)}.${tenths % 10}%`
  }
  return `${neg ? '-' : ''}${whole}.${frac}%`
}

/** num / den as a percent text: rateText(1, 3) → 「33.33%」, rateText(5, 0) → 「—」. */
export const rateText = (num: number, den: number, digits: 0 | 1 | 2 = 2) => bpText(rateBp(num, den), digits)

/**
 * A rate the backend sent: basis points (integer, 10000 = 100 %), a fraction (0..1, float) or a
 * percent (number > 1 with decimals). The contract says which; `fromFraction` covers the fraction.
 */
export const fractionToBp = (f: number | null | undefined) => (f === null || f === undefined || !Number.isFinite(f) ? null : Math.round(f * 10000))

/** Whether a share crosses its threshold: a minimum (≥) is crossed below it, a maximum (≤) above it. */
export function crosses(bp: number | null, thresholdBp: number, kind: 'min' | 'max'): boolean {
  if (bp === null) return false
  return kind === 'min' ? bp < thresholdBp : bp > thresholdBp
}

/** The colour of a progress rate against its target (both in bp): green on target, orange within 10 points, red below. */
export function progressColor(bp: number | null, targetBp: number | null): string {
  if (bp === null) return '#909399'
  if (targetBp === null || bp >= targetBp) return '#4caf7a'
  return targetBp - bp <= 1000 ? '#e6a23c' : '#d9534f'
}

/** A rate from the contract (a fraction 0…1, null when there is nothing to divide by) as 「30.00%」. */
export const fracText = (rate: number | null | undefined, digits: 0 | 1 | 2 = 2) => bpText(fractionToBp(rate), digits)
