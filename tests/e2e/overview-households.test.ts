import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, pickOption, setupBaarinLeft, type AppUnderTest } from './support'

const LINDONG = '150422100000'
const FUSHANDI = '150422100201' // 福山地村, 林东镇

/** GB 11643-1999 check character of the first 17 digits (domain.md §7.1), computed here on its own. */
function withCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0)
  return first17 + '10X98765432'[sum % 11]
}
const VALID_ID = withCheckChar('15042219850612302')
/** The same number with a wrong last character. */
const WRONG_ID = VALID_ID.slice(0, 17) + (VALID_ID.endsWith('1') ? '2' : '1')

function asset(overrides: Record<string, unknown>) {
  return {
    name: '福山地村2021年通村水泥路',
    class: '公益类',
    subtypeCode: 'G01',
    form: '固定资产',
    propertyNature: '集体资产',
    spec: '长2.5公里、宽4.5米、水泥混凝土路面',
    unit: '公里',
    quantity: 2.5,
    originalValueFen: 150_000_000,
    totalInvestmentFen: 150_000_000,
    projectName: '2021年福山地村通村路项目',
    fundYear: 2021,
    townCode: LINDONG,
    villageCode: FUSHANDI,
    sectorDept: '巴林左旗交通运输局',
    implUnit: '林东镇人民政府',
    startDate: '2021-05-01',
    completionDate: '2021-09-30',
    acceptanceDate: '2021-10-20',
    inUseDate: '2021-10-20',
    confirmLevel: '村（嘎查）级',
    beneficiaryHouseholds: 120,
    beneficiaryPersons: 350,
    fundSources: [{ sourceType: 'XJ', level: '中央', amountFen: 150_000_000 }],
    // historic records (a clean-up): registered without custody after confirming the warning (§7.7), so they are on the problem list
    historic: true,
    acceptWarnings: true,
    ...overrides,
  }
}

/** The text box of an el-input-number (the test id may sit on the wrapper or on the input). */
const numberInput = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first()

/** Clicks item `index` of a category-axis chart, in the middle of its band. */
async function clickCategory(chart: Locator, axis: 'x' | 'y', index: number, count: number, grid: { left: number; right: number; top: number; bottom: number }) {
  const box = (await chart.boundingBox())!
  if (axis === 'y') {
    const band = (box.height - grid.top - grid.bottom) / count
    await chart.click({ position: { x: grid.left + 12, y: grid.top + band * (index + 0.5) } })
  } else {
    const band = (box.width - grid.left - grid.right) / count
    await chart.click({ position: { x: grid.left + band * (index + 0.5), y: box.height - grid.bottom - 2 } })
  }
}

