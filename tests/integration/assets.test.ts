import { describe, expect, it } from 'vitest'
import { validateInput } from '../../src-main/api/validate'
import type { ServiceHost } from '../../src-main/core/service-host'
import { AppError } from '../../src-main/domain/errors'
import { listAudit } from '../../src-main/services/audit'
import { assetTotals, listAssets, overview } from '../../src-main/services/assets/ledger'
import { addAttachment, changeStatus, confirmOwnership, handOver, setCustodian, setOperation } from '../../src-main/services/assets/lifecycle'
import { listProblems } from '../../src-main/services/assets/problems'
import { getAssetDetail } from '../../src-main/services/assets/read'
import { createAsset, updateAsset } from '../../src-main/services/assets/write'
import { updateSettings } from '../../src-main/services/settings'
import { auditCount, autoCleanup, count, LINDONG, setUpHost } from '../support/temp'

autoCleanup()

const FUSHANDI = '150422100201' // 福山地村, 林东镇
const LONGCHANG_VILLAGE = '150422101200' // a village of 隆昌镇

/** A valid input through the contract's schema (defaults filled), as the main process would pass it. */
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
    expect(count(host.db, 'org')).toBe(0)
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
    expect(count(host.db, 'org')).toBe(0)
    confirm(good)
    expect(getAssetDetail(host.ctx, id).owners[0].owner.uscc).toBe(good)
  })

  it('hands over, assigns custody, and the problem list clears as each step is done', async () => {
    const { host, id } = await withAsset()
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
    expect(o.problems.find((p) => p.kind === '无管护主体')?.count).toBe(3)
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
