/**
 * Issue 4: the money (分配 / 拨付 / 支出) with the ≤ rules of §7.5, the per-document and per-project
 * rates, the milestone flag, the 调度 board and the compliance monitor — against hand-computed values, to the 分.
 */
import { describe, expect, it } from 'vitest'
import type { ComplianceResult, FundDocDetail, ProjectBoard, ProjectDetail } from '../../src-main/api/types/projects'
import { isBehind, milestoneTargetPct } from '../../src-main/domain/project-money'
import { auditCount, autoCleanup, dump, LINDONG, setUpHost } from '../support/temp'
import { advance, api, createProject, FUSHANDI, refusal } from './projects-support'

autoCleanup()

const milestones = [{ month: 3, pct: 30 }, { month: 6, pct: 50 }, { month: 9, pct: 75 }, { month: 11, pct: 90 }, { month: 12, pct: 100 }]

describe('milestones (pure)', () => {
  it('applies the highest milestone whose month has ended', () => {
    expect(milestoneTargetPct(milestones, 2024, '2024-03-30')).toBeNull()
    expect(milestoneTargetPct(milestones, 2024, '2024-03-31')).toBe(30)
    expect(milestoneTargetPct(milestones, 2024, '2024-06-29')).toBe(30)
    expect(milestoneTargetPct(milestones, 2024, '2024-06-30')).toBe(50)
    expect(milestoneTargetPct(milestones, 2024, '2024-12-31')).toBe(100)
    expect(milestoneTargetPct(milestones, 2024, '2025-02-01')).toBe(100)
    expect(milestoneTargetPct(milestones, 2024, '2023-12-31')).toBeNull()
  })
  it('compares exactly: 30% of 100 000 001 分 is missed by 30 000 000 分', () => {
    expect(isBehind(30_000_000, 100_000_001, 30)).toBe(true)
    expect(isBehind(30_000_001, 100_000_001, 30)).toBe(false)
    expect(isBehind(0, 0, 30)).toBe(false)
  })
})

async function county() {
  const host = await setUpHost()
  const db = host.ctx.db
  db.prepare('UPDATE region SET is_former_poor_village = 1 WHERE code = ?').run(FUSHANDI)
  const other = (db.prepare('SELECT code FROM region WHERE parent_code = ? AND level = 5 AND code <> ? ORDER BY code LIMIT 1').get(LINDONG, FUSHANDI) as { code: string }).code
  db.prepare('UPDATE region SET is_former_poor_village = 0 WHERE code = ?').run(other)
  const doc = async (docNo: string, level: string, amountFen: number, docDate: string) =>
    (await api<{ id: number }>(host, 'fundDocs.create', { docNo, title: `${docNo} 衔接资金`, docDate, fundYear: 2024, level, fundType: 'XJ', amountFen })).id
  const d1 = await doc('内财农〔2024〕1号', '中央', 100_000_000, '2024-01-15')
  const d2 = await doc('左财农〔2024〕5号', '旗县', 30_000_001, '2024-02-01')
  // P1 产业发展 in a 脱贫村, P2 乡村建设 in a non-poor village, P3 项目管理费 without villages
  const p1 = await createProject(host, { totalInvestmentFen: 65_000_000, fundSources: [{ sourceType: 'XJ', level: '中央', amountFen: 55_000_000 }, { sourceType: 'XJ', level: '旗县', amountFen: 10_000_000 }] })
  const p2 = await createProject(host, {
    name: '2024年林东镇通村道路硬化项目', typeCode: 'XC', villageCodes: [other], totalInvestmentFen: 40_000_000, linkMechanism: '',
    fundSources: [{ sourceType: 'XJ', level: '中央', amountFen: 40_000_000 }], expectedAssetClass: '公益类',
  })
  const p3 = await createProject(host, {
    name: '2024年巴林左旗衔接资金项目管理费', typeCode: 'GL', villageCodes: [], totalInvestmentFen: 1_300_000, linkMechanism: '', formsAsset: false, expectedAssetClass: '不形成资产',
    fundSources: [{ sourceType: 'XJ', level: '旗县', amountFen: 1_300_000 }],
  })
  await advance(host, p1, '完工')
  await advance(host, p2, '开工')
  await advance(host, p3, '纳入计划')
  const allocate = (fundDocId: number, projectId: number, amountFen: number) => api(host, 'funds.allocate', { fundDocId, projectId, amountFen, allocDate: '2024-03-05' })
  await allocate(d1, p1, 55_000_000)
  await allocate(d2, p1, 10_000_000)
  await allocate(d1, p2, 40_000_000)
  await allocate(d2, p3, 1_300_000)
  const entry = (ch: string, projectId: number, fundDocId: number, amountFen: number, date: string, voucherNo: string) =>
    api(host, ch, { projectId, fundDocId, amountFen, date, voucherNo, payee: '林东镇人民政府' })
  await entry('funds.pay', p1, d1, 30_000_000, '2024-03-20', '拨-001')
  await entry('funds.spend', p1, d1, 20_000_000, '2024-03-25', '支-001')
  await entry('funds.pay', p2, d1, 40_000_000, '2024-05-10', '拨-002')
  await entry('funds.spend', p2, d1, 10_000_000, '2024-06-15', '支-002')
  return { host, d1, d2, p1, p2, p3 }
}

