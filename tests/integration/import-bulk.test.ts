/**
 * The bulk path of a large roster import: above 20,000 lines (and at least as many as the roster
 * holds) the line table's secondary indexes are dropped for the load and rebuilt, the per-row
 * triggers are set aside, and the audit rows are written by one statement. The result must be the
 * same database the line-by-line path gives: same schema, consistent indexes, derived counts equal
 * to a full rebuild, one audit row per line with its values — and a failure half-way must leave
 * everything, the schema included, as it was.
 */
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { DB } from '../../src-main/db/open'
import { BulkLineLookups } from '../../src-main/io/import/kinds/household-line-lookups'
import { bulkLoad } from '../../src-main/io/import/kinds/bulk-load'
import { clearImportSessions, commitImport, previewImport } from '../../src-main/io/import/session'
import type { ServiceContext } from '../../src-main/services/context'
import { putInboxFile } from '../../src-main/services/files'
import { rebuildHouseholdDerived } from '../../src-main/services/households'
import { householdCsvRows, idOf } from '../support/import-fixtures'
import { writeCsv, writeXlsx } from '../support/spreadsheets'
import { autoCleanup, count, setUpHost, tempDir } from '../support/temp'

autoCleanup()
beforeEach(() => clearImportSessions())

const dump = (db: DB, table: string) => (db.prepare(`SELECT * FROM ${table}`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()
const schema = (db: DB) => db.prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'household_asset_line' ORDER BY type, name").all()

async function preview(ctx: ServiceContext, path: string, kind: string) {
  return previewImport(ctx, { fileId: putInboxFile(ctx, path).fileId, kind })
}

const HOUSEHOLDS = 400
const LINES = 20_400
const ITEMS = ['基础母牛', '肉羊', '暖棚']

async function rosterFile(dir: string): Promise<string> {
  const rows: (string | number | null)[][] = [['身份证号', '项目名称', '项目年度', '扶持内容', '资产类型', '单位', '数量', '补助标准', '补助金额', '资金来源', '发放日期']]
  for (let i = 0; i < LINES; i++) {
    const batch = Math.floor(i / HOUSEHOLDS)
    const qty = i % 4 === 0 ? 1.5 : 1 + (i % 3)
    rows.push([idOf(i % HOUSEHOLDS), `2021年到户产业项目（第${batch + 1}批）`, 2021, ITEMS[i % 3], 'H01', '头', qty, 8000, qty * 8000, 'XJ', `2021-0${1 + (i % 9)}-15`])
  }
  return writeXlsx(join(dir, 'roster.xlsx'), rows)
}

async function withHouseholds() {
  const host = await setUpHost()
  const dir = tempDir('bulk')
  const p = await preview(host.ctx, writeCsv(join(dir, 'h.csv'), householdCsvRows(HOUSEHOLDS), 'utf-8'), 'households')
  expect(commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: true }).written).toBe(HOUSEHOLDS)
  return { host, dir }
}

describe('bulk import of a large roster', () => {
  it('gives the same database as line by line: schema, indexes, derived counts, one audit row per line', async () => {
    const { host, dir } = await withHouseholds()
    const schemaBefore = schema(host.db)
    const audits = count(host.db, 'audit_log')
    const p = await preview(host.ctx, await rosterFile(dir), 'householdLines')
    expect(p.counts).toMatchObject({ total: LINES, valid: LINES })
    const r = commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: false })
    expect(r.written).toBe(LINES)

    expect(schema(host.db)).toEqual(schemaBefore)
    expect(host.db.pragma('integrity_check', { simple: true })).toBe('ok')
    // the indexes answer as the table does
    const byIndex = host.db.prepare('SELECT count(*) FROM household_asset_line INDEXED BY hal_household WHERE household_id > 0').pluck().get()
    expect(byIndex).toBe(LINES)

    const derived = () => [dump(host.db, 'hal_summary'), dump(host.db, 'household_ledger_state'), host.db.prepare('SELECT id, line_count, amount_total FROM household ORDER BY id').all()]
    const mine = derived()
    rebuildHouseholdDerived(host.db)
    expect(derived()).toEqual(mine)

    expect(count(host.db, 'audit_log') - audits).toBe(LINES + 1)
    const first = host.db.prepare("SELECT id, household_id AS householdId FROM household_asset_line ORDER BY id LIMIT 1").get() as { id: number; householdId: number }
    const audit = host.db.prepare("SELECT entity_id AS entityId, entity_name AS name, summary, after_json AS after FROM audit_log WHERE entity = 'household_line' AND entity_id = ?").get(String(first.id)) as {
      entityId: string
      name: string
      summary: string
      after: string
    }
    const head = host.db.prepare('SELECT head_name FROM household WHERE id = ?').pluck().get(first.householdId)
    expect(audit.name).toBe(head)
    expect(audit.summary).toBe(`导入到户资产「基础母牛」1.5头（2021年到户产业项目（第1批），批次 ${r.batchId}）`)
    expect(JSON.parse(audit.after)).toEqual({
      householdId: first.householdId,
      assetId: null,
      projectName: '2021年到户产业项目（第1批）',
      projectCode: '',
      projectYear: 2021,
      item: '基础母牛',
      subtypeCode: 'H01',
      spec: '',
      unit: '头',
      quantity: 1.5,
      standardFen: 800_000,
      amountFen: 1_200_000,
      selfRaisedFen: 0,
      fundSource: 'XJ',
      issueMethod: '实物发放',
      issueDate: '2021-01-15',
      tagNo: '',
      currentQuantity: null,
      currentStatus: '在养/正常使用',
    })

    // the same file again: every line is a duplicate of a stored one
    const again = await preview(host.ctx, await rosterFile(tempDir('bulk2')), 'householdLines')
    expect(again.counts).toMatchObject({ total: LINES, error: LINES })
    expect(again.rows[0].messages.map((m) => m.message).join('；')).toContain('可能已导入过')
  }, 120_000)

  it('a failure half-way through the bulk path leaves tables and schema as they were', async () => {
    const { host, dir } = await withHouseholds()
    const tables = ['household', 'household_asset_line', 'hal_summary', 'audit_log', 'import_batch', 'household_ledger_state', 'sqlite_master']
    const before = Object.fromEntries(tables.map((t) => [t, dump(host.db, t)]))
    const p = await preview(host.ctx, await rosterFile(dir), 'householdLines')
    expect(() => commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: true }, { failAtRow: LINES - 100 })).toThrow(/模拟故障/)
    for (const t of tables) expect(dump(host.db, t), t).toEqual(before[t])
    expect(host.db.pragma('integrity_check', { simple: true })).toBe('ok')
  }, 120_000)
})

