import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../src-main/domain/errors'
import { parseCellDate, parseCellMoney, createRegionMatcher } from '../../src-main/io/import/normalise'
import { MAX_BYTES, readWorkbook } from '../../src-main/io/import/read'
import { locateTable } from '../../src-main/io/import/table/locate'
import { layoutSignature, suggestMapping } from '../../src-main/io/import/table/mapping'
import type { FieldSpec, LocatedTable, RawWorkbook } from '../../src-main/io/import/types'
import {
  emptyFile,
  encryptedXlsx,
  hasLibreOffice,
  htmlTable,
  htmlToSpreadsheets,
  ledgerRows,
  renamedJpg,
  renamedPdf,
  renamedZip,
  truncatedCopy,
  writeCsv,
  writeXlsx,
} from '../support/spreadsheets'

const fields: FieldSpec[] = [
  { key: 'name', label: '资产名称', synonyms: ['名称', '项目资产名称'], type: 'text', required: true },
  { key: 'town', label: '乡镇', synonyms: ['乡镇（苏木）', '所在乡镇'], type: 'region', required: true },
  { key: 'village', label: '村', synonyms: ['村（嘎查）', '所在村'], type: 'region' },
  { key: 'value', label: '资产原值', synonyms: ['原值', '资产价值'], type: 'money', required: true },
  { key: 'central', label: '中央', synonyms: ['中央资金'], parents: ['资金来源'], type: 'money' },
  { key: 'region', label: '自治区', synonyms: [], parents: ['资金来源'], type: 'money' },
  { key: 'league', label: '盟市', synonyms: [], parents: ['资金来源'], type: 'money' },
  { key: 'county', label: '旗县', synonyms: [], parents: ['资金来源'], type: 'money' },
  { key: 'builtOn', label: '建成时间', synonyms: ['竣工时间'], type: 'date' },
]

const lo = hasLibreOffice()
let dir: string
let made: { xlsx: string; xls: string }

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-read-'))
  if (lo) made = htmlToSpreadsheets(dir, 'ledger', htmlTable(ledgerRows()), ['xlsx', 'xls'])
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function expectLedger(book: RawWorkbook): LocatedTable {
  const table = locateTable(book.sheets[0], fields)
  expect(table.headerRows).toEqual([3, 4])
  expect(table.tableUnit).toBe('万元')
  expect(table.columns.map((c) => c.headerPath)).toEqual([
    ['序号'],
    ['资产名称'],
    ['乡镇'],
    ['村'],
    ['资产原值'],
    ['资金来源', '中央'],
    ['资金来源', '自治区'],
    ['资金来源', '盟市'],
    ['资金来源', '旗县'],
    ['建成时间'],
  ])
  expect(table.rows.map((r) => r.rowNumber)).toEqual([6, 7, 11])
  expect(table.skipped).toEqual([
    { rowNumber: 5, reason: '分类标题行' },
    { rowNumber: 8, reason: '小计行' },
    { rowNumber: 9, reason: '空行' },
    { rowNumber: 10, reason: '分类标题行' },
    { rowNumber: 12, reason: '合计行' },
    { rowNumber: 13, reason: '空行' },
    { rowNumber: 14, reason: '签字行' },
  ])
  const mapping = suggestMapping(table, fields)
  expect(mapping).toEqual({ name: 1, town: 2, village: 3, value: 4, central: 5, region: 6, league: 7, county: 8, builtOn: 9 })
  const cell = (rowNumber: number, key: string) => table.rows.find((r) => r.rowNumber === rowNumber)!.cells[mapping[key]!]
  expect(parseCellMoney(cell(6, 'value'), table.tableUnit!)).toEqual({ fen: 12_345_600 })
  expect(parseCellMoney(cell(11, 'value'), table.tableUnit!)).toEqual({ fen: 30_862_614_700 })
  expect(parseCellMoney(cell(6, 'region'), table.tableUnit!)).toEqual({ fen: 2_345_600 })
  expect(parseCellDate(cell(6, 'builtOn'))).toEqual({ value: '2021-07-28' })
  expect(parseCellDate(cell(7, 'builtOn'))).toEqual({ value: '2021-07-28' })
  expect(parseCellDate(cell(11, 'builtOn'))).toEqual({ value: '2021-07-01', monthOnly: true })
  const regions = createRegionMatcher([
    { code: '150422100000', name: '林东镇', level: 4, parentCode: '150422000000' },
    { code: '150422101000', name: '隆昌镇', level: 4, parentCode: '150422000000' },
    { code: '150422100201', name: '福山地村', level: 5, parentCode: '150422100000' },
    { code: '150422100202', name: '南沙布台嘎查', level: 5, parentCode: '150422100000' },
    { code: '150422101201', name: '隆昌村', level: 5, parentCode: '150422101000' },
  ])
  const town7 = regions.town(String(cell(7, 'town')))
  expect(town7).toBe('150422100000')
  expect(regions.village(town7, String(cell(7, 'village')))).toBe('150422100202')
  return table
}

