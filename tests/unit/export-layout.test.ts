import { describe, expect, it } from 'vitest'
import { checkLayout, fillText, headerCells, headerDepth, leafColumns, selectColumns, type HeaderNode, type ReportLayout } from '../../src-main/io/export/layout'
import { cellValue, textWidth } from '../../src-main/io/export/xlsx-writer'

const header: HeaderNode[] = [
  { key: 'town', label: '乡镇', format: 'text' },
  { label: '经营性', children: [{ key: 'n', label: '个数', format: 'integer' }, { key: 'v', label: '金额', format: 'money' }] },
  { key: 'note', label: '备注', format: 'text' },
]
const layout: ReportLayout = {
  id: 't',
  dataset: 'd',
  title: '{县}表',
  sheetName: '表',
  unitRow: { left: '', right: '' },
  header,
  total: { label: '合计', labelKey: 'town', position: 'bottom' },
  footer: [],
  print: { paper: 'A4', orientation: 'landscape', fitToWidth: true },
}

describe('layouts: header tree to merged cells', () => {
  it('a group spans its leaves; a leaf above the deepest level spans down', () => {
    expect(headerDepth(header)).toBe(2)
    expect(leafColumns(header).map((c) => c.key)).toEqual(['town', 'n', 'v', 'note'])
    expect(headerCells(header, 1)).toEqual([
      { label: '乡镇', row: 1, col: 2, rowSpan: 2, colSpan: 1 },
      { label: '经营性', row: 1, col: 3, rowSpan: 1, colSpan: 2 },
      { label: '个数', row: 2, col: 3, rowSpan: 1, colSpan: 1 },
      { label: '金额', row: 2, col: 4, rowSpan: 1, colSpan: 1 },
      { label: '备注', row: 1, col: 5, rowSpan: 2, colSpan: 1 },
    ])
  })

  it('choosing columns prunes the tree and drops emptied groups', () => {
    const picked = selectColumns(layout, ['town', 'note'])
    expect(headerDepth(picked.header)).toBe(1)
    expect(leafColumns(picked.header).map((c) => c.key)).toEqual(['town', 'note'])
    expect(() => selectColumns(layout, ['x'])).toThrow(/至少选择一列/)
  })

  it('checks a layout against its dataset', () => {
    expect(checkLayout(layout, ['town', 'n', 'v', 'note'])).toEqual([])
    expect(checkLayout({ ...layout, sheetName: 'a/b' }, ['town', 'n', 'v', 'note'])[0]).toContain('工作表名称')
    expect(checkLayout(layout, ['town', 'n'])).toEqual(expect.arrayContaining([expect.stringContaining('v 不是数据集')]))
  })

  it('fills placeholders, unknown ones empty', () => {
    expect(fillText('{县}{年度}统计表', { 县: '巴林左旗' })).toBe('巴林左旗统计表')
  })
})

describe('cell values', () => {
  it('money from integer 分: 元 and 万元; text never a formula; dates as dates', () => {
    expect(cellValue(12_345, 'money', '元')).toBe(123.45)
    expect(cellValue(30_862_614_700, 'money', '万元')).toBe(30_862.6147)
    expect(cellValue('=1+1', 'text', '元')).toBe('=1+1')
    expect(cellValue(true, 'text', '元')).toBe('是')
    expect(cellValue('2024-03-05', 'date', '元')).toEqual(new Date(Date.UTC(2024, 2, 5)))
    expect(cellValue('2024年', 'date', '元')).toBe('2024年')
    expect(cellValue(null, 'money', '元')).toBeNull()
    expect((cellValue('x'.repeat(40_000), 'text', '元') as string).length).toBe(32_767)
  })
  it('CJK text is about twice as wide as Latin', () => {
    expect(textWidth('资产')).toBe(4)
    expect(textWidth('ab')).toBeCloseTo(2.2)
  })
})

describe('limits', () => {
  it('refuses a sheet beyond Excel’s 1,048,576 rows before writing anything', async () => {
    const { writeWorkbook } = await import('../../src-main/io/export/xlsx-writer')
    const { mkdtempSync, readdirSync, rmSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'ledger-limit-'))
    try {
      await expect(writeWorkbook(join(dir, 'a.xlsx'), [{ layout, rows: [], rowCount: 1_048_576, vars: {} }], { unit: '元' })).rejects.toThrow(/1,048,576/)
      expect(readdirSync(dir).length).toBeLessThanOrEqual(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
