import { describe, expect, it } from 'vitest'
import {
  checkDate,
  compareIso,
  daysInMonth,
  excelSerialToIso,
  formatChineseDate,
  isIsoDate,
  isLeapYear,
  isoParts,
  isoToExcelSerial,
  isValidYmd,
  parseDate,
  parseYear,
  todayIso,
} from '../../src-main/domain/dates'

const day = (iso: string) => ({ ok: true, value: { iso, monthOnly: false } })
const month = (iso: string) => ({ ok: true, value: { iso, monthOnly: true } })
const at = { field: 'completedOn', label: '完工日期' }

describe('calendar helpers', () => {
  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2020, 2021, 2100].map(isLeapYear)).toEqual([false, true, true, false, false])
    expect(daysInMonth(2020, 2)).toBe(29)
    expect(daysInMonth(2021, 2)).toBe(28)
    expect(daysInMonth(1900, 2)).toBe(28)
    expect(daysInMonth(2021, 4)).toBe(30)
    expect(daysInMonth(2021, 12)).toBe(31)
    expect([0, 13, 2.5].map((m) => daysInMonth(2021, m))).toEqual([undefined, undefined, undefined])
  })

  it('splits a date into the numbers of its parts, as split and Number do, written any way', () => {
    for (const s of ['2021-07-28', '0000-00-00', '2021-7-28', '2021-07-2x', '2021/07/28', ' 2021-07-28', '2021-07-28 ', '２０２１-07-28', '', '2021-07-+8', '2021-07-2.'])
      expect(isoParts(s)).toEqual(s.split('-').map(Number))
    expect(isoParts('2024-02-29')).toEqual([2024, 2, 29])
  })

  it('validates dates and ISO strings', () => {
    expect(isValidYmd(2020, 2, 29)).toBe(true)
    expect(isValidYmd(2021, 2, 29)).toBe(false)
    expect(isValidYmd(2021, 13, 1)).toBe(false)
    expect(isValidYmd(2021, 0, 1)).toBe(false)
    expect(isValidYmd(2021, 1, 0)).toBe(false)
    expect(isValidYmd(2021, 1.5, 1)).toBe(false)
    expect(isIsoDate('2021-07-28')).toBe(true)
    expect(isIsoDate('2021-7-28')).toBe(false)
    expect(isIsoDate('2021-06-31')).toBe(false)
  })

  it('compares, formats and reads today on the local clock', () => {
    expect(compareIso('2021-07-28', '2021-07-29')).toBeLessThan(0)
    expect(compareIso('2021-12-01', '2021-02-01')).toBeGreaterThan(0)
    expect(compareIso('2021-07-28', '2021-07-28')).toBe(0)
    expect(formatChineseDate('2021-07-08')).toBe('2021年7月8日')
    expect(todayIso(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05')
    expect(isIsoDate(todayIso())).toBe(true)
  })
})

describe('Excel serial numbers (1900 date system)', () => {
  it.each([
    [1, '1900-01-01'],
    [31, '1900-01-31'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [366, '1900-12-31'],
    [367, '1901-01-01'],
    [36526, '2000-01-01'],
    [44197, '2021-01-01'],
    [44405, '2021-07-28'],
    [44405.75, '2021-07-28'],
    [2958465, '9999-12-31'],
  ])('serial %s is %s', (serial, iso) => {
    expect(excelSerialToIso(serial)).toEqual({ ok: true, value: iso })
  })

  it('refuses serial 60, Excel’s phantom 1900-02-29', () => {
    const r = excelSerialToIso(60)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.reason).toMatch(/1900年2月29日.*并不存在/)
  })

  it.each([0, -1, 0.5, 2958466, Number.NaN])('refuses serial %s', (serial) => {
    expect(excelSerialToIso(serial).ok).toBe(false)
  })

  it('converts back for exports, with the same phantom day', () => {
    expect(isoToExcelSerial('1900-01-01')).toBe(1)
    expect(isoToExcelSerial('1900-02-28')).toBe(59)
    expect(isoToExcelSerial('1900-03-01')).toBe(61)
    expect(isoToExcelSerial('2021-07-28')).toBe(44405)
    expect(() => isoToExcelSerial('2021-02-30')).toThrow(RangeError)
    expect(() => isoToExcelSerial('1899-12-31')).toThrow(RangeError)
  })

  it('round-trips every serial from 1900 to 2100', () => {
    let previous = '1899-12-31'
    const bad: number[] = []
    for (let serial = 1; serial <= 73415; serial++) {
      if (serial === 60) continue
      const r = excelSerialToIso(serial)
      if (!r.ok || r.value <= previous || isoToExcelSerial(r.value) !== serial) bad.push(serial)
      if (r.ok) previous = r.value
    }
    expect(bad).toEqual([])
    expect(previous).toBe('2100-12-31')
  })
})

