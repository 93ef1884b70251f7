/**
 * Import through the UI over the test bridge (issue 5): a two-level-header 万元 ledger with 小计/合计
 * rows made by LibreOffice (.xlsx), a GBK CSV of households (as WPS writes it), and a 花名册 of
 * household lines as .xls made by LibreOffice; each previewed with its row errors, committed, and
 * checked in the ledgers to the 分. The error rows download as an xlsx with 错误原因.
 */
import ExcelJS from 'exceljs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countyLedger, householdCsvRows, idOf, nameOf, projectTable } from '../support/import-fixtures'
import { hasLibreOffice, htmlTable, htmlToSpreadsheets, libreOfficeConvert, writeCsv, writeXlsx } from '../support/spreadsheets'
import { openApp, setupBaarinLeft, reopenHome, type AppUnderTest } from './support'

let app: AppUnderTest
const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-import-files-'))

beforeAll(async () => {
  app = await openApp('import')
  await setupBaarinLeft(app.page)
  await reopenHome(app)
}, 120_000)
afterAll(async () => {
  await app?.close()
})

async function pick(path: string) {
  const { page } = app
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('import-pick').click()
  await (await chooser).setFiles(path)
  await expect.poll(() => page.getByTestId('import-file').innerText(), { timeout: 30_000 }).toContain(basename(path))
  await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 60_000 })
  await page.getByTestId('import-counts').waitFor({ timeout: 60_000 })
}

const countOf = async (testId: string) => Number((await app.page.getByTestId(testId).locator('.n').innerText()).replace(/,/g, ''))

