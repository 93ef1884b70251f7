/**
 * Issue 4: project → assets. The hand-over wizard's service splits an accepted project into assets or
 * household lines, carries the funding breakdown over to the 分 (remainder to the last line), records
 * the 移交, links both ways and moves the project to 资产移交 — in one transaction; and the problem
 * list's 应登记未登记.
 */
import { describe, expect, it } from 'vitest'
import type { HandoverResult, ProjectDetail } from '../../src-main/api/types/projects'
import { listProblems } from '../../src-main/services/assets/problems'
import { getAssetDetail } from '../../src-main/services/assets/read'
import { createHousehold } from '../../src-main/services/households'
import { splitSources } from '../../src-main/services/projects/handover'
import { updateSettings } from '../../src-main/services/settings'
import { householdInput, idNo, DAXINZHUANG } from '../support/households'
import { auditCount, autoCleanup, count, dump, LINDONG, setUpHost } from '../support/temp'
import { advance, api, createProject, FUSHANDI, refusal } from './projects-support'

autoCleanup()

const src = (sourceType: string, level: string | null, amountFen: number) => ({ sourceType, level: level as never, taskLine: '', integrated: false, amountFen, docNo: '', fundYear: 2024, note: '' })

describe('splitSources (pure)', () => {
  it('makes every part sum to its value and every source sum to its share, to the 分', () => {
    const sources = [src('XJ', '中央', 60_000_000), src('XJ', '旗县', 20_000_001), src('CJ', null, 19_999_999)]
    const parts = splitSources(sources, [33_333_333, 33_333_333, 33_333_334])
    expect(parts.map((p) => p.reduce((n, s) => n + s.amountFen, 0))).toEqual([33_333_333, 33_333_333, 33_333_334])
    const bySource = (t: string, l: string | null) => parts.flat().filter((s) => s.sourceType === t && s.level === l).reduce((n, s) => n + s.amountFen, 0)
    expect([bySource('XJ', '中央'), bySource('XJ', '旗县'), bySource('CJ', null)]).toEqual([60_000_000, 20_000_001, 19_999_999])
    // hand-computed: 33 333 333 × 0.6 = 19 999 999.8 → 20 000 000; × 0.20000001 = 6 666 667.0 → 6 666 667; last line 6 666 666
    expect(parts[0].map((s) => s.amountFen)).toEqual([20_000_000, 6_666_667, 6_666_666])
    // the last part takes what is left of each source
    expect(parts[2].map((s) => s.amountFen)).toEqual([60_000_000 - 40_000_000, 20_000_001 - 13_333_334, 19_999_999 - 13_333_332])
  })
})

const assetRow = (overrides: Record<string, unknown> = {}) => ({
  name: '福山地村肉牛养殖暖棚（一区）',
  class: '经营类',
  subtypeCode: 'J01',
  spec: '暖棚5座',
  unit: '座',
  quantity: 5,
  valueFen: 60_000_001,
  villageCode: FUSHANDI,
  owner: { name: '福山地村股份经济合作社', orgType: '村（嘎查）集体经济组织' },
  custodian: { org: { name: '福山地村股份经济合作社', orgType: '村（嘎查）集体经济组织' }, person: '王建国', phone: '13812345678' },
  ...overrides,
})

const handover = (projectId: number, overrides: Record<string, unknown> = {}) => ({
  projectId,
  mode: '资产',
  date: '2024-11-05',
  docNo: '移交〔2024〕1号',
  fromUnit: '林东镇人民政府',
  actor: '林东镇人民政府',
  assets: [assetRow(), assetRow({ name: '福山地村肉牛养殖暖棚（二区）', valueFen: 39_999_999 })],
  acceptWarnings: true,
  ...overrides,
})

