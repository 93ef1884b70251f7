import { describe, expect, it } from 'vitest'
import { validateInput } from '../../src-main/api/validate'
import type { ServiceHost } from '../../src-main/core/service-host'
import { todayIso } from '../../src-main/domain/dates'
import type { AppError } from '../../src-main/domain/errors'
import { maskIdCard } from '../../src-main/domain/id-card'
import { listAudit } from '../../src-main/services/audit'
import { createHousehold, createHouseholdLine, getHousehold, householdLineTotals, listHouseholdLines, updateHousehold, updateHouseholdLine } from '../../src-main/services/households'
import { findingsOf, FUSHANDI, hostWithHousehold, householdInput, idNo, lineInput, refused } from '../support/households'
import { autoCleanup, LINDONG } from '../support/temp'

autoCleanup()

const findings = (e: AppError) => findingsOf(e)

/** An asset row of a class, inserted directly (the asset services are not under test here). */
function insertAsset(host: ServiceHost, cls: '公益类' | '经营类' | '到户类', code: string) {
  const subtype = { 公益类: 'G01', 经营类: 'J01', 到户类: 'H01' }[cls]
  return Number(
    host.db
      .prepare(
        `INSERT INTO asset (code, name, class, subtype_code, form, property_nature, unit, fund_year, town_code, confirm_level)
         VALUES (?, ?, ?, ?, '固定资产', '集体资产', '个', 2021, ?, '村（嘎查）级')`,
      )
      .run(code, `${cls}测试资产`, cls, subtype, LINDONG).lastInsertRowid,
  )
}