describe('parseDate', () => {
  it.each([
    ['2021-07-28', '2021-07-28'],
    ['2021-7-8', '2021-07-08'],
    ['2021/7/28', '2021-07-28'],
    ['2021.7.28', '2021-07-28'],
    ['2021.07.28', '2021-07-28'],
    ['2021年7月28日', '2021-07-28'],
    ['2021年7月28号', '2021-07-28'],
    ['2021年07月08日', '2021-07-08'],
    ['2021 年 7 月 28 日', '2021-07-28'],
    ['２０２１年７月２８日', '2021-07-28'],
    ['２０２１－０７－２８', '2021-07-28'],
    ['20210728', '2021-07-28'],
    [' 2021-07-28 ', '2021-07-28'],
    ['2021-07-28 00:00:00', '2021-07-28'],
    ['2021/7/28 9:05', '2021-07-28'],
    ['2021-07-28T10:20:30.000', '2021-07-28'],
    ['2020-02-29', '2020-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['44405', '2021-07-28'],
  ])('%j → %s', (text, iso) => {
    expect(parseDate(text)).toEqual(day(iso))
  })

  it.each([
    ['2021年7月', '2021-07-01'],
    ['2021年07月', '2021-07-01'],
    ['2021-07', '2021-07-01'],
    ['2021/7', '2021-07-01'],
    ['2021.7', '2021-07-01'],
    ['2021.10', '2021-10-01'],
    ['2021.1', '2021-01-01'],
    ['202107', '2021-07-01'],
    ['２０２１年１２月', '2021-12-01'],
  ])('%j is month-only → %s', (text, iso) => {
    expect(parseDate(text)).toEqual(month(iso))
  })

  it('reads numbers from cells: serials, yyyymmdd typed as a number, 2021.7 typed as a number', () => {
    expect(parseDate(44405)).toEqual(day('2021-07-28'))
    expect(parseDate(44405.999)).toEqual(day('2021-07-28'))
    expect(parseDate(20210728)).toEqual(day('2021-07-28'))
    expect(parseDate(202107)).toEqual(month('2021-07-01'))
    expect(parseDate(2021.7)).toEqual(month('2021-07-01'))
    expect(parseDate(2021.12)).toEqual(month('2021-12-01'))
  })

  it('refuses 2021.1 as a number: Excel turned 2021.10 into 2021.1', () => {
    const r = parseDate(2021.1)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.reason).toMatch(/当成了小数（2021\.1）.*1月还是10月/)
  })

  it.each([
    ['2021-02-29', '日期不存在：2021年2月29日'],
    ['1900-02-29', '日期不存在：1900年2月29日'],
    ['2021-04-31', '日期不存在：2021年4月31日'],
    ['2021-13-01', '月份应为1–12，填写的是13'],
    ['2021-00-10', '月份应为1–12，填写的是0'],
    ['2021-01-00', '日期不存在：2021年1月0日'],
    ['20211301', '月份应为1–12，填写的是13'],
    ['2021年13月', '月份应为1–12，填写的是13'],
    ['1899-12-31', '年份1899不在1900–2100之间'],
    ['2101-01-01', '年份2101不在1900–2100之间'],
    ['21.7.28', '年份请写全4位，如 2021-07-28'],
    ['21/07/28', '年份请写全4位，如 2021-07-28'],
    ['7/28/2021', '日期请按“年-月-日”的顺序填写，如 2021-07-28'],
    ['28.07.2021', '日期请按“年-月-日”的顺序填写，如 2021-07-28'],
    ['2021', '只填了年份（2021），缺少月、日'],
    ['2021年', '只填了年份（2021年），缺少月、日'],
    ['', '日期不能为空'],
    ['  ', '日期不能为空'],
    ['abc', '“abc”不是可识别的日期，请按 2021-07-28 的格式填写'],
    ['2021-07-28Z', '“2021-07-28Z”不是可识别的日期，请按 2021-07-28 的格式填写'],
  ])('%j fails: %s', (text, why) => {
    expect(parseDate(text)).toEqual({ ok: false, reason: why })
  })

  it('refuses numbers that are no date', () => {
    expect(parseDate(60).ok).toBe(false)
    expect(parseDate(0).ok).toBe(false)
    expect(parseDate(-5).ok).toBe(false)
    expect(parseDate(Number.NaN).ok).toBe(false)
    expect(parseDate(2021)).toEqual({ ok: false, reason: '只填了年份（2021），缺少月、日' })
    expect(parseDate(2021.123).ok).toBe(false)
    expect(parseDate(20211332).ok).toBe(false)
  })

  it('takes other year bounds when asked', () => {
    expect(parseDate('1899-12-31', { minYear: 1800 })).toEqual(day('1899-12-31'))
    expect(parseDate('2031-01-01', { maxYear: 2030 })).toEqual({ ok: false, reason: '年份2031不在1900–2030之间' })
  })
})