describe('projects.handover', () => {
  it('splits an accepted project into two assets whose funding lines sum exactly to the project’s, linked both ways', async () => {
    const host = await setUpHost()
    const id = await createProject(host)
    await advance(host, id, '验收')
    const audits = auditCount(host.ctx)
    const r = await api<HandoverResult>(host, 'projects.handover', handover(id))
    expect(r.assetIds).toHaveLength(2)
    const assets = r.assetIds.map((a) => getAssetDetail(host.ctx, a))
    expect(assets.map((a) => a.originalValueFen)).toEqual([60_000_001, 39_999_999])
    for (const a of assets) expect(a.fundSources.reduce((n, f) => n + f.amountFen, 0)).toBe(a.originalValueFen)
    const all = assets.flatMap((a) => a.fundSources)
    const sum = (t: string, l: string | null) => all.filter((f) => f.sourceType === t && f.level === l).reduce((n, f) => n + f.amountFen, 0)
    expect([sum('XJ', '中央'), sum('XJ', '旗县'), sum('CJ', null)]).toEqual([60_000_000, 20_000_001, 19_999_999])
    // hand-computed first asset: 60 000 001 × 0.6 = 36 000 000.6 → 36 000 001; × 0.20000001 = 12 000 000.8 → 12 000 001; rest 12 000 000 - 1
    expect(assets[0].fundSources.map((f) => f.amountFen)).toEqual([36_000_001, 12_000_001, 11_999_999])
    // the 移交, the owner and custody came through the asset services
    expect(assets.map((a) => [a.handoverDate, a.handoverDocNo, a.owners[0]?.owner.name, a.custody[0]?.person])).toEqual([
      ['2024-11-05', '移交〔2024〕1号', '福山地村股份经济合作社', '王建国'],
      ['2024-11-05', '移交〔2024〕1号', '福山地村股份经济合作社', '王建国'],
    ])
    expect(assets.every((a) => a.projectCode === '2024150422CY0001')).toBe(true)
    const d = await api<ProjectDetail>(host, 'projects.get', { id })
    expect(d.status).toBe('资产移交')
    expect(d.handoverDate).toBe('2024-11-05')
    expect(d.assets.map((a) => a.id)).toEqual(r.assetIds)
    expect(count(host.ctx.db, 'asset', 'project_id = ?', id)).toBe(2)
    expect(auditCount(host.ctx)).toBeGreaterThan(audits + 4)
  })

  it('refuses a project that is not accepted, and a bad asset row — naming the row — leaving the database unchanged', async () => {
    const host = await setUpHost()
    const id = await createProject(host)
    await advance(host, id, '完工')
    const tables = ['asset', 'asset_fund_source', 'asset_handover', 'project', 'project_transition', 'org', 'audit_log']
    const before = tables.map((t) => dump(host.ctx.db, t))
    const r = await refusal(host, 'projects.handover', handover(id))
    expect(r.message).toContain('不能资产移交')
    await api(host, 'projects.transition', { id, action: '验收', date: '2024-10-20', actor: '验收组', acceptWarnings: true })
    const mid = tables.map((t) => dump(host.ctx.db, t))
    // second asset's sub-type is not an operating one: createAsset refuses, all is rolled back
    const r2 = await refusal(host, 'projects.handover', handover(id, { assets: [assetRow(), assetRow({ name: '二区', subtypeCode: 'G01' })] }))
    expect(r2.code).toBe('INVALID')
    expect(r2.message).toContain('资产第2项')
    expect(JSON.stringify(r2.details)).toContain('资产第2项·资产类型')
    expect(tables.map((t) => dump(host.ctx.db, t))).toEqual(mid)
    expect(before[0]).toEqual(mid[0])
  })

  it('splits a 到户类 project into household lines, one batch asset per village, amounts exact', async () => {
    const host = await setUpHost()
    const h1 = createHousehold(host.ctx, householdInput({ idNo: idNo('19700101', '111'), villageCode: FUSHANDI, headName: '张三' })).id
    const h2 = createHousehold(host.ctx, householdInput({ idNo: idNo('19700101', '112'), villageCode: FUSHANDI, headName: '李四' })).id
    const h3 = createHousehold(host.ctx, householdInput({ idNo: idNo('19700101', '113'), villageCode: DAXINZHUANG, headName: '王五' })).id
    const id = await createProject(host, {
      name: '2024年林东镇基础母牛到户产业帮扶项目', villageCodes: [FUSHANDI, DAXINZHUANG], expectedAssetClass: '到户类', totalInvestmentFen: 4_000_000,
      fundSources: [{ sourceType: 'XJ', level: '中央', amountFen: 3_000_000 }, { sourceType: 'NH', amountFen: 1_000_000 }],
    })
    await advance(host, id, '验收')
    const line = (householdId: number, quantity: number, amountFen: number) => ({ householdId, item: '基础母牛', subtypeCode: 'H01', unit: '头', quantity, amountFen, issueDate: '2024-10-25' })
    const r = await api<HandoverResult>(host, 'projects.handover', {
      ...handover(id), assets: [], mode: '到户', lines: [line(h1, 1, 1_000_000), line(h2, 2, 2_000_000), line(h3, 1, 1_000_000)],
    })
    expect(r.householdLineIds).toHaveLength(3)
    expect(r.assetIds).toHaveLength(2)
    const assets = r.assetIds.map((a) => getAssetDetail(host.ctx, a))
    expect(assets.map((a) => [a.class, a.villageCode, a.originalValueFen])).toEqual([['到户类', FUSHANDI, 3_000_000], ['到户类', DAXINZHUANG, 1_000_000]])
    expect(assets.flatMap((a) => a.fundSources).filter((f) => f.sourceType === 'XJ').reduce((n, f) => n + f.amountFen, 0)).toBe(3_000_000)
    expect(assets[0].fundSources.map((f) => f.amountFen)).toEqual([2_250_000, 750_000])
    expect(count(host.ctx.db, 'household_asset_line', 'project_id = ? AND fund_source = ?', id, 'XJ')).toBe(3)
    expect((await api<ProjectDetail>(host, 'projects.get', { id })).householdLines).toEqual({ count: 3, amountFen: 4_000_000 })
  })
})

