import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, pickOption, type AppUnderTest } from './support'

const ruralTowns = ['林东镇', '隆昌镇', '十三敖包镇', '碧流台镇', '富河镇', '白音勿拉镇', '哈拉哈达镇', '查干哈达苏木', '乌兰达坝苏木', '三山乡', '花加拉嘎乡']

describe('首次设置：巴林左旗', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await openApp('setup')
  })
  afterAll(async () => {
    await app?.close()
  })

  it('opens on the first-run screen when the data file is new', async () => {
    await expect(app.page.getByText('首次设置')).toBeDefined()
    await app.page.getByTestId('pick-province').waitFor()
    expect(await app.page.title()).toContain('首次设置')
  })

  it('picks 内蒙古 → 赤峰市 → 巴林左旗 and shows its 11 乡镇/苏木 checked, street units unchecked', async () => {
    const { page } = app
    await pickOption(page, 'pick-province', '内蒙古自治区')
    await pickOption(page, 'pick-city', '赤峰市')
    await pickOption(page, 'pick-county', '巴林左旗')
    const list = page.getByTestId('town-list')
    await list.waitFor()
    for (const name of ruralTowns) {
      await expect(list.getByText(name, { exact: true }).isVisible()).resolves.toBe(true)
    }
    const checked = await list.locator('.el-checkbox.is-checked').allInnerTexts()
    expect(checked.map((t) => t.trim()).sort()).toEqual([...ruralTowns].sort())
    await expect(page.getByTestId('town-summary').innerText()).resolves.toMatch(/已选 11 个乡镇，共 \d+ 个村（嘎查）/)
    expect(await page.getByTestId('unit-name').inputValue()).toBe('巴林左旗农牧局')
    await app.shot('01-setup-baarin-left')
  })

  it('completes setup and loads the towns with their 嘎查村 and 12-digit codes', async () => {
    const { page } = app
    await page.getByTestId('unit-name').fill('巴林左旗农牧局（乡村振兴局）')
    await page.getByTestId('setup-submit').click()
    const table = page.getByTestId('town-table')
    await table.waitFor()
    await expect(page.getByTestId('header-county').innerText()).resolves.toBe('巴林左旗')
    await expect(page.getByTestId('header-datafile').innerText()).resolves.toContain(app.dataDir)
    const rows = table.locator('.el-table__body tr')
    await expect.poll(() => rows.count()).toBe(11)
    await expect(table.innerText()).resolves.toContain('150422100000')
    await app.shot('02-shell-home')

    const tree = await app.api<{ name: string; code: string; children: { name: string; code: string; children: { code: string; name: string }[] }[] }[]>('regions.tree')
    expect(tree.ok).toBe(true)
    const towns = tree.data![0].children
    expect(towns.map((t) => t.name).sort()).toEqual([...ruralTowns].sort())
    const linDong = towns.find((t) => t.name === '林东镇')!
    expect(linDong.code).toBe('150422100000')
    expect(linDong.children.length).toBeGreaterThan(10)
    for (const town of towns) {
      expect(town.children.length).toBeGreaterThan(0)
      for (const v of town.children) expect(v.code).toMatch(new RegExp(`^${town.code.slice(0, 9)}\\d{3}$`))
    }
    expect(towns.some((t) => t.children.some((v) => v.name.endsWith('嘎查')))).toBe(true)
  })

  it('shows the region tree with villages and their codes', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '区划管理' }).click()
    const tree = page.getByTestId('region-tree')
    await tree.waitFor()
    await tree.getByText('林东镇', { exact: true }).click()
    await expect(page.getByTestId('region-detail').innerText()).resolves.toContain('150422100000')
    await tree.locator('.el-tree-node__content', { hasText: '林东镇' }).locator('.el-tree-node__expand-icon').click()
    await tree.getByText('福山地村', { exact: true }).click()
    await expect(page.getByTestId('region-detail').innerText()).resolves.toContain('150422100201')
    await app.shot('03-regions')
  })

  it('refuses a second setup of the same data file', async () => {
    const again = await app.api('setup.complete', {
      countyCode: '150423',
      townCodes: ['150423100000'],
      unitName: '巴林右旗农牧局',
      moneyUnit: '万元',
      assetLabel: '帮扶项目资产',
      startYear: 2012,
    })
    expect(again.ok).toBe(false)
    expect(again.code).toBe('ALREADY_SET_UP')
    expect(again.message).toMatch(/已完成首次设置/)
  })
})