describe('总览、问题清单、农户登记与到户资产花名册', () => {
  let app: AppUnderTest
  const ids: Record<string, number> = {}
  let towns: { code: string; name: string; children: { code: string; name: string }[] }[] = []

  beforeAll(async () => {
    app = await openApp('overview')
    await setupBaarinLeft(app.page)
    const tree = await app.api<{ children: typeof towns }[]>('regions.tree')
    towns = tree.data![0].children
  })
  afterAll(async () => {
    await app?.close()
  })

  it('shows a friendly empty state before any asset is registered, and still lists the 11 towns', async () => {
    const { page } = app
    await page.getByTestId('overview-empty').waitFor()
    await expect.poll(() => page.getByTestId('town-table').locator('.el-table__body tr').count()).toBe(11)
    expect(await page.locator('[data-chart]').count()).toBe(0)
    await page.getByTestId('overview-empty-go').click()
    await page.waitForURL(/#\/ledger\/public$/)
  })

  it('draws the county at a glance once assets exist, and each chart drills into the ledger', async () => {
    const { page } = app
    const longchang = towns.find((t) => t.name === '隆昌镇')!
    const fuhe = towns.find((t) => t.name === '富河镇')!
    const made = [
      ['road', asset({})],
      ['well', asset({ name: '福山地村2022年人饮安全水井', subtypeCode: 'G03', unit: '处', quantity: 1, fundYear: 2022, originalValueFen: 38_000_000, totalInvestmentFen: 38_000_000, fundSources: [{ sourceType: 'XJ', level: '中央', amountFen: 38_000_000 }], startDate: '2022-04-01', completionDate: '2022-06-30', acceptanceDate: '2022-07-15', inUseDate: '2022-07-15' })],
      ['barn', asset({ name: '隆昌镇肉牛养殖暖棚', class: '经营类', subtypeCode: 'J02', unit: '座', quantity: 4, fundYear: 2023, townCode: longchang.code, villageCode: longchang.children[0].code, originalValueFen: 260_000_000, totalInvestmentFen: 260_000_000, fundSources: [{ sourceType: 'XJ', level: '自治区', amountFen: 260_000_000 }], startDate: '2023-04-01', completionDate: '2023-08-30', acceptanceDate: '2023-09-15', inUseDate: '2023-09-15' })],
      ['pv', asset({ name: '富河镇村级光伏电站', class: '经营类', subtypeCode: 'J05', unit: '千瓦', quantity: 300, fundYear: 2023, townCode: fuhe.code, villageCode: fuhe.children[0].code, originalValueFen: 180_000_000, totalInvestmentFen: 180_000_000, fundSources: [{ sourceType: 'XJ', level: '中央', amountFen: 180_000_000 }], startDate: '2023-03-01', completionDate: '2023-06-30', acceptanceDate: '2023-07-15', inUseDate: '2023-07-15' })],
    ] as const
    for (const [key, input] of made) {
      const saved = await app.api<{ id: number; code: string }>('assets.create', input)
      expect(saved.ok, saved.message).toBe(true)
      ids[key] = saved.data!.id
    }
    const idle = await app.api('assets.changeStatus', { id: ids.well, status: '闲置', changeDate: '2024-05-01', note: '水源枯竭，暂停供水', measures: '' })
    expect(idle.ok, idle.message).toBe(false) // 闲置 needs 盘活措施 …
    expect(idle.message).toContain('盘活措施')
    const low = await app.api('assets.changeStatus', { id: ids.well, status: '闲置', changeDate: '2024-05-01', note: '水源枯竭，暂停供水', measures: '打新井并入集中供水工程', acceptWarnings: true })
    expect(low.ok, low.message).toBe(true)
    const confirmed = await app.api('assets.confirm', {
      id: ids.road,
      confirmLevel: '村（嘎查）级',
      confirmDate: '2021-11-01',
      owners: [{ owner: { name: '福山地村股份经济合作社', orgType: '村（嘎查）集体经济组织' }, shareBp: 10000, shareAmountFen: 150_000_000 }],
      acceptWarnings: true,
    })
    expect(confirmed.ok, confirmed.message).toBe(true)

    await page.getByRole('menuitem', { name: '总览' }).click()
    await page.getByTestId('chart-town').locator('canvas').first().waitFor()
    await expect.poll(() => page.getByTestId('stat-count').innerText()).toBe('4项')
    await expect.poll(() => page.locator('[data-chart] canvas').count()).toBeGreaterThanOrEqual(4)
    const lindongRow = page.getByTestId('town-table').locator('.el-table__body tr', { hasText: '林东镇' })
    await expect.poll(() => lindongRow.innerText()).toContain('188.0000')
    await page.waitForTimeout(300)
    await app.shot('2x-overview')
    await page.getByTestId('town-table').scrollIntoViewIfNeeded()
    await app.shot('2x-overview-lower')
    await page.locator('.main').evaluate((el) => el.scrollTo(0, 0))

    // A bar of the town chart (林东镇 is the first town) → the ledger filtered to that town.
    await clickCategory(page.getByTestId('chart-town'), 'y', 0, towns.length, { left: 100, right: 56, top: 8, bottom: 24 })
    await page.waitForURL(/#\/ledger\/public\?townCode=150422100000$/)

    // A column of the year chart (2021, 2022, 2023) → the ledger of that fund year.
    await page.getByRole('menuitem', { name: '总览' }).click()
    await page.getByTestId('chart-year').locator('canvas').first().waitFor()
    await clickCategory(page.getByTestId('chart-year'), 'x', 2, 3, { left: 48, right: 64, top: 36, bottom: 28 })
    await page.waitForURL(/#\/ledger\/public\?fundYear=2023$/)

    // A column of the class chart → that class's ledger.
    await page.getByRole('menuitem', { name: '总览' }).click()
    await page.getByTestId('chart-class').locator('canvas').first().waitFor()
    await clickCategory(page.getByTestId('chart-class'), 'x', 1, 3, { left: 48, right: 64, top: 36, bottom: 28 })
    await page.waitForURL(/#\/ledger\/operating$/)
  })

  it('lists the problems by kind and links each to its asset', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '总览' }).click()
    const counts = page.getByTestId('problem-counts')
    await expect.poll(() => counts.innerText()).toContain('无管护主体')
    await counts.locator('li', { hasText: '无管护主体' }).click()
    await page.waitForURL(/#\/problems\?kind=/)
    const table = page.getByTestId('problem-table')
    await expect.poll(() => table.locator('.el-table__body tr').count()).toBe(4)
    await expect.poll(() => page.getByTestId('problem-kinds').innerText()).toContain('无管护主体（4）')
    await page.getByTestId('problem-kinds').getByText('全部', { exact: false }).click()
    await page.waitForURL(/#\/problems$/)
    await expect.poll(() => table.innerText()).toContain('已于 2021-11-01 确权，尚未移交')
    const kinds = await page.getByTestId('problem-kinds').innerText()
    expect(kinds).toContain('全部（8）')
    expect(kinds).toContain('无所有权人（3）')
    expect(kinds).toContain('已确权未移交（1）')
    expect(kinds).toContain('闲置无盘活措施（0）')
    await page.waitForTimeout(400) // the segmented control's colour transition
    await app.shot('2x-problems')

    await page.getByTestId('problem-kinds').getByText('无所有权人').click()
    await expect.poll(() => table.locator('.el-table__body tr').count()).toBe(3)
    const row = table.locator('.el-table__body tr', { hasText: '隆昌镇肉牛养殖暖棚' })
    await row.locator('a').click()
    await page.waitForURL(new RegExp(`#/assets/${ids.barn}$`))
  })

  it('refuses a wrong ID number with the server message under 身份证号, saves a valid one and shows it masked', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '农户登记' }).click()
    await page.getByTestId('household-add').click()
    const form = page.getByTestId('household-form')
    await page.getByTestId('hh-headName').fill('李振国')
    await page.getByTestId('hh-idNo').fill(WRONG_ID)
    await numberInput(page, 'hh-size').fill('4')
    await pickOption(page, 'hh-village', '福山地村')
    await page.getByTestId('hh-group').fill('三组')
    await page.getByTestId('hh-phone').fill('13847612345')
    await page.getByTestId('hh-save').click()
    const idItem = form.locator('.el-form-item', { has: page.getByTestId('hh-idNo') })
    const error = idItem.locator('.el-form-item__error')
    await error.waitFor()
    const message = await error.innerText()
    expect(message).toMatch(/[\u4e00-\u9fa5]/)
    expect(`${await idItem.locator('.el-form-item__label').innerText()}${message}`).toContain('身份证号')
    await app.shot('2x-household-id-error')
    const none = await app.api<{ total: number }>('households.list', {})
    expect(none.data!.total).toBe(0)

    await page.getByTestId('hh-idNo').fill(VALID_ID)
    await page.getByTestId('hh-save').click()
    // The server may ask to confirm warnings (e.g. a 户主 without a 户编号): confirm them.
    const confirm = page.locator('.el-message-box').getByRole('button', { name: '确认保存' })
    await Promise.race([form.waitFor({ state: 'hidden' }), confirm.waitFor().then(() => confirm.click())])
    await form.waitFor({ state: 'hidden' })
    const table = page.getByTestId('household-table')
    const row = table.locator('.el-table__body tr', { hasText: '李振国' })
    await row.waitFor()
    const masked = await row.getByTestId('id-no').innerText()
    expect(masked).not.toBe(VALID_ID)
    expect(masked).toContain('*')
    expect(masked.endsWith(VALID_ID.slice(-4))).toBe(true)
    expect(await row.innerText()).not.toContain('13847612345')
    await app.shot('2x-households')

    await row.getByRole('button', { name: '显示完整证件号' }).click()
    await expect.poll(() => row.getByTestId('id-no').innerText()).toBe(VALID_ID)
    await row.getByRole('button', { name: '隐藏证件号' }).click()
    await expect.poll(() => row.getByTestId('id-no').innerText()).toBe(masked)
  })

  it('adds a household asset line from the household row and shows it in the roster with totals', async () => {
    const { page } = app
    await page.getByTestId('household-table').locator('.el-table__body tr', { hasText: '李振国' }).locator('td').first().click()
    await page.waitForURL(/#\/household-lines\?householdId=\d+/)
    await expect.poll(() => page.getByTestId('household-filter').innerText()).toContain('李振国')
    await page.getByTestId('line-add').click()
    const form = page.getByTestId('line-form')
    await expect.poll(() => form.getByTestId('line-household').innerText()).toContain('李振国')
    await page.getByTestId('line-projectName').fill('2024年林东镇肉牛产业到户项目')
    await numberInput(page, 'line-projectYear').fill('2024')
    await page.getByTestId('line-item').fill('基础母牛')
    await pickOption(page, 'line-subtype', '牲畜/生物资产')
    await expect.poll(() => page.getByTestId('line-unit').inputValue()).toBe('头')
    await numberInput(page, 'line-quantity').fill('2')
    await page.getByTestId('line-standard').fill('8000')
    await page.getByTestId('line-calc').click()
    await expect.poll(() => page.getByTestId('line-amount').inputValue()).toContain('16')
    await form.locator('.el-form-item', { hasText: '发放日期' }).locator('input').fill('2024-05-10')
    await page.keyboard.press('Enter')
    await page.getByTestId('line-form').locator('.el-dialog__title').click()
    await app.shot('2x-household-line-form')
    await page.getByTestId('line-save').click()
    const confirm = page.locator('.el-message-box').getByRole('button', { name: '确认保存' })
    await Promise.race([form.waitFor({ state: 'hidden' }), confirm.waitFor().then(() => confirm.click())])
    await form.waitFor({ state: 'hidden' })

    const table = page.getByTestId('line-table')
    await expect.poll(() => table.innerText()).toContain('基础母牛')
    await expect.poll(() => page.getByTestId('line-totals').innerText()).toMatch(/共\s*1\s*条/)
    expect(await page.getByTestId('line-totals').innerText()).toContain('16,000.00')
    expect(await table.innerText()).toContain('2024年林东镇肉牛产业到户项目')
    await app.shot('2x-household-lines')

    const lines = await app.api<{ rows: { amountFen: number; standardFen: number; quantity: number; issueDate: string }[] }>('householdLines.list', {})
    expect(lines.data!.rows[0]).toMatchObject({ amountFen: 1_600_000, standardFen: 800_000, quantity: 2, issueDate: '2024-05-10' })

    await page.getByRole('menuitem', { name: '总览' }).click()
    await expect.poll(() => page.locator('.stat', { hasText: '到户农户' }).innerText()).toMatch(/1\s*户\s*1\s*条/)
  })

  it('deletes: a household with lines is refused with the count, its line goes after a confirmation, then the household', async () => {
    const { page } = app
    const household = (await app.api<{ rows: { id: number; headName: string }[] }>('households.list', {})).data!.rows.find((r) => r.headName === '李振国')!
    const line = (await app.api<{ rows: { id: number }[] }>('householdLines.list', {})).data!.rows[0]
    const box = page.locator('.el-message-box')

    await page.getByRole('menuitem', { name: '农户登记' }).click()
    await page.getByTestId(`delete-${household.id}`).click()
    await expect.poll(() => box.innerText()).toContain('确定删除农户「李振国」')
    await box.getByRole('button', { name: '删除' }).click()
    await expect.poll(() => page.locator('.el-message--error').last().innerText()).toContain('农户「李振国」名下还有 1 条到户资产明细，不能删除')
    expect((await app.api<{ total: number }>('households.list', {})).data!.total).toBe(1)

    await page.getByRole('menuitem', { name: '到户资产花名册' }).click()
    await page.getByTestId(`line-delete-${line.id}`).click()
    await expect.poll(() => box.innerText()).toContain('确定删除 李振国 的到户资产「基础母牛」2头')
    await page.waitForTimeout(300)
    await app.shot('2x-household-line-delete')
    await box.getByRole('button', { name: '删除' }).click()
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('已删除 李振国 的「基础母牛」')
    await expect.poll(() => page.getByTestId('line-totals').innerText()).toMatch(/共\s*0\s*条/)

    await page.getByRole('menuitem', { name: '农户登记' }).click()
    await page.getByTestId(`delete-${household.id}`).click()
    await box.getByRole('button', { name: '删除' }).click()
    await expect.poll(() => page.locator('.el-message--success').last().innerText()).toContain('已删除农户「李振国」')
    await expect.poll(() => page.getByTestId('household-table').innerText()).toContain('还没有登记农户')
    const audit = await app.api<{ rows: { action: string; summary: string }[] }>('audit.list', { entity: 'household' })
    expect(audit.data!.rows.map((r) => r.summary)).toContain('删除农户「李振国」（林东镇福山地村）')
  })
})