describe.skipIf(!lo)('files made by LibreOffice from an HTML table with rowspan/colspan', () => {
  it('reads the .xlsx: two-level header, unit row, skipped rows, exact 万元 amounts, dates', async () => {
    const book = await readWorkbook(made.xlsx)
    expect(book.format).toBe('xlsx')
    const cellF6 = book.sheets[0].rows[5][9]
    expect(cellF6).toBeInstanceOf(Date)
    expectLedger(book)
  })

  it('reads the .xls (BIFF8) the same way', async () => {
    const book = await readWorkbook(made.xls)
    expect(book.format).toBe('xls')
    expectLedger(book)
  })

  it('reads the .xlsx streamed (ExcelJS) the same way, merges included', async () => {
    const book = await readWorkbook(made.xlsx, { streamAbove: 0 })
    expect(book.format).toBe('xlsx')
    expect(book.sheets[0].merges.length).toBeGreaterThan(5)
    const table = expectLedger(book)
    const plain = locateTable((await readWorkbook(made.xlsx)).sheets[0], fields)
    expect(layoutSignature(table)).toBe(layoutSignature(plain))
  })

  it('reads an HTML table saved as .xls (web-system exports) and an .ods', async () => {
    const html = join(dir, 'web-export.xls')
    writeFileSync(html, htmlTable(ledgerRows()))
    const book = await readWorkbook(html)
    expect(book.format).toBe('xls')
    expectLedger(book)
    const ods = htmlToSpreadsheets(dir, 'ledger-ods', htmlTable(ledgerRows()), ['ods']).ods
    expectLedger(await readWorkbook(ods))
  })

  it('gives a 乡镇 merged down over its villages (rowspan) to each data row', async () => {
    const html = htmlTable([
      ['资产名称', '乡镇', '村', '资产原值'],
      ['道路', { v: '林东镇', rowspan: 3 }, '福山地村', 1],
      ['水井', '南沙布台嘎查', 2],
      ['林东镇小计', null, 3],
      ['光伏', '隆昌镇', '隆昌村', 4],
    ])
    const { xlsx } = htmlToSpreadsheets(dir, 'rowspan', html, ['xlsx'])
    for (const streamAbove of [undefined, 0]) {
      const table = locateTable((await readWorkbook(xlsx, { streamAbove })).sheets[0], fields)
      expect(table.rows.map((r) => [r.cells[0], r.cells[1]])).toEqual([
        ['道路', '林东镇'],
        ['水井', '林东镇'],
        ['光伏', '隆昌镇'],
      ])
      expect(table.skipped).toEqual([{ rowNumber: 4, reason: '小计行' }])
    }
  })

  it('sniffs by content: the .xls renamed .xlsx and the .xlsx renamed .csv still read', async () => {
    const a = join(dir, 'really-xls.xlsx')
    const b = join(dir, 'really-xlsx.csv')
    writeFileSync(a, (await import('node:fs')).readFileSync(made.xls))
    writeFileSync(b, (await import('node:fs')).readFileSync(made.xlsx))
    expect((await readWorkbook(a)).format).toBe('xls')
    expect((await readWorkbook(b)).format).toBe('xlsx')
  })

  it('refuses a truncated .xlsx and .xls with a clear message', async () => {
    for (const src of [made.xlsx, made.xls]) {
      const p = truncatedCopy(src, dir, 0.6)
      await expect(readWorkbook(p)).rejects.toMatchObject({ code: 'FILE_CORRUPT', message: expect.stringContaining('不完整或已损坏') })
    }
  })
})

