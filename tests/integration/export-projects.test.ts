/**
 * The project reports (R6–R10) and the project list export, on a hand-built project library: the
 * figures in the files against the hand-computed ones, through the projects area's own channels.
 */
import { describe, expect, it } from 'vitest'
import type { ServiceHost } from '../../src-main/core/service-host'
import { exportList, exportReport } from '../../src-main/io/export/service'
import { autoCleanup, LINDONG, LONGCHANG, setUpHost } from '../support/temp'
import { findRow, openOutbox, rowValues } from './export-support'

autoCleanup()

async function api<T>(host: ServiceHost, channel: string, input: unknown): Promise<T> {
  const { validateInput } = await import('../../src-main/api/validate')
  const checked = validateInput(channel, input)
  if (!checked.ok) throw new Error(`${channel}: ${checked.message}`)
  const result = await host.call(checked.channel, checked.input as never)
  if (!result.ok) throw new Error(`${channel}: ${result.message}`)
  return result.data as T
}

const project = (overrides: Record<string, unknown>) => ({
  name: '2024年林东镇福山地村肉牛养殖暖棚项目',
  year: 2024,
  libraryYear: 2024,
  typeCode: 'CY',
  nature: '新建',
  townCode: LINDONG,
  content: '新建暖棚10座，每座200平方米',
  totalInvestmentFen: 100_000_000,
  fundSources: [{ sourceType: 'XJ', level: '中央', amountFen: 80_000_000 }, { sourceType: 'CJ', amountFen: 20_000_000 }],
  sectorDept: '巴林左旗农牧局',
  implUnit: '林东镇人民政府',
  beneficiaryHouseholds: 30,
  beneficiaryPersons: 90,
  formsAsset: true,
  expectedAssetClass: '经营类',
  linkMechanism: '务工带动、分红',
  performanceGoal: '建成暖棚10座，带动30户增收',
  planStart: '2024-04-01',
  planEnd: '2024-10-31',
  acceptWarnings: true,
  ...overrides,
})

/** Moves a project along its allowed actions until it reaches `status`. */
async function advance(host: ServiceHost, id: number, status: string) {
  for (let step = 0; step < 12; step++) {
    const p = await api<{ status: string; allowedActions: { action: string; toStatus: string }[] }>(host, 'projects.get', { id })
    if (p.status === status) return
    const next = p.allowedActions.find((a) => !['退回修改', '出库', '终止', '调整'].includes(a.action))
    if (!next) throw new Error(`no way from ${p.status} to ${status}`)
    await api(host, 'projects.transition', { id, action: next.action, date: `2024-0${Math.min(9, 3 + step)}-01`, actor: '农牧局', acceptWarnings: true })
  }
  throw new Error(`did not reach ${status}`)
}