describe('money through the contract', () => {
  it('computes 分配率/拨付率/支出率 per document and per project from the integer sums', async () => {
    const { host, d1, p1 } = await county()
    const doc = await api<FundDocDetail>(host, 'fundDocs.get', { id: d1, asOf: '2024-06-30' })
    expect(doc.money).toEqual({ issuedFen: 100_000_000, allocatedFen: 95_000_000, paidFen: 70_000_000, spentFen: 30_000_000, allocationRate: 0.95, paymentRate: 0.7, expenditureRate: 0.3 })
    expect(doc.milestone).toEqual({ asOf: '2024-06-30', targetRate: 0.5, actualRate: 0.3, behind: true })
    expect(doc.projectCount).toBe(2)
    const p = await api<ProjectDetail>(host, 'projects.get', { id: p1 })
    expect(p.money).toEqual(expect.objectContaining({ allocatedFen: 65_000_000, paidFen: 30_000_000, spentFen: 20_000_000, paymentRate: 30 / 65, expenditureRate: 20 / 65 }))
    expect(p.payments.map((x) => x.voucherNo)).toEqual(['拨-001'])
    const list = await api<{ totals: { amountFen: number; allocatedFen: number } }>(host, 'fundDocs.list', { fundYear: 2024 })
    expect(list.totals).toEqual({ amountFen: 130_000_001, allocatedFen: 106_300_000, paidFen: 70_000_000, spentFen: 30_000_000 })
  })

  it('refuses 拨付 beyond the allocation (E, per document and per project) and leaves the database unchanged', async () => {
    const { host, d1, d2, p1 } = await county()
    const before = [dump(host.ctx.db, 'fund_payment'), auditCount(host.ctx)]
    const r = await refusal(host, 'funds.pay', { projectId: p1, fundDocId: d1, amountFen: 25_000_001, date: '2024-07-01', voucherNo: '拨-009', acceptWarnings: true })
    expect(r.code).toBe('INVALID')
    expect(r.message).toContain('拨付金额')
    expect(r.message).toContain('将超出 0.01 元')
    expect([dump(host.ctx.db, 'fund_payment'), auditCount(host.ctx)]).toEqual(before)
    // per project: 65 000 000 allocated, 30 000 000 paid → 35 000 001 more is over
    const r2 = await refusal(host, 'funds.pay', { projectId: p1, fundDocId: null, amountFen: 35_000_001, date: '2024-07-01', voucherNo: '拨-010', acceptWarnings: true })
    expect(r2.message).toContain('将超出已分配资金 0.01 元')
    await api(host, 'funds.pay', { projectId: p1, fundDocId: d2, amountFen: 10_000_000, date: '2024-07-01', voucherNo: '拨-011' })
  })

  it('warns (W) when allocations exceed the document, and when 支出 exceeds 拨付', async () => {
    const { host, d2, p2 } = await county()
    // d2: 30 000 001 issued, 11 300 000 allocated → 18 700 002 more is 0.01 元 over
    const r = await refusal(host, 'funds.allocate', { fundDocId: d2, projectId: p2, amountFen: 18_700_002 })
    expect(r.code).toBe('NEEDS_CONFIRMATION')
    expect(r.message).toContain('将超出下达金额 0.01 元')
    await api(host, 'funds.allocate', { fundDocId: d2, projectId: p2, amountFen: 18_700_001, acceptWarnings: true })
    const r2 = await refusal(host, 'funds.spend', { projectId: p2, fundDocId: null, amountFen: 30_000_001, date: '2024-07-01', voucherNo: '支-009' })
    expect(r2.code).toBe('NEEDS_CONFIRMATION')
    expect(r2.message).toContain('超出已拨付资金')
  })

  it('refuses to delete an allocation that payments rest on', async () => {
    const { host, p1 } = await county()
    const allocs = await api<{ id: number; amountFen: number }[]>(host, 'funds.allocations', { projectId: p1 })
    const r = await refusal(host, 'funds.deleteEntry', { kind: '分配', id: allocs[0].id })
    expect(r.message).toContain('请先删除相应的拨付记录')
  })
})

