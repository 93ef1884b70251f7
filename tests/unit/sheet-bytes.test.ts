import { describe, expect, it } from 'vitest'
import { rowCells, SheetDataReader, type ByteSheetContext } from '../../src-main/io/import/read/sheet-bytes'
import type { CellValue } from '../../src-main/io/import/types'

const xml =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetViews><sheetView/></sheetViews><cols><col min="1" max="3"/></cols><sheetData>' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>巴林左旗＆林东镇</t></is></c><c r="C1"><v>12.5</v></c></row>' +
  '<row r="2"/>' +
  '<x:row r="3"><x:c r="B3" t="s"><x:v>1</x:v></x:c><x:c r="C3" s="1"><x:v>44405</x:v></x:c></x:row>' +
  '<row><c t="s"><v>1</v></c><c t="str"><v>苏木“嘎查”</v></c><c><v>007</v></c><c s="1"><v>44405.5</v></c></row>' +
  // the one-pass reading of common cells, and the cells it leaves to the general code (spaces around =, single quotes, a tab, a formula, an empty <v>)
  '<row r="5"><c r="A5" s="1"/><c r="B5" t="n" s="0"><v>-3</v></c><c r = "C5" t=\'s\'><v>0</v></c><c r="D5"\ts="1"><v>44405</v></c>' +
  '<c r="E5" cm="1"><f>1+2</f><v>3</v></c><c r="F5" t="s"><v></v></c><c r="G5"><v> 12 </v></c><c r="H5"><v>1.5E-3</v></c><c r="J5" t="s" s="1"><v>1</v></c></row>' +
  '</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>'

/** Reads the sheet fed in chunks of `size` bytes (characters split between chunks included). */
function read(size: number) {
  const rows: { r: string | undefined; cells: CellValue[] }[] = []
  let counted = 0
  const ctx: ByteSheetContext = {
    strings: ['张三', '基础母牛'],
    isDate: [false, true],
    date1904: false,
    other: (s, t, inner) => `other(${s ?? ''},${t ?? ''}):${inner}`,
    counted: () => void counted++,
  }
  const at = new Int32Array(6)
  const reader = new SheetDataReader((r, buf, from, to) => rows.push({ r, cells: rowCells(buf, from, to, ctx, at) }))
  const bytes = Buffer.from(xml)
  for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size))
  return { rows, tail: reader.tailText(), counted }
}

describe('the sheet XML read as bytes (sheet-bytes.ts)', () => {
  it('reads shared strings, numbers, dates and odd cells, prefixed and self-closing rows, and keeps the tail', () => {
    const { rows, tail, counted } = read(1 << 20)
    expect(rows).toEqual([
      { r: '1', cells: ['张三', 'other(,inlineStr):<is><t>巴林左旗＆林东镇</t></is>', 12.5] },
      { r: '2', cells: [] },
      // prefixed values are read by the caller (stream.ts's cellOf), like every other odd cell
      { r: '3', cells: [null, 'other(,s):<x:v>1</x:v>', 'other(1,):<x:v>44405</x:v>'] },
      { r: undefined, cells: ['基础母牛', 'other(,str):<v>苏木“嘎查”</v>', 7, new Date(Date.UTC(2021, 6, 28, 12))] },
      { r: '5', cells: [null, -3, '张三', new Date(Date.UTC(2021, 6, 28)), 'other(,):<f>1+2</f><v>3</v>', '张三', 12, 0.0015, null, '基础母牛'] },
    ])
    expect(counted).toBe(17)
    expect(tail).toBe('</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>')
  })

  it('gives the same rows however the bytes are cut into chunks, Chinese characters split included', () => {
    const whole = read(1 << 20)
    for (const size of [1, 2, 3, 5, 7, 13, 64]) expect(read(size)).toEqual(whole)
  })
})