/** A package written by hand, part by part (the XML that real writers produce, odd corners included). */
async function zipParts(path: string, parts: Record<string, string>): Promise<string> {
  const XLSX = await import('xlsx')
  const zip = XLSX.CFB.utils.cfb_new()
  for (const [name, text] of Object.entries(parts)) XLSX.CFB.utils.cfb_add(zip, `/${name}`, Buffer.from(text))
  writeFileSync(path, XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }) as Buffer)
  return path
}

describe('CSV files', () => {
  const rows: (string | number | null)[][] = [
    ['巴林左旗脱贫户花名册'],
    ['户主姓名', '身份证号', '乡镇', '村', '人口数', '备注'],
    ['张三', '150422199001011237', '林东镇', '福山地村', '3', '带,逗号与"引号"'],
    ['李四', '15042219900101123x', '林东', '福山地', '2', '多行\n备注'],
  ]
  const hhFields: FieldSpec[] = [
    { key: 'name', label: '户主姓名', synonyms: ['户主'], type: 'text', required: true },
    { key: 'id', label: '身份证号', synonyms: ['证件号码'], type: 'idCard', required: true },
    { key: 'town', label: '乡镇', synonyms: [], type: 'region' },
    { key: 'size', label: '人口数', synonyms: ['家庭人口'], type: 'integer' },
  ]

  it.each(['gb18030', 'utf-8-bom', 'utf-8'] as const)('reads %s, every value kept as text (ID digits intact)', async (enc) => {
    const p = writeCsv(join(dir, `hh-${enc}.csv`), rows, enc)
    const book = await readWorkbook(p)
    expect(book.format).toBe('csv')
    expect(book.encoding).toBe(enc === 'gb18030' ? 'gb18030' : 'utf-8')
    expect(book.sheets[0].rows).toEqual(rows.map((r) => r.map((v) => (v === null ? null : String(v)))))
    const table = locateTable(book.sheets[0], hhFields)
    expect(table.headerRows).toEqual([2])
    expect(table.rows).toHaveLength(2)
    expect(suggestMapping(table, hhFields)).toEqual({ name: 0, id: 1, town: 2, size: 4 })
  })

  it('reads a tab-separated UTF-16 text file (Excel "Unicode 文本")', async () => {
    const p = join(dir, 'unicode.txt')
    writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('户主姓名\t身份证号\r\n张三\t150422199001011237\r\n', 'utf16le')]))
    const book = await readWorkbook(p)
    expect(book.sheets[0].rows).toEqual([
      ['户主姓名', '身份证号'],
      ['张三', '150422199001011237'],
    ])
  })
})