describe.skipIf(!hasLibreOffice())('import through the UI', () => {
  it('imports a LibreOffice-made 万元 ledger with a two-level header and 合计 rows; the ledger shows exact amounts', async () => {
    const { page } = app
    const { xlsx } = htmlToSpreadsheets(dir, '公益类资产登记表', htmlTable(countyLedger('公益类')), ['xlsx'])
    await page.locator('.el-menu-item', { hasText: '数据导入' }).click()
    await page.getByTestId('import-view').waitFor()
    await page.getByTestId('import-kind-assets.public').click()
    await pick(xlsx)
    expect(await countOf('import-count-valid')).toBe(3)
    expect(await countOf('import-count-error')).toBe(1)
    const rowsTable = page.getByTestId('import-rows')
    await expect.poll(() => rowsTable.innerText()).toContain('隆昌镇没有名为“没有这个村”的村（嘎查）')
    expect(await rowsTable.innerText()).toContain('12')
    await app.shot('import-ledger-preview')
    await page.locator('.el-tabs__item', { hasText: '跳过的行' }).click()
    await expect.poll(() => page.getByTestId('import-skipped').innerText()).toContain('合计行')
    expect(await page.getByTestId('import-skipped').innerText()).toContain('分类标题行')
    await app.shot('import-ledger-skipped')
    await page.locator('.el-tabs__item', { hasText: '列对应' }).click()
    await app.shot('import-ledger-mapping')

    await page.getByTestId('import-commit').click()
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('import-done').innerText()).toContain('已导入 3 项资产')
    await page.waitForTimeout(400) // the kind buttons fade back from their disabled look
    await app.shot('import-ledger-done')

    await page.getByTestId('import-open-ledger').click()
    await page.waitForURL(/ledger\/public/)
    const list = await app.api<{ rows: { name: string; originalValueFen: number }[] }>('assets.list', { class: '公益类', sort: 'name' })
    expect(Object.fromEntries(list.data!.rows.map((r) => [r.name, r.originalValueFen]))).toEqual({
      福山地村道路: 12_345_600,
      南沙布台嘎查水井: 1_500_000,
      隆昌村设施: 30_862_614_700,
    })
    await expect.poll(() => page.locator('.el-table').first().innerText(), { timeout: 20_000 }).toContain('福山地村道路')
    const text = await page.locator('.el-table').first().innerText()
    expect(text).toMatch(/30,?862\.6147|308,626,147\.00/)
    expect(text).toMatch(/12\.3456|123,456\.00/)
    await app.shot('import-ledger-in-ledger')
  }, 180_000)

  it('imports a GBK CSV of households, with the bad rows shown and downloadable with 错误原因', async () => {
    const { page } = app
    const rows = householdCsvRows(6)
    rows.push(['重复户', idOf(2), 3, '脱贫户', '林东镇', '福山地村', '', ''])
    rows.push(['科学计数', '1.50422E+17', 3, '脱贫户', '林东镇', '福山地村', '', ''])
    const csv = writeCsv(join(dir, '农户名单.csv'), rows, 'gb18030')
    await page.locator('.el-menu-item', { hasText: '数据导入' }).click()
    await page.getByTestId('import-view').waitFor()
    await page.getByTestId('import-kind-households').click()
    await pick(csv)
    expect(await countOf('import-count-valid')).toBe(6)
    expect(await countOf('import-count-error')).toBe(2)
    const table = await page.getByTestId('import-rows').innerText()
    expect(table).toContain('与第 4 行的身份证号重复')
    expect(table).toContain('身份证号被 Excel 转成了数字')
    expect(await page.getByTestId('import-summary').innerText()).toContain('GBK/GB18030')
    await app.shot('import-households-preview')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-error-rows').click()])
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(await download.path())
    const ws = book.worksheets[0]
    expect(ws.getCell(1, 10).value).toBe('错误原因')
    expect(ws.getCell(2, 2).value).toBe(idOf(2))
    expect(String(ws.getCell(3, 10).value)).toContain('身份证号被 Excel 转成了数字')

    await page.getByTestId('import-commit').click()
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('import-done').innerText()).toContain('已导入 6 户')
  }, 120_000)

  it('imports household lines from a LibreOffice .xls (花名册), found by ID number', async () => {
    const { page } = app
    const head = ['户主姓名', '身份证号', '项目名称', '项目年度', '扶持内容', '资产类型', '单位', '数量', '补助标准（元）', '补助金额（元）', '资金来源', '发放方式', '发放日期']
    const rows: (string | number | null)[][] = [['2021年肉牛到户项目花名册', ...Array(12).fill(null)], head]
    for (let i = 0; i < 6; i++) rows.push([nameOf(i), idOf(i), '2021年肉牛到户项目', 2021, '基础母牛', '牲畜/生物资产', '头', 2, 8000.5, 16001, '衔接资金', '实物', '2021-07-28'])
    rows.push(['无此户', idOf(77), '2021年肉牛到户项目', 2021, '基础母牛', 'H01', '头', 1, 8000, 8000, 'XJ', '实物发放', '2021-07-28'])
    rows.push(['合计', null, null, null, null, null, null, 13, null, 104006, null, null, null])
    const source = await writeXlsx(join(dir, '花名册.xlsx'), rows, { merges: ['A1:M1'] })
    const [xls] = libreOfficeConvert([source], 'xls', join(dir, 'xls'))
    await page.locator('.el-menu-item', { hasText: '数据导入' }).click()
    await page.getByTestId('import-view').waitFor()
    await page.getByTestId('import-kind-householdLines').click()
    await pick(xls)
    await app.shot('import-lines-preview')
    expect(await countOf('import-count-valid')).toBe(6)
    expect(await countOf('import-count-error')).toBe(1)
    expect(await page.getByTestId('import-rows').innerText()).toContain('请先在“农户登记”中登记或导入该户')
    await page.getByTestId('import-commit').click()
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 })
    await page.getByTestId('import-open-ledger').click()
    await page.waitForURL(/household-lines/)
    await expect.poll(() => page.locator('.el-table').first().innerText(), { timeout: 20_000 }).toContain('基础母牛')
    const totals = await app.api<{ count: number; originalValueFen: number }>('householdLines.totals', {})
    expect(totals.data).toMatchObject({ count: 6, originalValueFen: 6 * 1_600_100 })
    await app.shot('import-lines-in-roster')
  }, 120_000)

  it('imports a 项目库 table from a LibreOffice .xls (two-level 万元 header); the 项目库 lists it', async () => {
    const { page } = app
    const { xls } = htmlToSpreadsheets(dir, '项目库', htmlTable(projectTable()), ['xls'])
    await page.locator('.el-menu-item', { hasText: '数据导入' }).click()
    await page.getByTestId('import-view').waitFor()
    await page.getByTestId('import-kind-projects').click()
    await pick(xls)
    expect(await countOf('import-count-error')).toBe(1)
    expect(await page.getByTestId('import-rows').innerText()).toContain('“旅游类”不是可选的项目类型')
    await app.shot('import-projects-preview')
    const valid = (await countOf('import-count-valid')) + (await countOf('import-count-warning'))
    expect(valid).toBe(2)
    if (await countOf('import-count-warning')) await page.getByTestId('import-accept-warnings').click()
    await page.getByTestId('import-commit').click()
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('import-done').innerText()).toContain('已导入 2 个项目')
    const list = await app.api<{ rows: { name: string; totalInvestmentFen: number }[] }>('projects.list', { sort: 'code' })
    expect(Object.fromEntries(list.data!.rows.map((r) => [r.name, r.totalInvestmentFen]))).toEqual({
      '2026年林东镇福山地村肉牛养殖暖棚建设项目': 123_456_780,
      '2026年隆昌镇隆昌村道路硬化项目': 50_000_000,
    })
    await page.getByTestId('import-open-ledger').click()
    await page.waitForURL(/projects/)
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain('肉牛养殖暖棚')
    await app.shot('import-projects-in-library')
  }, 120_000)
})
