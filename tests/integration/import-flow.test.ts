/**
 * The import flow (issue 5): preview → commit → error rows, for every kind, with files made by
 * LibreOffice and iconv (not by this project), mapping memory, duplicates, a commit that fails
 * half-way, and hostile files.
 */
import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { clearImportSessions, commitImport, errorRowsFile, importRows, previewImport, templateFile } from '../../src-main/io/import/session'
import type { ServiceContext } from '../../src-main/services/context'
import { rebuildHouseholdDerived } from '../../src-main/services/households'
import { putInboxFile, resolveOutbox } from '../../src-main/services/files'
import { hasLibreOffice, htmlTable, htmlToSpreadsheets, libreOfficeConvert, renamedPdf, writeCsv, writeXlsx } from '../support/spreadsheets'
import { countyLedger, headerRow, householdCsvRows, idOf, nameOf, projectTable } from '../support/import-fixtures'
import type { DB } from '../../src-main/db/open'
import { autoCleanup, count, setUpHost, tempDir } from '../support/temp'

/** Every row of a table (also WITHOUT ROWID ones), in a stable order. */
const dump = (db: DB, table: string) => (db.prepare(`SELECT * FROM ${table}`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()

autoCleanup()
beforeEach(() => clearImportSessions())

const lo = hasLibreOffice()

async function preview(ctx: ServiceContext, path: string, kind: string, extra: Record<string, unknown> = {}) {
  const file = putInboxFile(ctx, path)
  return previewImport(ctx, { fileId: file.fileId, kind, ...extra })
}

describe.skipIf(!lo)('asset ledgers from a LibreOffice-made xlsx (two-level header, 万元, 合计 rows)', () => {
  for (const [cls, kind] of [
    ['公益类', 'assets.public'],
    ['经营类', 'assets.operating'],
    ['到户类', 'assets.household'],
  ] as const) {
    it(`${cls}: preview finds the table and the bad row; commit writes exact 分`, async () => {
      const host = await setUpHost()
      const dir = tempDir('imp')
      const { xlsx } = htmlToSpreadsheets(dir, `ledger-${kind}`, htmlTable(countyLedger(cls)), ['xlsx'])
      const p = await preview(host.ctx, xlsx, kind)
      expect(p.headerRows).toEqual([3, 4])
      expect(p.tableUnit).toBe('万元')
      expect(p.skipped.map((s) => s.reason)).toEqual(expect.arrayContaining(['分类标题行', '小计行', '合计行', '签字行']))
      expect(p.counts).toMatchObject({ total: 4, error: 1 })
      const bad = p.rows.find((r) => r.rowNumber === 12)!
      expect(bad.status).toBe('E')
      expect(bad.messages[0]).toMatchObject({ column: '村', severity: 'E' })
      expect(bad.messages[0].message).toContain('隆昌镇没有名为“没有这个村”的村（嘎查）')

      const before = count(host.db, 'asset')
      const audits = count(host.db, 'audit_log')
      const result = commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: true })
      expect(result.written).toBe(3)
      expect(count(host.db, 'asset') - before).toBe(3)
      // one audit row per asset (as the form) + one for the batch
      expect(count(host.db, 'audit_log') - audits).toBe(4)
      const rows = host.db.prepare('SELECT name, original_value AS v, village_code AS village, fund_year AS year, in_use_date AS used FROM asset ORDER BY id').all() as Record<string, unknown>[]
      expect(rows[0]).toMatchObject({ name: '福山地村道路', v: 12_345_600, village: '150422100201', year: 2021, used: '2021-07-28' })
      expect(rows[2]).toMatchObject({ v: 30_862_614_700, village: '150422101200', used: '2021-07-01' })
      const funds = host.db.prepare('SELECT source_type AS t, level, amount FROM asset_fund_source WHERE asset_id = (SELECT min(id) FROM asset) ORDER BY id').all()
      expect(funds).toEqual([
        { t: 'XJ', level: '中央', amount: 10_000_000 },
        { t: 'XJ', level: '自治区', amount: 2_345_600 },
      ])
      // a second commit of the same preview is refused; a re-import of the file is all duplicates
      expect(() => commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: true })).toThrow(/已导入过/)
      const again = await preview(host.ctx, xlsx, kind)
      expect(again.counts.error).toBe(4)
      expect(again.rows.find((r) => r.rowNumber === 6)!.messages.map((m) => m.message).join()).toContain('可能已导入过')
    })
  }
})

