import { describe, expect, it } from 'vitest'
import { AppError } from '../../src-main/domain/errors'
import { locateBestTable, locateTable } from '../../src-main/io/import/table/locate'
import { layoutSignature, suggestMapping } from '../../src-main/io/import/table/mapping'
import { unitInHeader, unitInNote } from '../../src-main/io/import/table/header-text'
import type { CellValue, FieldSpec, MergeRange, RawSheet } from '../../src-main/io/import/types'

const fields: FieldSpec[] = [
  { key: 'code', label: '资产编号', synonyms: ['编号'], type: 'text' },
  { key: 'name', label: '资产名称', synonyms: ['名称', '项目资产名称'], type: 'text', required: true },
  { key: 'town', label: '乡镇', synonyms: ['乡镇（苏木）'], type: 'region', required: true },
  { key: 'value', label: '资产原值', synonyms: ['原值', '资产价值'], type: 'money', required: true },
  { key: 'central', label: '中央', synonyms: ['中央资金'], parents: ['资金来源', '资金构成'], type: 'money' },
  { key: 'county', label: '旗县', synonyms: ['本级'], parents: ['资金来源', '资金构成'], type: 'money' },
  { key: 'mode', label: '经营方式', synonyms: ['运营模式'], type: 'enum' },
]

const sheet = (rows: CellValue[][], merges: MergeRange[] = [], name = 'Sheet1'): RawSheet => ({ name, rows, merges })

