/**
 * Issue 4 item 8: the demo county's project library is consistent with the ledgers and the money
 * rules — ~400 projects over 2016–2025, every funding plan the sum of its assets' lines, Σ paid ≤
 * Σ allocated per document and project, Σ allocated ≤ issued, linked both ways, nothing in the future.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ComplianceResult, ProjectBoard } from '../../src-main/api/types/projects'
import { ServiceHost } from '../../src-main/core/service-host'
import { todayIso } from '../../src-main/domain/dates'
import { resourcesDir } from '../support/temp'

describe('demo project library', () => {
  let dir: string
  let host: ServiceHost
  const one = <T>(sql: string) => host.db.prepare(sql).get() as T
  const n = (sql: string) => one<{ n: number }>(sql).n

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-pdemo-'))
    host = await ServiceHost.open({ dataDir: dir, resourcesDir, appVersion: '0.0.0-test' })
    const result = await host.call('demo.load', { scale: 'default' })
    if (!result.ok) throw new Error(`demo.load failed: ${result.message}`)
  }, 240_000)
  afterAll(() => {
    host?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('has about 400 projects in every year 2016–2025, with steps, indicators and publicity', () => {
    const total = n('SELECT count(*) AS n FROM project')
    expect(total).toBeGreaterThanOrEqual(360)
    expect(total).toBeLessThanOrEqual(440)
    const years = host.db.prepare('SELECT year, count(*) AS n FROM project GROUP BY year ORDER BY year').all() as { year: number; n: number }[]
    expect(years.map((y) => y.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025])
    expect(n("SELECT count(*) AS n FROM project p WHERE status <> '草稿' AND NOT EXISTS (SELECT 1 FROM project_transition t WHERE t.project_id = p.id)")).toBe(0)
    expect(n("SELECT count(*) AS n FROM project p WHERE status NOT IN ('草稿', '申报') AND NOT EXISTS (SELECT 1 FROM project_indicator i WHERE i.project_id = p.id)")).toBe(0)
    expect(n("SELECT count(*) AS n FROM project p JOIN project_type t ON t.code = p.type_code WHERE t.is_industry = 1 AND trim(p.link_mechanism) = '' AND p.status <> '草稿'")).toBe(0)
    // historic classifications in their years only
    expect(n("SELECT count(*) AS n FROM project p JOIN project_type t ON t.code = p.type_code WHERE p.year < t.valid_from_year OR p.year > coalesce(t.valid_to_year, 9999)")).toBe(0)
  })

  it('keeps the money consistent with the ledgers and the ≤ rules', () => {
    expect(n('SELECT count(*) AS n FROM project p WHERE total_investment <> (SELECT coalesce(sum(amount), 0) FROM project_fund_source f WHERE f.project_id = p.id)')).toBe(0)
    expect(n('SELECT count(*) AS n FROM project p WHERE EXISTS (SELECT 1 FROM asset a WHERE a.project_id = p.id) AND total_investment <> (SELECT sum(total_investment) FROM asset a WHERE a.project_id = p.id)')).toBe(0)
    expect(n(`SELECT count(*) AS n FROM (SELECT a.project_id, a.fund_doc_id, sum(a.amount) AS al,
      (SELECT coalesce(sum(amount), 0) FROM fund_payment f WHERE f.project_id = a.project_id AND f.fund_doc_id = a.fund_doc_id AND f.kind = '拨付') AS pd
      FROM fund_allocation a GROUP BY 1, 2) WHERE pd > al`)).toBe(0)
    expect(n(`SELECT count(*) AS n FROM (SELECT project_id, sum(CASE WHEN kind = '拨付' THEN amount ELSE 0 END) AS pd, sum(CASE WHEN kind = '支出' THEN amount ELSE 0 END) AS sp
      FROM fund_payment GROUP BY 1) WHERE sp > pd`)).toBe(0)
    expect(n('SELECT count(*) AS n FROM fund_doc d WHERE (SELECT coalesce(sum(amount), 0) FROM fund_allocation WHERE fund_doc_id = d.id) > d.amount')).toBe(0)
    expect(n('SELECT count(*) AS n FROM fund_doc')).toBeGreaterThan(20)
    expect(n("SELECT count(*) AS n FROM fund_payment WHERE voucher_no = ''")).toBe(0)
    const today = todayIso()
    const latest = one<{ t: string; p: string }>('SELECT (SELECT max(date) FROM project_transition) AS t, (SELECT max(date) FROM fund_payment) AS p')
    expect(latest.t <= today && latest.p <= today).toBe(true)
  })

  it('links assets and household lines to their projects both ways', () => {
    expect(n('SELECT count(DISTINCT project_id) AS n FROM asset WHERE project_id IS NOT NULL')).toBeGreaterThan(300)
    expect(n('SELECT count(*) AS n FROM household_asset_line WHERE project_id IS NOT NULL')).toBeGreaterThan(1000)
    expect(n('SELECT count(*) AS n FROM asset a JOIN project p ON p.id = a.project_id WHERE p.code <> a.project_code')).toBe(0)
    expect(n('SELECT count(*) AS n FROM household_asset_line l JOIN asset a ON a.id = l.asset_id WHERE coalesce(l.project_id, 0) <> coalesce(a.project_id, 0)')).toBe(0)
  })

  it('gives the board and the compliance monitor something to show', async () => {
    const board = await host.call('projects.board', { year: 2025 } as never)
    if (!board.ok) throw new Error(board.message)
    const b = board.data as ProjectBoard
    expect(b.counts.total).toBeGreaterThan(30)
    expect(b.money.total.issuedFen).toBeGreaterThan(0)
    expect(b.monthly).toHaveLength(12)
    const c = await host.call('projects.compliance', { year: 2023, level: '全部' } as never)
    if (!c.ok) throw new Error(c.message)
    const r = c.data as ComplianceResult
    expect(r.totalFen).toBeGreaterThan(0)
    expect(r.items.every((i) => i.rate !== null)).toBe(true)
    expect(r.items[2].numeratorFen).toBeGreaterThan(0) // a 项目管理费 project every year
  })
})