describe('project reports on a hand-built library', () => {
  async function library() {
    const host = await setUpHost()
    const p1 = await api<{ id: number }>(host, 'projects.create', project({}))
    const p2 = await api<{ id: number }>(host, 'projects.create', project({ name: '2024年隆昌镇通村道路硬化项目', typeCode: 'XC', townCode: LONGCHANG, totalInvestmentFen: 50_000_000, fundSources: [{ sourceType: 'XJ', level: '中央', amountFen: 50_000_000, integrated: true }], expectedAssetClass: '公益类' }))
    const doc = await api<{ id: number }>(host, 'fundDocs.create', { docNo: '内财农〔2024〕1号', docDate: '2024-02-01', fundYear: 2024, level: '中央', fundType: 'XJ', amountFen: 200_000_000, acceptWarnings: true })
    await api(host, 'projects.saveIndicators', {
      projectId: p1.id,
      indicators: [{ level1: '产出指标', level2: '数量指标', name: '新建暖棚', operator: '≥', targetValue: '10', unit: '座' }],
    })
    await advance(host, p1.id, '开工')
    await api(host, 'projects.saveIndicators', {
      projectId: p2.id,
      indicators: [{ level1: '产出指标', level2: '数量指标', name: '硬化道路', operator: '≥', targetValue: '3', unit: '公里' }],
    })
    await advance(host, p2.id, '纳入年度计划')
    // A draft: in neither the plan (R6) nor the library (R9), but in R10 and the list.
    await api(host, 'projects.create', project({ name: '2024年林东镇草稿项目', totalInvestmentFen: 1_000_000, fundSources: [] }))
    await api(host, 'funds.allocate', { fundDocId: doc.id, projectId: p1.id, amountFen: 80_000_000, acceptWarnings: true })
    await api(host, 'funds.allocate', { fundDocId: doc.id, projectId: p2.id, amountFen: 50_000_000, acceptWarnings: true })
    await api(host, 'funds.pay', { projectId: p1.id, fundDocId: doc.id, date: '2024-06-01', amountFen: 40_000_000, voucherNo: '记-001', acceptWarnings: true })
    await api(host, 'funds.spend', { projectId: p1.id, fundDocId: doc.id, date: '2024-06-15', amountFen: 30_000_000, voucherNo: '记-002', acceptWarnings: true })
    return host
  }

  it('R6: one of two projects started; 开工率 50%; spending to the 分', async () => {
    const host = await library()
    const file = await exportReport(host.ctx, { report: 'R6', year: 2024, unit: '元' })
    expect(file.sheets[0].rows).toBe(2)
    const sheet = (await openOutbox(host.ctx, file.fileId)).book.worksheets[0]
    const header = [...(sheet.getRow(3).values as unknown[]), ...(sheet.getRow(4).values as unknown[])]
    expect(header).toContain('开工率')
    const total = findRow(sheet, 2, '合计')
    const col = (label: string) => (sheet.getRow(4).values as unknown[]).indexOf(label)
    expect(sheet.getCell(total, col('已开工')).value).toBe(1)
    expect(sheet.getCell(total, col('开工率')).value).toBe(0.5)
    expect(sheet.getCell(total, col('开工率')).numFmt).toBe('0.00%')
    const spentCol = (sheet.getRow(3).values as unknown[]).findIndex((v) => String(v).startsWith('完成投资'))
    expect(sheet.getCell(total, spentCol).value).toBe(300_000)
  })

  it('R7: the document’s issued, allocated, paid and spent money with its rates', async () => {
    const host = await library()
    const file = await exportReport(host.ctx, { report: 'R7', year: 2024, unit: '万元' })
    const sheet = (await openOutbox(host.ctx, file.fileId)).book.worksheets[0]
    const row = findRow(sheet, 4, '内财农〔2024〕1号')
    const values = rowValues(sheet, row)
    expect(values.slice(5, 12)).toEqual([200, 130, 0.65, 40, 30, 0.15, 170])
    expect(rowValues(sheet, 4)[1]).toBe('合计')
    expect(() => findRow(sheet, 2, '中央级小计')).not.toThrow()
  })

  it('R8, R9, R10 and the project list', async () => {
    const host = await library()
    const r8 = await exportReport(host.ctx, { report: 'R8', year: 2024, unit: '元' })
    expect(r8.sheets.map((s) => s.sheetName)).toEqual(['使用结构', '比例监测'])
    const eight = (await openOutbox(host.ctx, r8.fileId)).book.worksheets[0]
    // 合计 on top: 中央 1,300,000 元 allocated (800,000 产业发展 + 500,000 乡村建设行动), nothing at the other levels.
    expect(rowValues(eight, 5).slice(0, 6)).toEqual(['合计', 1_300_000, 0, 0, 0, 1_300_000])
    expect(rowValues(eight, findRow(eight, 1, '产业发展')).slice(0, 7)).toEqual(['产业发展', 800_000, 0, 0, 0, 800_000, 0.4]) // share of the 2,000,000 元 issued
    const r9 = await exportReport(host.ctx, { report: 'R9', year: 2024, unit: '元' })
    expect(r9.sheets[0].rows).toBe(2) // the draft is not in the library
    const nine = (await openOutbox(host.ctx, r9.fileId)).book.worksheets[0]
    expect(rowValues(nine, 5)[1]).toBe('合计')
    const r10 = await exportReport(host.ctx, { report: 'R10', year: 2024, unit: '元' })
    const ten = (await openOutbox(host.ctx, r10.fileId)).book.worksheets[0]
    const total = findRow(ten, 2, '合计')
    const col = (label: string) => (ten.getRow(4).values as unknown[]).indexOf(label)
    expect(ten.getCell(total, col('未纳入统筹整合的财政衔接资金')).value).toBe(800_000)
    expect(ten.getCell(total, col('纳入涉农整合的财政衔接资金')).value).toBe(500_000)
    const list = await exportList(host.ctx, { list: 'projects', filter: { year: 2024, sort: 'code', order: 'asc' }, unit: '元' })
    expect(list.sheets[0].rows).toBe(3)
  })
})
