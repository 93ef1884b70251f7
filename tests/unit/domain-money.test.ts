import { describe, expect, it } from 'vitest'
import {
  checkMoney,
  fenToYuanString,
  formatFen,
  parseWanYuan,
  parseYuan,
  splitProportionally,
  sumFen,
} from '../../src-main/domain/money'
import type { Result } from '../../src-main/domain/result'

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`)
  return r.value
}
const reason = (r: Result<unknown>): string => {
  if (r.ok) throw new Error(`expected a failure, got: ${JSON.stringify(r.value)}`)
  return r.reason
}

/** A small deterministic generator, so property checks are repeatable. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

describe('parseYuan', () => {
  it.each([
    ['0', 0],
    ['1', 100],
    ['1234.56', 123456],
    ['1,234.56', 123456],
    ['12,345,678.9', 1234567890],
    ['１２３４．５６', 123456],
    ['１，２３４．５６', 123456],
    ['¥1234.5', 123450],
    ['￥1,234.50', 123450],
    ['RMB 100', 10000],
    ['1234元', 123400],
    ['1234.00元整', 123400],
    [' 1 234.56 ', 123456],
    ['0.29', 29],
    ['0.07', 7],
    ['.5', 50],
    ['5.', 500],
    ['+8', 800],
    ['1.500', 150],
    ['1.50000000', 150],
    ['007.10', 710],
    ['-0', 0],
  ])('%j → %i 分', (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, value: fen })
  })

  it('parses the decimal digits, never a binary float', () => {
    // 0.29 * 100 = 28.999999999999996 and 1.15 * 100 = 114.99999999999999 in floating point
    expect(value(parseYuan('0.29'))).toBe(29)
    expect(value(parseYuan('1.15'))).toBe(115)
    expect(value(parseYuan('4.35'))).toBe(435)
    expect(value(parseYuan('90071992547409.91'))).toBe(Number.MAX_SAFE_INTEGER)
  })

  it('reads numbers from spreadsheet cells, dropping binary noise but not real decimals', () => {
    expect(parseYuan(1234.56)).toEqual({ ok: true, value: 123456 })
    expect(parseYuan(0.29)).toEqual({ ok: true, value: 29 })
    expect(parseYuan(0.1 + 0.2)).toEqual({ ok: true, value: 30 })
    expect(parseYuan(1.1 * 3)).toEqual({ ok: true, value: 330 })
    expect(parseYuan(12345678901234.56)).toEqual({ ok: true, value: 1234567890123456 })
    expect(parseYuan(1e-7).ok).toBe(false)
    expect(reason(parseYuan(1.005))).toBe('金额最多两位小数（精确到分）')
    expect(reason(parseYuan(Number.NaN))).toBe('金额不是有效数字')
    expect(reason(parseYuan(Number.POSITIVE_INFINITY))).toBe('金额不是有效数字')
  })

  it('round-trips every formatted amount', () => {
    const next = rng(7)
    for (let i = 0; i < 2000; i++) {
      const fen = Math.floor(next() * 10 ** Math.floor(next() * 16))
      expect(value(parseYuan(fenToYuanString(fen)))).toBe(fen)
      expect(value(parseYuan(formatFen(fen)))).toBe(fen)
      expect(value(parseYuan(`¥${formatFen(fen)}元`))).toBe(fen)
    }
  })

  it.each([
    ['1.005', '金额最多两位小数（精确到分）'],
    ['0.001', '金额最多两位小数（精确到分）'],
    ['', '金额不能为空'],
    ['   ', '金额不能为空'],
    ['-12.3', '金额不能为负数'],
    ['-¥5', '金额不能为负数'],
    ['¥-5', '金额不能为负数'],
    ['1,23', '千分位逗号位置不对（1,23），应每三位一个逗号'],
    ['12,3456.00', '千分位逗号位置不对（12,3456.00），应每三位一个逗号'],
    ['1,5', '千分位逗号位置不对（1,5），应每三位一个逗号'],
    ['abc', '“abc”不是有效的金额'],
    ['1.2.3', '“1.2.3”不是有效的金额'],
    ['.', '“.”不是有效的金额'],
    ['¥', '“¥”不是有效的金额'],
    ['12万', '金额带“万”字：此处单位是元，请换算成元后填写'],
    ['12万元', '金额带“万”字：此处单位是元，请换算成元后填写'],
    ['90071992547409.92', '金额过大，超出可精确计算的范围'],
  ])('%j fails: %s', (text, why) => {
    expect(parseYuan(text)).toEqual({ ok: false, reason: why })
  })

  it('explains that scientific notation from Excel may have lost digits', () => {
    expect(reason(parseYuan('1.23457E+11'))).toMatch(/科学计数法（1\.23457E\+11）.*丢失精度/)
    expect(reason(parseYuan(1e21))).toBe('金额过大，超出可精确计算的范围')
  })

  it('allows negative amounts only when asked', () => {
    expect(parseYuan('-12.3', { allowNegative: true })).toEqual({ ok: true, value: -1230 })
    expect(parseYuan('－１２．３', { allowNegative: true })).toEqual({ ok: true, value: -1230 })
    expect(parseYuan('\u221212.3', { allowNegative: true })).toEqual({ ok: true, value: -1230 })
    expect(parseYuan('-¥1,000', { allowNegative: true })).toEqual({ ok: true, value: -100000 })
    expect(parseYuan(-0.5, { allowNegative: true })).toEqual({ ok: true, value: -50 })
    expect(Object.is(value(parseYuan('-0.00', { allowNegative: true })), 0)).toBe(true)
  })

  it('refuses values that are not text or numbers', () => {
    expect(parseYuan(null as unknown as string).ok).toBe(false)
  })
})

describe('parseWanYuan', () => {
  it.each([
    ['1', 1_000_000],
    ['30862.6147', 30_862_614_700],
    ['30862.6147万元', 30_862_614_700],
    ['12万', 12_000_000],
    ['0.000001', 1],
    ['0.0001', 100],
    ['1.000001', 1_000_001],
    ['1,234.5', 1_234_500_000],
    ['１２．５万元', 12_500_000],
    ['1.0000010', 1_000_001],
  ])('%j 万元 → %i 分', (text, fen) => {
    expect(parseWanYuan(text)).toEqual({ ok: true, value: fen })
  })

  it('reads numbers from cells exactly', () => {
    expect(parseWanYuan(30862.6147)).toEqual({ ok: true, value: 30_862_614_700 })
    expect(parseWanYuan(0.000001)).toEqual({ ok: true, value: 1 })
    expect(parseWanYuan(0.1 + 0.2)).toEqual({ ok: true, value: 300_000 })
  })

  it('keeps to 分: at most 6 decimals of 万元', () => {
    expect(parseWanYuan('1.0000001')).toEqual({ ok: false, reason: '万元金额最多六位小数（精确到分）' })
  })

  it('refuses an amount marked as 元 in a 万元 column', () => {
    expect(reason(parseWanYuan('5000元'))).toBe('此处单位是万元，填写的却是“元”，请换算成万元后填写')
  })

  it('agrees with parseYuan: x 万元 = x × 10,000 元', () => {
    const next = rng(11)
    for (let i = 0; i < 500; i++) {
      const fen = Math.floor(next() * 1e13)
      const yuan = fenToYuanString(fen)
      const [int, frac] = yuan.split('.')
      const wan = `${int.slice(0, -4) || '0'}.${int.padStart(4, '0').slice(-4)}${frac}`
      expect(value(parseWanYuan(wan))).toBe(value(parseYuan(yuan)))
    }
  })

  it('refuses values beyond the exact range', () => {
    expect(reason(parseWanYuan('9007199254.740992'))).toBe('金额过大，超出可精确计算的范围')
    expect(value(parseWanYuan('9007199254.740991'))).toBe(Number.MAX_SAFE_INTEGER)
  })
})

describe('formatFen', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [99, '0.99'],
    [100, '1.00'],
    [123456, '1,234.56'],
    [100000000, '1,000,000.00'],
    [-5, '-0.05'],
    [-123456, '-1,234.56'],
    [Number.MAX_SAFE_INTEGER, '90,071,992,547,409.91'],
  ])('%i 分 → %s 元', (fen, text) => {
    expect(formatFen(fen)).toBe(text)
    expect(formatFen(fen, '元')).toBe(text)
  })

  it.each([
    [30_862_614_700, '30,862.6147'],
    [1_000_000, '1.0000'],
    [100, '0.0001'],
    [49, '0.0000'],
    [50, '0.0001'],
    [149, '0.0001'],
    [150, '0.0002'],
    [123_456_789, '123.4568'],
    [-150, '-0.0002'],
    [-49, '0.0000'],
    [-50, '-0.0001'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254.7410'],
  ])('%i 分 → %s 万元 (4 decimals, half-up)', (fen, text) => {
    expect(formatFen(fen, '万元')).toBe(text)
  })

  it('can leave out the thousands separators', () => {
    expect(formatFen(123456789, '元', { grouping: false })).toBe('1234567.89')
    expect(formatFen(30_862_614_700, '万元', { grouping: false })).toBe('30862.6147')
    expect(fenToYuanString(123456789)).toBe('1234567.89')
    expect(fenToYuanString(-5)).toBe('-0.05')
    expect(fenToYuanString(-0)).toBe('0.00')
  })

  it('throws on a value that is not a whole 分 (a programming error)', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError)
    expect(() => formatFen(Number.NaN)).toThrow(/整数分/)
    expect(() => formatFen(2 ** 53)).toThrow(RangeError)
  })
})

describe('splitProportionally', () => {
  it('gives each line its rounded share and the remainder to the last line', () => {
    expect(value(splitProportionally(100, [1, 1, 1]))).toEqual([33, 33, 34])
    expect(value(splitProportionally(200, [1, 1, 1]))).toEqual([67, 67, 66])
    expect(value(splitProportionally(1000, [0.1, 0.2, 0.7]))).toEqual([100, 200, 700])
    expect(value(splitProportionally(10000, [33.33, 33.33, 33.34]))).toEqual([3333, 3333, 3334])
    expect(value(splitProportionally(1, [1, 1]))).toEqual([1, 0])
    expect(value(splitProportionally(123456, [5]))).toEqual([123456])
  })

  it('splits by amounts in 分 as weights, e.g. a village share of a joint PV station', () => {
    expect(value(splitProportionally(999_999, [300_000, 300_000, 400_000]))).toEqual([300_000, 300_000, 399_999])
  })

  it('gives zero weights nothing; the remainder goes to the last line with a weight', () => {
    expect(value(splitProportionally(100, [1, 0, 1, 0]))).toEqual([50, 0, 50, 0])
    expect(value(splitProportionally(1, [1, 1, 0]))).toEqual([1, 0, 0])
    expect(value(splitProportionally(3, [1, 1, 0]))).toEqual([2, 1, 0])
    expect(value(splitProportionally(0, [1, 2]))).toEqual([0, 0])
  })

  it('never leaves the last line negative: the earlier lines round down instead', () => {
    // rounding up would give 1+1+1 = 3 > 2
    expect(value(splitProportionally(2, [1, 1, 1, 1]))).toEqual([0, 0, 0, 2])
  })

  it('splits a negative total as the mirror of the positive one', () => {
    expect(value(splitProportionally(-100, [1, 1, 1]))).toEqual([-33, -33, -34])
    expect(value(splitProportionally(-100, [1, 0, 1])).map((x) => Object.is(x, -0))).toEqual([false, false, false])
  })

  it('is exact for large totals and awkward weights', () => {
    const total = Number.MAX_SAFE_INTEGER
    const lines = value(splitProportionally(total, [1 / 3, 1 / 7, 2e-7, 1e9]))
    expect(lines.reduce((a, b) => a + b, 0)).toBe(total)
    expect(lines.every((l) => Number.isSafeInteger(l) && l >= 0)).toBe(true)
  })

  it('always sums exactly, never goes negative, and stays within rounding of each share', () => {
    const next = rng(42)
    for (let i = 0; i < 1500; i++) {
      const n = 1 + Math.floor(next() * 8)
      const weights: number[] = Array.from({ length: n }, () => (next() < 0.2 ? 0 : Math.round(next() * 10000) / 100))
      if (!weights.some((w) => w > 0)) weights[0] = 1
      const total = Math.floor(next() * 10 ** Math.floor(next() * 12))
      const lines = value(splitProportionally(total, weights))
      const whole = weights.reduce((a, b) => a + b, 0)
      expect(lines).toHaveLength(n)
      expect(lines.reduce((a, b) => a + b, 0)).toBe(total)
      const last = weights.findLastIndex((w) => w > 0)
      lines.forEach((line, k) => {
        expect(line).toBeGreaterThanOrEqual(0)
        if (weights[k] === 0) expect(line).toBe(0)
        else if (k !== last) expect(Math.abs(line - (total * weights[k]) / whole)).toBeLessThanOrEqual(1.0001)
      })
    }
  })

  it.each([
    [100, [], '没有可分摊的行'],
    [100, [0, 0], '分摊比例不能全为零'],
    [100, [1, -1], '第2行的分摊比例不是有效的非负数'],
    [100, [1, Number.NaN], '第2行的分摊比例不是有效的非负数'],
    [100, [Number.POSITIVE_INFINITY], '第1行的分摊比例不是有效的非负数'],
    [1.5, [1], '待分摊金额必须是整数分'],
    [2 ** 53, [1], '待分摊金额必须是整数分'],
  ])('split(%s, %j) fails: %s', (total, weights, why) => {
    expect(splitProportionally(total, weights)).toEqual({ ok: false, reason: why })
  })
})

describe('sumFen', () => {
  it('adds whole 分 exactly', () => {
    expect(sumFen([])).toEqual({ ok: true, value: 0 })
    expect(sumFen([29, 71, 100])).toEqual({ ok: true, value: 200 })
    expect(sumFen([Number.MAX_SAFE_INTEGER - 1, 1])).toEqual({ ok: true, value: Number.MAX_SAFE_INTEGER })
    expect(sumFen([-5, 5])).toEqual({ ok: true, value: 0 })
  })

  it('fails when a value is not a whole 分 or the sum leaves the exact range', () => {
    expect(sumFen([1, 2.5])).toEqual({ ok: false, reason: '第2项金额不是整数分' })
    expect(sumFen([Number.NaN])).toEqual({ ok: false, reason: '第1项金额不是整数分' })
    expect(sumFen([Number.MAX_SAFE_INTEGER, 1])).toEqual({ ok: false, reason: '合计金额过大，超出可精确计算的范围' })
    expect(sumFen([-Number.MAX_SAFE_INTEGER, -1])).toEqual({ ok: false, reason: '合计金额过大，超出可精确计算的范围' })
  })
})

describe('checkMoney', () => {
  const at = { field: 'originalValueFen', label: '资产原值' }

  it('gives 分, in 元 or 万元', () => {
    expect(checkMoney('1,234.56', at)).toEqual({ value: 123456, findings: [] })
    expect(checkMoney(30862.6147, at, { unit: '万元' })).toEqual({ value: 30_862_614_700, findings: [] })
    expect(checkMoney('-1', at, { allowNegative: true })).toEqual({ value: -100, findings: [] })
  })

  it('makes every failure an E', () => {
    expect(checkMoney('1.005', at)).toEqual({
      value: null,
      findings: [{ level: 'E', field: 'originalValueFen', label: '资产原值', message: '金额最多两位小数（精确到分）' }],
    })
    expect(checkMoney('-1', at).findings[0]).toMatchObject({ level: 'E', message: '金额不能为负数' })
  })

  it('has nothing to check in an empty cell unless required', () => {
    expect(checkMoney('', at)).toEqual({ value: null, findings: [] })
    expect(checkMoney(null, at)).toEqual({ value: null, findings: [] })
    expect(checkMoney(undefined, at, { required: true }).findings[0]).toMatchObject({ level: 'E', message: '不能为空' })
  })
})
