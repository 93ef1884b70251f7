/**
 * Shared fixtures of the household tests (households.test.ts, households-lines.test.ts): valid ID
 * numbers, household and line inputs through the contract's schema, a host with one household, and
 * a check that a refused write left every household table and the audit log as they were.
 */
import { expect } from 'vitest'
import type { RuleFinding } from '../../src-main/api/types/rules'
import { validateInput } from '../../src-main/api/validate'
import type { ServiceHost } from '../../src-main/core/service-host'
import { AppError } from '../../src-main/domain/errors'
import { idCardCheckChar } from '../../src-main/domain/id-card'
import { createHousehold, type createHouseholdLine } from '../../src-main/services/households'
import { auditCount, setUpHost } from './temp'

export const FUSHANDI = '150422100201' // 福山地村, 林东镇
export const DAXINZHUANG = '150422100202' // 大新庄村, 林东镇
export const LONGCHANG_CUN = '150422101200' // 隆昌村, 隆昌镇

/** A valid 18-character ID number with the given address code, birth date and sequence. */
export const idNo = (birth = '19800101', seq = '123', prefix = '150422') => {
  const first17 = `${prefix}${birth}${seq}`
  return first17 + idCardCheckChar(first17)
}

export function householdInput(overrides: Record<string, unknown> = {}) {
  const checked = validateInput('households.create', {
    headName: '张三',
    idNo: idNo(),
    size: 4,
    attribute: '脱贫户',
    exitYear: 2019,
    villageCode: FUSHANDI,
    groupName: '3组',
    phone: '13812345678',
    ...overrides,
  })
  if (!checked.ok) throw new Error(checked.message)
  return checked.input as Parameters<typeof createHousehold>[1]
}

export function lineInput(householdId: number, overrides: Record<string, unknown> = {}) {
  const checked = validateInput('householdLines.create', {
    householdId,
    projectName: '2021年基础母牛到户项目',
    projectCode: '2021150422CY0001',
    projectYear: 2021,
    item: '基础母牛',
    spec: '西门塔尔',
    subtypeCode: 'H01',
    unit: '头',
    quantity: 2,
    standardFen: 800_000,
    amountFen: 1_600_000,
    fundSource: 'XJ',
    issueMethod: '实物发放',
    issueDate: '2021-06-15',
    tagNo: '150422000001',
    ...overrides,
  })
  if (!checked.ok) throw new Error(checked.message)
  return checked.input as Parameters<typeof createHouseholdLine>[1]
}

/** A set-up host with one household (张三, 福山地村, no phone). */
export async function hostWithHousehold() {
  const host = await setUpHost()
  const { id } = createHousehold(host.ctx, householdInput({ exitYear: null, groupName: '', phone: '' }))
  return { host, householdId: id }
}

export function catchError(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected the call to be refused')
}

const tables = ['household', 'household_asset_line', 'household_term', 'hal_summary', 'household_ledger_state']
/** Every row of a table (some have no rowid), in a fixed order. */
const dumpAll = (db: ServiceHost['db'], table: string) => (db.prepare(`SELECT * FROM ${table}`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()
/** The household tables as they are now. */
export const householdTables = (host: ServiceHost) => tables.map((t) => dumpAll(host.db, t))

/** Runs a write that must be refused; checks that nothing at all was written, and returns the error. */
export function refused(host: ServiceHost, fn: () => unknown): AppError {
  const before = householdTables(host)
  const audit = auditCount(host.ctx)
  const error = catchError(fn)
  expect(householdTables(host)).toEqual(before)
  expect(auditCount(host.ctx)).toBe(audit)
  return error
}

export const findingsOf = (e: AppError) => e.details as RuleFinding[]
