/**
 * The print templates on the demo county (巴林左旗, default scale): a long ledger of one 乡镇 runs
 * over many pages with its header row repeated and the total equal to the database's sum; every
 * template renders; first pages go to test-output/print as PNG to look at.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ServiceHost } from '../../src-main/core/service-host'
import { formatFen } from '../../src-main/domain/money'
import { closePrintBrowser } from '../../src-main/web/bridge-print'
import { pageNumbersOk, renderJob, squash, toPng } from '../support/print'
import { resourcesDir } from '../support/temp'

const dir = mkdtempSync(join(tmpdir(), 'ledger-print-demo-'))
let host: ServiceHost

beforeAll(async () => {
  host = await ServiceHost.open({ dataDir: dir, resourcesDir, appVersion: '0.0.0-test' })
  const loaded = await host.call('demo.load', { scale: 'default' })
  if (!loaded.ok) throw new Error(loaded.message)
}, 120_000)
afterAll(async () => {
  host?.close()
  rmSync(dir, { recursive: true, force: true })
  await closePrintBrowser()
})

const one = <T>(sql: string, ...params: unknown[]) => host.db.prepare(sql).get(...params) as T

describe('print on the demo county', { timeout: 180_000 }, () => {
  it('prints a long 公益类 ledger of one 乡镇: header row on every page, 第X页 共Y页, total = the database sum', async () => {
    const town = one<{ code: string; name: string; n: number; fen: number }>(
      `SELECT t.code, t.name, count(*) AS n, sum(a.original_value) AS fen FROM asset a JOIN region t ON t.code = a.town_code
       WHERE a.class = '公益类' GROUP BY t.code ORDER BY count(*) DESC LIMIT 1`,
    )
    const pdf = await renderJob(host, { template: 'ledger', class: '公益类', townCode: town.code, variant: '公示版' }, 'demo-ledger-public')
    expect(pdf.pages).toBeGreaterThan(5)
    // dense, as a ledger for the file cabinet: on average at least 17 lines per A4 page (656 lines: 37 pages; it was 13.5)
    expect(pdf.pages).toBeLessThanOrEqual(Math.ceil(town.n / 17))
    expect(squash(pdf.pageText(1))).toContain(`巴林左旗${town.name}公益类帮扶项目资产台账`)
    for (const n of [2, Math.ceil(pdf.pages / 2), pdf.pages]) {
      const page = squash(pdf.pageText(n))
      expect(page, `header row on page ${n}`).toContain('资产编号资产名称资产类型规格型号/建设规模')
    }
    expect(pageNumbersOk(pdf)).toBe(true)
    // the demo's setup shows 万元
    expect(squash(pdf.text)).toContain(`总计（${town.n}项）${formatFen(town.fen, '万元')}`)
    // no full mobile number on the public sheet (custodian phones are masked)
    expect(pdf.text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/)
    toPng(pdf.file, 'demo-ledger-public', 2)
  })

  it('prints the 经营类 ledger per 村 pages (村级公示) and the 到户类 roster in both versions', async () => {
    const village = one<{ code: string; town: string }>(
      `SELECT l.village_code AS code, l.town_code AS town FROM household_asset_line l GROUP BY l.village_code ORDER BY count(*) DESC LIMIT 1`,
    )
    const oper = await renderJob(host, { template: 'ledger', class: '经营类', townCode: village.town, pagePerVillage: true, variant: '内部版' }, 'demo-ledger-operating')
    expect(pageNumbersOk(oper)).toBe(true)
    toPng(oper.file, 'demo-ledger-operating', 1)
    const pub = await renderJob(host, { template: 'ledger', class: '到户类', villageCode: village.code, variant: '公示版' }, 'demo-roster-public')
    const internal = await renderJob(host, { template: 'ledger', class: '到户类', villageCode: village.code, variant: '内部版' }, 'demo-roster-internal')
    const ids = host.db.prepare('SELECT id_no AS id, phone FROM household WHERE village_code = ? LIMIT 50').all(village.code) as { id: string; phone: string }[]
    expect(ids.length).toBeGreaterThan(0)
    const p = squash(pub.text)
    const i = squash(internal.text)
    for (const h of ids) {
      expect(p).not.toContain(h.id)
      if (h.phone) expect(p).not.toContain(h.phone)
    }
    expect(ids.some((h) => i.includes(h.id))).toBe(true)
    expect(pub.text).not.toMatch(/\d{17}[\dX]/)
    expect(pageNumbersOk(pub)).toBe(true)
    toPng(pub.file, 'demo-roster-public', 2)
  })

  it('renders every asset and household form for real demo records', async () => {
    const asset = one<{ id: number }>(`SELECT a.id FROM asset a WHERE a.class = '经营类' AND EXISTS (SELECT 1 FROM asset_handover h WHERE h.asset_id = a.id) LIMIT 1`)
    const household = one<{ id: number }>('SELECT household_id AS id FROM household_asset_line GROUP BY household_id ORDER BY count(*) DESC LIMIT 1')
    const jobs: [string, Record<string, unknown>, string][] = [
      ['demo-card', { template: 'assetCard', assetId: asset.id, variant: '内部版' }, '资产登记卡片'],
      ['demo-confirm', { template: 'confirmForm', assetId: asset.id }, '确权登记表'],
      ['demo-handover', { template: 'handover', assetId: asset.id, variant: '内部版' }, '移交书'],
      ['demo-receipt', { template: 'householdReceipt', householdId: household.id, variant: '公示版' }, '发放确认单'],
    ]
    for (const [name, job, title] of jobs) {
      const pdf = await renderJob(host, job, name)
      expect(squash(pdf.pageText(1)), name).toContain(title)
      expect(pageNumbersOk(pdf), name).toBe(true)
      toPng(pdf.file, name, 1)
    }
  })

  it('prints every card of the 村 with most assets in one job', async () => {
    const village = one<{ code: string; n: number }>(`SELECT village_code AS code, count(*) AS n FROM asset WHERE class <> '到户类' AND village_code IS NOT NULL GROUP BY village_code ORDER BY n DESC LIMIT 1`)
    const pdf = await renderJob(host, { template: 'assetCard', villageCode: village.code, variant: '公示版' }, 'demo-cards-village')
    expect(pdf.pages).toBe(village.n)
    expect(pageNumbersOk(pdf)).toBe(true)
  })
})