describe('locateTable', () => {
  it('finds a one-row header below a title, with units in the header texts', () => {
    const t = locateTable(
      sheet([
        ['2021年资产台账'],
        [],
        ['序号', '*资产名称', '乡镇（苏木）', '原值（万元）', '运营模式', '备注'],
        [1, '道路', '林东镇', 1.5, '自营', null],
        [2, '水井', '林东镇', 2, '出租', '  '],
        [],
        [],
      ]),
      fields,
    )
    expect(t.headerRows).toEqual([3])
    expect(t.tableUnit).toBeUndefined()
    expect(t.columns[3]).toEqual({ index: 3, headerPath: ['原值(万元)'], unit: '万元' })
    expect(t.rows.map((r) => r.rowNumber)).toEqual([4, 5])
    expect(t.skipped).toEqual([]) // trailing blank rows are not worth a message
    expect(suggestMapping(t, fields)).toEqual({ code: null, name: 1, town: 2, value: 3, central: null, county: null, mode: 4 })
  })

  it('reads 「金额单位：万元」 above the header and skips a column-number row, repeated headers and subtotals', () => {
    const header = ['资产名称', '乡镇', '资产原值']
    const t = locateTable(
      sheet([
        ['表一', null, '金额单位：万元'],
        header,
        ['甲', 1, 2],
        ['A', '林东镇', 1],
        ['林东镇小计', null, 1],
        header,
        ['B', '隆昌镇', 2],
        ['合 计', null, 3],
        ['注：本表由乡镇填报'],
        ['单位负责人：', null, '填报人：'],
      ]),
      fields,
    )
    expect(t.tableUnit).toBe('万元')
    expect(t.rows.map((r) => r.rowNumber)).toEqual([4, 7])
    expect(t.skipped).toEqual([
      { rowNumber: 3, reason: '栏次行（列序号）' },
      { rowNumber: 5, reason: '小计行' },
      { rowNumber: 6, reason: '重复的表头行' },
      { rowNumber: 8, reason: '合计行' },
      { rowNumber: 9, reason: '表尾说明' },
      { rowNumber: 10, reason: '签字行' },
    ])
  })

  it('skips the same rows in a wide table, where most rows are taken as data without listing their cells', () => {
    const header = ['序号', '资产编号', '资产名称', '乡镇', '资产原值', '中央', '旗县', '经营方式', '地点', '备注']
    const data = (n: number, name: string): CellValue[] => [n, `ZC${n}`, name, '林东镇', 10, 6, 4, '自营', '某村', '—']
    const t = locateTable(
      sheet([
        ['2026年资产台账'],
        header,
        data(1, '道路'),
        ['（一）养殖类', null, null, null, 10, 6, 4, null, null, null],
        data(2, '暖棚'),
        [null, null, '林东镇小计', null, 20, 12, 8, null, null, null],
        [' ', '\u3000', null, null, null, null, null, null, null, null],
        data(3, '水井'),
        header,
        [...header.slice(0, 9), '说明'],
        data(4, '冷库'),
        ['一、其他', '', '', '', '', '', '', '', '', ''],
        ['单位负责人：', '审核人：', '填报人：', null, null, null, null, null, '日期：', '2026年11月'],
        data(5, '羊圈'),
        [null, null, null, null, 40, 24, 16, null, null, '总 计'],
      ]),
      fields,
    )
    expect(t.rows.map((r) => r.rowNumber)).toEqual([3, 5, 8, 11, 14])
    expect(t.rows[0].cells).toEqual(data(1, '道路'))
    expect(t.skipped).toEqual([
      { rowNumber: 4, reason: '分类标题行' },
      { rowNumber: 6, reason: '小计行' },
      { rowNumber: 7, reason: '空行' },
      { rowNumber: 9, reason: '重复的表头行' },
      { rowNumber: 10, reason: '重复的表头行' },
      { rowNumber: 12, reason: '分类标题行' },
      { rowNumber: 13, reason: '签字行' },
      { rowNumber: 15, reason: '总计行' },
    ])
  })

  it('understands a two-level header with merges: group cells, vertical merges one-element paths', () => {
    const merges: MergeRange[] = [
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 3 },
      { top: 4, left: 0, bottom: 4, right: 3 },
    ]
    const t = locateTable(
      sheet(
        [
          ['标题'],
          ['资产名称', '资产原值', '资金构成', null],
          [null, null, '中央', '本级'],
          ['A', 3, 1, 2],
          ['经营性资产'],
          ['B', 5, 5, 0],
          ['只填了名称'],
        ],
        merges,
      ),
      fields,
    )
    expect(t.headerRows).toEqual([2, 3])
    expect(t.columns.map((c) => c.headerPath)).toEqual([['资产名称'], ['资产原值'], ['资金构成', '中央'], ['资金构成', '本级']])
    expect(t.rows.map((r) => r.rowNumber)).toEqual([4, 6, 7])
    expect(t.skipped).toEqual([{ rowNumber: 5, reason: '分类标题行' }])
    expect(suggestMapping(t, fields)).toMatchObject({ name: 0, value: 1, central: 2, county: 3 })
  })

  it('does not take a merged title or unit line for a group header', () => {
    const merges: MergeRange[] = [
      { top: 0, left: 0, bottom: 0, right: 3 },
      { top: 1, left: 0, bottom: 1, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 3 },
    ]
    const rows: CellValue[][] = [
      ['2021年资产登记表'],
      ['填报单位：林东镇', null, '单位：元'],
      ['资产名称', '乡镇', '资产原值', '经营方式'],
      ['A', '林东镇', 1, '自营'],
    ]
    const t = locateTable(sheet(rows, merges), fields)
    expect(t.headerRows).toEqual([3])
    expect(t.tableUnit).toBe('元')
    expect(t.columns.map((c) => c.headerPath)).toEqual([['资产名称'], ['乡镇'], ['资产原值'], ['经营方式']])
    // The same with a real two-level header under the title, for a kind without group fields.
    const two = locateTable(
      sheet(
        [['2021年资产登记表'], ['资产名称', '资产原值', '资金构成', null], [null, null, '中央', '本级'], ['A', 3, 1, 2]],
        [{ top: 0, left: 0, bottom: 0, right: 3 }, { top: 1, left: 0, bottom: 2, right: 0 }, { top: 1, left: 1, bottom: 2, right: 1 }, { top: 1, left: 2, bottom: 1, right: 3 }],
      ),
      fields.filter((f) => !f.parents),
    )
    expect(two.headerRows).toEqual([2, 3])
    expect(two.columns.map((c) => c.headerPath)).toEqual([['资产名称'], ['资产原值'], ['资金构成', '中央'], ['资金构成', '本级']])
  })

  it('gives a value merged down over several data rows to each of them', () => {
    const t = locateTable(
      sheet(
        [
          ['资产名称', '乡镇', '资产原值'],
          ['A', '林东镇', 1],
          ['B', null, 2],
          ['林东镇小计', null, 3],
          ['C', '隆昌镇', 4],
        ],
        [{ top: 1, left: 1, bottom: 3, right: 1 }],
      ),
      fields,
    )
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['A', '林东镇', 1],
      ['B', '林东镇', 2],
      ['C', '隆昌镇', 4],
    ])
    expect(t.skipped).toEqual([{ rowNumber: 4, reason: '小计行' }])
  })

  it('understands a two-level header without merges (CSV): the group carried to the right', () => {
    const t = locateTable(
      sheet([
        ['资产名称', '乡镇', '资金来源', null, '经营方式'],
        [null, null, '中央', '旗县', null],
        ['A', '林东镇', 1, 2, '自营'],
      ]),
      fields,
    )
    expect(t.headerRows).toEqual([1, 2])
    expect(t.columns.map((c) => c.headerPath)).toEqual([['资产名称'], ['乡镇'], ['资金来源', '中央'], ['资金来源', '旗县'], ['经营方式']])
    expect(suggestMapping(t, fields)).toMatchObject({ name: 0, town: 1, central: 2, county: 3, mode: 4 })
  })

  it('skips category headings (一、公益类 / （二）…) and keeps a sparse data row', () => {
    const t = locateTable(
      sheet([
        ['资产名称', '乡镇', '资产原值'],
        ['一、公益类', null, 100],
        ['（二）经营类'],
        ['道路', null, null],
      ]),
      fields,
    )
    expect(t.rows.map((r) => r.rowNumber)).toEqual([4])
    expect(t.skipped.map((s) => s.reason)).toEqual(['分类标题行', '分类标题行'])
  })

  it('skips signature lines but keeps data rows whose remarks mention signing', () => {
    const remarks: FieldSpec[] = [
      { key: 'name', label: '户主姓名', synonyms: [], type: 'text' },
      { key: 'note', label: '备注', synonyms: [], type: 'text' },
    ]
    const t = locateTable(
      sheet([['户主姓名', '备注'], ['张三', '已签字确认'], ['李四', '本人签名'], ['单位负责人：张三', '审核人：李四'], ['填报人', '王五'], ['单位（盖章）'], ['日期：2021年8月1日']]),
      remarks,
    )
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 3])
    expect(t.skipped.map((r) => r.reason)).toEqual(['签字行', '签字行', '签字行', '签字行'])
  })

  it('throws NO_HEADER naming the expected headers', () => {
    const err = (() => {
      try {
        locateTable(sheet([['随便写的'], ['a', 'b', 'c'], [1, 2, 3]], [], '数据'), fields)
      } catch (e) {
        return e
      }
    })() as AppError
    expect(err).toBeInstanceOf(AppError)
    expect(err.code).toBe('NO_HEADER')
    expect(err.message).toContain('工作表「数据」')
    expect(err.message).toContain('资产名称、乡镇、资产原值')
    expect(() => locateTable(sheet([]), fields)).toThrow(/是空的/)
  })

  it('keeps __proto__ and constructor header texts as plain data', () => {
    const t = locateTable(sheet([['__proto__', 'constructor', '资产名称', '资产原值'], ['x', 'y', 'A', 1]]), fields)
    expect(t.columns.map((c) => c.headerPath[0])).toEqual(['__proto__', 'constructor', '资产名称', '资产原值'])
    expect(suggestMapping(t, fields)).toMatchObject({ name: 2, value: 3 })
  })
})

