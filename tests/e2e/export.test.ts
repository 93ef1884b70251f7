/**
 * Export through the UI over the test bridge: the 报表 view exports R1 as a download, which is opened
 * here with exceljs (merged headers, borders, totals against the data); a filtered ledger exports
 * exactly its rows.
 */
import ExcelJS from 'exceljs'
import type { Download } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, pickOption, reopenHome, type AppUnderTest } from './support'

let app: AppUnderTest

beforeAll(async () => {
  app = await openApp('export')
  const loaded = await app.api<{ publicAssets: number }>('demo.load', { scale: 'default' })
  expect(loaded.ok).toBe(true)
  // The page opened on the first-run screen: load it again now that the county exists.
  await reopenHome(app)
}, 240_000)
afterAll(async () => {
  await app?.close()
})

async function downloaded(download: Download) {
  const path = await download.path()
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  return { book, name: download.suggestedFilename() }
}

const thin = (cell: ExcelJS.Cell) => (['top', 'left', 'bottom', 'right'] as const).every((s) => cell.border?.[s]?.style === 'thin')

describe('export through the UI', () => {
  it('exports R1 from the 报表 view; the file has merged headers, borders and the data’s totals', async () => {
    const { page } = app
    await page.locator('.el-menu-item', { hasText: '上报报表' }).click()
    await page.getByTestId('report-list').waitFor()
    await page.getByTestId('report-R1').click()
    await page.locator('[data-testid=report-unit] label', { hasText: '万元' }).click()
    await app.shot('export-reports-view')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()])
    const { book, name } = await downloaded(download)
    expect(name).toMatch(/^巴林左旗资产统计表（按类别、按乡镇）_\d{8}\.xlsx$/)
    const sheet = book.worksheets[0]
    expect(String(sheet.getCell('A1').value)).toBe('巴林左旗帮扶项目资产统计表（按类别、按乡镇）')
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:M1', 'A3:A4', 'D3:E3', 'F3:G3', 'H3:I3', 'J3:K3', 'L3:M3']))
    expect(sheet.getCell('D3').value).toBe('经营性资产')
    expect(sheet.getCell('E4').value).toBe('金额（万元）')
    // Totals: the 合计 row against the county's own figures (the overview channel), to the 分.
    const ov = await app.api<{ byClass: { class: string; count: number; originalValueFen: number }[] }>('assets.overview', {})
    const all = ov.data!.byClass.reduce((s, c) => ({ n: s.n + c.count, fen: s.fen + c.originalValueFen }), { n: 0, fen: 0 })
    expect(sheet.getCell('A5').value).toBe('合计')
    expect(sheet.getCell('B5').value).toBe(all.n)
    expect(sheet.getCell('C5').value).toBe(all.fen / 1_000_000)
    expect(sheet.getCell('C5').numFmt).toBe('#,##0.0000')
    const op = ov.data!.byClass.find((c) => c.class === '经营类')!
    expect(sheet.getCell('D5').value).toBe(op.count)
    expect(sheet.getCell('E5').value).toBe(op.originalValueFen / 1_000_000)
    // Every cell of the table is bordered: header block, total, town rows and the 旗直 row.
    let last = 5
    while (sheet.getCell(last + 1, 1).value) last++
    expect(sheet.getCell(last, 1).value).toBe('旗直')
    for (let r = 3; r <= last; r++) for (let c = 1; c <= 13; c++) expect(thin(sheet.getCell(r, c)), `${r},${c}`).toBe(true)
    // The sum of the town rows (and 旗直) equals the 合计 row.
    let towns = 0
    for (let r = 6; r <= last; r++) towns += Number(sheet.getCell(r, 2).value)
    expect(towns).toBe(all.n)
    await page.locator('.el-message--success').waitFor()
    await app.shot('export-reports-done')
  }, 120_000)

  it('a filtered ledger exports exactly its rows (the total the ledger shows)', async () => {
    const { page } = app
    await page.locator('.el-menu-item', { hasText: '公益类资产' }).click()
    await page.getByTestId('ledger-table').waitFor()
    await pickOption(page, 'filter-town', '林东镇')
    await pickOption(page, 'filter-year', '2019年')
    await page.waitForFunction(() => document.querySelector('[data-testid=ledger-totals]')?.textContent?.includes('项'))
    await page.waitForTimeout(300)
    const totalsText = (await page.getByTestId('ledger-totals').textContent()) ?? ''
    const shown = Number(/共\s*([\d,]+)\s*项/.exec(totalsText)![1].replace(/,/g, ''))
    expect(shown).toBeGreaterThan(0)
    await app.shot('export-ledger-filtered')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-export').click()])
    const { book } = await downloaded(download)
    const sheet = book.worksheets[0]
    expect(String(sheet.getCell('A1').value)).toBe('巴林左旗公益类资产台账')
    expect(String(sheet.getCell('A2').value)).toContain('乡镇：林东镇')
    expect(String(sheet.getCell('A2').value)).toContain('年度：2019')
    // Data rows: from row 4 to the row before 合计; 序号 runs 1…n.
    let r = 4
    while (sheet.getCell(r, 2).value !== '合计') r++
    const rows = r - 4
    expect(rows).toBe(shown)
    expect(sheet.getCell(r - 1, 1).value).toBe(shown)
    // The page view's sum, to the 分 (the ledger shows 原值合计 in its unit).
    const api = await app.api<{ count: number; originalValueFen: number }>('assets.totals', { class: '公益类', townCode: '150422100000', fundYear: 2019 })
    expect(api.data!.count).toBe(shown)
    const valueCol = (sheet.getRow(3).values as unknown[]).findIndex((v) => typeof v === 'string' && v.startsWith('原值'))
    expect(sheet.getCell(r, valueCol).value).toBeCloseTo(api.data!.originalValueFen / (String(sheet.getCell(3, valueCol).value).includes('万元') ? 1_000_000 : 100), 9)
  }, 120_000)

  it('the roster, the household list and the problem list export from their views', async () => {
    const { page } = app
    await page.locator('.el-menu-item', { hasText: '到户资产花名册' }).click()
    await page.getByTestId('line-table').waitFor()
    await pickOption(page, 'lines-town', '林东镇')
    await pickOption(page, 'lines-year', '2020年')
    await page.waitForTimeout(500)
    const count = Number(/共\s*(\d+)\s*条/.exec((await page.getByTestId('line-totals').textContent()) ?? '')![1])
    await app.shot('export-lines-view')
    const [lines] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lines-export').click()])
    const roster = (await downloaded(lines)).book.worksheets[0]
    expect(roster.getCell(3, 2).value).toBe('户主')
    let r = 4
    while (roster.getCell(r, 2).value !== '合计') r++
    expect(r - 4).toBe(count)

    await page.locator('.el-menu-item', { hasText: '问题清单' }).click()
    await page.getByTestId('problem-table').waitFor()
    await app.shot('export-problems-view')
    const [problems] = await Promise.all([page.waitForEvent('download'), page.getByTestId('problems-export').click()])
    expect((await downloaded(problems)).name).toMatch(/问题清单/)

    await page.locator('.el-menu-item', { hasText: '农户登记' }).click()
    await page.getByTestId('household-table').waitFor()
    await app.shot('export-households-view')
    const [households] = await Promise.all([page.waitForEvent('download'), page.getByTestId('households-export').click()])
    expect((await downloaded(households)).book.worksheets[0].getCell(3, 2).value).toBe('户主')
  }, 120_000)
})