describe('households (GBK CSV) and household lines', () => {
  it('imports a GBK CSV of households, flags in-file duplicates and bad IDs in Chinese', async () => {
    const host = await setUpHost()
    const dir = tempDir('imp')
    const rows = householdCsvRows(5)
    rows.push(['重复户', idOf(2), 3, '脱贫户', '林东镇', '福山地村', '', ''])
    rows.push(['科学计数', '1.50422E+17', 3, '脱贫户', '林东镇', '福山地村', '', ''])
    rows.push(['没属性', idOf(30), 3, '不知道', '林东', '福山地', '', ''])
    const csv = writeCsv(join(dir, '农户.csv'), rows, 'gb18030')
    const p = await preview(host.ctx, csv, 'households')
    expect(p.encoding).toBe('gb18030')
    expect(p.counts).toMatchObject({ total: 8, valid: 5, error: 3 })
    const messages = p.rows.flatMap((r) => r.messages.map((m) => `${m.rowNumber}|${m.column}|${m.message}`))
    expect(messages).toEqual(
      expect.arrayContaining([
        '7|身份证号|与第 4 行的身份证号重复，同一人只能登记一次',
        expect.stringMatching(/^8\|身份证号\|身份证号被 Excel 转成了数字/),
        expect.stringMatching(/^9\|农户属性\|“不知道”不是可选的值/),
      ]),
    )
    const r = commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: false })
    expect(r.written).toBe(5)
    expect(count(host.db, 'household')).toBe(5)
    const h = host.db.prepare('SELECT town_code AS town, village_code AS village, keys_ok AS ok FROM household LIMIT 1').get()
    expect(h).toEqual({ town: '150422100000', village: '150422100201', ok: 1 })

    // the error rows file: the file's columns, 原行号, 错误原因
    const out = await errorRowsFile(host.ctx, { sessionId: p.sessionId, includeWarnings: false })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(resolveOutbox(host.ctx, out.fileId).path)
    const ws = wb.worksheets[0]
    expect(ws.getRow(1).values).toEqual([undefined, ...headerRow, '原行号', '错误原因'])
    expect(ws.rowCount).toBe(4)
    expect(ws.getCell(2, 2).value).toBe(idOf(2)) // text stays text
    expect(String(ws.getCell(2, 10).value)).toContain('【错误】身份证号：与第 4 行的身份证号重复')
    expect(ws.getCell(3, 2).value).toBe('1.50422E+17')
  })

  it.skipIf(!lo)('imports household lines from a LibreOffice .xls, found by ID number, with the household copied onto each line', async () => {
    const host = await setUpHost()
    const dir = tempDir('imp')
    const p0 = await preview(host.ctx, writeCsv(join(dir, 'h.csv'), householdCsvRows(3), 'utf-8'), 'households')
    commitImport(host.ctx, { sessionId: p0.sessionId, acceptWarnings: true })
    const head = ['户主姓名', '身份证号', '项目名称', '项目年度', '扶持内容', '资产类型', '单位', '数量', '补助标准（元）', '补助金额（元）', '资金来源', '发放方式', '发放日期']
    // IDs as text (as a careful clerk keeps them): written by ExcelJS, turned into .xls by LibreOffice.
    const rows: (string | number | null)[][] = [
      ['2021年到户产业项目花名册', null, null, null, null, null, null, null, null, null, null, null, null],
      head,
      [nameOf(0), idOf(0), '2021年肉牛到户项目', 2021, '基础母牛', '牲畜/生物资产', '头', 2, 8000, 16000, '衔接资金', '实物', '2021-07-28'],
      [nameOf(1), idOf(1), '2021年肉牛到户项目', 2021, '基础母牛', 'H01', '头', 1, 8000, 9000, '财政衔接推进乡村振兴补助资金', '实物发放', '2021.8.1'],
      [nameOf(0), idOf(0), '2021年肉牛到户项目', 2021, '基础母牛', 'H01', '头', 2, 8000, 16000, 'XJ', '实物发放', '2021-07-28'],
      ['无此户', idOf(99), '2021年肉牛到户项目', 2021, '基础母牛', 'H01', '头', 2, 8000, 16000, 'XJ', '实物发放', '2021-07-28'],
      ['合计', null, null, null, null, null, null, 7, null, 57000, null, null, null],
    ]
    const source = await writeXlsx(join(dir, '花名册.xlsx'), rows, { merges: ['A1:M1'] })
    const [xls] = libreOfficeConvert([source], 'xls', join(dir, 'xls'))
    const triggersBefore = count(host.db, 'sqlite_master', "type = 'trigger' AND tbl_name = 'household_asset_line'")
    const p = await preview(host.ctx, xls, 'householdLines')
    expect(p.format).toBe('xls')
    expect(p.counts).toMatchObject({ total: 4, valid: 1, warning: 1, error: 2 })
    const byRow = new Map(p.rows.map((r) => [r.rowNumber, r]))
    expect(byRow.get(4)!.messages[0]).toMatchObject({ column: '补助金额(元)', severity: 'W' })
    expect(byRow.get(5)!.messages[0].message).toContain('与第 3 行重复')
    expect(byRow.get(6)!.messages[0].message).toContain('请先在“农户登记”中登记或导入该户')
    const r = commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: true })
    expect(r.written).toBe(2)
    const lines = host.db
      .prepare('SELECT l.amount, l.town_code = h.town_code AND l.village_code = h.village_code AND l.head_key = h.sort_key AND l.attribute = h.attribute AS copied FROM household_asset_line l JOIN household h ON h.id = l.household_id ORDER BY l.id')
      .all()
    expect(lines).toEqual([
      { amount: 1_600_000, copied: 1 },
      { amount: 900_000, copied: 1 },
    ])
    const hh = host.db.prepare('SELECT line_count AS n, amount_total AS total FROM household WHERE id_no = ?').get(idOf(0))
    expect(hh).toEqual({ n: 1, total: 1_600_000 })
    expect((host.db.prepare('SELECT sum(n) AS n FROM hal_summary').get() as { n: number }).n).toBe(2)
    // the derived data written for the batch equals a full rebuild, and the triggers are back
    const derived = () => [dump(host.db, 'hal_summary'), dump(host.db, 'household_ledger_state'), host.db.prepare('SELECT id, line_count, amount_total, sort_key FROM household ORDER BY id').all()]
    const mine = derived()
    rebuildHouseholdDerived(host.db)
    expect(derived()).toEqual(mine)
    expect(count(host.db, 'sqlite_master', "type = 'trigger' AND tbl_name = 'household_asset_line'")).toBe(triggersBefore)
  })
})

