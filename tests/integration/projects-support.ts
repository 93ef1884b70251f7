/** Shared helpers of the projects-*.test.ts files: calls through the contract, a project taken through its steps. */
import { expect } from 'vitest'
import { validateInput } from '../../src-main/api/validate'
import type { ServiceHost } from '../../src-main/core/service-host'
import { LINDONG } from '../support/temp'

export const FUSHANDI = '150422100201' // 福山地村, 林东镇 (a 脱贫村 in the tests when flagged)

export async function api<T = unknown>(host: ServiceHost, channel: string, input: unknown): Promise<T> {
  const checked = validateInput(channel, input)
  if (!checked.ok) throw new Error(`${channel}: ${checked.message}`)
  const result = await host.call(checked.channel, checked.input as never)
  if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.message}`), { code: result.code, details: result.details })
  return result.data as T
}

/** The failure of a call that must be refused. */
export async function refusal(host: ServiceHost, channel: string, input: unknown): Promise<{ code: string; message: string; details?: unknown }> {
  const checked = validateInput(channel, input)
  if (!checked.ok) return { code: 'INVALID_INPUT', message: checked.message }
  const result = await host.call(checked.channel, checked.input as never)
  if (result.ok) throw new Error(`${channel} was expected to be refused`)
  return result
}

export const projectInput = (overrides: Record<string, unknown> = {}) => ({
  name: '2024年林东镇福山地村肉牛养殖暖棚项目',
  year: 2024,
  libraryYear: 2024,
  typeCode: 'CY',
  nature: '新建',
  townCode: LINDONG,
  villageCodes: [FUSHANDI],
  content: '新建暖棚10座，每座200平方米',
  totalInvestmentFen: 100_000_000,
  fundSources: [
    { sourceType: 'XJ', level: '中央', amountFen: 60_000_000 },
    { sourceType: 'XJ', level: '旗县', amountFen: 20_000_001 },
    { sourceType: 'CJ', amountFen: 19_999_999 },
  ],
  sectorDept: '巴林左旗农牧局',
  implUnit: '林东镇人民政府',
  beneficiaryHouseholds: 30,
  beneficiaryPersons: 90,
  linkMechanism: '租赁经营，租金按年分红给脱贫户',
  formsAsset: true,
  expectedAssetClass: '经营类',
  planStart: '2024-04-01',
  planEnd: '2024-10-31',
  acceptWarnings: true,
  ...overrides,
})

export const indicators = [
  { level1: '产出指标', level2: '数量指标', name: '新建暖棚', operator: '≥', targetValue: '10', unit: '座' },
  { level1: '满意度指标', level2: '服务对象满意度', name: '受益脱贫户满意度', operator: '≥', targetValue: '95', unit: '%' },
]

export const step = (id: number, action: string, date: string, extra: Record<string, unknown> = {}) => ({
  id,
  action,
  date,
  docNo: '',
  actor: '林东镇人民政府',
  acceptWarnings: true,
  ...extra,
})

/** The main line up to (and including) `until`, with publicity and indicators so that 入库 passes. */
export const mainSteps: [string, string][] = [
  ['申报', '2024-01-10'],
  ['审核', '2024-01-25'],
  ['论证', '2024-02-05'],
  ['审定入库', '2024-02-20'],
  ['纳入计划', '2024-03-01'],
  ['开工', '2024-04-10'],
  ['完工', '2024-09-30'],
  ['验收', '2024-10-20'],
]

export async function createProject(host: ServiceHost, overrides: Record<string, unknown> = {}): Promise<number> {
  const saved = await api<{ id: number }>(host, 'projects.create', projectInput(overrides))
  return saved.id
}

export async function advance(host: ServiceHost, id: number, until: string, opts: { indicators?: boolean } = {}) {
  if (opts.indicators !== false) await api(host, 'projects.saveIndicators', { projectId: id, indicators })
  await api(host, 'projects.addPublicity', { projectId: id, stage: '村级申报', startDate: '2024-01-11', endDate: '2024-01-18', place: '福山地村村务公开栏' })
  for (const [action, date] of mainSteps) {
    await api(host, 'projects.transition', step(id, action, date, action === '审定入库' ? { docNo: '左乡振组字〔2024〕3号' } : action === '纳入计划' ? { docNo: '左政发〔2024〕8号' } : {}))
    if (action === until) return
  }
  expect(until).toBe('验收')
}
