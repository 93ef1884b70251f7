import { describe, expect, it } from 'vitest'
import { validateInput } from '../../src-main/api/validate'
import type { ServiceHost } from '../../src-main/core/service-host'
import { AppError } from '../../src-main/domain/errors'
import { listAudit } from '../../src-main/services/audit'
import { assetTotals, listAssets, overview } from '../../src-main/services/assets/ledger'
import { addAttachment, changeStatus, confirmOwnership, handOver, setCustodian, setOperation } from '../../src-main/services/assets/lifecycle'
import { listProblems } from '../../src-main/services/assets/problems'
import { getAssetDetail } from '../../src-main/services/assets/read'
import { createAsset, updateAsset, voidAsset } from '../../src-main/services/assets/write'
import { updateSettings } from '../../src-main/services/settings'
import { auditCount, autoCleanup, count, LINDONG, setUpHost } from '../support/temp'

autoCleanup()

const FUSHANDI = '150422100201' // 福山地村, 林东镇
const LONGCHANG_VILLAGE = '150422101200' // a village of 隆昌镇

/** The 管护 block a new 公益类/经营类 asset is registered with (§7.7). */
const custody = { custodian: { name: '福山地村村民委员会', orgType: '村（嘎查）民委员会' }, person: '王建国', phone: '13904761234', mode: '产权主体自管' }

/** A valid input through the contract's schema (defaults filled), as the main process would pass it; a 到户类 one without custody. */
function assetInput(overrides: Record<string, unknown> = {}) {
  const raw = {
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
    fundDocNo: '赤财农〔2021〕12号',
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
    poorHouseholds: 30,
    poorPersons: 80,
    fundSources: [
      { sourceType: 'XJ', level: '中央', amountFen: 100_000_000 },
      { sourceType: 'XJ', level: '旗县', amountFen: 33_333_333 },
      { sourceType: 'DX', amountFen: 16_666_667 },
    ],
    custody: overrides.class === '到户类' ? null : custody,
    ...overrides,
  }
  const checked = validateInput('assets.create', raw)
  if (!checked.ok) throw new Error(checked.message)
  return checked.input as Parameters<typeof createAsset>[1]
}

function refused(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected the call to be refused')
}

const owner = (name: string) => ({ name, orgType: '村（嘎查）集体经济组织' as const })

