/**
 * Importing a 资金拨付/支出明细 through the UI over the test bridge (issue 5): the kind is listed with
 * its title, the preview counts valid / warning / error rows with the money rules' Chinese reasons
 * (拨付 beyond the allocation on the right row), and the commit writes the clean rows to the 分.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeXlsx } from '../support/spreadsheets'
import { projectInput } from '../integration/projects-support'
import { openApp, setupBaarinLeft, reopenHome, type AppUnderTest } from './support'

let app: AppUnderTest
const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-import-funds-'))

beforeAll(async () => {
  app = await openApp('import-funds')
  await setupBaarinLeft(app.page)
  await reopenHome(app)
}, 120_000)
afterAll(async () => {
  await app?.close()
})

const countOf = async (testId: string) => Number((await app.page.getByTestId(testId).locator('.n').innerText()).replace(/,/g, ''))

describe('fund payments import through the UI', () => {
  it('previews a 拨付/支出 file with its counts and reasons, then commits the clean rows', async () => {
    const { page } = app
    const project = await app.api<{ id: number; code: string }>('projects.create', projectInput())
    expect(project.ok, project.message).toBe(true)
    const doc = await app.api<{ id: number }>('fundDocs.create', { docNo: '内财农〔2024〕1号', docDate: '2024-01-15', fundYear: 2024, level: '中央', fundType: 'XJ', amountFen: 100_000_000 })
    expect(doc.ok, doc.message).toBe(true)
    const alloc = await app.api('funds.allocate', { fundDocId: doc.data!.id, projectId: project.data!.id, amountFen: 50_000_000, allocDate: '2024-03-05', acceptWarnings: true })
    expect(alloc.ok, alloc.message).toBe(true)
    const code = project.data!.code

    const file = await writeXlsx(join(dir, '拨付支出明细.xlsx'), [
      ['巴林左旗2024年衔接资金拨付及支出明细表', null, null, null, null, null, null, null],
      ['类型', '项目编号', '资金文号', '日期', '金额（元）', '收款单位', '凭证号', '备注'],
      ['拨款', code, '内财农〔2024〕1号', '2024-04-01', 300_000.5, '林东镇人民政府', '记-001', ''],
      ['拨付', code, '内财农〔2024〕1号', '2024-05-01', 250_000, '林东镇人民政府', '记-002', ''],
      ['报账', code, '内财农〔2024〕1号', '2024-06-01', 400_000, '赤峰某建筑公司', '凭-101', ''],
      ['拨付', '2024150422CY9999', '', '2024-06-03', 1_000, '', '记-003', ''],
    ], { merges: ['A1:H1'] })

    await page.locator('.el-menu-item', { hasText: '数据导入' }).click()
    await page.getByTestId('import-view').waitFor()
    const kindButton = page.getByTestId('import-kind-fundPayments')
    expect(await kindButton.innerText()).toBe('资金拨付/支出明细')
    expect(await page.getByTestId('import-kind-fundDocs').innerText()).toBe('资金文件（指标文件）')
    expect(await page.getByTestId('import-kind-fundAllocations').innerText()).toBe('资金分配到项目')
    // the kinds fit on one line of a 1440 px window
    const tops = await page.getByTestId('import-kind').locator('.el-radio-button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top))
    expect(new Set(tops).size).toBe(1)
    await kindButton.click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByTestId('import-pick').click()
    await (await chooser).setFiles(file)
    await expect.poll(() => page.getByTestId('import-file').innerText(), { timeout: 30_000 }).toContain(basename(file))
    await page.getByTestId('import-counts').waitFor({ timeout: 60_000 })
    expect(await countOf('import-count-valid')).toBe(1)
    expect(await countOf('import-count-warning')).toBe(1)
    expect(await countOf('import-count-error')).toBe(2)
    const rows = page.getByTestId('import-rows')
    await expect.poll(() => rows.innerText()).toContain('文件 内财农〔2024〕1号 向本项目分配 500,000.00 元，已拨付 300,000.50 元，本次将超出 50,000.50 元')
    const text = await rows.innerText()
    expect(text).toContain('项目已拨付 300,000.50 元、已支出 0.00 元，本次支出 400,000.00 元 将超出已拨付资金')
    expect(text).toContain('项目库中没有编号为“2024150422CY9999”的项目')
    await app.shot('import-funds-preview')

    await page.getByTestId('import-accept-warnings').click()
    await page.getByTestId('import-commit').click()
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('import-done').innerText()).toContain('已导入 2 条拨付/支出记录')
    await page.waitForTimeout(400)
    await app.shot('import-funds-done')
    const entries = await app.api<{ rows: { kind: string; amountFen: number; voucherNo: string }[] }>('funds.entries', { projectId: project.data!.id, page: 1, pageSize: 50 })
    expect(entries.data!.rows.map((r) => [r.kind, r.amountFen, r.voucherNo]).sort()).toEqual([
      ['拨付', 30_000_050, '记-001'],
      ['支出', 40_000_000, '凭-101'],
    ])
  })
})
