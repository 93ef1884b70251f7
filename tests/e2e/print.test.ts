/**
 * Printing through the UI over the test bridge (Chromium renders the PDF with page.pdf, as
 * Electron's printToPDF would): from the public ledger filtered to one 乡镇, preview and save a PDF;
 * from an asset, print its card (打印 saves the PDF: the bridge has no printers) and its 移交书.
 * The downloads are read back with pdftotext.
 */
import { execFileSync } from 'node:child_process'
import type { Download } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, pickOption, reopenHome, type AppUnderTest } from './support'

let app: AppUnderTest

beforeAll(async () => {
  app = await openApp('print')
  const loaded = await app.api('demo.load', { scale: 'default' })
  expect(loaded.ok).toBe(true)
  await reopenHome(app)
}, 240_000)
afterAll(async () => {
  await app?.close()
})

async function pdfOf(download: Download) {
  const path = await download.path()
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())![1])
  const raw = execFileSync('pdftotext', ['-layout', path, '-']).toString()
  return { name: download.suggestedFilename(), pages, raw, text: raw.replace(/\s+/g, '') }
}

/** Waits until the dialog shows a PDF preview and the viewer had time to draw it. */
async function previewShown() {
  const frame = app.page.getByTestId('print-preview')
  await frame.waitFor({ timeout: 60_000 })
  await app.page.waitForTimeout(2500)
}

describe('print through the UI', () => {
  it('previews and saves the public ledger of one 乡镇 as PDF', async () => {
    const { page } = app
    await page.locator('.el-menu-item', { hasText: '公益类资产' }).click()
    await page.getByTestId('ledger-table').waitFor()
    await pickOption(page, 'filter-town', '林东镇')
    await page.waitForFunction(() => document.querySelector('[data-testid=ledger-totals]')?.textContent?.includes('项'))
    const totals = await app.api<{ count: number }>('assets.totals', { class: '公益类', townCode: '150422100000' })
    await page.getByTestId('ledger-print').click()
    const dialog = page.getByTestId('print-dialog')
    await dialog.waitFor()
    await previewShown()
    // the preview is the PDF from the outbox, served inline
    const src = await page.getByTestId('print-preview').getAttribute('src')
    expect(src).toMatch(/^\/outbox\/[0-9a-f-]{36}$/)
    await app.shot('print-dialog-ledger')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-save-pdf').click()])
    const pdf = await pdfOf(download)
    expect(pdf.name).toBe('巴林左旗林东镇 公益类帮扶项目资产台账（公示版）.pdf')
    expect(pdf.text).toContain('巴林左旗林东镇公益类帮扶项目资产台账')
    expect(pdf.text).toContain(`总计（${totals.data!.count}项）`)
    expect(pdf.text).toContain(`第${pdf.pages}页共${pdf.pages}页`)
    expect(pdf.raw).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/) // phones masked on the public sheet
    // 内部版 on A3: the choice goes into the job (a new PDF, a new name)
    await page.locator('[data-testid=print-variant] label', { hasText: '内部版' }).click()
    await page.locator('[data-testid=print-paper] label', { hasText: 'A3' }).click()
    await page.getByTestId('print-preview-button').click()
    await previewShown()
    await app.shot('print-dialog-ledger-internal-a3')
    const [second] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-save-pdf').click()])
    const internal = await pdfOf(second)
    expect(internal.name).toBe('巴林左旗林东镇 公益类帮扶项目资产台账（内部版）.pdf')
    expect(internal.pages).toBeLessThan(pdf.pages)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  }, 180_000)

  it('prints an asset’s card (saved as PDF under the bridge) and its 移交书', async () => {
    const { page } = app
    const list = await app.api<{ rows: { id: number; code: string; name: string; handoverDate: string | null }[] }>('assets.list', { class: '经营类', pageSize: 100 })
    const asset = list.data!.rows.find((r) => r.handoverDate)!
    await page.goto(`${app.url}/#/assets/${asset.id}`)
    await page.getByTestId('asset-head').waitFor()
    await page.getByTestId('act-print-card').click()
    await page.getByTestId('print-dialog').waitFor()
    await previewShown()
    await app.shot('print-dialog-card')
    const [card] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-print').click()])
    const cardPdf = await pdfOf(card)
    expect(cardPdf.name).toBe(`${asset.name} 资产卡片（内部版）.pdf`)
    expect(cardPdf.text).toContain('帮扶项目资产登记卡片')
    expect(cardPdf.text).toContain(asset.code)
    expect(cardPdf.pages).toBe(1)
    await page.keyboard.press('Escape')
    await page.getByTestId('print-dialog').waitFor({ state: 'detached' })

    await page.getByTestId('act-print-handover').click()
    await page.getByTestId('print-dialog').waitFor()
    await previewShown()
    await page.getByTestId('print-handover-copies').locator('input').fill('3')
    await page.getByTestId('print-handover-copies').locator('input').press('Tab')
    await page.getByTestId('print-preview-button').click()
    await previewShown()
    await app.shot('print-dialog-handover')
    const [handover] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-save-pdf').click()])
    const h = await pdfOf(handover)
    expect(h.name).toBe(`${asset.name} 移交书.pdf`)
    expect(h.pages).toBe(3)
    expect(h.text).toContain('第一联移交单位留存')
    expect(h.text).toContain('第三联乡镇（苏木）人民政府留存')
    expect(h.text).toContain('本移交书一式3份')
    expect(h.text).toContain('第3页共3页')
  }, 180_000)
})