describe('suggestMapping and layoutSignature', () => {
  it('falls back to containment for headers that add words, and to a lone child header', () => {
    const t = locateTable(sheet([['资产名称及规模', '所在乡镇', '资产原值', '中央'], ['A', '林东镇', 1, 1]]), fields)
    expect(suggestMapping(t, fields)).toMatchObject({ name: 0, town: 1, value: 2, central: 3 })
  })

  it('gives each column to one field and leaves unknown fields null', () => {
    const t = locateTable(sheet([['名称', '资产名称', '乡镇', '原值'], ['a', 'b', 'c', 1]]), fields)
    const m = suggestMapping(t, fields)
    expect(m.name).toBe(0)
    expect(Object.values(m).filter((v) => v === 1)).toHaveLength(0)
    expect(m.code).toBeNull()
  })

  it('fingerprints the header layout: same layout → same signature, regardless of spacing', () => {
    const a = locateTable(sheet([['资产名称', '乡镇', '资产原值'], ['x', 'y', 1]]), fields)
    const b = locateTable(sheet([['标题'], ['资产 名称', '乡镇', '资产原值'], ['z', 'w', 2]]), fields)
    const c = locateTable(sheet([['乡镇', '资产名称', '资产原值'], ['y', 'x', 1]]), fields)
    expect(layoutSignature(a)).toMatch(/^[0-9a-f]{16}$/)
    expect(layoutSignature(a)).toBe(layoutSignature(b))
    expect(layoutSignature(a)).not.toBe(layoutSignature(c))
  })

  it('locateBestTable picks the sheet whose header fits best', () => {
    const t = locateBestTable(
      {
        format: 'xlsx',
        sheets: [sheet([['说明'], ['本表填报要求…']], [], '说明'), sheet([['资产名称', '乡镇', '资产原值'], ['x', 'y', 1]], [], '台账')],
      },
      fields,
    )
    expect(t.sheetName).toBe('台账')
  })
})

describe('units in notes and headers', () => {
  it.each([
    ['单位：万元', '万元'],
    ['金额单位：万元', '万元'],
    ['（单位：元）', '元'],
    ['单位：户、人、万元', '万元'],
    ['2021年资产表（单位：万元）', '万元'],
    ['填报单位：元宝山镇', undefined],
    ['单位：亩', undefined],
  ])('unit row %s → %s', (text, unit) => {
    expect(unitInNote(text)).toBe(unit)
  })
  it.each([
    ['原值（万元）', '万元'],
    ['金额(单位：元)', '元'],
    ['投资/万元', '万元'],
    ['单价（元/亩）', undefined],
    ['资产原值', undefined],
  ])('header %s → %s', (text, unit) => {
    expect(unitInHeader(text)).toBe(unit)
  })
})
