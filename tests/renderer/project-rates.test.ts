import { describe, expect, it } from 'vitest'
import { bpText, crosses, progressColor, rateBp, rateText } from '../../src-renderer/src/components/projects/rates'

describe('project rates (分配率、拨付率、支出率 as shown)', () => {
  it('rounds half up to two decimals on integers, never through floats', () => {
    expect(rateBp(1, 3)).toBe(3333)
    expect(rateBp(2, 3)).toBe(6667)
    expect(rateBp(1, 8)).toBe(1250)
    // 0.125% exactly: half up → 0.13%
    expect(rateBp(1, 800)).toBe(13)
    // Large amounts in 分 (2 亿元) keep exact.
    expect(rateBp(6_000_000_000, 20_000_000_000)).toBe(3000)
    expect(rateBp(19_999_999_999, 20_000_000_000)).toBe(10000)
    expect(rateText(3_000_000_00, 5_000_000_00)).toBe('60.00%')
    expect(rateText(1, 3, 1)).toBe('33.3%')
    expect(rateText(2, 3, 0)).toBe('67%')
  })
  it('shows 「—」 where there is nothing to divide by', () => {
    expect(rateBp(5, 0)).toBeNull()
    expect(rateText(5, 0)).toBe('—')
    expect(bpText(null)).toBe('—')
    expect(bpText(12345)).toBe('123.45%')
    expect(bpText(5)).toBe('0.05%')
  })
  it('flags a minimum share below its threshold and a maximum share above it', () => {
    expect(crosses(5499, 5500, 'min')).toBe(true)
    expect(crosses(5500, 5500, 'min')).toBe(false)
    expect(crosses(101, 100, 'max')).toBe(true)
    expect(crosses(100, 100, 'max')).toBe(false)
    expect(crosses(null, 100, 'max')).toBe(false)
  })
  it('colours progress against the milestone target', () => {
    expect(progressColor(5000, 5000)).toBe('#4caf7a')
    expect(progressColor(4500, 5000)).toBe('#e6a23c')
    expect(progressColor(3000, 5000)).toBe('#d9534f')
  })
})