describe('hostile and broken files', () => {
  it('refuses a PDF, a JPG and a zip of other things renamed .xlsx', async () => {
    await expect(readWorkbook(renamedPdf(dir))).rejects.toMatchObject({ code: 'NOT_SPREADSHEET', message: expect.stringContaining('PDF') })
    await expect(readWorkbook(renamedJpg(dir))).rejects.toMatchObject({ code: 'NOT_SPREADSHEET', message: expect.stringContaining('JPG') })
    await expect(readWorkbook(renamedZip(dir))).rejects.toMatchObject({ code: 'NOT_SPREADSHEET', message: expect.stringContaining('压缩包') })
  })

  it('names Word files for what they are and refuses files over the size limit before reading them', async () => {
    const XLSX = await import('xlsx')
    const docx = XLSX.CFB.utils.cfb_new()
    XLSX.CFB.utils.cfb_add(docx, '/word/document.xml', Buffer.from('<w:document/>'))
    XLSX.CFB.utils.cfb_add(docx, '/[Content_Types].xml', Buffer.from('<Types/>'))
    const a = join(dir, '报告.xlsx')
    writeFileSync(a, XLSX.CFB.write(docx, { type: 'buffer', fileType: 'zip' }) as Buffer)
    await expect(readWorkbook(a)).rejects.toMatchObject({ code: 'NOT_SPREADSHEET', message: expect.stringContaining('Word') })
    const doc = XLSX.CFB.utils.cfb_new()
    XLSX.CFB.utils.cfb_add(doc, '/WordDocument', Buffer.alloc(600, 1))
    const b = join(dir, '报告.xls')
    writeFileSync(b, XLSX.CFB.write(doc, { type: 'buffer', fileType: 'cfb' }) as Buffer)
    await expect(readWorkbook(b)).rejects.toMatchObject({ code: 'NOT_SPREADSHEET', message: expect.stringContaining('Word') })

    const big = join(dir, 'huge.xlsx')
    writeFileSync(big, Buffer.from([0x50, 0x4b, 0x03, 0x04]))
    truncateSync(big, MAX_BYTES.xlsx + 1) // sparse: nothing is really written
    await expect(readWorkbook(big)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('拆分') })
    const bigCsv = join(dir, 'huge.csv')
    writeFileSync(bigCsv, 'a,b\n')
    truncateSync(bigCsv, MAX_BYTES.text + 1)
    await expect(readWorkbook(bigCsv)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' })
  })

  it('refuses an empty file, a missing file and a workbook with no data', async () => {
    await expect(readWorkbook(emptyFile(dir))).rejects.toMatchObject({ code: 'FILE_EMPTY' })
    await expect(readWorkbook(join(dir, 'nope.xlsx'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' })
    const p = await writeXlsx(join(dir, 'zero-rows.xlsx'), [])
    await expect(readWorkbook(p)).rejects.toMatchObject({ code: 'FILE_EMPTY', message: expect.stringContaining('没有任何数据') })
  })

  it('refuses an encrypted .xlsx, asking to remove the password', async () => {
    const err = await readWorkbook(encryptedXlsx(dir)).catch((e) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err.code).toBe('FILE_ENCRYPTED')
    expect(err.message).toContain('请先在 Excel/WPS 中取消密码')
  })

  it('keeps __proto__ headers, 32,767-character cells, formula text and #REF! as plain data', async () => {
    const long = '长'.repeat(32_767)
    const p = await writeXlsx(join(dir, 'hostile.xlsx'), [
      ['__proto__', 'constructor', '资产名称', '资产原值'],
      ['x', 'y', long, 1],
      ['=cmd|\'/C calc\'!A0', '+1+1', '@SUM(A1)', '-2'],
    ])
    // A real error cell and a formula cell with a cached value, written with SheetJS.
    const XLSX = await import('xlsx')
    const ws = XLSX.utils.aoa_to_sheet([['资产名称', '资产原值'], ['a', 1]])
    ws.B2 = { t: 'e', v: 0x17, w: '#REF!' }
    ws.A3 = { t: 'n', v: 3, f: 'A1+1' }
    ws['!ref'] = 'A1:B3'
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, ws, 'S')
    const q = join(dir, 'errors.xlsx')
    writeFileSync(q, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }))

    for (const streamAbove of [undefined, 0]) {
      const book = await readWorkbook(p, { streamAbove })
      const rows = book.sheets[0].rows
      expect(rows[0][0]).toBe('__proto__')
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect((rows[1][2] as string).length).toBe(32_767)
      expect(rows[2]).toEqual(["=cmd|'/C calc'!A0", '+1+1', '@SUM(A1)', '-2'])
      const table = locateTable(book.sheets[0], fields)
      expect(table.columns[0].headerPath).toEqual(['__proto__'])
      const mapping = suggestMapping(table, [...fields, { key: '__proto__', label: 'constructor', synonyms: [], type: 'text' }])
      expect(Object.getPrototypeOf(mapping)).toBe(Object.prototype)
      expect(mapping.name).toBe(2)

      const errors = await readWorkbook(q, { streamAbove })
      expect(errors.sheets[0].rows[1][1]).toBe('#REF!')
      expect(errors.sheets[0].rows[2][0]).toBe(3)
      expect(parseCellMoney(errors.sheets[0].rows[1][1], '元').error).toContain('#REF!')
    }
  })

  it('streams a larger shared-string .xlsx to exactly what SheetJS reads (no split characters, dates, merges)', async () => {
    const towns = ['林东镇', '隆昌镇', '查干哈达苏木', '十三敖包镇']
    const rows = function* () {
      yield ['巴林左旗脱贫户家庭资产花名册']
      yield ['户主姓名', '身份证号', '乡镇', '资产名称', '资产原值', '到户时间']
      for (let i = 0; i < 20_000; i++) {
        yield [`户主${i}号张三丰`, `1504221990${String(i).padStart(8, '0')}`, towns[i % 4], `肉牛${i}头，“基础母牛”＆犊牛`, i / 100, new Date(Date.UTC(2021, i % 12, 1 + (i % 28)))]
      }
    }
    const p = await writeXlsx(join(dir, 'larger.xlsx'), rows(), { merges: ['A1:F1'], dateColumns: [5] })
    const t0 = performance.now()
    const progress: number[] = []
    const streamed = await readWorkbook(p, { streamAbove: 0, onProgress: (f) => progress.push(f) })
    const t1 = performance.now()
    const whole = await readWorkbook(p)
    const t2 = performance.now()
    console.log(`20k lines: streamed ${(t1 - t0).toFixed(0)} ms, SheetJS ${(t2 - t1).toFixed(0)} ms`)
    expect(streamed.sheets[0].rows).toEqual(whole.sheets[0].rows)
    expect(streamed.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }])
    expect(streamed.sheets[0].rows[20_001]).toEqual(['户主19999号张三丰', '150422199000019999', '十三敖包镇', '肉牛19999头，“基础母牛”＆犊牛', 199.99, new Date(Date.UTC(2021, 7, 8))])
    expect(JSON.stringify(streamed.sheets[0].rows)).not.toContain('\uFFFD')
    expect(progress.length).toBeGreaterThan(10)
    expect(progress.at(-1)).toBe(1)
    expect(progress.every((f, i) => i === 0 || f > progress[i - 1])).toBe(true)
  })

  it('streams hand-written SpreadsheetML: rich text, phonetic runs, inline strings, prefixes, ISO dates, 1904 dates, entities', async () => {
    const parts: Record<string, string> = {}
    const add = (name: string, text: string) => void (parts[name] = text)
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    add('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    add('xl/workbook.xml', `<x:workbook ${ns}><x:workbookPr date1904="1"/><x:sheets><x:sheet name="台账&amp;明细" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>`)
    add('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    add('xl/strings.xml', `<x:sst ${ns}><x:si><x:r><x:t>资产</x:t></x:r><x:r><x:rPr/><x:t xml:space="preserve">名称 </x:t></x:r><x:rPh><x:t>ふりがな</x:t></x:rPh></x:si><x:si/><x:si><x:t>&lt;a&gt; &amp; &#x4E2D;&#25991;</x:t></x:si></x:sst>`)
    add('xl/styles.xml', `<x:styleSheet ${ns}><x:numFmts><x:numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></x:numFmts><x:cellStyleXfs><x:xf numFmtId="14"/></x:cellStyleXfs><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="170"/><x:xf numFmtId="4"/></x:cellXfs></x:styleSheet>`)
    add(
      'xl/worksheets/data.xml',
      `<x:worksheet ${ns}><x:sheetData>` +
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="s"><x:v>1</x:v></x:c></x:row>' +
        '<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c><x:c r="B3" s="1"><x:v>42943</x:v></x:c><x:c r="C3" s="2"><x:v>1234.5</x:v></x:c><x:c r="D3" t="d"><x:v>2021-07-28T00:00:00</x:v></x:c><x:c r="E3" t="b"><x:v>1</x:v></x:c><x:c r="F3" t="e"><x:v>#N/A</x:v></x:c><x:c r="G3"><x:f>SUM(A1)</x:f></x:c><x:c r="H3" t="str"><x:f>A1</x:f><x:v>资产名称</x:v></x:c></x:row>' +
        '<x:row r="4"/>' +
        '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>',
    )
    const p = await zipParts(join(dir, 'hand.xlsx'), parts)
    const book = await readWorkbook(p, { streamAbove: 0 })
    expect(book.sheets.map((s) => s.name)).toEqual(['台账&明细'])
    expect(book.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }])
    expect(book.sheets[0].rows).toEqual([
      ['资产名称 ', null, '<a> & 中文'],
      [],
      ['内联', new Date(Date.UTC(2021, 6, 28)), 1234.5, new Date(Date.UTC(2021, 6, 28)), true, '#N/A', '=SUM(A1)', '资产名称'],
    ])
  })

  it('streams plain cells in place and odd ones as before: no r, single quotes, spaces, t="n", cached formula values, empty <v>', async () => {
    const parts: Record<string, string> = {}
    const add = (name: string, text: string) => void (parts[name] = text)
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    add('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    add('xl/workbook.xml', `<workbook ${ns}><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>`)
    add('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    add('xl/sharedStrings.xml', `<sst ${ns}><si><t>张三</t></si><si><t>基础母牛</t></si><si><t></t></si></sst>`)
    add('xl/styles.xml', `<styleSheet ${ns}><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`)
    add(
      'xl/worksheets/sheet1.xml',
      `<worksheet ${ns}><dimension ref="A1:F2"/><sheetData>` +
        "<row r='1' spans='1:6'><c t='s'><v>0</v></c><c r = \"C1\"  t = \"s\" ><v>1</v></c><c t=\"s\"><v>2</v></c><c s=\"1\" t=\"n\"><v>44405</v></c><c r=\"F1\"><v>1.5E3</v></c></row>" +
        '<row><c r="A2" s="0"><f>B2*2</f><v>16000</v></c><c r="B2"><v></v></c><c r="C2" t="s"><f>X</f><v>1</v></c><c r="D2"/><c r="E2" t="n"><v>abc</v></c><c r="F2" s="1"><v>44405.5</v></c></row>' +
        '</sheetData></worksheet>',
    )
    const p = await zipParts(join(dir, 'plain.xlsx'), parts)
    const book = await readWorkbook(p, { streamAbove: 0 })
    expect(book.sheets[0].rows).toEqual([
      ['张三', null, '基础母牛', null, new Date(Date.UTC(2021, 6, 28)), 1500],
      [16000, null, '基础母牛', null, null, new Date(Date.UTC(2021, 6, 28, 12))],
    ])
  })

  it('reads at most maxRows rows', async () => {
    const p = await writeXlsx(join(dir, 'many.xlsx'), Array.from({ length: 50 }, (_, i) => [`r${i}`, i]))
    for (const streamAbove of [undefined, 0]) {
      const book = await readWorkbook(p, { maxRows: 10, streamAbove })
      expect(book.sheets[0].rows).toHaveLength(10)
    }
  })
})