describe('householdLines.create', () => {
  it('saves a line with the household copied onto it, the household totals and the summary updated, and an audit row', async () => {
    const { host, householdId } = await hostWithHousehold()
    const saved = createHouseholdLine(host.ctx, lineInput(householdId))
    expect(saved.findings).toEqual([])
    const row = host.db.prepare('SELECT * FROM household_asset_line WHERE id = ?').get(saved.id) as Record<string, unknown>
    expect(row).toMatchObject({ household_id: householdId, amount: 1_600_000, town_code: LINDONG, village_code: FUSHANDI, head_key: 'zhang san\t张三', attribute: '脱贫户' })
    expect(getHousehold(host.ctx, { id: householdId, reveal: false })).toMatchObject({ lineCount: 1, amountFen: 1_600_000 })
    expect(householdLineTotals(host.ctx, { townCode: LINDONG, projectYear: 2021 })).toEqual({ count: 1, originalValueFen: 1_600_000, quantity: 2 })
    const audit = listAudit(host.ctx, { entity: 'household_line', page: 1, pageSize: 5 }).rows
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ entityId: String(saved.id), entityName: '张三', action: 'create', summary: '登记到户资产「基础母牛」2头（2021年基础母牛到户项目）' })
    expect(audit[0].after).toMatchObject({ householdId, amountFen: 1_600_000, issueDate: '2021-06-15' })
  })

  it('warns (W) when the amount differs from quantity × standard by more than 1 元, not within it', async () => {
    const { host, householdId } = await hostWithHousehold()
    expect(createHouseholdLine(host.ctx, lineInput(householdId, { amountFen: 1_600_100 })).findings).toEqual([])
    const input = lineInput(householdId, { amountFen: 1_600_101, issueDate: '2021-06-16' })
    const error = refused(host, () => createHouseholdLine(host.ctx, input))
    expect(error.code).toBe('NEEDS_CONFIRMATION')
    expect(error.message).toBe('有 1 条需要确认的提示：【警告】补助金额：16,001.01 元与 数量 2 × 补助标准 8,000.00 元 = 16,000.00 元 不符（相差 1.01 元）')
    expect(createHouseholdLine(host.ctx, { ...input, acceptWarnings: true }).findings).toEqual([expect.objectContaining({ level: 'W', field: 'amountFen', label: '补助金额' })])
    // fractional quantities: 2.5 亩 × 200.00 = 500.00
    expect(createHouseholdLine(host.ctx, lineInput(householdId, { quantity: 2.5, unit: '亩', standardFen: 20_000, amountFen: 50_000, issueDate: '2021-06-17' })).findings).toEqual([])
  })

  it('warns (W) about an issue date outside the project year ±1, refuses a future or impossible date (E)', async () => {
    const { host, householdId } = await hostWithHousehold()
    expect(createHouseholdLine(host.ctx, lineInput(householdId, { issueDate: '2022-12-31' })).findings).toEqual([])
    expect(createHouseholdLine(host.ctx, lineInput(householdId, { issueDate: '2020-01-01' })).findings).toEqual([])
    const far = refused(host, () => createHouseholdLine(host.ctx, lineInput(householdId, { issueDate: '2023-01-01' })))
    expect(far.message).toContain('【警告】发放日期：2023-01-01 不在项目年度 2021 年前后一年内')
    const future = refused(host, () => createHouseholdLine(host.ctx, lineInput(householdId, { issueDate: '2099-01-01', projectYear: 2099, acceptWarnings: true })))
    expect(future.code).toBe('INVALID')
    expect(future.message).toContain(`【错误】发放日期：不能晚于今天（${todayIso()}）`)
    const impossible = refused(host, () => createHouseholdLine(host.ctx, lineInput(householdId, { issueDate: '2021-02-30' })))
    expect(impossible.message).toContain('【错误】发放日期：「2021-02-30」不是有效日期')
  })

  it('refuses a household that does not exist (E)', async () => {
    const { host } = await hostWithHousehold()
    const error = refused(host, () => createHouseholdLine(host.ctx, lineInput(999)))
    expect(error.message).toContain('【错误】农户：未找到编号为 999 的农户')
    expect(findings(error)).toEqual([expect.objectContaining({ level: 'E', field: 'householdId', label: '农户' })])
  })

  it('refuses a fund source outside the list (E)', async () => {
    const { host, householdId } = await hostWithHousehold()
    const error = refused(host, () => createHouseholdLine(host.ctx, lineInput(householdId, { fundSource: 'ZZ' })))
    expect(error.message).toContain('【错误】资金来源：没有代码为 ZZ 的资金来源')
    for (const code of ['ZX', 'DX', 'NH']) expect(createHouseholdLine(host.ctx, lineInput(householdId, { fundSource: code, issueDate: `2021-07-0${code.length}`, item: code })).findings).toEqual([])
  })

  it('refuses a sub-type not in the dictionary, not of the 到户类 branch, or no longer in use (E)', async () => {
    const { host, householdId } = await hostWithHousehold()
    expect(refused(host, () => createHouseholdLine(host.ctx, lineInput(householdId, { subtypeCode: 'H99' }))).message).toContain('【错误】资产类型：没有代码为 H99 的资产类型')
    const g = refused(host, () => createHouseholdLine(host.ctx, { ...lineInput(householdId), subtypeCode: 'G01' }))
    expect(g.message).toContain('G01（道路交通）不是到户类资产的类型')
    const kept = createHouseholdLine(host.ctx, lineInput(householdId, { subtypeCode: 'H07', item: '饲料加工机' }))
    host.db.prepare("UPDATE dict SET active = 0 WHERE type = 'asset_subtype' AND code = 'H07'").run()
    expect(refused(host, () => createHouseholdLine(host.ctx, lineInput(householdId, { subtypeCode: 'H07' }))).message).toContain('「其他到户生产资料」已停用')
    // a line that already has it may still be edited
    expect(updateHouseholdLine(host.ctx, { ...lineInput(householdId, { subtypeCode: 'H07', item: '饲料加工机', quantity: 1, amountFen: 800_000 }), id: kept.id }).findings).toEqual([])
  })

  it('warns (W) about the same household, item, date and project twice', async () => {
    const { host, householdId } = await hostWithHousehold()
    const first = createHouseholdLine(host.ctx, lineInput(householdId))
    const error = refused(host, () => createHouseholdLine(host.ctx, lineInput(householdId)))
    expect(error.message).toBe(`有 1 条需要确认的提示：【警告】扶持内容：「张三」户在 2021-06-15 已登记过同一项目的「基础母牛」（第 ${first.id} 条），请核对是否重复`)
    // another date, item or project is no duplicate; neither is the line itself on update
    expect(createHouseholdLine(host.ctx, lineInput(householdId, { issueDate: '2021-06-16' })).findings).toEqual([])
    expect(createHouseholdLine(host.ctx, lineInput(householdId, { item: '肉羊', unit: '只' })).findings).toEqual([])
    expect(createHouseholdLine(host.ctx, lineInput(householdId, { projectName: '2021年另一个项目', projectCode: '' })).findings).toEqual([])
    expect(updateHouseholdLine(host.ctx, { ...lineInput(householdId, { tagNo: 'T-2' }), id: first.id }).findings).toEqual([])
    // the same project code under a reworded name is the same project
    expect(refused(host, () => createHouseholdLine(host.ctx, lineInput(householdId, { projectName: '2021年基础母牛项目（改名）' }))).code).toBe('NEEDS_CONFIRMATION')
  })

  it('accepts only a 到户类 asset as the line’s asset (E)', async () => {
    const { host, householdId } = await hostWithHousehold()
    const publicAsset = insertAsset(host, '公益类', '150422G202100001')
    const householdAsset = insertAsset(host, '到户类', '150422H202100001')
    expect(refused(host, () => createHouseholdLine(host.ctx, lineInput(householdId, { assetId: 999 }))).message).toContain('【错误】所属到户类资产：未找到编号为 999 的资产')
    expect(refused(host, () => createHouseholdLine(host.ctx, lineInput(householdId, { assetId: publicAsset }))).message).toContain(
      '「150422G202100001 公益类测试资产」是公益类资产，只能关联到户类资产',
    )
    const saved = createHouseholdLine(host.ctx, lineInput(householdId, { assetId: householdAsset }))
    expect(saved.findings).toEqual([])
    expect(householdLineTotals(host.ctx, { assetId: householdAsset })).toEqual({ count: 1, originalValueFen: 1_600_000, quantity: 2 })
  })

  it('refuses negative numbers in the service too (E)', async () => {
    const { host, householdId } = await hostWithHousehold()
    expect(validateInput('householdLines.create', { ...lineInput(householdId), quantity: -1 }).ok).toBe(false)
    const error = refused(host, () => createHouseholdLine(host.ctx, { ...lineInput(householdId), quantity: -1, amountFen: 0 }))
    expect(error.message).toContain('【错误】数量：不能为负数')
  })
})

