import type { Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openApp, pickOption, setupBaarinLeft, type AppUnderTest } from './support'

/**
 * The three ledgers through the UI: register one asset of each class with its funding lines, then
 * walk the public asset through 确权 (two owners), 移交, 管护 and 状态变动, and find every step in
 * its 变动记录. Screenshots: test-output/screenshots/1x-*.png.
 */
describe('资产三本账：登记、确权、移交、管护、状态变动', () => {
  let app: AppUnderTest
  let page: Page
  let publicId = 0

  beforeAll(async () => {
    app = await openApp('assets')
    page = app.page
    await setupBaarinLeft(page)
  })
  afterAll(async () => {
    await app?.close()
  })
  /** A failed step leaves a picture of the screen it failed on. */
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await app?.shot(`fail-assets-${ctx.task.name.slice(0, 24)}`)
  })

  /** The input behind a test id (on the <input> itself, or on a wrapper around it). */
  async function field(testId: string): Promise<Locator> {
    const el = page.getByTestId(testId).first()
    const tag = await el.evaluate((e) => e.tagName)
    return tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()
  }
  async function fill(testId: string, value: string) {
    const input = await field(testId)
    await input.fill(value)
    await input.blur()
  }
  async function fillDate(testId: string, value: string) {
    const input = await field(testId)
    await input.fill(value)
    await input.press('Enter')
    await page.keyboard.press('Escape')
  }
  /** Waits until the toasts have gone, so that screenshots show the screen itself. */
  async function quiet() {
    await page.evaluate(() => document.querySelectorAll<HTMLElement>('.el-message .el-message__closeBtn').forEach((b) => b.click()))
    await expect.poll(() => page.locator('.el-message').count(), { timeout: 5000 }).toBe(0)
  }
  /** Clicks a tab of the asset page and waits for its underline to settle. */
  async function openTab(name: string) {
    await page.getByRole('tab', { name }).click()
    await page.waitForTimeout(350)
  }
  const lastMessage = (type: 'success' | 'error') => page.locator(`.el-message--${type}`).last().innerText()
  const dialog = (title: string) => page.getByRole('dialog', { name: title })

  /** Types into an organisation picker and picks the match, or 新增单位 when there is none. */
  async function pickOrg(scope: Locator, testId: string, name: string, type?: string) {
    await scope.getByTestId(testId).click()
    await page.keyboard.type(name)
    const existing = page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^${name}`) })
    const add = page.locator('.el-select-dropdown__item:visible', { hasText: `新增单位「${name}」` })
    await expect.poll(async () => (await existing.count()) + (await add.count())).toBeGreaterThan(0)
    if (await add.count()) await add.first().click()
    else await existing.first().click()
    if (type) await pickOption(page, `${testId}-type`, type)
  }

  /** The name of a town's first village, as the pickers list them. */
  async function firstVillage(town: string): Promise<string> {
    const tree = await app.api<{ children: { name: string; children: { name: string }[] }[] }[]>('regions.tree')
    return tree.data![0].children.find((t) => t.name === town)!.children[0].name
  }

  async function openLedger(menu: string, kind: string) {
    await page.getByRole('menuitem', { name: menu }).click()
    await page.getByTestId(`ledger-${kind}`).waitFor()
  }

  it('refuses a public asset whose funding lines do not add up, naming 资金来源, then saves it', async () => {
    await openLedger('公益类资产', 'public')
    await expect.poll(() => page.getByTestId('ledger-table').innerText()).toContain('还没有登记公益类资产')
    await page.getByTestId('asset-new').click()
    await page.getByTestId('f-name').waitFor()
    await expect.poll(() => page.getByTestId('next-code').innerText()).toMatch(/150422G\d{4}00001/)

    await fill('f-name', '福山地村2021年通村水泥路')
    await pickOption(page, 'f-subtype', '道路交通')
    expect(await (await field('f-unit')).inputValue()).toBe('公里')
    await fill('f-quantity', '2.5')
    await pickOption(page, 'f-year', '2021年')
    await expect.poll(() => page.getByTestId('next-code').innerText()).toContain('150422G202100001')
    await fill('f-project', '2021年福山地村通村路项目')
    // Amounts in 万元 (the county's default unit).
    await fill('f-original', '150')
    await fill('f-total', '150')
    await fill('fund-amount-0', '100')
    await page.getByTestId('fund-add').click()
    await pickOption(page, 'fund-source-1', '京蒙协作资金')
    await fill('fund-amount-1', '40')
    await expect.poll(() => page.getByTestId('fund-diff').innerText()).toContain('还差 10.0000 万元')
    await pickOption(page, 'f-town', '林东镇')
    await pickOption(page, 'f-village', '福山地村')
    await fillDate('f-startDate', '2021-05-01')
    await fillDate('f-completionDate', '2021-09-30')
    await fillDate('f-acceptanceDate', '2021-10-20')
    await fillDate('f-inUseDate', '2021-10-20')
    await fill('f-beneficiaryHouseholds', '120')
    await fill('f-beneficiaryPersons', '350')
    await page.getByTestId('f-name').scrollIntoViewIfNeeded()
    await app.shot('1x-asset-form')

    await page.getByTestId('asset-save').click()
    await expect.poll(() => lastMessage('error')).toContain('资金来源')
    expect(await lastMessage('error')).toContain('与项目总投资 1,500,000.00 元不符')
    await expect.poll(() => page.getByTestId('fund-lines-error').innerText()).toContain('相差 100,000.00 元')
    await app.shot('1x-asset-form-mismatch')
    expect(page.url()).toContain('/assets/new/public')

    await fill('fund-amount-1', '50')
    await expect.poll(() => page.getByTestId('fund-diff').innerText()).toBe('一致')
    await page.keyboard.press('Control+s')
    await expect.poll(() => lastMessage('success')).toContain('已登记，资产编号 150422G202100001')
    await page.getByTestId('asset-head').waitFor()
    publicId = Number(/#\/assets\/(\d+)/.exec(page.url())![1])
    expect(await page.getByTestId('asset-code').innerText()).toBe('150422G202100001')
    await page.getByRole('tab', { name: '资金来源' }).click()
    const funds = await page.getByTestId('fund-table').innerText()
    expect(funds).toContain('财政衔接推进乡村振兴补助资金')
    expect(funds).toContain('1,000,000.00')
    expect(funds).toContain('京蒙协作资金')
    expect(funds).toContain('500,000.00')
  })

  it('confirms ownership to two owners with shares split exactly to the 分', async () => {
    await page.getByTestId('act-confirm').click()
    const d = dialog('确权登记')
    await d.waitFor()
    await pickOrg(d, 'owner-org-0', '福山地村股份经济合作社')
    await fill('owner-pct-0', '66.67')
    await d.getByTestId('owner-add').click()
    await pickOrg(d, 'owner-org-1', '林东镇人民政府', '乡镇（苏木）人民政府')
    await fill('owner-pct-1', '33.33')
    await d.getByTestId('confirm-cert').fill('巴左确字〔2022〕015号')
    await d.getByTestId('owner-split').click()
    await expect.poll(() => d.getByTestId('owner-sum').innerText()).toContain('份额合计 100.00%')
    expect(await d.getByTestId('owner-sum').innerText()).toContain('金额合计 1,500,000.00 元')
    expect(await d.getByTestId('owner-amount-0').inputValue()).toBe('1,000,050.00')
    expect(await d.getByTestId('owner-amount-1').inputValue()).toBe('499,950.00')
    await app.shot('1x-asset-confirm-dialog')
    await d.getByTestId('dialog-save').click()
    await expect.poll(() => lastMessage('success')).toContain('确权登记已保存')
    await page.getByRole('tab', { name: '确权' }).click()
    const owners = await page.getByTestId('owners-table').innerText()
    expect(owners).toContain('福山地村股份经济合作社')
    expect(owners).toContain('66.67%')
    expect(owners).toContain('1,000,050.00')
    expect(owners).toContain('林东镇人民政府')
    expect(owners).toContain('33.33%')
    expect(owners).toContain('499,950.00')
  })

  it('hands the asset over to the village collective with its papers', async () => {
    await page.getByTestId('act-handover').click()
    const d = dialog('资产移交')
    await d.waitFor()
    await d.getByTestId('handover-from').fill('巴林左旗交通运输局')
    await pickOrg(d, 'handover-to', '福山地村股份经济合作社')
    await d.getByTestId('handover-doc').fill('巴左移〔2022〕008号')
    await d.getByText('竣工图纸', { exact: true }).click()
    await d.getByText('验收报告', { exact: true }).click()
    await d.getByTestId('dialog-save').click()
    await expect.poll(() => lastMessage('success')).toContain('移交已登记')
    await page.getByRole('tab', { name: '移交' }).click()
    const table = await page.getByTestId('handover-table').innerText()
    expect(table).toContain('巴林左旗交通运输局')
    expect(table).toContain('福山地村股份经济合作社')
    expect(table).toContain('竣工图纸、验收报告')
  })

  it('assigns a custodian', async () => {
    await page.getByTestId('act-custody').click()
    const d = dialog('指定管护主体')
    await d.waitFor()
    await pickOrg(d, 'custody-org', '福山地村民委员会', '村（嘎查）民委员会')
    await d.getByTestId('custody-person').fill('王建国')
    await d.getByTestId('custody-phone').fill('13904761234')
    await d.getByTestId('dialog-save').click()
    await expect.poll(() => lastMessage('success')).toContain('已指定管护责任人 王建国')
    await page.getByRole('tab', { name: '管护' }).click()
    const current = await page.getByTestId('custody-current').innerText()
    expect(current).toContain('福山地村民委员会')
    expect(current).toContain('王建国')
    expect(current).toContain('13904761234')
    // Owned, handed over and in custody: no open problems left on the page.
    await expect.poll(() => page.getByTestId('asset-problems').count()).toBe(0)
  })

  it('changes the status to 闲置: refused without 盘活措施, accepted with it', async () => {
    await page.getByTestId('act-status').click()
    const d = dialog('状态变动')
    await d.waitFor()
    await pickOption(page, 'status-select', '闲置')
    await d.getByTestId('status-note').fill('冬季封路，暂停通行')
    await d.getByTestId('dialog-save').click()
    await expect.poll(() => lastMessage('error')).toContain('盘活措施')
    const item = d.locator('.el-form-item', { has: page.getByTestId('status-measures') })
    await expect.poll(() => item.locator('.el-form-item__error').innerText()).toBe('状态为「闲置」时必须填写盘活措施')
    await app.shot('1x-asset-status-refused')
    await d.getByTestId('status-measures').fill('开春后恢复通行并安排养护')
    await d.getByTestId('dialog-save').click()
    await expect.poll(() => lastMessage('success')).toContain('状态已改为「闲置」')
    await expect.poll(() => page.getByTestId('asset-status').innerText()).toBe('闲置')
    await page.getByRole('tab', { name: '状态变动' }).click()
    expect(await page.getByTestId('status-table').innerText()).toContain('开春后恢复通行并安排养护')
  })

  it('adds a maintenance record and an attachment', async () => {
    await page.getByTestId('act-maintenance').click()
    const m = dialog('维护记录')
    await m.waitFor()
    await m.getByTestId('maintenance-content').fill('巡查路面，K1+200 处有裂缝，已报村委会')
    await m.getByTestId('dialog-save').click()
    await expect.poll(() => lastMessage('success')).toContain('巡查记录已保存')
    await openTab('管护')
    expect(await page.getByTestId('maintenance-table').innerText()).toContain('K1+200 处有裂缝')

    await page.getByTestId('act-attachment').click()
    const a = dialog('上传附件')
    await a.waitFor()
    await a.getByTestId('attachment-file').setInputFiles({ name: '竣工验收报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 验收报告') })
    await expect.poll(() => a.innerText()).toContain('竣工验收报告.pdf')
    await a.getByTestId('dialog-save').click()
    await expect.poll(() => lastMessage('success')).toContain('已上传附件「竣工验收报告.pdf」')
    await openTab('附件（1）')
    expect(await page.getByTestId('attachment-table').innerText()).toContain('竣工验收报告.pdf')
  })

  it('edits the asset in the same form, filled in', async () => {
    await page.getByTestId('act-edit').click()
    await page.getByTestId('f-name').waitFor()
    await expect.poll(async () => (await field('f-name')).inputValue()).toBe('福山地村2021年通村水泥路')
    expect(await page.getByTestId('fund-amount-1').inputValue()).toBe('50.0000')
    expect(await page.getByTestId('next-code').count()).toBe(0)
    await page.locator('.asset-form input[placeholder^="如 长5.08公里"]').fill('长2.5公里、宽4.5米、水泥混凝土路面')
    await page.keyboard.press('Control+s')
    await expect.poll(() => lastMessage('success')).toContain('已保存资产 150422G202100001')
    await page.getByTestId('asset-head').waitFor()
    await openTab('基本信息')
    await expect.poll(() => page.getByTestId('asset-tabs').innerText()).toContain('长2.5公里、宽4.5米、水泥混凝土路面')
  })

  it('shows every step in the asset’s 变动记录', async () => {
    await page.getByRole('tab', { name: '变动记录' }).click()
    const history = page.getByTestId('asset-tabs').getByTestId('audit-history')
    await expect.poll(() => history.innerText()).toContain('状态变动为「闲置」')
    const text = await history.innerText()
    expect(text).toContain('登记公益类资产「福山地村2021年通村水泥路」')
    expect(text).toContain('确权登记')
    expect(text).toContain('移交：巴林左旗交通运输局')
    expect(text).toContain('指定管护：王建国')
    expect(text).toContain('巡查记录')
    expect(text).toContain('上传附件「竣工验收报告.pdf」')
    expect(text).toContain('修改资产信息')
    await quiet()
    await openTab('基本信息')
    await app.shot('1x-asset-page')
    await openTab('变动记录')
    await app.shot('1x-asset-history')
  })

  it('registers an operating asset in 元 after confirming a warning', async () => {
    await openLedger('经营类资产', 'operating')
    await page.getByTestId('asset-new').click()
    await page.getByTestId('f-name').waitFor()
    await page.getByTestId('form-unit').getByText('元', { exact: true }).click()
    await fill('f-name', '哈拉哈达镇2023年肉牛养殖暖棚')
    await pickOption(page, 'f-subtype', '养殖业设施')
    await fill('f-quantity', '4')
    await pickOption(page, 'f-year', '2023年')
    // 原值 below the total investment: a warning to confirm (a multi-asset project).
    await fill('f-original', '800,000.00')
    await fill('f-total', '1000000')
    await pickOption(page, 'fund-level-0', '旗县')
    await fill('fund-amount-0', '600000')
    await page.getByTestId('fund-add').click()
    await pickOption(page, 'fund-source-1', '村集体自筹')
    await fill('fund-amount-1', '400000')
    await expect.poll(() => page.getByTestId('fund-diff').innerText()).toBe('一致')
    await pickOption(page, 'f-town', '哈拉哈达镇')
    await pickOption(page, 'f-village', await firstVillage('哈拉哈达镇'))
    await page.getByTestId('asset-save').click()
    const box = page.locator('.el-message-box')
    await expect.poll(() => box.getByTestId('warning-list').innerText()).toContain('「资产原值」')
    await page.waitForTimeout(400)
    await app.shot('1x-asset-warning')
    await box.getByRole('button', { name: '确认保存' }).click()
    await expect.poll(() => lastMessage('success')).toMatch(/已登记，资产编号 150422J202300001/)
    await page.getByTestId('asset-head').waitFor()
    await expect(page.getByTestId('act-operation').isVisible()).resolves.toBe(true)
    await page.getByRole('tab', { name: '运营与收益' }).click()
    await expect.poll(() => page.getByText('收益登记与分配功能将在后续版本提供').isVisible()).toBe(true)
  })

  it('registers a household asset', async () => {
    await openLedger('到户类资产', 'household')
    await page.getByTestId('asset-new').click()
    await page.getByTestId('f-name').waitFor()
    await fill('f-name', '十三敖包镇2024年基础母牛（到户）')
    await pickOption(page, 'f-subtype', '牲畜/生物资产')
    expect(await (await field('f-unit')).inputValue()).toBe('头')
    await fill('f-quantity', '30')
    await pickOption(page, 'f-year', '2024年')
    await fill('f-original', '36')
    await fill('f-total', '36')
    await pickOption(page, 'fund-source-0', '财政衔接推进乡村振兴补助资金')
    await pickOption(page, 'fund-level-0', '自治区')
    await fill('fund-amount-0', '30')
    await page.getByTestId('fund-add').click()
    await pickOption(page, 'fund-source-1', '农户自筹')
    await fill('fund-amount-1', '6')
    await pickOption(page, 'f-town', '十三敖包镇')
    await pickOption(page, 'f-village', await firstVillage('十三敖包镇'))
    await fill('f-beneficiaryHouseholds', '30')
    await fill('f-beneficiaryPersons', '96')
    await fill('f-poorHouseholds', '30')
    await page.getByTestId('asset-save').click()
    await expect.poll(() => lastMessage('success')).toMatch(/已登记，资产编号 150422H202400001/)
    await page.getByTestId('asset-head').waitFor()
    // No 确权/移交/管护 for household assets: they belong to the households.
    expect(await page.getByTestId('act-confirm').count()).toBe(0)
  })

  it('lists each ledger with totals, filters from the address, and opens a row', async () => {
    await openLedger('公益类资产', 'public')
    await expect.poll(() => page.getByTestId('ledger-totals').innerText()).toContain('共 1 项，原值合计 150.0000 万元')
    const table = page.getByTestId('ledger-table')
    await expect.poll(() => table.innerText()).toContain('福山地村2021年通村水泥路')
    expect(await table.innerText()).toContain('福山地村民委员会')
    expect(await table.innerText()).toContain('林东镇 · 福山地村')
    await quiet()
    await app.shot('1x-ledger-public')

    await page.getByTestId('ledger-unit').getByText('元', { exact: true }).click()
    await expect.poll(() => page.getByTestId('ledger-totals').innerText()).toContain('原值合计 1,500,000.00 元')
    await page.getByTestId('ledger-unit').getByText('万元', { exact: true }).click()

    // The search box: pinyin initials, Enter searches at once.
    await page.getByTestId('ledger-search').fill('fsdc')
    await page.getByTestId('ledger-search').press('Enter')
    await expect.poll(() => page.url()).toContain('q=fsdc')
    await expect.poll(() => page.getByTestId('ledger-totals').innerText()).toContain('共 1 项')
    await page.getByTestId('ledger-search').fill('不存在的资产')
    await expect.poll(() => page.getByTestId('ledger-totals').innerText()).toContain('共 0 项')
    await expect.poll(() => table.innerText()).toContain('没有符合条件的资产')
    await page.getByRole('button', { name: '清空条件' }).click()
    await expect.poll(() => page.getByTestId('ledger-totals').innerText()).toContain('共 1 项')

    // Drill-in from the home charts and the problem list: filters in the address.
    await page.goto(`${app.url}/#/ledger/public?status=正常`)
    await expect.poll(() => page.getByTestId('ledger-totals').innerText()).toContain('共 0 项')
    await page.goto(`${app.url}/#/ledger/public?status=闲置&townCode=150422100000`)
    await expect.poll(() => page.getByTestId('ledger-totals').innerText()).toContain('共 1 项')
    await page.goto(`${app.url}/#/ledger/public?problem=无管护主体`)
    await expect.poll(() => page.getByTestId('ledger-totals').innerText()).toContain('共 0 项')
    expect(await page.getByTestId('filter-problem').innerText()).toContain('问题：无管护主体')
    await page.goto(`${app.url}/#/ledger/public`)
    await expect.poll(() => table.locator('.el-table__body tr').count()).toBe(1)
    await table.locator('.el-table__body tr').first().click()
    await expect.poll(() => page.url()).toContain(`/assets/${publicId}`)

    await openLedger('经营类资产', 'operating')
    await expect.poll(() => page.getByTestId('ledger-totals').innerText()).toContain('共 1 项，原值合计 80.0000 万元')
    await expect.poll(() => table.innerText()).toContain('哈拉哈达镇2023年肉牛养殖暖棚')
    await quiet()
    await app.shot('1x-ledger-operating')

    await openLedger('到户类资产', 'household')
    await expect.poll(() => page.getByTestId('ledger-totals').innerText()).toContain('共 1 项，原值合计 36.0000 万元')
    await expect.poll(() => table.innerText()).toContain('30 头')
    await quiet()
    await app.shot('1x-ledger-household')
  })

  it('remembers the chosen columns per ledger', async () => {
    await page.getByTestId('column-chooser').click()
    const popover = page.locator('.el-popover:visible')
    await popover.getByText('乡镇 / 村', { exact: true }).click()
    await popover.getByText('所有权人', { exact: true }).click()
    const head = () => page.getByTestId('ledger-table').locator('thead').innerText()
    await expect.poll(head).not.toContain('乡镇 / 村')
    await expect.poll(head).toContain('所有权人')
    await page.keyboard.press('Escape')
    await openLedger('公益类资产', 'public')
    await expect.poll(head).toContain('乡镇 / 村')
    await expect.poll(head).not.toContain('所有权人')
    await openLedger('到户类资产', 'household')
    await expect.poll(head).not.toContain('乡镇 / 村')
    const saved = await page.evaluate(() => localStorage.getItem('ledger.columns.household'))
    expect(JSON.parse(saved!)).toContain('ownerNames')
    expect(JSON.parse(saved!)).not.toContain('location')
  })
})