describe('assets: create, codes and funding', () => {
  it('creates a public asset with an exact funding breakdown, a rule-made code and an audit row', async () => {
    const host = await setUpHost()
    const saved = createAsset(host.ctx, assetInput())
    expect(saved.code).toBe('150422G202100001')
    const detail = getAssetDetail(host.ctx, saved.id)
    expect(detail.fundSources.map((f) => f.amountFen)).toEqual([100_000_000, 33_333_333, 16_666_667])
    expect(detail.fiscalFen).toBe(133_333_333)
    expect(detail.townName).toBe('林东镇')
    expect(detail.villageName).toBe('福山地村')
    expect(detail.statusHistory[0]).toMatchObject({ toStatus: '正常', reason: '登记' })
    expect(detail.completeness).toBeGreaterThan(40)
    const audit = listAudit(host.ctx, { entity: 'asset', entityId: String(saved.id), page: 1, pageSize: 10 })
    expect(audit.rows[0]).toMatchObject({ action: 'create', summary: '登记公益类资产「福山地村2021年通村水泥路」' })
    expect(createAsset(host.ctx, assetInput({ name: '第二条路' })).code).toBe('150422G202100002')
  })

  it('refuses a funding breakdown that does not add up to the total, naming the amounts, and writes nothing', async () => {
    const host = await setUpHost()
    const before = auditCount(host.ctx)
    const error = refused(() => createAsset(host.ctx, assetInput({ fundSources: [{ sourceType: 'XJ', level: '中央', amountFen: 149_999_999 }] })))
    expect(error.code).toBe('INVALID')
    expect(error.message).toContain('资金来源')
    expect(error.message).toContain('合计 1,499,999.99 元，与项目总投资 1,500,000.00 元不符（相差 0.01 元）')
    expect(count(host.db, 'asset')).toBe(0)
    expect(count(host.db, 'asset_fund_source')).toBe(0)
    expect(count(host.db, 'code_counter')).toBe(0)
    expect(auditCount(host.ctx)).toBe(before)
  })

  it('requires the fiscal level of 衔接资金 and a note for 其他', async () => {
    const host = await setUpHost()
    const error = refused(() =>
      createAsset(host.ctx, assetInput({ fundSources: [{ sourceType: 'XJ', amountFen: 100_000_000 }, { sourceType: 'QT', amountFen: 50_000_000 }] })),
    )
    const fields = (error.details as { field: string }[]).map((d) => d.field)
    expect(fields).toEqual(expect.arrayContaining(['fundSources.0.level', 'fundSources.1.note']))
  })

  it('enforces the beneficiary, value and date rules of §7.4/§7.5', async () => {
    const host = await setUpHost()
    const cases: [Record<string, unknown>, string][] = [
      [{ beneficiaryPersons: 100 }, '受益人数'],
      [{ poorHouseholds: 100, monitorHouseholds: 30 }, '其中脱贫户户数'],
      [{ accDepreciationFen: 150_000_001 }, '累计折旧'],
      [{ netValueFen: 150_000_001 }, '资产净值'],
      [{ startDate: '2021-10-01', completionDate: '2021-09-30' }, '完工日期'],
      [{ acceptanceDate: '2021-09-01' }, '验收日期'],
      [{ inUseDate: '2021-04-01' }, '建成投用日期'],
      [{ inUseDate: '2999-01-01' }, '建成投用日期'],
      [{ fundYear: 2015 }, '资金年度'],
      [{ subtypeCode: 'J01' }, '资产类型'],
      [{ villageCode: LONGCHANG_VILLAGE }, '所在村（嘎查）'],
    ]
    for (const [overrides, label] of cases) {
      const error = refused(() => createAsset(host.ctx, assetInput(overrides)))
      expect((error.details as { label: string; level: string }[]).some((d) => d.level === 'E' && d.label === label), `${label}: ${error.message}`).toBe(true)
    }
    expect(count(host.db, 'asset')).toBe(0)
  })

  it('asks for confirmation of warnings, then saves and reports them', async () => {
    const host = await setUpHost()
    const input = assetInput({ originalValueFen: 140_000_000 })
    const error = refused(() => createAsset(host.ctx, input))
    expect(error.code).toBe('NEEDS_CONFIRMATION')
    expect(error.message).toContain('资产原值')
    expect(count(host.db, 'asset')).toBe(0)
    const saved = createAsset(host.ctx, { ...input, acceptWarnings: true })
    expect(saved.findings.map((f) => f.field)).toContain('originalValueFen')
    expect(listProblems(host.ctx, { kind: '资金来源与原值不符', page: 1, pageSize: 10 }).rows.map((r) => r.assetId)).toEqual([saved.id])
  })

  it('keeps codes unique and never reuses them, following a changed rule', async () => {
    const host = await setUpHost()
    createAsset(host.ctx, assetInput())
    updateSettings(host.ctx, { 'asset.codeRule': 'BL-{类}{年}-{序4}' })
    expect(createAsset(host.ctx, assetInput()).code).toBe('BL-G2021-0001')
    expect(createAsset(host.ctx, assetInput({ fundYear: 2022 })).code).toBe('BL-G2022-0001')
    const codes = host.db.prepare('SELECT code FROM asset').all() as { code: string }[]
    expect(new Set(codes.map((c) => c.code)).size).toBe(3)
  })

  it('updates an asset, keeps its code and class, and records before/after', async () => {
    const host = await setUpHost()
    const { id, code } = createAsset(host.ctx, assetInput())
    const saved = updateAsset(host.ctx, { ...assetInput({ name: '福山地村通村路（改）' }), id })
    expect(saved.code).toBe(code)
    const change = listAudit(host.ctx, { entity: 'asset', entityId: String(id), page: 1, pageSize: 1 }).rows[0]
    expect(change.before?.name).toBe('福山地村2021年通村水泥路')
    expect(change.after?.name).toBe('福山地村通村路（改）')
    expect(refused(() => updateAsset(host.ctx, { ...assetInput({ class: '经营类', subtypeCode: 'J01' }), id })).message).toContain('资产类别不能由公益类改为经营类')
  })
})