describe('the 调度 board', () => {
  it('counts the steps reached by the date, the money by level and the monthly series', async () => {
    const { host, p1, p2, p3 } = await county()
    const b = await api<ProjectBoard>(host, 'projects.board', { year: 2024, asOf: '2024-06-30' })
    expect(b.counts).toEqual({ total: 3, inLibrary: 3, planned: 3, started: 2, completed: 0, accepted: 0, handedOver: 0, terminated: 0 })
    expect(b.rates.startRate).toBe(2 / 3)
    expect(b.money.total).toEqual({
      issuedFen: 130_000_001, allocatedFen: 106_300_000, paidFen: 70_000_000, spentFen: 30_000_000,
      allocationRate: 106_300_000 / 130_000_001, paymentRate: 70_000_000 / 130_000_001, expenditureRate: 30_000_000 / 130_000_001,
    })
    expect(b.money.byLevel.find((l) => l.level === '中央')).toEqual(expect.objectContaining({ issuedFen: 100_000_000, allocatedFen: 95_000_000, paidFen: 70_000_000, spentFen: 30_000_000 }))
    expect(b.money.byLevel.find((l) => l.level === '旗县')).toEqual(expect.objectContaining({ issuedFen: 30_000_001, allocatedFen: 11_300_000, paidFen: 0, spentFen: 0 }))
    expect(b.money.byLevel.find((l) => l.level === '自治区')!.expenditureRate).toBeNull()
    expect(b.milestone).toEqual({ asOf: '2024-06-30', targetRate: 0.5, actualRate: 30_000_000 / 130_000_001, behind: true })
    // behind: p1 spent 20/65 < 50 %, p2 10/40 < 50 %, p3 planned but not started (plan 2024-04-01) — sorted by rate
    expect(b.behind.map((r) => r.id)).toEqual([p3, p2, p1])
    expect(b.behind[0].reason).toContain('至今未开工')
    expect(b.monthly).toHaveLength(6)
    expect(b.monthly[2]).toEqual(expect.objectContaining({ month: 3, started: 0, paidFen: 30_000_000, spentFen: 20_000_000, targetRate: 0.3, allocatedFen: 106_300_000 }))
    expect(b.monthly[3]).toEqual(expect.objectContaining({ month: 4, started: 2, startRate: 2 / 3 }))
    expect(b.monthly[5].spentFen).toBe(30_000_000)
    // at year end: p1 完工 counted
    const end = await api<ProjectBoard>(host, 'projects.board', { year: 2024, asOf: '2024-12-31' })
    expect(end.counts.completed).toBe(1)
    expect(end.monthly).toHaveLength(12)
    // a 乡镇/类型 filter: issued = what the year's documents allocated to the matching projects
    const cy = await api<ProjectBoard>(host, 'projects.board', { year: 2024, asOf: '2024-06-30', typeCode: 'CY' })
    expect(cy.counts.total).toBe(1)
    expect(cy.money.total).toEqual(expect.objectContaining({ issuedFen: 65_000_000, allocatedFen: 65_000_000, paidFen: 30_000_000, spentFen: 20_000_000 }))
  })
})

describe('the compliance monitor', () => {
  it('computes the three shares against the settings, exactly, with the projects behind them', async () => {
    const { host, p1, p2, p3 } = await county()
    const all = await api<ComplianceResult>(host, 'projects.compliance', { year: 2024 })
    expect(all.totalFen).toBe(130_000_001)
    const [industry, nonPoor, fee] = all.items
    // 65 000 000 / 130 000 001 = 49.99…% < 55 %
    expect(industry).toEqual(expect.objectContaining({ key: 'industryShare', numeratorFen: 65_000_000, denominatorFen: 130_000_001, threshold: 0.55, comparator: '≥', crossed: true, projectIds: [p1] }))
    // 40 000 000 / 130 000 001 = 30.77 % > 30 %
    expect(nonPoor).toEqual(expect.objectContaining({ numeratorFen: 40_000_000, crossed: true, projectIds: [p2] }))
    // 1 300 000 / 130 000 001 = 0.99999999 % — under 1 % by less than a 分: not crossed
    expect(fee).toEqual(expect.objectContaining({ numeratorFen: 1_300_000, threshold: 0.01, crossed: false, projectIds: [p3] }))
    expect(all.byType.map((t) => [t.typeCode, t.amountFen])).toEqual([['CY', 65_000_000], ['XC', 40_000_000], ['GL', 1_300_000]])
    expect(all.poorVillageFen).toBe(65_000_000)
    // central level only: 55 000 000 / 100 000 000 = 55 % exactly → not crossed
    const central = await api<ComplianceResult>(host, 'projects.compliance', { year: 2024, level: '中央' })
    expect(central.totalFen).toBe(100_000_000)
    expect(central.items[0]).toEqual(expect.objectContaining({ numeratorFen: 55_000_000, rate: 0.55, crossed: false }))
    expect(central.items[2]).toEqual(expect.objectContaining({ numeratorFen: 0, crossed: false, projectIds: [] }))
    // one 分 more of management fee crosses 1 %
    await api(host, 'funds.allocate', { fundDocId: (await api<{ rows: { id: number; level: string }[] }>(host, 'fundDocs.list', { level: '旗县' })).rows[0].id, projectId: p3, amountFen: 1, acceptWarnings: true })
    expect((await api<ComplianceResult>(host, 'projects.compliance', { year: 2024 })).items[2].crossed).toBe(true)
  })
})