describe('householdLines.list rows', () => {
  it('carry every column of the line and its household, the ID masked', async () => {
    const { host, householdId } = await hostWithHousehold()
    const input = lineInput(householdId, { selfRaisedFen: 12_300, currentQuantity: 1, currentStatus: '已出栏/出售', issueMethod: '先建后补' })
    const { id } = createHouseholdLine(host.ctx, { ...input, acceptWarnings: true })
    const [row] = listHouseholdLines(host.ctx, { householdId, sort: 'id', order: 'asc', page: 1, pageSize: 10 }).rows
    expect(row).toStrictEqual({
      id,
      householdId,
      headName: '张三',
      idNo: maskIdCard(idNo()),
      attribute: '脱贫户',
      townName: '林东镇',
      villageName: '福山地村',
      groupName: '',
      assetId: null,
      projectName: '2021年基础母牛到户项目',
      projectCode: '2021150422CY0001',
      projectYear: 2021,
      item: '基础母牛',
      subtypeCode: 'H01',
      spec: '西门塔尔',
      unit: '头',
      quantity: 2,
      standardFen: 800_000,
      amountFen: 1_600_000,
      selfRaisedFen: 12_300,
      fundSource: 'XJ',
      issueMethod: '先建后补',
      issueDate: '2021-06-15',
      tagNo: '150422000001',
      currentQuantity: 1,
      currentStatus: '已出栏/出售',
    })
  })
})