describe('assets: lifecycle', () => {
  async function withAsset(): Promise<{ host: ServiceHost; id: number }> {
    const host = await setUpHost()
    return { host, id: createAsset(host.ctx, assetInput()).id }
  }

  it('confirms ownership with two owners whose shares sum to 100 % and to the 原值 exactly', async () => {
    const { host, id } = await withAsset()
    const wrongPct = refused(() =>
      confirmOwnership(host.ctx, {
        id, confirmLevel: '村（嘎查）级', confirmDate: '2021-11-01', certNo: '', acceptWarnings: false,
        owners: [{ owner: owner('福山地村股份经济合作社'), shareBp: 6000, shareAmountFen: 90_000_000 }, { owner: owner('大新庄村股份经济合作社'), shareBp: 3000, shareAmountFen: 60_000_000 }],
      }),
    )
    expect(wrongPct.message).toContain('份额合计 90.00%，应为 100%')
    const wrongAmount = refused(() =>
      confirmOwnership(host.ctx, {
        id, confirmLevel: '村（嘎查）级', confirmDate: '2021-11-01', certNo: '', acceptWarnings: false,
        owners: [{ owner: owner('福山地村股份经济合作社'), shareBp: 6000, shareAmountFen: 90_000_000 }, { owner: owner('大新庄村股份经济合作社'), shareBp: 4000, shareAmountFen: 59_999_999 }],
      }),
    )
    expect(wrongAmount.message).toContain('份额金额合计 1,499,999.99 元，应等于资产原值 1,500,000.00 元')
    expect(count(host.db, 'org')).toBe(1) // only the custodian of the asset: the refused owners were not created
    confirmOwnership(host.ctx, {
      id, confirmLevel: '村（嘎查）级', confirmDate: '2021-11-01', certNo: 'BZ-2021-001', acceptWarnings: false,
      owners: [{ owner: owner('福山地村股份经济合作社'), shareBp: 6000, shareAmountFen: 90_000_000 }, { owner: owner('大新庄村股份经济合作社'), shareBp: 4000, shareAmountFen: 60_000_000 }],
    })
    const detail = getAssetDetail(host.ctx, id)
    expect(detail.owners.map((o) => [o.owner.name, o.shareBp, o.shareAmountFen])).toEqual([
      ['福山地村股份经济合作社', 6000, 90_000_000],
      ['大新庄村股份经济合作社', 4000, 60_000_000],
    ])
    expect(detail.confirmDate).toBe('2021-11-01')
    expect(detail.problems.map((p) => p.kind)).toContain('已确权未移交')
  })

  it('checks the 统一社会信用代码 of a new owner: bad checksum refused, valid one kept', async () => {
    const { host, id } = await withAsset()
    const { usccCheckChar } = await import('../../src-main/domain/uscc')
    const first17 = 'N2150422MA0N12345'
    const good = first17 + usccCheckChar(first17)
    const bad = first17 + (usccCheckChar(first17) === '0' ? '1' : '0')
    const confirm = (uscc: string) =>
      confirmOwnership(host.ctx, {
        id, confirmLevel: '村（嘎查）级', confirmDate: '2021-11-01', certNo: '', acceptWarnings: true,
        owners: [{ owner: { ...owner('福山地村股份经济合作社'), uscc }, shareBp: 10000, shareAmountFen: 150_000_000 }],
      })
    const error = refused(() => confirm(bad))
    expect((error.details as { field: string; level: string }[]).some((d) => d.level === 'E' && d.field === 'owners.0.owner.uscc')).toBe(true)
    expect(count(host.db, 'org')).toBe(1) // only the custodian of the asset
    confirm(good)
    expect(getAssetDetail(host.ctx, id).owners[0].owner.uscc).toBe(good)
  })

  it('hands over, assigns custody, and the problem list clears as each step is done', async () => {
    const host = await setUpHost()
    // a historic record saved without custody (the warning confirmed) is on the problem list until it gets one
    const id = createAsset(host.ctx, assetInput({ historic: true, custody: null, acceptWarnings: true })).id
    const kinds = () => getAssetDetail(host.ctx, id).problems.map((p) => p.kind).sort()
    expect(kinds()).toEqual(['无所有权人', '无管护主体'])
    handOver(host.ctx, { id, handoverDate: '2021-10-25', fromUnit: '林东镇人民政府', toOrg: owner('福山地村股份经济合作社'), supervisorUnit: '巴林左旗交通运输局', docNo: 'YJ-001', items: [], documents: ['竣工图纸', '验收报告'], note: '', acceptWarnings: false })
    let detail = getAssetDetail(host.ctx, id)
    expect(detail.handoverDate).toBe('2021-10-25')
    expect(detail.handovers[0].items[0]).toMatchObject({ name: '福山地村2021年通村水泥路', amountFen: 150_000_000 })
    setCustodian(host.ctx, { id, custodian: { name: '福山地村村民委员会', orgType: '村（嘎查）民委员会' }, person: '王建国', phone: '13904761234', isPublicPost: true, mode: '设置公益性岗位管护', budgetPerYearFen: 300_000, budgetSource: '县级财政预算', fromDate: '2021-11-01', acceptWarnings: false })
    expect(kinds()).toEqual(['无所有权人'])
    setCustodian(host.ctx, { id, custodian: { name: '福山地村村民委员会', orgType: '村（嘎查）民委员会' }, person: '李春生', phone: '13904765678', isPublicPost: false, mode: '产权主体自管', budgetPerYearFen: null, budgetSource: '', fromDate: '2023-01-01', acceptWarnings: false })
    detail = getAssetDetail(host.ctx, id)
    expect(detail.custody.map((c) => [c.person, c.active, c.toDate])).toEqual([
      ['李春生', true, null],
      ['王建国', false, '2023-01-01'],
    ])
    expect(count(host.db, 'asset_custody', 'asset_id = ? AND active = 1', id)).toBe(1)
  })

  it('refuses 闲置 without 盘活措施 and accepts it with them; 损毁 needs a note', async () => {
    const { host, id } = await withAsset()
    const noMeasures = refused(() => changeStatus(host.ctx, { id, status: '闲置', changeDate: '2024-03-01', note: '村民搬迁后无人使用', measures: '', docNo: '' }))
    expect(noMeasures.message).toContain('盘活措施')
    expect(getAssetDetail(host.ctx, id).status).toBe('正常')
    changeStatus(host.ctx, { id, status: '闲置', changeDate: '2024-03-01', note: '村民搬迁后无人使用', measures: '改作产业路，2024年内招租', docNo: '' })
    const detail = getAssetDetail(host.ctx, id)
    expect(detail.status).toBe('闲置')
    expect(detail.statusHistory[0]).toMatchObject({ fromStatus: '正常', toStatus: '闲置', measures: '改作产业路，2024年内招租' })
    expect(refused(() => changeStatus(host.ctx, { id, status: '损毁（可修复）', changeDate: '2024-05-01', note: '', measures: '', docNo: '' })).message).toContain('状态说明')
    expect(refused(() => changeStatus(host.ctx, { id, status: '已处置', changeDate: '2024-05-01', note: 'x', measures: '', docNo: '' })).message).toContain('资产处置')
  })

  it('records operation only for operating assets and checks the contract dates', async () => {
    const host = await setUpHost()
    const op = createAsset(host.ctx, assetInput({ name: '福山地村肉牛养殖暖棚', class: '经营类', subtypeCode: 'J02', unit: '座', quantity: 4 })).id
    const pub = createAsset(host.ctx, assetInput()).id
    const base = { operator: { name: '巴林左旗福兴肉牛养殖专业合作社', orgType: '农民专业合作社' as const }, mode: '租赁经营', decisionType: '四议两公开', decisionDate: '2022-01-10', filedWith: '林东镇人民政府', contractNo: 'ZL-2022-01', contractStart: '2022-01-15', contractEnd: '2027-01-14', agreedIncomeFen: 9_000_000, collateral: '', equityBp: null, claimPrincipalFen: null, claimDueDate: null, linkMechanism: '租金分红、优先雇用脱贫户', jobs: 6, acceptWarnings: false }
    expect(refused(() => setOperation(host.ctx, { ...base, id: pub })).message).toContain('只有经营类资产')
    expect(refused(() => setOperation(host.ctx, { ...base, id: op, contractEnd: '2021-12-31' })).message).toContain('合同止')
    setOperation(host.ctx, { ...base, id: op })
    expect(getAssetDetail(host.ctx, op).operations[0]).toMatchObject({ mode: '租赁经营', agreedIncomeFen: 9_000_000, active: true })
  })

  it('stores attachments in the data folder with their hash', async () => {
    const { host, id } = await withAsset()
    const content = Buffer.from('%PDF-1.4 验收报告')
    const saved = addAttachment(host.ctx, { id, category: '验收报告', fileName: '验收报告.pdf', contentBase64: content.toString('base64'), docNo: '', docDate: null })
    expect(saved.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(getAssetDetail(host.ctx, id).attachments[0]).toMatchObject({ fileName: '验收报告.pdf', sizeBytes: content.length })
  })
})

describe('assets: ledger queries', () => {
  it('filters, sorts, pages and totals in SQL, including pinyin initials', async () => {
    const host = await setUpHost()
    createAsset(host.ctx, assetInput({ name: '福山地村通村路', originalValueFen: 100_000_000, totalInvestmentFen: 100_000_000, fundSources: [{ sourceType: 'XJ', level: '中央', amountFen: 100_000_000 }] }))
    createAsset(host.ctx, assetInput({ name: '福山地村机电井', subtypeCode: 'G02', unit: '眼', quantity: 3, originalValueFen: 30_000_000, totalInvestmentFen: 30_000_000, fundSources: [{ sourceType: 'ZX', level: '自治区', amountFen: 30_000_000 }], fundYear: 2019, startDate: '2019-05-01', completionDate: '2019-08-01', acceptanceDate: '2019-09-01', inUseDate: '2019-09-01' }))
    createAsset(host.ctx, assetInput({ name: '隆昌镇文化室', subtypeCode: 'G06', townCode: '150422101000', villageCode: LONGCHANG_VILLAGE, originalValueFen: 20_000_000, totalInvestmentFen: 20_000_000, fundSources: [{ sourceType: 'DX', amountFen: 20_000_000 }] }))
    const list = (f: Record<string, unknown>) => listAssets(host.ctx, { sort: 'code', order: 'asc', page: 1, pageSize: 50, ...f }).rows.map((r) => r.name)
    expect(list({ townCode: LINDONG }).sort()).toEqual(['福山地村机电井', '福山地村通村路'])
    expect(list({ fundSource: 'DX' })).toEqual(['隆昌镇文化室'])
    expect(list({ q: 'jdj' })).toEqual(['福山地村机电井'])
    expect(list({ q: '文化' })).toEqual(['隆昌镇文化室'])
    expect(list({ fundYear: 2019 })).toEqual(['福山地村机电井'])
    expect(listAssets(host.ctx, { class: '公益类', sort: 'originalValueFen', order: 'desc', page: 1, pageSize: 2 }).rows.map((r) => r.originalValueFen)).toEqual([100_000_000, 30_000_000])
    expect(listAssets(host.ctx, { class: '公益类', sort: 'originalValueFen', order: 'desc', page: 2, pageSize: 2 }).rows.map((r) => r.originalValueFen)).toEqual([20_000_000])
    expect(assetTotals(host.ctx, { class: '公益类' })).toEqual({ count: 3, originalValueFen: 150_000_000 })
    expect(assetTotals(host.ctx, { townCode: LINDONG, subtypeCode: 'G0' })).toEqual({ count: 2, originalValueFen: 130_000_000 })
    const o = overview(host.ctx)
    expect(o.byClass).toEqual([{ class: '公益类', count: 3, originalValueFen: 150_000_000 }])
    expect(o.byTown.find((t) => t.townName === '林东镇')).toMatchObject({ count: 2, originalValueFen: 130_000_000 })
    const townsWithout = o.byTown.filter((t) => t.originalValueFen === 0)
    expect(townsWithout.length).toBeGreaterThan(0)
    expect(townsWithout.map((t) => t.count)).toEqual(townsWithout.map(() => 0))
    expect(o.problems.find((p) => p.kind === '无管护主体')?.count).toBe(0)
  })
})

describe('assets follow region merges', () => {
  it('moves assets to the village and town they were merged into', async () => {
    const host = await setUpHost()
    const { id } = createAsset(host.ctx, assetInput())
    const { mergeRegion } = await import('../../src-main/services/regions')
    mergeRegion(host.ctx, { fromCode: FUSHANDI, intoCode: '150422100202' })
    expect(getAssetDetail(host.ctx, id)).toMatchObject({ villageCode: '150422100202', villageName: '大新庄村', townCode: LINDONG })
    mergeRegion(host.ctx, { fromCode: LINDONG, intoCode: '150422101000' })
    expect(getAssetDetail(host.ctx, id)).toMatchObject({ villageCode: '150422100202', townCode: '150422101000', townName: '隆昌镇' })
  })
})

describe('assets: custody of an asset in use (domain.md §7.7)', () => {
  it('refuses a new 公益类/经营类 asset without 管护主体 (E) and writes nothing', async () => {
    const host = await setUpHost()
    const before = auditCount(host.ctx)
    for (const overrides of [{}, { name: '福山地村肉牛养殖暖棚', class: '经营类', subtypeCode: 'J02', unit: '座', quantity: 4 }]) {
      const error = refused(() => createAsset(host.ctx, assetInput({ ...overrides, custody: null, acceptWarnings: true })))
      expect(error.code).toBe('INVALID')
      expect(error.message).toContain('须指定管护主体和管护责任人')
      expect((error.details as { field: string; level: string }[]).find((d) => d.field === 'custody.custodian')?.level).toBe('E')
    }
    expect(count(host.db, 'asset')).toBe(0)
    expect(count(host.db, 'code_counter')).toBe(0)
    expect(auditCount(host.ctx)).toBe(before)
    // a 到户类 asset needs none (the household looks after it) and may not be given one
    const household = { class: '到户类', subtypeCode: 'H01', form: '生物资产', propertyNature: '农户私有', confirmLevel: '户', unit: '头', quantity: 100 }
    expect(createAsset(host.ctx, assetInput({ ...household, acceptWarnings: true })).code).toMatch(/H/)
    expect(refused(() => createAsset(host.ctx, assetInput({ ...household, custody, acceptWarnings: true }))).message).toContain('到户类资产由农户自管')
  })

  it('warns (W) for a historic record without custody: refused until confirmed, then saved and on the problem list', async () => {
    const host = await setUpHost()
    const input = assetInput({ historic: true, custody: null })
    const warned = refused(() => createAsset(host.ctx, input))
    expect(warned.code).toBe('NEEDS_CONFIRMATION')
    expect((warned.details as { field: string; level: string }[]).find((d) => d.field === 'custody.custodian')?.level).toBe('W')
    expect(count(host.db, 'asset')).toBe(0)
    const saved = createAsset(host.ctx, { ...input, acceptWarnings: true })
    expect(saved.findings.map((f) => f.field)).toContain('custody.custodian')
    expect(getAssetDetail(host.ctx, saved.id).problems.map((p) => p.kind)).toContain('无管护主体')
  })

  it('saves the custody block with the asset in the same transaction and audits it', async () => {
    const host = await setUpHost()
    const saved = createAsset(host.ctx, assetInput({ custody: { ...custody, isPublicPost: true, mode: '设置公益性岗位管护', budgetPerYearFen: 300_000, budgetSource: '县级财政预算' } }))
    const detail = getAssetDetail(host.ctx, saved.id)
    expect(detail.custody).toHaveLength(1)
    expect(detail.custody[0]).toMatchObject({ person: '王建国', phone: '13904761234', isPublicPost: true, mode: '设置公益性岗位管护', budgetPerYearFen: 300_000, fromDate: '2021-10-20', active: true })
    expect(detail.custody[0].custodian.name).toBe('福山地村村民委员会')
    expect(detail.problems.map((p) => p.kind)).not.toContain('无管护主体')
    const audit = listAudit(host.ctx, { entity: 'asset', entityId: String(saved.id), page: 1, pageSize: 10 }).rows
    expect(audit).toHaveLength(1)
    expect(audit[0].after?.custody).toEqual([
      expect.objectContaining({ custodian: '福山地村村民委员会', person: '王建国', mode: '设置公益性岗位管护', fromDate: '2021-10-20' }),
    ])
    // a bad phone in the block refuses the whole save: no asset, no custodian organisation
    const bad = refused(() => createAsset(host.ctx, assetInput({ name: '第二条路', custody: { ...custody, custodian: { name: '大新庄村村民委员会', orgType: '村（嘎查）民委员会' }, phone: '1390476' } })))
    expect((bad.details as { field: string }[]).map((d) => d.field)).toContain('custody.phone')
    expect(count(host.db, 'asset')).toBe(1)
    expect(count(host.db, 'org')).toBe(1)
  })

  it('grades a status change into an in-use status without custody: E for new records, W for historic ones', async () => {
    const host = await setUpHost()
    // 在建 records come from the demo data or an import; set one up directly
    const make = (historic: boolean) => {
      const { id } = createAsset(host.ctx, assetInput({ historic, custody: null, acceptWarnings: true, ...(historic ? {} : { custody }) }))
      host.db.prepare("UPDATE asset SET status = '在建' WHERE id = ?").run(id)
      host.db.prepare('DELETE FROM asset_custody WHERE asset_id = ?').run(id)
      return id
    }
    const fresh = make(false)
    const e = refused(() => changeStatus(host.ctx, { id: fresh, status: '正常', changeDate: '2022-01-01', note: '', measures: '', docNo: '', acceptWarnings: true }))
    expect(e.code).toBe('INVALID')
    expect(e.message).toContain('须指定管护主体和管护责任人')
    expect(getAssetDetail(host.ctx, fresh).status).toBe('在建')
    // 正常 → 闲置 is into an in-use status too
    host.db.prepare("UPDATE asset SET status = '正常' WHERE id = ?").run(fresh)
    expect(refused(() => changeStatus(host.ctx, { id: fresh, status: '闲置', changeDate: '2022-01-01', note: '无人使用', measures: '招租', docNo: '' })).message).toContain('管护')
    setCustodian(host.ctx, { id: fresh, custodian: custody.custodian as never, person: '王建国', phone: '13904761234', isPublicPost: false, mode: '产权主体自管', budgetPerYearFen: null, budgetSource: '', fromDate: '2022-01-01', acceptWarnings: false })
    changeStatus(host.ctx, { id: fresh, status: '闲置', changeDate: '2022-01-01', note: '无人使用', measures: '招租', docNo: '' })
    expect(getAssetDetail(host.ctx, fresh).status).toBe('闲置')

    const old = make(true)
    const w = refused(() => changeStatus(host.ctx, { id: old, status: '正常', changeDate: '2022-01-01', note: '', measures: '', docNo: '' }))
    expect(w.code).toBe('NEEDS_CONFIRMATION')
    const saved = changeStatus(host.ctx, { id: old, status: '正常', changeDate: '2022-01-01', note: '', measures: '', docNo: '', acceptWarnings: true })
    expect(saved.findings.map((f) => f.level)).toContain('W')
    expect(getAssetDetail(host.ctx, old).status).toBe('正常')
  })
})

describe('assets: 作废 (void)', () => {
  it('voids with a reason: the code stays taken, the asset leaves ledgers, totals, overview and problem list but stays findable', async () => {
    const host = await setUpHost()
    const keep = createAsset(host.ctx, assetInput({ name: '福山地村通村路' }))
    const wrong = createAsset(host.ctx, assetInput({ name: '重复登记的通村路', historic: true, custody: null, acceptWarnings: true }))
    expect(listProblems(host.ctx, { kind: '无管护主体', page: 1, pageSize: 10 }).total).toBe(1)
    voidAsset(host.ctx, { id: wrong.id, reason: '与 150422G202100001 重复登记' })

    const detail = getAssetDetail(host.ctx, wrong.id)
    expect(detail.status).toBe('已作废')
    expect(detail.statusNote).toBe('与 150422G202100001 重复登记')
    expect(detail.statusHistory[0]).toMatchObject({ fromStatus: '正常', toStatus: '已作废', reason: '与 150422G202100001 重复登记' })
    expect(detail.problems).toEqual([])
    const audit = listAudit(host.ctx, { entity: 'asset', entityId: String(wrong.id), page: 1, pageSize: 1 }).rows[0]
    expect(audit).toMatchObject({ action: 'update', summary: '作废资产：与 150422G202100001 重复登记' })
    expect(audit.after).toEqual({ status: '已作废', statusNote: '与 150422G202100001 重复登记' })

    const names = (f: Record<string, unknown>) => listAssets(host.ctx, { sort: 'code', order: 'asc', page: 1, pageSize: 50, ...f }).rows.map((r) => r.name)
    expect(names({ class: '公益类' })).toEqual(['福山地村通村路'])
    expect(assetTotals(host.ctx, { class: '公益类' })).toEqual({ count: 1, originalValueFen: 150_000_000 })
    expect(names({ class: '公益类', includeVoided: true })).toEqual(['福山地村通村路', '重复登记的通村路'])
    expect(assetTotals(host.ctx, { class: '公益类', includeVoided: true })).toEqual({ count: 2, originalValueFen: 150_000_000, voidedCount: 1 })
    expect(listProblems(host.ctx, { page: 1, pageSize: 50 }).rows.map((r) => r.assetId)).not.toContain(wrong.id)
    const o = overview(host.ctx)
    expect(o.byClass).toEqual([{ class: '公益类', count: 1, originalValueFen: 150_000_000 }])
    expect(o.byStatus.map((s) => s.status)).toEqual(['正常'])
    expect(o.byTown.find((t) => t.townName === '林东镇')?.count).toBe(1)

    // the code is never given again; nothing more is done on a voided asset
    expect(createAsset(host.ctx, assetInput({ name: '第三条路' })).code).toBe('150422G202100003')
    expect(refused(() => voidAsset(host.ctx, { id: wrong.id, reason: '再次作废试试' })).message).toContain('已作废')
    expect(refused(() => updateAsset(host.ctx, { ...assetInput({ name: '改名' }), id: wrong.id })).message).toContain('已作废')
    expect(refused(() => setCustodian(host.ctx, { id: wrong.id, custodian: custody.custodian as never, person: '王建国', phone: '13904761234', isPublicPost: false, mode: '产权主体自管', budgetPerYearFen: null, budgetSource: '', fromDate: '2022-01-01', acceptWarnings: true })).message).toContain('已作废')
    expect(keep.code).toBe('150422G202100001')
  })

  it('requires a reason and refuses to void a 到户类 asset that still has household lines', async () => {
    const host = await setUpHost()
    const checked = validateInput('assets.void', { id: 1, reason: '' })
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.message).toContain('作废原因')
    const batch = createAsset(host.ctx, assetInput({ class: '到户类', subtypeCode: 'H01', form: '生物资产', propertyNature: '农户私有', confirmLevel: '户', unit: '头', quantity: 2, acceptWarnings: true }))
    host.db
      .prepare(
        `INSERT INTO household (head_name, id_no, size, attribute, town_code, village_code) VALUES ('张三', '150422198001011234', 3, '脱贫户', ?, ?)`,
      )
      .run(LINDONG, FUSHANDI)
    host.db
      .prepare(
        `INSERT INTO household_asset_line (household_id, asset_id, project_name, project_year, item, subtype_code, unit, quantity, standard, amount, fund_source, issue_method, issue_date, town_code, village_code)
         VALUES (1, ?, '基础母牛项目', 2021, '基础母牛', 'H01', '头', 2, 800000, 1600000, 'XJ', '实物发放', '2021-06-15', ?, ?)`,
      )
      .run(batch.id, LINDONG, FUSHANDI)
    const before = auditCount(host.ctx)
    const error = refused(() => voidAsset(host.ctx, { id: batch.id, reason: '登记错误' }))
    expect(error.message).toContain('下挂有 1 条到户资产明细')
    expect(getAssetDetail(host.ctx, batch.id).status).toBe('正常')
    expect(auditCount(host.ctx)).toBe(before)
  })
})
