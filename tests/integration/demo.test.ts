import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoSummary } from '../../src-main/api/channels/demo'
import { ServiceHost } from '../../src-main/core/service-host'
import { AppError } from '../../src-main/domain/errors'
import { peekAssetCode } from '../../src-main/services/assets/codes'
import { generateDemo } from '../../src-main/services/demo/generate'
import { getSetting } from '../../src-main/services/settings'
import { autoCleanup, count, resourcesDir, setUpHost } from '../support/temp'

autoCleanup()

/** GB 11643-1999 check character, computed here independently of the app's own module. */
function idCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0)
  return '10X98765432'[sum % 11]
}

describe('demo data (default scale)', () => {
  let dir: string
  let host: ServiceHost
  let summary: DemoSummary

  // one generation for the whole file (a few seconds), through the first-run channel
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-demo-'))
    host = await ServiceHost.open({ dataDir: dir, resourcesDir, appVersion: '0.0.0-test' })
    const result = await host.call('demo.load', { scale: 'default' })
    if (!result.ok) throw new Error(`demo.load failed: ${result.message}`)
    summary = result.data as DemoSummary
  }, 60_000)
  afterAll(() => {
    host?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('sets up 巴林左旗 with all its 乡镇/苏木 and meets the counts', () => {
    const db = host.db
    expect(summary.countyName).toBe('巴林左旗')
    expect(summary.publicAssets).toBeGreaterThanOrEqual(3000)
    expect(summary.operatingAssets).toBeGreaterThanOrEqual(800)
    expect(summary.householdAssets).toBeGreaterThan(0)
    expect(summary.households).toBeGreaterThanOrEqual(10_000)
    expect(summary.householdLines).toBeGreaterThanOrEqual(30_000)
    expect(summary.seconds).toBeGreaterThan(0)
    expect(count(db, 'asset', "class = '公益类'")).toBe(summary.publicAssets)
    expect(count(db, 'asset', "class = '经营类'")).toBe(summary.operatingAssets)
    expect(count(db, 'asset', "class = '到户类'")).toBe(summary.householdAssets)
    expect(count(db, 'household')).toBe(summary.households)
    expect(count(db, 'household_asset_line')).toBe(summary.householdLines)

    expect(getSetting(host.ctx, 'county.code')).toBe('150422')
    expect(count(db, 'region', 'level = 4')).toBe(11)
    // every asset and household lies in a loaded town and one of its villages
    expect(count(db, 'asset a', 'NOT EXISTS (SELECT 1 FROM region t WHERE t.code = a.town_code AND t.level = 4)')).toBe(0)
    expect(count(db, 'asset a', 'a.village_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM region v WHERE v.code = a.village_code AND v.parent_code = a.town_code)')).toBe(0)
    expect(count(db, 'household h', 'NOT EXISTS (SELECT 1 FROM region v WHERE v.code = h.village_code AND v.parent_code = h.town_code)')).toBe(0)

    // one audit row for the whole load (besides the first-run setup's own rows)
    const audits = db.prepare("SELECT summary FROM audit_log WHERE summary LIKE '载入示例数据：%'").all() as { summary: string }[]
    expect(audits).toHaveLength(1)
    expect(count(db, 'audit_log')).toBeLessThan(20)
    // the office setting is back after the bulk load
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
  })

  it('has funding lines that sum exactly to the total investment of every asset', () => {
    const db = host.db
    expect(count(db, 'asset a', 'a.total_investment <> (SELECT coalesce(sum(f.amount), 0) FROM asset_fund_source f WHERE f.asset_id = a.id)')).toBe(0)
    expect(count(db, 'asset', 'original_value > total_investment OR original_value <= 0')).toBe(0)
    expect(count(db, 'asset_fund_source', "source_type = 'XJ' AND fund_year < 2021")).toBe(0)
    expect(count(db, 'asset_fund_source', "source_type = 'ZX' AND fund_year > 2020")).toBe(0)
    expect(count(db, 'asset_fund_source', "source_type IN ('XJ', 'ZX') AND level NOT IN ('中央', '自治区', '盟市', '旗县')")).toBe(0)
    expect(count(db, 'asset', 'fund_year NOT BETWEEN 2016 AND 2025')).toBe(0)
    // a mix of sources, not one
    const kinds = db.prepare('SELECT DISTINCT source_type AS t FROM asset_fund_source').all() as { t: string }[]
    expect(kinds.map((k) => k.t)).toEqual(expect.arrayContaining(['XJ', 'ZX', 'ZH', 'DX', 'CJ', 'NH']))
  })

  it('has owner shares of 10000 bp that add up to the original value', () => {
    const db = host.db
    const bad = db
      .prepare(
        `SELECT a.id FROM asset a JOIN asset_owner_share s ON s.asset_id = a.id
         GROUP BY a.id HAVING sum(s.share_bp) <> 10000 OR sum(s.share_amount) <> max(a.original_value)`,
      )
      .all()
    expect(bad).toEqual([])
    expect(count(db, 'asset a', '(SELECT count(*) FROM asset_owner_share s WHERE s.asset_id = a.id) BETWEEN 2 AND 3')).toBeGreaterThan(0)
    // most built assets are confirmed, not all (the problem list has something to show)
    const built = count(db, 'asset', "class <> '到户类'")
    const confirmed = count(db, 'asset a', "class <> '到户类' AND EXISTS (SELECT 1 FROM asset_owner_share s WHERE s.asset_id = a.id)")
    expect(confirmed / built).toBeGreaterThan(0.8)
    expect(confirmed).toBeLessThan(built)
    expect(count(db, 'asset a', "class <> '到户类' AND NOT EXISTS (SELECT 1 FROM asset_custody c WHERE c.asset_id = a.id AND c.active = 1)")).toBeGreaterThan(0)
    expect(count(db, 'asset a', "class = '经营类' AND EXISTS (SELECT 1 FROM asset_operation o WHERE o.asset_id = a.id AND o.active = 1)")).toBeGreaterThan(summary.operatingAssets * 0.8)
  })

  it('gives unique codes by the default rule, with counters that continue them', () => {
    const db = host.db
    const rows = db.prepare('SELECT code, class, fund_year AS year FROM asset').all() as { code: string; class: string; year: number }[]
    const letter: Record<string, string> = { 公益类: 'G', 经营类: 'J', 到户类: 'H' }
    const last = new Map<string, number>()
    const bad = rows.filter(
      (r) => !/^150422[GJH]20(1[6-9]|2[0-5])\d{5}$/.test(r.code) || r.code.slice(6, 7) !== letter[r.class] || Number(r.code.slice(7, 11)) !== r.year,
    )
    expect(bad).toEqual([])
    for (const r of rows) {
      const scope = r.code.slice(0, 11)
      last.set(scope, Math.max(last.get(scope) ?? 0, Number(r.code.slice(11))))
    }
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length)
    const counters = db.prepare('SELECT scope, last_value AS last FROM code_counter').all() as { scope: string; last: number }[]
    expect(new Map(counters.map((c) => [c.scope, c.last]))).toEqual(last)
    expect(peekAssetCode(host.ctx, '公益类', 2021)).toBe(`150422G2021${String(last.get('150422G2021')! + 1).padStart(5, '0')}`)
  })

  it('gives every household a fictitious ID number that passes the GB 11643 checksum', () => {
    const ids = (host.db.prepare('SELECT id_no AS id FROM household').all() as { id: string }[]).map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    // county address code, a real birth date, a sequence in the 900s (demo data), the check character
    const bad = ids.filter((id) => {
      if (!/^150422(19[4-9]\d|200\d)\d{4}9\d{2}[\dX]$/.test(id) || id[17] !== idCheckChar(id.slice(0, 17))) return true
      const birth = new Date(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}T00:00:00Z`)
      return Number.isNaN(birth.getTime()) || birth.toISOString().slice(0, 10).replaceAll('-', '') !== id.slice(6, 14)
    })
    expect(bad).toEqual([])
  })

  it('has amount = quantity × standard on every household line, and batch assets that total their lines', () => {
    const db = host.db
    const lines = db.prepare('SELECT quantity, standard, amount, project_year AS year, issue_date AS issued FROM household_asset_line').all() as {
      quantity: number
      standard: number
      amount: number
      year: number
      issued: string
    }[]
    let wrong = 0
    for (const l of lines) {
      if (l.quantity * l.standard !== l.amount || !Number.isInteger(l.amount)) wrong++
      if (Number(l.issued.slice(0, 4)) !== l.year) wrong++
    }
    expect(wrong).toBe(0)
    expect(
      count(
        db,
        "asset a",
        `a.class = '到户类' AND a.original_value <> (SELECT sum(l.amount + l.self_raised) FROM household_asset_line l WHERE l.asset_id = a.id)`,
      ),
    ).toBe(0)
    expect(count(db, 'household_asset_line', "current_status = '在养/正常使用'") / lines.length).toBeGreaterThan(0.7)
  })

  it('keeps statuses, their notes and their histories consistent', () => {
    const db = host.db
    expect(count(db, 'asset a', 'a.status <> (SELECT h.to_status FROM asset_status_history h WHERE h.asset_id = a.id ORDER BY h.change_date DESC, h.id DESC LIMIT 1)')).toBe(0)
    expect(count(db, 'asset', "status IN ('闲置', '低效', '损毁（可修复）', '损毁（不可修复）') AND status_note = ''")).toBe(0)
    expect(count(db, 'asset', "status = '正常'") / count(db, 'asset')).toBeGreaterThan(0.85)
    expect(count(db, 'asset', "status IN ('闲置', '低效') AND revitalize_measures = ''")).toBeGreaterThan(0)
    expect(count(db, 'asset', "status IN ('闲置', '低效') AND revitalize_measures <> ''")).toBeGreaterThan(count(db, 'asset', "status IN ('闲置', '低效') AND revitalize_measures = ''"))
    // dates in order for almost every asset; the few exceptions are marked historic
    const disordered = 'start_date > completion_date OR completion_date > acceptance_date OR acceptance_date > handover_date OR acceptance_date > confirm_date'
    expect(count(db, 'asset', `(${disordered}) AND historic = 0`)).toBe(0)
    expect(count(db, 'asset', disordered) / count(db, 'asset')).toBeLessThan(0.03)
  })

  it('refuses a second load into the same, now set-up, data file', async () => {
    const before = count(host.db, 'asset')
    const again = await host.call('demo.load', { scale: 'default' })
    expect(again).toMatchObject({ ok: false, code: 'ALREADY_SET_UP' })
    expect(count(host.db, 'asset')).toBe(before)
  })
})

describe('generateDemo', () => {
  it('refuses a data file whose first-run setup is done', async () => {
    const host = await setUpHost()
    let error: unknown
    try {
      generateDemo(host.ctx, { scale: 'default' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('ALREADY_SET_UP')
    expect((error as AppError).message).toMatch(/已完成首次设置/)
    expect(count(host.db, 'asset')).toBe(0)
    expect(count(host.db, 'household')).toBe(0)
  })
})
