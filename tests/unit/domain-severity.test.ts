import { describe, expect, it } from 'vitest'
import type { RuleFinding } from '../../src-main/api/types/rules'
import { fail, ok } from '../../src-main/domain/result'
import {
  blank,
  collector,
  error,
  finding,
  formatFinding,
  fromResult,
  hasErrors,
  info,
  isBlank,
  levelNames,
  nest,
  sortByLevel,
  warning,
  worstLevel,
  type Finding,
} from '../../src-main/domain/severity'

const at = { field: 'idNo', label: '身份证号' }

describe('findings', () => {
  it('builds the E/W/I shape with a field path and a Chinese label', () => {
    expect(finding('W', at, '请核对')).toEqual({ level: 'W', field: 'idNo', label: '身份证号', message: '请核对' })
    expect(error(at, 'a').level).toBe('E')
    expect(warning(at, 'a').level).toBe('W')
    expect(info(at, 'a').level).toBe('I')
    expect(levelNames).toEqual({ E: '错误', W: '警告', I: '提示' })
  })

  it('is the same shape as the contract type RuleFinding, both ways', () => {
    const f: Finding = error(at, 'x')
    const r: RuleFinding = f
    const back: Finding = r
    expect(back).toBe(f)
  })

  it('formats one line for an 错误原因 column', () => {
    expect(formatFinding(error(at, '校验位不符'))).toBe('【错误】身份证号：校验位不符')
    expect(formatFinding(warning(at, '外地户籍'))).toBe('【警告】身份证号：外地户籍')
    expect(formatFinding(info(at, '只到月'))).toBe('【提示】身份证号：只到月')
  })
})

describe('levels', () => {
  const list = [info(at, '1'), warning(at, '2'), error(at, '3'), warning(at, '4'), error(at, '5')]

  it('knows whether anything blocks the save and what the worst level is', () => {
    expect(hasErrors(list)).toBe(true)
    expect(hasErrors([warning(at, 'x'), info(at, 'y')])).toBe(false)
    expect(hasErrors([])).toBe(false)
    expect(worstLevel(list)).toBe('E')
    expect(worstLevel([info(at, 'y'), warning(at, 'x')])).toBe('W')
    expect(worstLevel([info(at, 'y')])).toBe('I')
    expect(worstLevel([])).toBeNull()
  })

  it('sorts E, W, I and keeps the order within a level, without touching the input', () => {
    expect(sortByLevel(list).map((f) => f.message)).toEqual(['3', '5', '2', '4', '1'])
    expect(list.map((f) => f.message)).toEqual(['1', '2', '3', '4', '5'])
  })
})

describe('fromResult', () => {
  it('turns a parser result into a check', () => {
    expect(fromResult(ok(5), at)).toEqual({ value: 5, findings: [] })
    expect(fromResult(fail('坏了'), at)).toEqual({ value: null, findings: [error(at, '坏了')] })
    expect(fromResult(fail('可疑'), at, 'W').findings[0].level).toBe('W')
  })
})

describe('blank inputs', () => {
  it.each([null, undefined, '', '   ', '\u3000', ' \u00A0\t\n', '\u200B'])('%j is blank', (v) => {
    expect(isBlank(v)).toBe(true)
  })
  it.each(['0', ' a ', 0, false])('%j is not blank', (v) => {
    expect(isBlank(v)).toBe(false)
  })
  it('is nothing to check, or an E when the field is required', () => {
    expect(blank(at)).toEqual({ value: null, findings: [] })
    expect(blank(at, true)).toEqual({ value: null, findings: [error(at, '不能为空')] })
  })
})

describe('nest', () => {
  it('puts a sub-record finding under its parent row', () => {
    const f = error({ field: 'amountFen', label: '金额' }, '不能为负数')
    expect(nest([f], { field: 'fundSources.1', label: '资金来源第2行' })).toEqual([
      { level: 'E', field: 'fundSources.1.amountFen', label: '资金来源第2行·金额', message: '不能为负数' },
    ])
  })
})

describe('collector', () => {
  it('collects findings of a record and hands back the checked values', () => {
    const c = collector()
    expect(c.hasErrors()).toBe(false)
    c.info(at, 'i')
    c.warning(at, 'w')
    const v = c.take({ value: 'X', findings: [warning(at, 'w2')] })
    expect(v).toBe('X')
    expect(c.hasErrors()).toBe(false)
    const none = c.take<number>({ value: null, findings: [error(at, 'e')] })
    expect(none).toBeNull()
    c.add(error(at, 'e2'))
    c.error(at, 'e3')
    expect(c.hasErrors()).toBe(true)
    expect(c.findings().map((f) => f.message)).toEqual(['e', 'e2', 'e3', 'w', 'w2', 'i'])
    // a copy: changing it does not change the collector
    c.findings().pop()
    expect(c.findings()).toHaveLength(6)
  })
})