describe('mapping, failure, hostile files', () => {
  it('remembers a mapping the user adjusted for the next file of the same layout', async () => {
    const host = await setUpHost()
    const dir = tempDir('imp')
    const rows = householdCsvRows(2)
    rows[0][6] = '备用列' // the 组 column under a name nobody maps
    const csv = writeCsv(join(dir, 'a.csv'), rows, 'utf-8')
    const p = await preview(host.ctx, csv, 'households')
    expect(p.mappingSource).toBe('suggested')
    expect(p.mapping.groupName).toBeNull()
    const adjusted = await previewImport(host.ctx, { fileId: putInboxFile(host.ctx, csv).fileId, kind: 'households', mapping: { ...p.mapping, groupName: 6 } })
    expect(adjusted.mappingSource).toBe('user')
    const next = await preview(host.ctx, writeCsv(join(dir, 'b.csv'), householdCsvRows(2, 10).map((r, i) => (i === 0 ? rows[0] : r)), 'utf-8'), 'households')
    expect(next.mappingSource).toBe('remembered')
    expect(next.mapping.groupName).toBe(6)
    await expect(previewImport(host.ctx, { fileId: putInboxFile(host.ctx, csv).fileId, kind: 'households', mapping: { headName: 0, idNo: 0 } })).rejects.toThrow(/一列只能对应一项/)
  })

  it('a commit that fails half-way leaves every table exactly as before', async () => {
    const host = await setUpHost()
    const dir = tempDir('imp')
    const p0 = await preview(host.ctx, writeCsv(join(dir, 'h.csv'), householdCsvRows(3), 'utf-8'), 'households')
    commitImport(host.ctx, { sessionId: p0.sessionId, acceptWarnings: true })
    const tables = ['household', 'household_term', 'household_asset_line', 'hal_summary', 'audit_log', 'import_batch', 'household_ledger_state']
    const before = Object.fromEntries(tables.map((t) => [t, dump(host.db, t)]))
    const p = await preview(host.ctx, writeCsv(join(dir, 'h2.csv'), householdCsvRows(20, 100), 'utf-8'), 'households')
    expect(p.rows.flatMap((r) => r.messages)).toEqual([])
    expect(p.counts.valid).toBe(20)
    expect(() => commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: true }, { failAtRow: 11 })).toThrow(/模拟故障/)
    for (const t of tables) expect(dump(host.db, t), t).toEqual(before[t])
    // and the same preview still commits afterwards
    expect(commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: true }).written).toBe(20)

    // household lines (bulk path, triggers set aside): a failure restores the triggers too
    const lineTables = [...tables, 'sqlite_master']
    const beforeLines = Object.fromEntries(lineTables.map((t) => [t, dump(host.db, t)]))
    const lines: (string | number | null)[][] = [['身份证号', '项目名称', '项目年度', '扶持内容', '资产类型', '单位', '数量', '补助标准', '补助金额', '资金来源', '发放日期']]
    for (let i = 100; i < 120; i++) lines.push([idOf(i), '2021年肉牛到户项目', 2021, '基础母牛', 'H01', '头', 1, 8000, 8000, 'XJ', '2021-07-28'])
    const pl = await preview(host.ctx, await writeXlsx(join(dir, 'lines.xlsx'), lines), 'householdLines')
    expect(pl.counts.valid).toBe(20)
    expect(() => commitImport(host.ctx, { sessionId: pl.sessionId, acceptWarnings: true }, { failAtRow: 15 })).toThrow(/模拟故障/)
    for (const t of lineTables) expect(dump(host.db, t), t).toEqual(beforeLines[t])
  })

  it('hostile files get Chinese messages and write nothing', async () => {
    const host = await setUpHost()
    const dir = tempDir('imp')
    const audits = count(host.db, 'audit_log')
    await expect(preview(host.ctx, renamedPdf(dir), 'households')).rejects.toThrow(/不是电子表格（看起来是PDF 文档）/)
    await expect(preview(host.ctx, writeCsv(join(dir, 'x.csv'), [['a', 'b'], ['1', '2']]), 'households')).rejects.toThrow(/没有找到可识别的表头/)
    const evil = await writeXlsx(join(dir, 'evil.xlsx'), [
      ['__proto__', '户主姓名', '身份证号', '家庭人口', '农户属性', '村', 'constructor'],
      ['x', '=HYPERLINK("http://evil","点我")', idOf(1), 3, '脱贫户', '福山地村', 'y'],
      ['x', 'A'.repeat(32_000), idOf(2), '=1+1', '脱贫户', '福山地村', 'y'],
      ['x', '张三', idOf(3), 3, '脱贫户', '@SUM(1)', 'y'],
    ])
    const p = await preview(host.ctx, evil, 'households')
    expect(p.counts.error).toBe(3)
    const all = importRows(host.ctx, { sessionId: p.sessionId, filter: 'all', page: 1, pageSize: 50 })
    expect(all.rows.map((r) => r.messages.map((m) => `${m.column}|${m.message}`).join('；'))).toEqual([
      expect.stringContaining('户主姓名|'),
      expect.stringMatching(/不能超过20个字|整数/),
      expect.stringContaining('没有名为“@SUM(1)”的村'),
    ])
    expect(() => commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: true })).toThrow(/没有可导入的行/)
    expect(count(host.db, 'household')).toBe(0)
    expect(count(host.db, 'audit_log')).toBe(audits)
    expect(({}) as Record<string, unknown>).not.toHaveProperty('polluted')
  })
})

