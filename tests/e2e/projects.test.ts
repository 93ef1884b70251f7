import type { Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openApp, pickOption, setupBaarinLeft, type AppUnderTest } from './support'

/**
 * The fund project library through the UI (issue 4): an industry project refused at 审定入库 without
 * a 联农带农 mechanism; a 乡村建设 project from 申报 to 验收; a fund document issued, allocated and
 * paid in part; the 调度 board and the compliance monitor with hand-computed rates; the hand-over
 * wizard splitting the project into two assets whose funding lines sum exactly to the project's.
 * Screenshots: test-output/screenshots/4x-*.png.
 *
 * Money (元): document 中央 XJ 2,000,000.00; allocated 1,000,000.00 to the road project and
 * 600,000.00 to the industry project; the road project paid 600,000.00 and spent 400,000.00.
 * → 分配率 80.0 %, 拨付率 30.0 %, 支出率 20.0 % of the document; the road project 拨付率 60.00 %,
 * 支出率 40.00 %; industry share 600,000 / 2,000,000 = 30.00 % (< 55 %: red); non-poverty-village
 * share 1,000,000 / 2,000,000 = 50.00 % (> 30 %: red); management fee 0.00 %.
 */
describe('项目库：入库、流程、资金、调度、监测、资产移交', () => {
  let app: AppUnderTest
  let page: Page
  let industryId = 0
  let roadId = 0
  let docId = 0
  let villageA = '' // not a 脱贫村: the road project
  let villageB = '' // a 脱贫村: the industry project
  const year = new Date().getFullYear()
  const d = (md: string) => `${year}-${md}`

  beforeAll(async () => {
    app = await openApp('projects')
    page = app.page
    await setupBaarinLeft(page)
    const tree = await app.api<{ children: { name: string; children: { code: string; name: string }[] }[] }[]>('regions.tree')
    const town = tree.data![0].children.find((t) => t.name === '林东镇')!
    villageA = town.children[0].name
    villageB = town.children[1].name
    expect((await app.api('regions.setFlags', { code: town.children[0].code, isFormerPoorVillage: false })).ok).toBe(true)
    expect((await app.api('regions.setFlags', { code: town.children[1].code, isFormerPoorVillage: true })).ok).toBe(true)
  })
  afterAll(async () => {
    await app?.close()
  })
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await app?.shot(`fail-projects-${ctx.task.name.slice(0, 24)}`)
  })

  async function field(testId: string, scope: Page | Locator = page): Promise<Locator> {
    const el = scope.getByTestId(testId).first()
    const tag = await el.evaluate((e) => e.tagName)
    return tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()
  }
  async function fill(testId: string, value: string, scope: Page | Locator = page) {
    const input = await field(testId, scope)
    await input.fill(value)
    await input.blur()
  }
  async function fillDate(testId: string, value: string, scope: Page | Locator = page) {
    const input = await field(testId, scope)
    await input.fill(value)
    await input.press('Enter')
    // Escape would close a dialog too: inside one, a click on its title closes the calendar.
    if (scope === page) await page.keyboard.press('Escape')
    else await (scope as Locator).locator('.el-dialog__header').click()
    await expect.poll(() => input.inputValue()).toBe(value)
  }
  async function quiet() {
    await page.evaluate(() => document.querySelectorAll<HTMLElement>('.el-message .el-message__closeBtn').forEach((b) => b.click()))
    await expect.poll(() => page.locator('.el-message').count(), { timeout: 5000 }).toBe(0)
  }
  const lastMessage = (type: 'success' | 'error') => page.locator(`.el-message--${type}`).last().innerText()
  /** Confirms the warning list when one comes (保存 with W findings). */
  async function confirmWarningsIfAsked() {
    const box = page.locator('.el-message-box:visible')
    await page.waitForTimeout(400)
    if (await box.count()) await box.getByRole('button', { name: '确认保存' }).click()
  }
  async function pickOrg(testId: string, name: string, type?: string) {
    await page.getByTestId(testId).click()
    await page.keyboard.type(name)
    const existing = page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^${name}`) })
    const add = page.locator('.el-select-dropdown__item:visible', { hasText: `新增单位「${name}」` })
    await expect.poll(async () => (await existing.count()) + (await add.count())).toBeGreaterThan(0)
    if (await add.count()) await add.first().click()
    else await existing.first().click()
    if (type) await pickOption(page, `${testId}-type`, type)
  }
  /** The open Element Plus dialog (one at a time). */
  const dialogBox = () => page.locator('.el-dialog:visible').last()
  async function openMenu(name: string, testId: string) {
    await page.getByRole('menuitem', { name, exact: true }).click()
    await page.getByTestId(testId).waitFor()
  }
  /** One lifecycle step through its dialog; resolves when the status shows the new one. */
  async function step(action: string, date: string, toStatus: string, docNo = '') {
    await page.getByTestId(`pa-${action}`).click()
    const dlg = dialogBox()
    await dlg.waitFor()
    await fillDate('tr-date', date, dlg)
    if (docNo) await fill('tr-doc', docNo, dlg)
    await fill('tr-actor', '林东镇人民政府', dlg)
    await dlg.getByTestId('dialog-save').click()
    await confirmWarningsIfAsked()
    await expect.poll(() => page.getByTestId('project-status').innerText(), { timeout: 10_000 }).toBe(toStatus)
  }
  async function addIndicator(name: string, target: string, unit: string) {
    await page.getByRole('tab', { name: '绩效指标' }).click()
    await page.getByTestId('ind-add').click()
    await fill('ind-name-0', name)
    await fill('ind-target-0', target)
    await fill('ind-unit-0', unit)
    await page.getByTestId('ind-save').click()
    await expect.poll(() => lastMessage('success')).toContain('绩效指标已保存')
  }

  it('refuses 审定入库 of an industry project without a 联农带农 mechanism, in Chinese, on screen', async () => {
    await openMenu('项目库', 'project-list')
    await expect.poll(() => page.getByTestId('project-table').innerText()).toContain('项目库还没有项目')
    await page.getByTestId('project-new').click()
    await page.getByTestId('pj-name').waitFor()
    await page.getByTestId('pj-unit').getByText('元', { exact: true }).click()
    await fill('pj-name', `${year}年${villageB}肉牛养殖产业项目`)
    await pickOption(page, 'pj-type', '产业发展')
    await expect.poll(() => page.getByTestId('pj-industry-hint').innerText()).toContain('未建立联农带农机制')
    await pickOption(page, 'pj-town', '林东镇')
    await pickOption(page, 'pj-villages', villageB)
    await page.keyboard.press('Escape')
    await fill('pj-content', '新建标准化牛舍2栋，购置基础母牛60头')
    await fill('pj-total', '600000')
    await fill('fund-amount-0', '600000')
    await fill('pj-dept', '巴林左旗农牧局')
    await fill('pj-impl', '林东镇人民政府')
    await page.getByTestId('project-save').click()
    // Saving an industry project without the mechanism is a warning; 入库 will refuse it.
    await expect.poll(() => page.getByTestId('warning-list').innerText()).toContain('联农带农机制')
    await page.getByRole('button', { name: '确认保存' }).click()
    await page.getByTestId('project-head').waitFor()
    industryId = Number(/#\/projects\/(\d+)/.exec(page.url())![1])
    expect(await page.getByTestId('project-status').innerText()).toBe('草稿')
    await addIndicator('新增基础母牛', '60', '头')

    await step('申报', d('03-01'), '申报')
    await step('审核', d('03-05'), '审核')
    await step('论证', d('03-08'), '论证')
    await page.getByTestId('pa-审定入库').click()
    const dlg = dialogBox()
    await dlg.waitFor()
    await fillDate('tr-date', d('03-20'), dlg)
    await fill('tr-doc', `左乡振组发〔${year}〕3号`, dlg)
    await fill('tr-actor', '巴林左旗巩固衔接领导小组', dlg)
    await dlg.getByTestId('dialog-save').click()
    await expect.poll(() => dlg.getByTestId('tr-refusal').innerText()).toContain('产业发展项目未建立联农带农（带贫减贫）机制，不得入库')
    expect(await lastMessage('error')).toContain('不得入库')
    await app.shot('4x-project-refused')
    await dlg.getByRole('button', { name: '取消' }).click()
    expect(await page.getByTestId('project-status').innerText()).toBe('论证')

    // Mended (mechanism written) and taken into the plan behind the scenes, for the board's rates.
    const got = await app.api<Record<string, unknown>>('projects.get', { id: industryId })
    const p = got.data!
    const upd = await app.api('projects.update', {
      ...p,
      id: industryId,
      villageCodes: (p.villages as { code: string }[]).map((v) => v.code),
      fundSources: (p.fundSources as Record<string, unknown>[]).map(({ id: _id, ...f }) => f),
      linkMechanism: '合作社统一养殖，脱贫户以补助资金入股，每年按入股金额8%分红',
      acceptWarnings: true,
    })
    expect(upd.ok, JSON.stringify(upd)).toBe(true)
    for (const [action, date] of [
      ['审定入库', d('03-20')],
      ['纳入计划', d('03-25')],
    ]) {
      const r = await app.api('projects.transition', { id: industryId, action, date, docNo: '左乡振组发〔2026〕3号', actor: '领导小组', acceptWarnings: true })
      expect(r.ok, JSON.stringify(r)).toBe(true)
    }
  })

  it('takes a 乡村建设 project from 申报 to 验收 through the UI', async () => {
    await openMenu('项目库', 'project-list')
    await page.getByTestId('project-new').click()
    await page.getByTestId('pj-name').waitFor()
    await page.getByTestId('pj-unit').getByText('元', { exact: true }).click()
    await fill('pj-name', `${year}年${villageA}通村道路硬化项目`)
    await pickOption(page, 'pj-type', '乡村建设行动')
    await pickOption(page, 'pj-subtype', '农村基础设施')
    await pickOption(page, 'pj-town', '林东镇')
    await pickOption(page, 'pj-villages', villageA)
    await page.keyboard.press('Escape')
    await fill('pj-content', '新建并硬化通村水泥路5.08公里、宽4.5米、厚0.18米；新建饮水井1眼')
    await fill('pj-total', '1500000')
    await fill('fund-amount-0', '1000000')
    await page.getByTestId('fund-add').click()
    await pickOption(page, 'fund-source-1', '财政衔接推进乡村振兴补助资金')
    await pickOption(page, 'fund-level-1', '自治区')
    await fill('fund-amount-1', '333333.33')
    await page.getByTestId('fund-add').click()
    await pickOption(page, 'fund-source-2', '村集体自筹')
    await fill('fund-amount-2', '166666.67')
    await expect.poll(() => page.getByTestId('fund-diff').innerText()).toBe('一致')
    await fill('pj-dept', '巴林左旗交通运输局')
    await fill('pj-impl', '林东镇人民政府')
    await fill('pj-person', '李志强')
    await fill('pj-households', '186')
    await fill('pj-persons', '512')
    await fill('pj-link', '项目建成后由村集体管护，优先吸纳脱贫户参与建设务工')
    await fill('pj-goal', '年内完成通村路硬化5.08公里，受益群众满意度不低于95%')
    await page.getByTestId('pj-name').scrollIntoViewIfNeeded()
    await app.shot('4x-project-form')
    await page.getByTestId('project-save').click()
    await confirmWarningsIfAsked()
    await page.getByTestId('project-head').waitFor()
    roadId = Number(/#\/projects\/(\d+)/.exec(page.url())![1])
    expect(await page.getByTestId('project-code').innerText()).toMatch(new RegExp(`^${year}`))
    await addIndicator('硬化道路长度', '5.08', '公里')

    // the village publicity before the library decision
    await page.getByTestId('project-publicity').click()
    const pub = dialogBox()
    await pub.waitFor()
    await fillDate('pub-start', d('03-02'), pub)
    await fillDate('pub-end', d('03-08'), pub)
    await expect.poll(() => pub.getByTestId('pub-days').innerText()).toBe('共 7 天')
    await fill('pub-place', `${villageA}村务公开栏`, pub)
    await pub.getByTestId('dialog-save').click()
    await confirmWarningsIfAsked()
    await expect.poll(() => lastMessage('success')).toContain('公示')

    await step('申报', d('03-01'), '申报')
    await step('审核', d('03-10'), '审核')
    await step('论证', d('03-15'), '论证')
    await step('审定入库', d('03-20'), '入库', `左乡振组发〔${year}〕3号`)
    await step('纳入计划', d('03-25'), '纳入年度计划', `左乡振发〔${year}〕8号`)
    await step('开工', d('04-10'), '开工')
    // a 调整 (content only) with its approval: status kept, before/after recorded
    await page.getByTestId('pa-调整').click()
    const adj = dialogBox()
    await adj.getByTestId('adj-content').waitFor()
    await fill('adj-content', '新建并硬化通村水泥路5.08公里、宽5米、厚0.18米；新建饮水井1眼', adj)
    await fill('adj-org', '巴林左旗巩固衔接领导小组', adj)
    await fill('adj-doc', `左扶组字〔${year}〕5号`, adj)
    await fill('adj-reason', '村民代表大会决议加宽路面', adj)
    await adj.getByTestId('dialog-save').click()
    await confirmWarningsIfAsked()
    await expect.poll(() => lastMessage('success')).toContain('调整已登记')
    expect(await page.getByTestId('project-status').innerText()).toBe('开工')
    await page.getByRole('tab', { name: /调整/ }).click()
    await expect.poll(() => page.getByTestId('adjustment-list').innerText()).toContain('宽5米')
    expect(await page.getByTestId('adjustment-list').innerText()).toContain('宽4.5米')
    expect(await page.getByTestId('adjustment-list').innerText()).toContain(`左扶组字〔${year}〕5号`)
    await quiet()
    await app.shot('4x-project-adjustment')
    await step('完工', d('09-30'), '完工')
    await step('验收', d('10-20'), '验收')
    await expect.poll(() => page.getByTestId('pa-资产移交').count()).toBe(1)

    await page.getByRole('tab', { name: '流程' }).click()
    const timeline = await page.getByTestId('project-timeline').innerText()
    for (const s of ['申报', '审核', '论证', '审定入库', '纳入计划', '开工', '完工', '验收']) expect(timeline).toContain(s)
    expect(timeline).toContain(`左乡振组发〔${year}〕3号`)
    await page.getByRole('tab', { name: /公示/ }).click()
    expect(await page.getByTestId('publicity-table').innerText()).toContain('7 天')
    await page.getByRole('tab', { name: '变动记录' }).click()
    await expect.poll(() => page.getByTestId('audit-history').innerText()).not.toContain('暂无变动记录')
    await quiet()
    await page.getByRole('tab', { name: '流程' }).click()
    await page.waitForTimeout(300)
    await app.shot('4x-project-page')
  })

  it('issues money by a fund document, allocates it and pays part of it', async () => {
    await openMenu('资金文件', 'fund-docs')
    await page.getByTestId('fund-doc-new').click()
    const dlg = dialogBox()
    await dlg.waitFor()
    await fill('fd-no', `内财农〔${year}〕12号`, dlg)
    await fillDate('fd-date', d('02-20'), dlg)
    await fill('fd-amount', '200', dlg) // 万元
    await dlg.getByTestId('dialog-save').click()
    await confirmWarningsIfAsked()
    await expect.poll(() => lastMessage('success')).toContain(`内财农〔${year}〕12号`)
    await expect.poll(() => page.getByTestId('fund-doc-table').innerText()).toContain('200.0000')
    const docs = await app.api<{ rows: { id: number }[] }>('fundDocs.list', {})
    docId = docs.data!.rows[0].id

    // 分配到项目 from the document
    await page.getByTestId(`fd-allocate-内财农〔${year}〕12号`).click()
    const alloc = dialogBox()
    await alloc.waitFor()
    await alloc.getByTestId('money-project').click()
    await page.keyboard.type('通村道路')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '通村道路硬化项目' }).first().click()
    await fill('money-amount', '100', alloc)
    await fillDate('money-date', d('03-25'), alloc)
    await alloc.getByTestId('dialog-save').click()
    await confirmWarningsIfAsked()
    await expect.poll(() => lastMessage('success')).toContain('已登记分配 1,000,000.00 元')
    // the industry project's share, behind the scenes
    const r = await app.api('funds.allocate', { fundDocId: docId, projectId: industryId, amountFen: 60_000_000, allocDate: d('03-25'), acceptWarnings: true })
    expect(r.ok, JSON.stringify(r)).toBe(true)
    await page.getByTestId('fdf-year').click()
    await page.keyboard.press('Escape')
    await page.reload()
    await page.getByTestId('fund-doc-table').waitFor()
    await expect.poll(() => page.getByTestId('fund-doc-table').innerText()).toContain('80.00%')
    await quiet()
    await app.shot('4x-fund-docs')

    // 拨付 and 支出 in part, from the project page
    await page.goto(`${app.url}/#/projects/${roadId}`)
    await page.getByTestId('project-head').waitFor()
    await page.getByTestId('project-pay').click()
    const pay = dialogBox()
    await pay.waitFor()
    await fill('money-amount', '60', pay)
    await fillDate('money-date', d('06-15'), pay)
    await fill('money-payee', '赤峰路桥建设有限公司', pay)
    await fill('money-voucher', `GK${year}-0615`, pay)
    await pay.getByTestId('dialog-save').click()
    await confirmWarningsIfAsked()
    await expect.poll(() => lastMessage('success')).toContain('已登记拨付 600,000.00 元')
    await page.getByTestId('project-spend').click()
    const spend = dialogBox()
    await spend.waitFor()
    await fill('money-amount', '40', spend)
    await fillDate('money-date', d('07-20'), spend)
    await fill('money-voucher', `JZ${year}-0720`, spend)
    await spend.getByTestId('dialog-save').click()
    await confirmWarningsIfAsked()
    await expect.poll(() => lastMessage('success')).toContain('已登记支出 400,000.00 元')
    await page.getByRole('tab', { name: '资金' }).click()
    await expect.poll(() => page.getByTestId('project-payment-rate').innerText()).toBe('60.00%')
    expect(await page.getByTestId('project-expenditure-rate').innerText()).toBe('40.00%')
    expect(await page.getByTestId('allocation-table').innerText()).toContain('1,000,000.00')
    await quiet()
    await app.shot('4x-project-money')
  })

  it('shows the 调度 board with the rates computed by hand', async () => {
    await openMenu('调度', 'project-board')
    await expect.poll(() => page.getByTestId('board-inLibrary').innerText()).toContain('2')
    expect(await page.getByTestId('board-planned').innerText()).toContain('2')
    // planned 2: the road project started and completed, the industry project not yet
    expect(await page.getByTestId('board-startRate').innerText()).toContain('50.00%')
    expect(await page.getByTestId('board-completionRate').innerText()).toContain('50.00%')
    const levels = await page.getByTestId('board-levels').innerText()
    expect(levels).toContain('中央')
    expect(levels).toContain('200.0000')
    expect(levels).toContain('160.0000')
    expect(levels).toContain('80.0%')
    expect(levels).toContain('30.0%')
    expect(levels).toContain('20.0%')
    expect(await page.getByTestId('board-milestone').innerText()).toContain('当前支出率 20.00%')
    await page.getByTestId('chart-rates').locator('canvas').first().waitFor()
    await page.waitForTimeout(500)
    await app.shot('4x-board')
    await page.getByTestId('board-behind').scrollIntoViewIfNeeded()
    expect(await page.getByTestId('board-behind').innerText()).toContain('通村道路硬化项目')
    await page.waitForTimeout(300)
    await app.shot('4x-board-bottom')
  })

  it('shows the compliance monitor with the crossed shares in red, drillable to the projects', async () => {
    await openMenu('使用监测', 'compliance')
    const industry = page.getByTestId('cell-全部-industryShare')
    await expect.poll(() => industry.innerText()).toContain('30.00%')
    expect(await industry.getAttribute('class')).toContain('crossed')
    const nonPoor = page.getByTestId('cell-全部-nonPoorVillageShare')
    expect(await nonPoor.innerText()).toContain('50.00%')
    expect(await nonPoor.getAttribute('class')).toContain('crossed')
    const fee = page.getByTestId('cell-全部-managementFeeShare')
    expect(await fee.innerText()).toContain('0.00%')
    expect(await fee.getAttribute('class')).not.toContain('crossed')
    expect(await page.getByTestId('cell-中央-industryShare').innerText()).toContain('30.00%')
    await app.shot('4x-compliance')
    await industry.click()
    await page.getByTestId('project-list').waitFor()
    await expect.poll(() => page.getByTestId('pf-ids').innerText()).toContain('1 个项目')
    await expect.poll(() => page.getByTestId('project-table').innerText()).toContain('肉牛养殖产业项目')
    expect(await page.getByTestId('project-table').innerText()).not.toContain('通村道路')
    await page.getByTestId('pf-ids').locator('.el-tag__close').click()
    await expect.poll(() => page.getByTestId('project-table').innerText()).toContain('通村道路')
    await app.shot('4x-project-list')
  })

  it('hands the accepted project over into two assets whose funding lines sum exactly to the project', async () => {
    await page.goto(`${app.url}/#/projects/${roadId}`)
    await page.getByTestId('project-head').waitFor()
    await page.getByTestId('pa-资产移交').click()
    await page.getByTestId('handover-wizard').waitFor()
    await page.getByTestId('hw-unit').getByText('元', { exact: true }).click()
    await fill('hw-doc', `左移〔${year}〕021号`)
    await fill('hw-actor', '巴林左旗乡村振兴局')
    await page.getByTestId('hw-next').click()

    await page.getByTestId('hw-asset-0').waitFor()
    await fill('hw-name-0', `${villageA}通村水泥路`)
    await pickOption(page, 'hw-subtype-0', '道路交通')
    await fill('hw-qty-0', '5.08')
    await fill('hw-value-0', '1000000.01')
    await pickOrg('hw-owner-0', `${villageA}股份经济合作社`)
    await pickOrg('hw-cust-org-0', `${villageA}民委员会`)
    await fill('hw-cust-person-0', '王建国')
    await page.getByTestId('hw-add-asset').click()
    await page.getByTestId('hw-asset-1').waitFor()
    // the second asset takes the rest: 1,500,000.00 − 1,000,000.01
    expect(await (await field('hw-value-1')).inputValue()).toBe('499,999.99')
    await fill('hw-name-1', `${villageA}饮水井`)
    await pickOption(page, 'hw-subtype-1', '供水饮水')
    await fill('hw-qty-1', '1')
    await pickOrg('hw-owner-1', '林东镇人民政府', '乡镇（苏木）人民政府')
    await pickOrg('hw-cust-org-1', '林东镇农村供水管理站', '其他')
    await fill('hw-cust-person-1', '张海军')
    await expect.poll(() => page.getByTestId('hw-assigned').innerText()).toContain('一致')
    await app.shot('4x-wizard-assets')
    await page.getByTestId('hw-next').click()

    const preview = page.getByTestId('hw-preview')
    await preview.waitFor()
    const row0 = await page.getByTestId('hw-preview-row-0').innerText()
    for (const v of ['666,666.67', '222,222.22', '111,111.12', '1,000,000.01']) expect(row0).toContain(v)
    const row1 = await page.getByTestId('hw-preview-row-1').innerText()
    for (const v of ['333,333.33', '111,111.11', '55,555.55', '499,999.99']) expect(row1).toContain(v)
    const sums = await page.getByTestId('hw-preview-sum').innerText()
    for (const v of ['1,000,000.00', '333,333.33', '166,666.67', '1,500,000.00']) expect(sums).toContain(v)
    expect(await page.getByTestId('hw-preview-check').innerText()).toContain('一致')
    await app.shot('4x-wizard-preview')
    await page.getByTestId('hw-confirm').click()
    await confirmWarningsIfAsked()
    await page.getByTestId('hw-done').waitFor({ timeout: 15_000 })
    expect(await page.getByTestId('hw-done').innerText()).toContain('形成 2 项资产')
    await quiet()
    await app.shot('4x-wizard-done')

    // the assets as stored: each sums to its value, each source sums to the project's line
    const project = (await app.api<{ status: string; assets: { id: number }[]; fundSources: { sourceType: string; level: string | null; amountFen: number }[] }>('projects.get', { id: roadId })).data!
    expect(project.status).toBe('资产移交')
    expect(project.assets).toHaveLength(2)
    const bySource = new Map<string, number>()
    const values: number[] = []
    for (const a of project.assets) {
      const asset = (await app.api<{ originalValueFen: number; projectCode: string; fundSources: { sourceType: string; level: string | null; amountFen: number }[] }>('assets.get', { id: a.id })).data!
      const sum = asset.fundSources.reduce((n, f) => n + f.amountFen, 0)
      expect(sum).toBe(asset.originalValueFen)
      values.push(asset.originalValueFen)
      for (const f of asset.fundSources) bySource.set(`${f.sourceType}/${f.level}`, (bySource.get(`${f.sourceType}/${f.level}`) ?? 0) + f.amountFen)
    }
    expect(values.sort((x, y) => y - x)).toEqual([100_000_001, 49_999_999])
    for (const f of project.fundSources) expect(bySource.get(`${f.sourceType}/${f.level}`)).toBe(f.amountFen)
    expect([...bySource.values()].reduce((n, v) => n + v, 0)).toBe(150_000_000)

    // and the link leads to the asset page, whose 资金来源 shows the carried-over lines
    await page.getByTestId(`hw-created-${project.assets[0].id}`).click()
    await page.getByTestId('asset-head').waitFor()
    await page.getByRole('tab', { name: '资金来源' }).click()
    const funds = await page.getByTestId('fund-table').innerText()
    expect(funds).toMatch(/666,666\.67|333,333\.33/)
    await app.shot('4x-asset-from-project')
    await page.goto(`${app.url}/#/projects/${roadId}?tab=assets`)
    await page.getByTestId('project-assets').waitFor()
    expect(await page.getByTestId('project-assets').innerText()).toContain('通村水泥路')
  })

  it('hands a 到户类 project over into household lines picked from the roster', async () => {
    // the roster and an accepted 到户 project, behind the scenes
    const idNo = (body17: string) => {
      const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
      const sum = [...body17].reduce((n, c, i) => n + Number(c) * w[i], 0)
      return body17 + '10X98765432'[sum % 11]
    }
    const tree = await app.api<{ children: { code: string; name: string; children: { code: string; name: string }[] }[] }[]>('regions.tree')
    const town = tree.data![0].children.find((t) => t.name === '林东镇')!
    const village = town.children[1]
    for (const [name, body] of [
      ['乌力吉', '15042219800101001'],
      ['孟和巴雅尔', '15042219820304002'],
    ]) {
      const r = await app.api('households.create', { headName: name, idNo: idNo(body), size: 4, attribute: '脱贫户', villageCode: village.code, acceptWarnings: true })
      expect(r.ok, JSON.stringify(r)).toBe(true)
    }
    const created = await app.api<{ id: number }>('projects.create', {
      name: `${year}年${village.name}到户肉牛养殖奖补项目`,
      year,
      libraryYear: year,
      typeCode: 'CY',
      subtype: '到户产业奖补',
      nature: '新建',
      townCode: town.code,
      villageCodes: [village.code],
      content: '为2户脱贫户各补助基础母牛1头',
      totalInvestmentFen: 1_000_000,
      fundSources: [{ sourceType: 'XJ', level: '中央', amountFen: 1_000_000 }],
      sectorDept: '巴林左旗农牧局',
      implUnit: '林东镇人民政府',
      linkMechanism: '直接补助到户，脱贫户自养增收',
      performanceGoal: '2户脱贫户各增加基础母牛1头',
      formsAsset: true,
      expectedAssetClass: '到户类',
      acceptWarnings: true,
    })
    expect(created.ok, JSON.stringify(created)).toBe(true)
    const pid = created.data!.id
    expect((await app.api('projects.saveIndicators', { projectId: pid, indicators: [{ level1: '产出指标', level2: '数量指标', name: '补助基础母牛', operator: '=', targetValue: '2', unit: '头' }] })).ok).toBe(true)
    for (const [action, date] of [
      ['申报', d('04-01')],
      ['审核', d('04-02')],
      ['论证', d('04-03')],
      ['审定入库', d('04-10')],
      ['纳入计划', d('04-12')],
      ['开工', d('05-01')],
      ['完工', d('06-01')],
      ['验收', d('06-10')],
    ]) {
      const r = await app.api('projects.transition', { id: pid, action, date, docNo: 'X', actor: '林东镇', acceptWarnings: true })
      expect(r.ok, `${action}: ${JSON.stringify(r)}`).toBe(true)
    }

    await page.goto(`${app.url}/#/projects/${pid}/handover`)
    await page.getByTestId('handover-wizard').waitFor()
    await page.getByTestId('hw-unit').getByText('元', { exact: true }).click()
    await expect.poll(() => page.getByTestId('hw-mode').locator('.is-active').innerText()).toContain('到户类')
    await fill('hw-actor', '林东镇人民政府')
    await page.getByTestId('hw-next').click()
    await page.getByTestId('hw-step-lines').waitFor()
    for (const name of ['乌力吉', '孟和巴雅尔']) {
      await page.getByTestId('hw-household').click()
      await page.keyboard.type(name)
      await page.locator('.el-select-dropdown__item:visible', { hasText: name }).first().click()
      if (name === '乌力吉') {
        await fill('hw-item-0', '基础母牛')
        await pickOption(page, 'hw-line-subtype-0', '牲畜/生物资产')
        await fill('hw-amount-0', '5000')
      }
    }
    // the second household copies the first row's item, type and amount
    await expect.poll(() => page.getByTestId('hw-step-lines').innerText()).toContain('共 2 户，补助合计 10,000.00 元')
    expect(await page.getByTestId('hw-step-lines').innerText()).toContain('一致')
    await app.shot('4x-wizard-household')
    await page.getByTestId('hw-next').click()
    await page.getByTestId('hw-confirm').click()
    await confirmWarningsIfAsked()
    await page.getByTestId('hw-done').waitFor({ timeout: 15_000 })
    expect(await page.getByTestId('hw-done').innerText()).toContain('登记到户花名册 2 条')
    const after = (await app.api<{ status: string; householdLines: { count: number; amountFen: number } }>('projects.get', { id: pid })).data!
    expect(after.status).toBe('资产移交')
    expect(after.householdLines).toEqual({ count: 2, amountFen: 1_000_000 })
  })
})
