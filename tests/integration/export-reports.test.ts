import type ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { validateInput } from '../../src-main/api/validate'
import { allLayouts, headerDepth, leafColumns } from '../../src-main/io/export/layout'
import { allReports } from '../../src-main/io/export/reports/index'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { exportBlankReport, exportReport, listReports } from '../../src-main/io/export/service'
import { autoCleanup, LINDONG, setUpHost } from '../support/temp'
import { hasSoffice } from '../support/spreadsheets'
import { findRow, handSet, insertAssets, libreOfficeCsv, openOutbox, rowValues } from './export-support'

autoCleanup()

const thinAll = (cell: ExcelJS.Cell) => (['top', 'left', 'bottom', 'right'] as const).every((side) => cell.border?.[side]?.style === 'thin')

describe('R1: asset statistics by class and 乡镇 on a hand-built county', () => {
  it('matches the hand-computed counts and integer-分 sums, in 元 and 万元', async () => {
    const host = await setUpHost()
    insertAssets(host.db, handSet)
    const file = await exportReport(host.ctx, { report: 'R1', unit: '元' })
    expect(file.fileName).toMatch(/^巴林左旗资产统计表（按类别、按乡镇）_\d{8}\.xlsx$/)
    const { book } = await openOutbox(host.ctx, file.fileId)
    const sheet = book.worksheets[0]
    expect(sheet.name).toBe('按类别按乡镇')

    // Title centred and merged over the table width (13 columns), unit row, two-level header.
    expect(sheet.getCell('A1').value).toBe('巴林左旗帮扶项目资产统计表（按类别、按乡镇）')
    expect(sheet.getCell('A1').alignment?.horizontal).toBe('center')
    expect(sheet.getCell('A1').font?.name).toBe('黑体')
    const merges = sheet.model.merges
    expect(merges).toEqual(expect.arrayContaining(['A1:M1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:G3', 'H3:I3', 'J3:K3', 'L3:M3']))
    expect(sheet.getCell('A2').value).toBe('填报单位（盖章）：巴林左旗农牧局')
    expect(String(sheet.getCell('H2').value)).toBe('单位：个、元')
    expect(rowValues(sheet, 3).slice(0, 5)).toEqual(['乡镇（苏木）', '资产总数（个）', '资产总额（元）', '经营性资产', '经营性资产'])
    expect(rowValues(sheet, 4).slice(3, 5)).toEqual(['个数', '金额（元）'])

    // 合计 on top, then the towns in their order, then 旗直.
    expect(sheet.getCell('A5').value).toBe('合计')
    expect(rowValues(sheet, 5)).toEqual(['合计', 5, 12_513_679.55, 1, 2_500_000.55, 3, 10_013_345.67, 1, 333.33, 4, 12_513_346.22, 3, 10_013_345.67])
    expect(rowValues(sheet, findRow(sheet, 1, '林东镇'))).toEqual(['林东镇', 3, 2_501_333.89, 1, 2_500_000.55, 1, 1_000.01, 1, 333.33, 2, 2_501_000.56, 1, 1_000.01])
    expect(rowValues(sheet, findRow(sheet, 1, '隆昌镇'))).toEqual(['隆昌镇', 1, 12_345.67, 0, 0, 1, 12_345.67, 0, 0, 1, 12_345.67, 1, 12_345.67])
    expect(rowValues(sheet, findRow(sheet, 1, '查干哈达苏木'))).toEqual(['查干哈达苏木', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(rowValues(sheet, findRow(sheet, 1, '旗直'))).toEqual(['旗直', 1, 9_999_999.99, 0, 0, 1, 9_999_999.99, 0, 0, 1, 9_999_999.99, 1, 9_999_999.99])
    expect(file.sheets[0].totals.totalFen).toBe(1_251_367_955)

    // Number formats, bold total, borders on every table cell (header and body), none on the title.
    expect(sheet.getCell('C5').numFmt).toBe('#,##0.00')
    expect(sheet.getCell('B5').numFmt).toBe('#,##0')
    expect(sheet.getCell('A5').font?.bold).toBe(true)
    const lastRow = findRow(sheet, 1, '旗直')
    for (let r = 3; r <= lastRow; r++) for (let c = 1; c <= 13; c++) expect(thinAll(sheet.getCell(r, c)), `border ${r},${c}`).toBe(true)
    expect(sheet.getCell('A1').border?.top).toBeUndefined()

    // Frozen header and first column; print setup A4 landscape fit to width, header rows repeated.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, xSplit: 1 })
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' })
    // Footer with the signature items under the table.
    const footer = rowValues(sheet, lastRow + 2).filter(Boolean)
    expect(footer.slice(0, 4)).toEqual(['单位负责人：', '审核人：', '填报人：', '联系电话：'])
    expect(String(footer[4])).toMatch(/^填报日期：\d{4}年\d+月\d+日$/)

    // 万元: 4 decimals shown, the value exact to the 分 (Σ of integer 分 ÷ 1,000,000).
    const wan = await exportReport(host.ctx, { report: 'R1', unit: '万元' })
    const w = (await openOutbox(host.ctx, wan.fileId)).book.worksheets[0]
    expect(w.getCell('C5').value).toBe(1_251_367_955 / 1_000_000)
    expect(w.getCell('C5').numFmt).toBe('#,##0.0000')
    expect(w.getCell('C3').value).toBe('资产总额（万元）')
  })

  it('limits to a fund year and a town, and says so in the title', async () => {
    const host = await setUpHost()
    insertAssets(host.db, handSet)
    const file = await exportReport(host.ctx, { report: 'R1', unit: '元', year: 2021, townCode: LINDONG })
    const sheet = (await openOutbox(host.ctx, file.fileId)).book.worksheets[0]
    expect(sheet.getCell('A1').value).toBe('巴林左旗林东镇2021年度帮扶项目资产统计表（按类别、按乡镇）')
    expect(rowValues(sheet, 5)).toEqual(['合计', 2, 1_333.34, 0, 0, 1, 1_000.01, 1, 333.33, 1, 1_000.01, 1, 1_000.01])
    expect(() => findRow(sheet, 1, '隆昌镇')).toThrow()
    expect(file.fileName).toMatch(/^巴林左旗林东镇2021年度/)
  })

  it('R1b splits the confirmed assets by level; R3 counts statuses with town subtotals', async () => {
    const host = await setUpHost()
    insertAssets(host.db, handSet)
    const r1b = (await openOutbox(host.ctx, (await exportReport(host.ctx, { report: 'R1b', unit: '元' })).fileId)).book.worksheets[0]
    // 合计: total 5; confirmed 4; 县 1 / 乡镇 1 / 村 2 / 户 0; unconfirmed 1.
    expect(rowValues(r1b, 5)).toEqual(['合计', 5, 12_513_679.55, 4, 12_513_346.22, 1, 9_999_999.99, 1, 12_345.67, 2, 2_501_000.56, 0, 0, 1, 333.33])
    const r3file = await exportReport(host.ctx, { report: 'R3', unit: '元' })
    const r3 = (await openOutbox(host.ctx, r3file.fileId)).book
    const status = r3.worksheets[0]
    // 合计 row: total 5, 正常 4, 闲置 1 (the operating asset).
    expect(rowValues(status, 5).slice(0, 8)).toEqual(['合计', undefined, 5, 12_513_679.55, 4, 10_013_679, 1, 2_500_000.55])
    const sub = findRow(status, 2, '小计')
    expect(status.getCell(sub, 3).value).toBe(3) // 林东镇's three assets
    expect(status.getCell(sub, 3).font?.bold).toBe(true)
    const idle = r3.worksheets[1]
    expect(idle.name).toBe('闲置低效资产')
    expect(r3file.sheets[1].rows).toBe(1)
  })

  it('R2 writes three sheets and R5 lists public assets with their custody columns', async () => {
    const host = await setUpHost()
    insertAssets(host.db, handSet)
    const r2 = await exportReport(host.ctx, { report: 'R2', unit: '元' })
    expect(r2.sheets.map((s) => [s.sheetName, s.rows])).toEqual([
      ['公益类资产', 3],
      ['经营类资产', 1],
      ['到户类资产', 0],
    ])
    const book = (await openOutbox(host.ctx, r2.fileId)).book
    const pub = book.worksheets[0]
    expect(pub.pageSetup.paperSize).toBe(8) // A3
    const total = findRow(pub, 2, '合计') // 合计 in the 资产编号 column (序号 first)
    const valueCol = (pub.getRow(4).values as unknown[]).indexOf('资产原值')
    expect(pub.getCell(total, valueCol).value).toBe(10_013_345.67)
    const r5 = await exportReport(host.ctx, { report: 'R5', unit: '元' })
    expect(r5.sheets[0].rows).toBe(3)
    const custody = (await openOutbox(host.ctx, r5.fileId)).book.worksheets[0]
    const problemsCol = (custody.getRow(3).values as unknown[]).indexOf('存在问题')
    expect(String(custody.getCell(4, problemsCol).value)).toContain('无管护主体')
  })

  // Needs LibreOffice itself (the file read back is made by this test run); CI does not install it.
  it.skipIf(!hasSoffice())('a file exceljs wrote is read by LibreOffice with the same figures', async () => {
    const host = await setUpHost()
    insertAssets(host.db, handSet)
    const file = await exportReport(host.ctx, { report: 'R1', unit: '元' })
    const { path } = await openOutbox(host.ctx, file.fileId)
    const csv = libreOfficeCsv(path)
    const lines = csv.split(/\r?\n/)
    expect(lines[0]).toContain('巴林左旗帮扶项目资产统计表（按类别、按乡镇）')
    // Formatted as shown: thousands separators and two decimals.
    expect(lines.find((l) => l.startsWith('合计'))).toBe('合计,5,"12,513,679.55",1,"2,500,000.55",3,"10,013,345.67",1,333.33,4,"12,513,346.22",3,"10,013,345.67"')
  }, 120_000)
})

describe('layouts are data: every registered report fits the one mechanism', () => {
  it('the later reports (R4, R11, R12, R13) — and every other report — build with an empty row set', async () => {
    const host = await setUpHost()
    const reports = allReports()
    for (const id of ['R4', 'R11', 'R12', 'R13']) expect(reports.find((r) => r.id === id)?.status).toBe('later')
    for (const r of reports) {
      const file = await exportBlankReport(host.ctx, { report: r.id, unit: '万元' })
      const book = (await openOutbox(host.ctx, file.fileId)).book
      expect(book.worksheets.map((w) => w.name)).toEqual(file.sheets.map((s) => s.sheetName))
      for (const sheet of book.worksheets) {
        expect(String(sheet.getCell('A1').value)).toContain('巴林左旗')
        expect(sheet.model.merges.length).toBeGreaterThan(1)
        expect(sheet.getCell(3, 1).border?.top?.style).toBe('thin')
      }
      expect(file.sheets.every((s) => s.rows === 0)).toBe(true)
      if (r.status === 'later') await expect(exportReport(host.ctx, { report: r.id, unit: '元' })).rejects.toThrow(/功能完成后/)
    }
  })

  it('every layout is plain data (JSON round trip) with a 1–3 level header', () => {
    for (const l of allLayouts()) {
      expect(JSON.parse(JSON.stringify(l))).toEqual(l)
      expect(headerDepth(l.header)).toBeLessThanOrEqual(3)
      expect(leafColumns(l.header).length).toBeGreaterThan(0)
    }
  })

  it('a county adds its own report as a JSON file over a program dataset; a faulty file is listed with its mistakes', async () => {
    const host = await setUpHost()
    insertAssets(host.db, handSet)
    const dir = join(host.ctx.paths.dataDir, 'report-layouts')
    mkdirSync(dir, { recursive: true })
    const own = {
      report: { id: '县-资产简表', name: '资产简表（本旗格式）', yearLabel: '资金年度', town: true },
      layouts: [
        {
          id: '县-资产简表',
          dataset: 'assets.byTown',
          title: '{县}{年度}资产简表',
          sheetName: '简表',
          unitRow: { left: '填报单位：{填报单位}', right: '单位：{单位}' },
          header: [
            { key: 'town', label: '苏木乡镇', format: 'text', width: 16 },
            { label: '全部资产', children: [{ key: 'totalCount', label: '个', format: 'integer' }, { key: 'totalFen', label: '{unit}', format: 'money' }] },
          ],
          total: { label: '总计', labelKey: 'town', position: 'bottom' },
          footer: ['填报人：'],
          print: { paper: 'A4', orientation: 'portrait', fitToWidth: true },
        },
      ],
    }
    writeFileSync(join(dir, 'own.json'), JSON.stringify(own))
    const bad = structuredClone(own)
    bad.report.id = 'R1'
    bad.layouts[0].id = '县-坏表'
    ;(bad.layouts[0].header[0] as { key: string }).key = 'nonexistent'
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad))
    const list = listReports(host.ctx)
    expect(list.find((r) => r.id === '县-资产简表')).toMatchObject({ status: 'ready', sheets: ['县-资产简表'] })
    const invalid = list.find((r) => r.id === 'bad.json')!
    expect(invalid.status).toBe('invalid')
    expect(invalid.note).toContain('与程序自带的报表重名')
    expect(invalid.note).toContain('nonexistent')
    const file = await exportReport(host.ctx, { report: '县-资产简表', unit: '元' })
    const sheet = (await openOutbox(host.ctx, file.fileId)).book.worksheets[0]
    expect(sheet.getCell('A1').value).toBe('巴林左旗资产简表')
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A3:A4', 'B3:C3']))
    const total = findRow(sheet, 1, '总计')
    expect(rowValues(sheet, total)).toEqual(['总计', 5, 12_513_679.55])
    expect(sheet.pageSetup.orientation).toBe('portrait')
  })

  it('the report channel validates its input', () => {
    expect(validateInput('exports.report', { report: 'R1', unit: '亿元' }).ok).toBe(false)
    expect(validateInput('exports.report', { report: 'R1', townCode: '1504' }).ok).toBe(false)
    const ok = validateInput('exports.report', { report: 'R1' })
    expect(ok.ok && ok.input).toMatchObject({ report: 'R1', unit: '万元' })
  })
})