describe('templates', () => {
  for (const kind of ['assets.public', 'assets.operating', 'assets.household', 'households', 'householdLines', 'projects']) {
    it(`${kind}: the template maps every field onto its own column when read back`, async () => {
      const host = await setUpHost()
      const t = await templateFile(host.ctx, { kind })
      const p = await previewImport(host.ctx, { fileId: putInboxFile(host.ctx, resolveOutbox(host.ctx, t.fileId).path).fileId, kind })
      const unmapped = p.fields.filter((f) => p.mapping[f.key] === null).map((f) => f.label)
      expect(unmapped).toEqual([])
      expect(new Set(Object.values(p.mapping)).size).toBe(p.fields.length)
    })
  }
})

describe.skipIf(!lo)('projects', () => {
  it('imports a 项目库 table from a LibreOffice .xls (资金来源 → 中央/自治区/盟市/旗县 in 万元), with its errors', async () => {
    const host = await setUpHost()
    const dir = tempDir('imp')
    const { xls } = htmlToSpreadsheets(dir, '项目库', htmlTable(projectTable()), ['xls'])
    const p = await preview(host.ctx, xls, 'projects')
    expect(p.format).toBe('xls')
    expect(p.headerRows).toEqual([3, 4])
    expect(p.counts).toMatchObject({ total: 3, error: 1 })
    const bad = p.rows.find((r) => r.status === 'E')!
    expect(bad.messages.map((m) => `${m.column}|${m.message}`).join()).toContain('项目类型|“旅游类”不是可选的项目类型')
    const r = commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: true })
    expect(r.written).toBe(2)
    const rows = host.db.prepare('SELECT name, total_investment AS total, town_code AS town FROM project ORDER BY id').all()
    expect(rows).toEqual([
      { name: '2026年林东镇福山地村肉牛养殖暖棚建设项目', total: 123_456_780, town: '150422100000' },
      { name: '2026年隆昌镇隆昌村道路硬化项目', total: 50_000_000, town: '150422101000' },
    ])
    const again = await preview(host.ctx, xls, 'projects')
    expect(again.counts.error).toBe(3)
  })
})
