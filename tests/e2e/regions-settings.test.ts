import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, setupBaarinLeft, type AppUnderTest } from './support'

describe('区划维护、参数设置与变动记录', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await openApp('regions')
    await setupBaarinLeft(app.page)
  })
  afterAll(async () => {
    await app?.close()
  })

  async function selectVillage(town: string, village: string) {
    const { page } = app
    const tree = page.getByTestId('region-tree')
    const townRow = tree.locator('.el-tree-node__content', { hasText: town })
    if (!(await tree.getByText(village, { exact: true }).isVisible())) await townRow.locator('.el-tree-node__expand-icon').click()
    await tree.getByText(village, { exact: true }).click()
    await page.getByTestId('region-detail').getByText(village).first().waitFor()
  }

  it('renames a village, marks it 脱贫村 and shows both in its history', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '区划管理' }).click()
    await selectVillage('林东镇', '福山地村')
    await page.getByRole('button', { name: '更名' }).click()
    const dialog = page.locator('.el-message-box')
    await dialog.locator('input').fill('福山地新村')
    await dialog.getByRole('button', { name: '保存' }).click()
    await page.getByTestId('region-tree').getByText('福山地新村', { exact: true }).waitFor()
    await page.getByText('脱贫村', { exact: true }).first().click()
    const history = page.getByTestId('region-detail').getByTestId('audit-history')
    await expect.poll(() => history.innerText()).toContain('更名：福山地村 → 福山地新村')
    await expect.poll(() => history.innerText()).toContain('修改「福山地新村」的村属性')
    await app.shot('04-region-history')

    const tree = await app.api<{ children: { children: { code: string; name: string; isFormerPoorVillage: boolean }[] }[] }[]>('regions.tree')
    const village = tree.data![0].children.flatMap((t) => t.children).find((v) => v.code === '150422100201')!
    expect(village).toMatchObject({ name: '福山地新村', isFormerPoorVillage: true })
  })

  it('refuses a duplicate name in the same town with a Chinese message', async () => {
    const { page } = app
    await selectVillage('林东镇', '大新庄村')
    await page.getByRole('button', { name: '更名' }).click()
    const dialog = page.locator('.el-message-box')
    await dialog.locator('input').fill('福山地新村')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.locator('.el-message--error').last().innerText()).toContain('同一上级下已有名为「福山地新村」的区划')
    const tree = await app.api<{ children: { children: { code: string; name: string }[] }[] }[]>('regions.tree')
    expect(tree.data![0].children.flatMap((t) => t.children).find((v) => v.code === '150422100202')?.name).toBe('大新庄村')
  })

  it('merges one village into another: the old one disappears from the tree', async () => {
    const { page } = app
    await selectVillage('林东镇', '兴隆地村')
    await page.getByTestId('merge-target').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '后兴隆地村' }).click()
    await page.getByRole('button', { name: '合并' }).click()
    await page.locator('.el-message-box').getByRole('button', { name: '合并' }).click()
    await expect.poll(() => page.getByTestId('region-tree').getByText('兴隆地村', { exact: true }).count()).toBe(0)
    await app.shot('05-region-merged')
  })

  it('saves a policy parameter and refuses an out-of-range one', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '参数设置' }).click()
    const phone = page.getByTestId('setting-org.supervisionPhone')
    await phone.waitFor()
    await phone.fill('0476-7822110')
    await page.getByTestId('settings-save').click()
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('参数已保存')
    await app.shot('06-settings')

    const bad = await app.api('settings.update', { values: { 'publicity.projectMinDays': 0, 'funds.industryShareMinPct': 60 } })
    expect(bad.ok).toBe(false)
    expect(bad.message).toContain('「项目公示最少天数」应在 1 到 60 之间')
    const list = await app.api<{ key: string; value: unknown }[]>('settings.list')
    expect(list.data!.find((s) => s.key === 'funds.industryShareMinPct')?.value).toBe(55)
    expect(list.data!.find((s) => s.key === 'org.supervisionPhone')?.value).toBe('0476-7822110')
  })

  it('lists every change in 变动记录', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '变动记录' }).click()
    const history = page.getByTestId('audit-history')
    await expect.poll(() => history.innerText()).toContain('修改参数「本地监督举报电话」')
    const text = await history.innerText()
    expect(text).toContain('「兴隆地村」并入「后兴隆地村」')
    expect(text).toContain('首次设置：巴林左旗')
    await app.shot('07-audit')
  })

  it('makes a backup on request and lists it', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '数据与备份' }).click()
    await page.getByTestId('backup-now').click()
    await expect.poll(() => page.getByTestId('backup-table').innerText()).toContain('manual')
    await app.shot('08-data')
  })
})