describe('checkDate', () => {
  it('gives the ISO date, with an I finding for a month-only date', () => {
    expect(checkDate('2021.7.28', at)).toEqual({ value: '2021-07-28', findings: [] })
    expect(checkDate('2021年7月', at)).toEqual({
      value: '2021-07-01',
      findings: [{ level: 'I', field: 'completedOn', label: '完工日期', message: '只精确到月，按当月1日记录' }],
    })
  })

  it('turns a failure into an E', () => {
    expect(checkDate('2021-02-30', at)).toEqual({
      value: null,
      findings: [{ level: 'E', field: 'completedOn', label: '完工日期', message: '日期不存在：2021年2月30日' }],
    })
  })

  it('has nothing to check in an empty cell unless the date is required', () => {
    expect(checkDate('', at)).toEqual({ value: null, findings: [] })
    expect(checkDate(null, at)).toEqual({ value: null, findings: [] })
    expect(checkDate(undefined, at, { required: true }).findings[0]).toMatchObject({ level: 'E', message: '不能为空' })
  })

  it('passes the year bounds on', () => {
    expect(checkDate('2031-01-01', at, { maxYear: 2030 }).findings[0].level).toBe('E')
  })
})

describe('parseYear', () => {
  const range = { min: 2012, max: 2026 }
  it.each([
    ['2021', 2021],
    ['2021年', 2021],
    ['2021年度', 2021],
    ['２０２１', 2021],
    [' 2012 ', 2012],
    [2026, 2026],
  ])('%j → %i', (input, year) => {
    expect(parseYear(input, range)).toEqual({ ok: true, value: year })
  })

  it.each([
    ['2011', '年度应在2012–2026之间'],
    [2027, '年度应在2012–2026之间'],
    ['21', '年度应为4位数字，如 2021'],
    ['2021.5', '年度应为4位数字，如 2021'],
    [2021.5, '年度应为4位数字，如 2021'],
    ['二〇二一', '年度应为4位数字，如 2021'],
    ['', '年度不能为空'],
  ])('%j fails: %s', (input, why) => {
    expect(parseYear(input, range)).toEqual({ ok: false, reason: why })
  })
})
