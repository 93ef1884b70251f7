import { describe, expect, it } from 'vitest'
import { splitFunding } from '../../src-renderer/src/components/projects/handover-split'

const lines = [
  { sourceType: 'XJ', level: '中央', amountFen: 100_000_000 },
  { sourceType: 'XJ', level: '自治区', amountFen: 33_333_333 },
  { sourceType: 'CJ', level: null, amountFen: 16_666_667 },
]
const projectTotal = 150_000_000

describe('hand-over preview: funding carried over per asset to the 分', () => {
  it('makes every asset and every funding line sum exactly', () => {
    const r = splitFunding(lines, [100_000_001, projectTotal - 100_000_001])
    expect(r.ok).toBe(true)
    expect(r.rowSums).toEqual([100_000_001, projectTotal - 100_000_001])
    expect(r.colSums).toEqual(lines.map((l) => l.amountFen))
    // The first asset's split is the proportional one, half up, remainder to its last line.
    expect(r.cells[0]).toEqual([66_666_667, 22_222_222, 11_111_112])
    expect(r.cells[1]).toEqual([33_333_333, 11_111_111, 5_555_555])
  })
  it('splits three equal assets with the rounding in the last one', () => {
    const r = splitFunding([{ amountFen: 100 }, { amountFen: 200 }], [100, 100, 100])
    expect(r.ok).toBe(true)
    expect(r.cells).toEqual([
      [33, 67],
      [33, 67],
      [34, 66],
    ])
  })
  it('splits a smaller handed-over total over the sources first, and says it is smaller', () => {
    const r = splitFunding(lines, [100_000_000, 40_000_000])
    expect(r.ok).toBe(true)
    expect(r.difference).toBe(-10_000_000)
    expect(r.message).toBe('资产价值合计少于项目资金合计')
    // Each asset still sums to its own value; the sources get 140,000,000 × their share.
    expect(r.rowSums).toEqual([100_000_000, 40_000_000])
    expect(r.colSums).toEqual([93_333_333, 31_111_111, 15_555_556])
  })
  it('refuses when the last asset is too small to take the remainders', () => {
    // Each of the first two assets puts its 1 分 on the last source; the last asset would need −1 分 there.
    const r = splitFunding([{ amountFen: 1 }, { amountFen: 1 }, { amountFen: 1 }], [1, 1, 1])
    expect(r.ok).toBe(false)
    expect(r.message).toContain('最后一项资产价值过小')
  })
  it('refuses empty or non-positive values', () => {
    expect(splitFunding(lines, []).ok).toBe(false)
    expect(splitFunding(lines, [0, projectTotal]).message).toBe('每项资产的价值都应大于0')
    expect(splitFunding([], [1]).message).toContain('没有资金来源')
  })
})