describe('bulkLoad', () => {
  it('refuses to run outside a transaction', async () => {
    const host = await setUpHost()
    expect(() => bulkLoad(host.db, 'household_asset_line', { triggers: [], dropIndexes: true }, () => {})).toThrow(/inside a transaction/)
  })
})

describe('household-line lookups', () => {
  it('find the same stored lines whether preloaded or read household by household', async () => {
    const { host, dir } = await withHouseholds()
    const rows: (string | number | null)[][] = [['身份证号', '项目名称', '项目年度', '扶持内容', '资产类型', '单位', '数量', '补助标准', '补助金额', '资金来源', '发放日期']]
    for (let i = 0; i < 30; i++) rows.push([idOf(i), '2021年肉牛到户项目', 2021, ITEMS[i % 3], 'H01', '头', 1, 8000, 8000, 'XJ', '2021-07-28'])
    const p = await preview(host.ctx, await writeXlsx(join(dir, 'few.xlsx'), rows), 'householdLines')
    commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: true })

    const lazy = new BulkLineLookups(host.db)
    const eager = new BulkLineLookups(host.db)
    eager.preload(host.db, 1)
    for (let i = 0; i < 32; i++) {
      const hh = lazy.householdByIdNo(idOf(i))
      expect(eager.householdByIdNo(idOf(i))).toEqual(hh)
      if (!hh) continue
      for (const item of ITEMS) {
        expect(eager.sameKey(hh.id, item, 2021, '2021年肉牛到户项目')).toEqual(lazy.sameKey(hh.id, item, 2021, '2021年肉牛到户项目'))
        const line = { householdId: hh.id, item, issueDate: '2021-07-28', projectName: '别的名称', projectCode: '', exceptId: 0 }
        expect(eager.sameLine(line)).toEqual(lazy.sameLine(line))
      }
    }
    const hh0 = lazy.householdByIdNo(idOf(0))!
    expect(lazy.sameKey(hh0.id, '基础母牛', 2021, '2021年肉牛到户项目')).toBeDefined()
    expect(lazy.sameKey(hh0.id, '肉羊', 2021, '2021年肉牛到户项目')).toBeUndefined()
  })
})

describe('duplicate lines within one roster file', () => {
  it('are found for a household with a few lines and for one with more lines than its short list holds', async () => {
    const host = await setUpHost()
    const dir = tempDir('dup')
    const p0 = await preview(host.ctx, writeCsv(join(dir, 'h.csv'), householdCsvRows(2), 'utf-8'), 'households')
    commitImport(host.ctx, { sessionId: p0.sessionId, acceptWarnings: true })
    const line = (household: number, batch: number, item = '基础母牛', year = 2021) => [idOf(household), `${year}年到户产业项目（第${batch}批）`, year, item, 'H01', '头', 1, 8000, 8000, 'XJ', `${year}-05-15`]
    const rows: (string | number | null)[][] = [['身份证号', '项目名称', '项目年度', '扶持内容', '资产类型', '单位', '数量', '补助标准', '补助金额', '资金来源', '发放日期']]
    for (let batch = 1; batch <= 100; batch++) rows.push(line(0, batch)) // file rows 2–101
    rows.push(line(1, 1), line(1, 1, '肉羊'), line(1, 1, '基础母牛', 2022)) // 102–104: same project, other item or year
    rows.push(line(0, 3), line(0, 90), line(1, 1, '肉羊'), line(0, 101)) // 105–108
    const p = await preview(host.ctx, writeCsv(join(dir, 'roster.csv'), rows, 'utf-8'), 'householdLines')
    expect(p.counts).toMatchObject({ total: 107, error: 3 })
    const errors = p.rows.filter((r) => r.status === 'E').map((r) => `${r.rowNumber}: ${r.messages.map((m) => m.message).join('；')}`)
    expect(errors).toEqual([
      '105: 与第 4 行重复（同一农户、同一项目的同一扶持内容），未重复导入',
      '106: 与第 91 行重复（同一农户、同一项目的同一扶持内容），未重复导入',
      '107: 与第 103 行重复（同一农户、同一项目的同一扶持内容），未重复导入',
    ])
  })
})