describe('householdLines.update', () => {
  it('moves a line to another household: counts, amounts, copies and summary follow; audit has before and after', async () => {
    const { host, householdId } = await hostWithHousehold()
    const other = createHousehold(
      host.ctx,
      householdInput({ headName: '巴特尔', idNo: idNo('19800101', '125'), size: 3, attribute: '监测对象（脱贫不稳定户）', riskEliminated: true, villageCode: '150422101200', exitYear: null, groupName: '', phone: '' }),
    ).id
    const line = createHouseholdLine(host.ctx, lineInput(householdId))
    createHouseholdLine(host.ctx, lineInput(householdId, { item: '肉羊', unit: '只', quantity: 10, standardFen: 120_000, amountFen: 1_200_000 }))

    updateHouseholdLine(host.ctx, { ...lineInput(other, { quantity: 3, amountFen: 2_400_000 }), id: line.id })
    expect(getHousehold(host.ctx, { id: householdId, reveal: false })).toMatchObject({ lineCount: 1, amountFen: 1_200_000 })
    expect(getHousehold(host.ctx, { id: other, reveal: false })).toMatchObject({ lineCount: 1, amountFen: 2_400_000 })
    expect(host.db.prepare('SELECT town_code, village_code, attribute, head_key FROM household_asset_line WHERE id = ?').get(line.id)).toEqual({
      town_code: '150422101000',
      village_code: '150422101200',
      attribute: '监测对象（脱贫不稳定户）',
      head_key: 'ba te er\t巴特尔',
    })
    expect(householdLineTotals(host.ctx, { townCode: LINDONG })).toEqual({ count: 1, originalValueFen: 1_200_000, quantity: 10 })
    expect(householdLineTotals(host.ctx, { attribute: '监测对象（脱贫不稳定户）' })).toEqual({ count: 1, originalValueFen: 2_400_000, quantity: 3 })
    const audit = listAudit(host.ctx, { entity: 'household_line', entityId: String(line.id), page: 1, pageSize: 1 }).rows[0]
    expect(audit).toMatchObject({ action: 'update', entityName: '巴特尔' })
    expect(audit.before).toMatchObject({ householdId, quantity: 2, amountFen: 1_600_000 })
    expect(audit.after).toMatchObject({ householdId: other, quantity: 3, amountFen: 2_400_000 })
  })

  it('follows changes of the household: attribute and name reach the line', async () => {
    const { host, householdId } = await hostWithHousehold()
    createHouseholdLine(host.ctx, lineInput(householdId))
    updateHousehold(host.ctx, { ...householdInput({ headName: '王芳', attribute: '一般户', villageCode: FUSHANDI, exitYear: null, groupName: '', phone: '' }), id: householdId })
    expect(host.db.prepare('SELECT attribute, head_key FROM household_asset_line').get()).toEqual({ attribute: '一般户', head_key: 'wang fang\t王芳' })
    expect(householdLineTotals(host.ctx, { attribute: '一般户' }).count).toBe(1)
    expect(householdLineTotals(host.ctx, { attribute: '脱贫户' }).count).toBe(0)
  })

  it('refuses an unknown line id and a bad update, writing nothing', async () => {
    const { host, householdId } = await hostWithHousehold()
    const line = createHouseholdLine(host.ctx, lineInput(householdId))
    expect(refused(host, () => updateHouseholdLine(host.ctx, { ...lineInput(householdId), id: 999 })).code).toBe('NOT_FOUND')
    expect(refused(host, () => updateHouseholdLine(host.ctx, { ...lineInput(householdId, { fundSource: 'ZZ' }), id: line.id })).code).toBe('INVALID')
    expect(refused(host, () => updateHouseholdLine(host.ctx, { ...lineInput(householdId, { amountFen: 1 }), id: line.id })).code).toBe('NEEDS_CONFIRMATION')
  })
})
