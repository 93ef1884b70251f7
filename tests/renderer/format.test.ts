import { describe, expect, it } from 'vitest'
import { formatFen } from '../../src-main/domain/money'
import { actionLabels } from '../../src-renderer/src/format'

// The renderer shows money with the domain's formatFen (its own copy was removed); these are the
// display cases the screens rely on.
describe('formatFen as the screens use it', () => {
  it('shows 元 with two decimals and thousands separators', () => {
    expect(formatFen(123456789, '元')).toBe('1,234,567.89')
    expect(formatFen(5, '元')).toBe('0.05')
    expect(formatFen(-100, '元')).toBe('-1.00')
  })
  it('shows 万元 with four decimals, rounded half up at the 百分 position', () => {
    expect(formatFen(1_000_000, '万元')).toBe('1.0000')
    expect(formatFen(123_456_789, '万元')).toBe('123.4568')
    expect(formatFen(149, '万元')).toBe('0.0001')
    expect(formatFen(49, '万元')).toBe('0.0000')
  })
  it('stays exact beyond 2^53 / 100', () => {
    expect(formatFen(9_007_199_254_740_991, '元')).toBe('90,071,992,547,409.91')
  })
})

describe('actionLabels', () => {
  it('names the audit actions in Chinese', () => {
    expect(actionLabels).toEqual({ create: '新增', update: '修改', delete: '删除' })
  })
})
