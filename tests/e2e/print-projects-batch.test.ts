/**
 * 批量打印公示 through the UI over the test bridge: on the demo county, the project list filtered to
 * one year and one 乡镇, the button opens the print dialog preset with that year and 乡镇; the clerk
 * picks 项目计划公告, sees the preview, and saves ONE PDF holding the notice of every project of the
 * year's plan in that 乡镇, each from the top of a new page.
 */
import { execFileSync } from 'node:child_process'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openApp, pickOption, reopenHome, type AppUnderTest } from './support'

let app: AppUnderTest
const LINDONG = '150422100000'
const planStatuses = ['纳入年度计划', '开工', '完工', '验收', '资产移交', '绩效评价', '归档']

beforeAll(async () => {
  app = await openApp('print-batch')
  const loaded = await app.api('demo.load', { scale: 'default' })
  expect(loaded.ok).toBe(true)
  await reopenHome(app)
}, 240_000)
afterAll(async () => {
  await app?.close()
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await app?.shot('fail-print-projects-batch')
})

const squash = (s: string) => s.replace(/\s+/g, '')

describe('batch printing of project notices', () => {
  it('prints the 计划公告 of a year and 乡镇 from the project list: preview, then one PDF, a page per project', async () => {
    const { page } = app
    const years = await app.api<{ years: number[] }>('projects.filterOptions', {})
    const year = years.data!.years[0]
    const listed = await app.api<{ rows: { name: string; code: string; status: string }[] }>('projects.list', { year, townCode: LINDONG, pageSize: 500, sort: 'code' })
    const planned = listed.data!.rows.filter((r) => planStatuses.includes(r.status))
    expect(planned.length).toBeGreaterThanOrEqual(3)

    await page.locator('.el-menu-item', { hasText: '项目库' }).first().click()
    await page.getByTestId('project-table').waitFor()
    await pickOption(page, 'pf-year', `${year}年`)
    await pickOption(page, 'pf-town', '林东镇')
    await expect.poll(() => page.url()).toContain(`townCode=${LINDONG}`)
    await page.waitForFunction(() => !document.querySelector('[data-testid=project-table] .el-loading-mask'))
    await app.shot('projects-list-print-batch')
    await page.getByTestId('projects-print-batch').click()
    const dialog = page.getByTestId('print-dialog')
    await dialog.waitFor()
    // preset with the list's year and 乡镇; the notices only (no ledgers)
    await expect.poll(() => dialog.getByTestId('print-project-year').innerText()).toContain(`${year}年`)
    expect(await dialog.getByTestId('print-town').innerText()).toContain('林东镇')
    await page.getByTestId('print-preview').waitFor({ timeout: 60_000 })
    await page.getByTestId('print-template').click()
    // the dropdown opens with a transition: read its items once they are all shown
    await expect.poll(() => page.locator('.el-select-dropdown__item:visible').allInnerTexts()).toEqual(['项目入库公示', '项目计划公告', '项目竣工公告'])
    await page.locator('.el-select-dropdown__item:visible', { hasText: '项目计划公告' }).click()
    expect(await dialog.getByTestId('print-batch-note').innerText()).toContain('已纳入年度计划的项目')
    await page.getByTestId('print-preview-button').click()
    await expect.poll(() => page.getByTestId('print-preview').getAttribute('class'), { timeout: 60_000 }).not.toContain('stale')
    await page.waitForTimeout(2500)
    await app.shot('print-dialog-projects-batch')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-save-pdf').click()])
    const title = `巴林左旗林东镇 ${year}年度项目计划公告（共${planned.length}个项目）`
    expect(download.suggestedFilename()).toBe(`${title}.pdf`)
    const path = await download.path()
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())![1])
    expect(pages).toBeGreaterThanOrEqual(planned.length)
    const text = squash(execFileSync('pdftotext', ['-layout', path, '-']).toString())
    for (const p of planned) expect(text).toContain(`${p.name}计划公告`)
    // the first two pages: one project each, its title on top
    for (const n of [1, 2]) {
      const pageText = execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), path, '-']).toString()
      const on = planned.filter((p) => squash(pageText).includes(p.name))
      expect(on, `page ${n}`).toHaveLength(1)
      expect(squash(pageText.trim().split('\n')[0])).toContain(squash(on[0].name).slice(0, 8))
    }
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/)
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', path, 'test-output/screenshots/print-projects-batch-pdf'])
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  }, 240_000)
})