describe('应登记未登记', () => {
  it('lists accepted projects forming assets without any after the set number of days, and clears when handed over', async () => {
    const host = await setUpHost()
    const id = await createProject(host)
    await advance(host, id, '验收') // accepted 2024-10-20, long ago
    const noAssets = await createProject(host, { name: '2024年林东镇雨露计划补助项目', typeCode: 'SB', formsAsset: false, expectedAssetClass: '不形成资产', linkMechanism: '' })
    await advance(host, noAssets, '验收')
    const list = listProblems(host.ctx, { kind: '应登记未登记', page: 1, pageSize: 50 })
    expect(list.rows).toEqual([expect.objectContaining({ kind: '应登记未登记', projectId: id, assetCode: '2024150422CY0001', townName: '林东镇' })])
    expect(list.rows[0].message).toContain('超过 30 天仍未登记资产')
    expect(list.counts.find((c) => c.kind === '应登记未登记')!.count).toBe(1)
    expect(listProblems(host.ctx, { townCode: LINDONG, page: 1, pageSize: 50 }).rows.map((r) => r.kind)).toContain('应登记未登记')
    // a longer setting than the age of the acceptance clears it
    updateSettings(host.ctx, { 'project.assetRegistrationDays': 365 })
    const days = Math.floor((Date.now() - Date.parse('2024-10-20')) / 86_400_000)
    expect(listProblems(host.ctx, { kind: '应登记未登记', page: 1, pageSize: 50 }).total).toBe(days > 365 ? 1 : 0)
    updateSettings(host.ctx, { 'project.assetRegistrationDays': 30 })
    await api(host, 'projects.handover', handover(id))
    expect(listProblems(host.ctx, { kind: '应登记未登记', page: 1, pageSize: 50 }).total).toBe(0)
  })
})
