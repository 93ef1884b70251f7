import { describe, expect, it } from 'vitest'
import type { ProjectBoard } from '../../src-main/api/types/projects'
import { monthsShown, moneyOption, rateOption } from '../../src-renderer/src/components/projects/board-options'

const month = (m: number, spent: number, target: number | null) => ({
  month: m,
  started: 0,
  completed: 0,
  accepted: 0,
  startRate: null,
  completionRate: null,
  issuedFen: 200_000_000,
  allocatedFen: 160_000_000,
  paidFen: 60_000_000,
  spentFen: spent,
  allocationRate: 0.8,
  paymentRate: 0.3,
  expenditureRate: spent / 200_000_000,
  targetRate: target,
})
const targets = [null, null, 0.3, 0.3, 0.3, 0.5, 0.5, 0.5, 0.75, 0.75, 0.9, 1]
const board = (asOf: string, year = 2026) =>
  ({ year, asOf, monthly: targets.map((t, i) => month(i + 1, i >= 6 ? 40_000_000 : 0, t)) }) as unknown as ProjectBoard

describe('调度 charts: progress against the milestone targets', () => {
  it('draws the months reached so far, all of them for a past year', () => {
    expect(monthsShown(board('2026-11-29'))).toBe(11)
    expect(monthsShown(board('2027-01-05'))).toBe(12)
    expect(monthsShown(board('2025-12-31'))).toBe(0)
  })
  it('puts the targets as a stepped series over all twelve months and the rates up to today, in percent', () => {
    const option = rateOption(board('2026-11-29'))
    const series = option.series as { name: string; data: (number | null)[]; step?: string }[]
    const target = series.find((s) => s.name === '进度目标')!
    expect(target.step).toBe('end')
    expect(target.data).toEqual([null, null, 30, 30, 30, 50, 50, 50, 75, 75, 90, 100])
    const spent = series.find((s) => s.name === '支出率')!
    expect(spent.data.slice(5, 8)).toEqual([0, 20, 20])
    expect(spent.data[11]).toBeNull()
  })
  it('shows money in the chosen unit', () => {
    const option = moneyOption(board('2026-11-29'), '万元')
    const issued = (option.series as { name: string; data: (number | null)[] }[]).find((s) => s.name === '下达')!
    expect(issued.data[0]).toBe(200)
    expect(issued.data[11]).toBeNull()
  })
})
