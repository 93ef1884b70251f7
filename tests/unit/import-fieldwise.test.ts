import { describe, expect, it } from 'vitest'
import { householdLineInput } from '../../src-main/api/channels/households'
import { FieldwiseParser } from '../../src-main/io/import/kinds/fieldwise'

const good = {
  householdId: 12,
  assetId: null,
  projectName: '2021年肉牛养殖到户项目',
  projectCode: 'XM2021-001',
  projectYear: 2021,
  item: '基础母牛',
  subtypeCode: 'H01',
  spec: '西门塔尔',
  unit: '头',
  quantity: 2,
  standardFen: 800000,
  amountFen: 1600000,
  selfRaisedFen: 0,
  fundSource: 'XJ',
  issueMethod: '实物发放',
  issueDate: '2021-07-28',
  tagNo: '  EB0001 ',
  currentQuantity: null,
  currentStatus: '在养/正常使用',
  acceptWarnings: true,
}

/** What the form schema itself says, issues as (path, message). */
const expected = (input: Record<string, unknown>) => {
  const r = householdLineInput.safeParse(input)
  return r.success ? { success: true, data: r.data } : { success: false, issues: r.error.issues.map((i) => [i.path.join('.'), i.message]) }
}
const actual = (parser: FieldwiseParser<typeof householdLineInput>, input: Record<string, unknown>) => {
  const r = parser.parse(input)
  return r.success ? { success: true, data: r.data } : { success: false, issues: r.error.issues.map((i) => [i.path.join('.'), i.message]) }
}

describe('FieldwiseParser (the import checks a row field by field, remembering repeated values)', () => {
  it('gives the data and the issues of safeParse, row after row, with repeated and unique values', () => {
    const parser = new FieldwiseParser(householdLineInput)
    const rows: Record<string, unknown>[] = [
      good,
      { ...good, tagNo: 'EB0002' },
      // defaults filled for missing optional fields
      { ...good, projectCode: undefined, spec: undefined, selfRaisedFen: undefined, currentStatus: undefined, acceptWarnings: undefined },
      // several bad fields at once
      { ...good, projectName: '牛', quantity: -1, amountFen: 12.5, fundSource: 'xj', issueDate: '2021/7/28', unit: '头头头头头头头头头头头' },
      // the same bad values again: remembered results give the same issues
      { ...good, projectName: '牛', quantity: -1, amountFen: 12.5, fundSource: 'xj', issueDate: '2021/7/28', unit: '头头头头头头头头头头头' },
      { ...good, issueMethod: '发钱', currentStatus: '不知道', projectYear: 1999.5, householdId: 0 },
      { ...good, subtypeCode: { code: 'H01' } as unknown as string },
      good,
    ]
    for (const row of rows) expect(actual(parser, row)).toEqual(expected(row))
  })

  it('keeps working past the number of distinct values it remembers', () => {
    const parser = new FieldwiseParser(householdLineInput)
    for (let i = 0; i < 5000; i++) {
      const row = { ...good, tagNo: `EB${i}`, quantity: i % 7 === 0 ? -i : i }
      expect(actual(parser, row)).toEqual(expected(row))
    }
  })

  it('remembers more values of a field given a larger limit, with the same results', () => {
    const parser = new FieldwiseParser(householdLineInput, { householdId: 10_000 })
    for (let i = 0; i < 12_000; i++) {
      const row = { ...good, householdId: (i % 6000) - 3 }
      expect(actual(parser, row)).toEqual(expected(row))
    }
  })

  it('gives the fields in schema order, as safeParse does', () => {
    const parser = new FieldwiseParser(householdLineInput)
    const shuffled = Object.fromEntries(Object.entries(good).reverse())
    const r = parser.parse(shuffled)
    expect(r.success && Object.keys(r.data)).toEqual(Object.keys(householdLineInput.parse(shuffled)))
  })

  it('returns a fresh object each time (the import adds to it)', () => {
    const parser = new FieldwiseParser(householdLineInput)
    const a = parser.parse(good)
    const b = parser.parse(good)
    expect(a.success && b.success && a.data !== b.data).toBe(true)
  })
})
