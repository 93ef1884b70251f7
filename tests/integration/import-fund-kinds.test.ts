/**
 * Issue 5: importing 资金文件（指标文件） and 资金拨付/支出明细 through the import flow — the forms'
 * money rules (§7.5) applied cumulatively down the file, duplicates inside the file and against
 * the database, exact 分, one transaction (a failing commit changes nothing), templates and the
 * error-rows file.
 */
import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { clearImportSessions, commitImport, errorRowsFile, importRows, listImportKinds, previewImport, templateFile } from '../../src-main/io/import/session'
import type { ServiceContext } from '../../src-main/services/context'
import { putInboxFile, resolveOutbox } from '../../src-main/services/files'
import { allocate, createFundDoc } from '../../src-main/services/projects/money'
import type { DB } from '../../src-main/db/open'
import { hasLibreOffice, htmlTable, htmlToSpreadsheets, writeXlsx, type HtmlRow } from '../support/spreadsheets'
import { autoCleanup, count, setUpHost, tempDir } from '../support/temp'
import { advance, createProject } from './projects-support'

autoCleanup()
beforeEach(() => clearImportSessions())

const lo = hasLibreOffice()
const dump = (db: DB, table: string) => (db.prepare(`SELECT * FROM ${table}`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()

async function preview(ctx: ServiceContext, path: string, kind: string) {
  const file = putInboxFile(ctx, path)
  return previewImport(ctx, { fileId: file.fileId, kind })
}
const messagesOf = (rows: { messages: { rowNumber: number; column: string; severity: string; message: string }[] }[]) =>
  rows.flatMap((r) => r.messages.map((m) => `${m.rowNumber}|${m.column}|${m.severity}|${m.message}`))

/** A 资金指标文件 list as a county keeps it: title, 单位：万元, one header row, a 合计 row, a signature line. */
function fundDocTable(): HtmlRow[] {
  return [
    [{ v: '巴林左旗2026年财政衔接推进乡村振兴补助资金指标文件登记表', colspan: 11 }],
    [{ v: '填报单位：巴林左旗财政局', colspan: 6 }, { v: '单位：万元', colspan: 5 }],
    ['序号', '文号', '文件标题', '发文日期', '资金年度', '资金级次', '资金类型', '任务/用途', '是否统筹整合', '是否提前下达', '金额'],
    [1, '内财农〔2026〕12号', '关于提前下达2026年中央财政衔接推进乡村振兴补助资金预算的通知', { v: '2025-11-20', date: '2025-11-20' }, 2026, '中央财政', '中央财政衔接推进乡村振兴补助资金', '产业发展', '是', '是', 12.3456],
    [2, '赤财农〔2026〕3号', '赤峰市2026年市级衔接资金', '2026.3.10', '2026年', '市级', '衔接资金', '', '否', '否', 100],
    [3, '左财农〔2026〕5号', '巴林左旗2026年旗级衔接资金', '2026年3月15日', 2026, '本级', '财政衔接资金', '乡村建设', null, null, 50.5],
    [4, '内财农〔2026〕12号', '重复登记', '2025-11-20', 2026, '中央', '衔接资金', '产业发展', '是', '是', 1],
    [5, '内财农〔2026〕20号', '级次写错', '2026-04-01', 2026, '乡级', '衔接资金', '', '', '', 3],
    [6, '内财农〔2026〕21号', '没有日期', null, 2026, '自治区级', '衔接资金', '', '', '', 4],
    ['合计', null, null, null, null, null, null, null, null, null, 170.8456],
    [{ v: '单位负责人：张三', colspan: 4 }, { v: '审核人：李四', colspan: 4 }, { v: '填报人：王五', colspan: 3 }],
  ]
}

describe.skipIf(!lo)('资金文件（指标文件）', () => {
  it('reads a LibreOffice-made 万元 list with title and 合计 rows; flags duplicates and bad cells; commits exact 分', async () => {
    const host = await setUpHost()
    const dir = tempDir('imp-fund')
    const { xlsx } = htmlToSpreadsheets(dir, 'fund-docs', htmlTable(fundDocTable()), ['xlsx'])
    const p = await preview(host.ctx, xlsx, 'fundDocs')
    expect(p.kindTitle).toBe('资金文件（指标文件）')
    expect(p.headerRows).toEqual([3])
    expect(p.tableUnit).toBe('万元')
    expect(p.fileMessages).toEqual([])
    expect(p.skipped.map((s) => s.reason)).toEqual(expect.arrayContaining(['合计行', '签字行']))
    expect(p.counts).toMatchObject({ total: 6, valid: 3, warning: 0, error: 3 })
    const messages = messagesOf(p.rows)
    expect(messages).toEqual([
      '7|文号|E|与第 4 行重复（同一文号、级次、资金类型和任务），未重复导入',
      expect.stringMatching(/^8\|资金级次\|E\|“乡级”不是可选的值，应为：中央、自治区、盟市、旗县$/),
      '9|发文日期|E|请填写发文日期',
    ])

    const audits = count(host.db, 'audit_log')
    const r = commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: false })
    expect(r).toMatchObject({ written: 3, notWritten: 3, kindTitle: '资金文件（指标文件）' })
    expect(count(host.db, 'audit_log') - audits).toBe(4) // one per document (as the form) + the batch
    expect(host.db.prepare('SELECT kind, rows_written AS n FROM import_batch').all()).toEqual([{ kind: 'fundDocs', n: 3 }])
    const docs = host.db
      .prepare('SELECT doc_no AS docNo, doc_date AS date, fund_year AS year, level, fund_type AS type, task_line AS task, integrated, is_advance AS advance, amount FROM fund_doc ORDER BY id')
      .all()
    expect(docs).toEqual([
      { docNo: '内财农〔2026〕12号', date: '2025-11-20', year: 2026, level: '中央', type: 'XJ', task: '产业发展', integrated: 1, advance: 1, amount: 12_345_600 },
      { docNo: '赤财农〔2026〕3号', date: '2026-03-10', year: 2026, level: '盟市', type: 'XJ', task: '', integrated: 0, advance: 0, amount: 100_000_000 },
      { docNo: '左财农〔2026〕5号', date: '2026-03-15', year: 2026, level: '旗县', type: 'XJ', task: '乡村建设', integrated: 0, advance: 0, amount: 50_500_000 },
    ])

    // The same list again: every document is already there.
    const again = await preview(host.ctx, xlsx, 'fundDocs')
    expect(again.counts.error).toBe(6)
    expect(messagesOf(again.rows).find((m) => m.startsWith('4|'))).toBe('4|文号|E|资金文件中已有同一文号、级次、资金类型和任务的文件，可能已导入过，未重复导入')
  })
})

describe('资金文件: the form\'s rules', () => {
  it('grades rows with the form\'s checks (W for a fund year far from the date, E for a future date); a failing commit writes nothing', async () => {
    const host = await setUpHost()
    const dir = tempDir('imp-fund')
    const xlsx = await writeXlsx(join(dir, 'docs.xlsx'), [
      ['文号', '下达日期', '年度', '级次', '资金性质', '下达金额（元）'],
      ['左财农〔2024〕1号', '2024-02-01', 2024, '旗级', '', 1_000_000.01],
      ['左财农〔2024〕2号', '2024-02-02', 2021, '县级', '衔接资金', 5_000],
      ['左财农〔2099〕3号', '2099-01-01', 2024, '旗县', '衔接资金', 5_000],
      ['左财农〔2024〕4号', '2024-02-03', 2024, '旗县', '彩票', 5_000],
      ['左财农〔2024〕5号', '2024-02-04', 2024, '旗县', '行业扶贫资金', 0],
    ])
    const p = await preview(host.ctx, xlsx, 'fundDocs')
    expect(p.fileMessages).toEqual([])
    expect(p.counts).toMatchObject({ total: 5, valid: 1, warning: 1, error: 3 })
    expect(messagesOf(p.rows)).toEqual([
      '3|年度|W|资金年度：与下达日期（2024-02-02）相差一年以上，请核实',
      expect.stringMatching(/^4\|下达日期\|E\|不能晚于今天（\d{4}-\d{2}-\d{2}）$/),
      '4|年度|W|资金年度：与下达日期（2099-01-01）相差一年以上，请核实',
      expect.stringMatching(/^5\|资金性质\|E\|“彩票”不是可选的资金类型，应为：财政衔接推进乡村振兴补助资金、/),
      '6|下达金额(元)|E|下达金额应大于0',
    ])
    const before = ['fund_doc', 'audit_log', 'import_batch'].map((t) => dump(host.db, t))
    expect(() => commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: true }, { failAtRow: 2 })).toThrow(/模拟故障/)
    expect(['fund_doc', 'audit_log', 'import_batch'].map((t) => dump(host.db, t))).toEqual(before)
    expect(commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: false }).written).toBe(1)
    expect(host.db.prepare('SELECT doc_no AS no, level, fund_type AS type, amount FROM fund_doc').all()).toEqual([{ no: '左财农〔2024〕1号', level: '旗县', type: 'XJ', amount: 100_000_001 }])
  })
})

/** Three projects, two of the same name in different years, two documents allocated to the first. */
async function fundedCounty() {
  const host = await setUpHost()
  const ctx = host.ctx
  const p1 = await createProject(host, { totalInvestmentFen: 100_000_000 })
  const p2 = await createProject(host, {
    name: '2024年林东镇通村道路硬化项目', typeCode: 'XC', totalInvestmentFen: 40_000_000, linkMechanism: '', expectedAssetClass: '公益类',
    fundSources: [{ sourceType: 'XJ', level: '中央', amountFen: 40_000_000 }],
  })
  const twin = { name: '2024年重名项目', totalInvestmentFen: 1_000_000, fundSources: [{ sourceType: 'XJ', level: '旗县', amountFen: 1_000_000 }] }
  await createProject(host, twin)
  await createProject(host, { ...twin, year: 2025, libraryYear: 2025 })
  const doc = (docNo: string, level: '中央' | '旗县', amountFen: number, docDate: string) =>
    createFundDoc(ctx, { docNo, title: '', docDate, fundYear: 2024, level, fundType: 'XJ', taskLine: '', integrated: false, isAdvance: false, amountFen, note: '', acceptWarnings: true }).id
  const d1 = doc('内财农〔2024〕1号', '中央', 100_000_000, '2024-01-15')
  const d2 = doc('左财农〔2024〕5号', '旗县', 30_000_000, '2024-02-01')
  const give = (fundDocId: number, projectId: number, amountFen: number) => allocate(ctx, { fundDocId, projectId, amountFen, allocDate: '2024-03-05', note: '', acceptWarnings: true })
  give(d1, p1, 50_000_000) // 50 万元
  give(d2, p1, 10_000_000) // 10 万元
  give(d1, p2, 20_000_000) // 20 万元
  const code = (id: number) => (host.db.prepare('SELECT code FROM project WHERE id = ?').get(id) as { code: string }).code
  return { host, ctx, p1, p2, d1, d2, c1: code(p1), c2: code(p2) }
}

const paymentHeader = ['类型', '项目编号', '项目名称', '资金文号', '日期', '金额（元）', '收款单位', '凭证号', '备注']

describe('资金拨付/支出明细', () => {
  it('applies the money rules row by row down the file, finds projects by code or name, and commits the usable rows', async () => {
    const { host, p1, p2, c1 } = await fundedCounty()
    const dir = tempDir('imp-pay')
    const rows: (string | number | Date | null)[][] = [
      ['巴林左旗2024年衔接资金拨付及支出明细表', null, null, null, null, null, null, null, null],
      paymentHeader,
      /* 3 */ ['拨款', c1, '', '内财农〔2024〕1号', new Date(Date.UTC(2024, 3, 1)), 300_000, '林东镇人民政府', '记-001', ''],
      /* 4 */ ['拨付', '', '2024年林东镇福山地村肉牛养殖暖棚项目', '内财农〔2024〕1号', '2024.5.1', 150_000.35, '林东镇人民政府', '记-002', ''],
      // each under the 50 万元 allocation, but with rows 3 and 4 over it
      /* 5 */ ['拨付', c1, '', '内财农〔2024〕1号', '2024-05-20', 100_000, '林东镇人民政府', '记-003', ''],
      /* 6 */ ['报账', c1, '', '内财农〔2024〕1号', '2024-06-01', 500_000, '赤峰某建筑公司', '凭-101', '暖棚工程款'],
      /* 7 */ ['拨付', '', '2024年林东镇通村道路硬化项目', '', '2024-06-02', 200_000, '林东镇人民政府', '记-004', ''],
      /* 8 */ ['拨付', '', '2024年不存在的项目', '', '2024-06-03', 1_000, '', '记-005', ''],
      /* 9 */ ['拨付', '2024150422CY9999', '', '', '2024-06-03', 1_000, '', '记-006', ''],
      /* 10 */ ['拨付', c1, '', '内财农〔2024〕1号', '2024-06-04', 1, '林东镇人民政府', '记-001', '重复'],
      /* 11 */ ['支付', '', '2024年重名项目', '', '2024-06-05', 1_000, '', '凭-102', ''],
      /* 12 */ ['拨付', c1, '', '内财农〔2024〕99号', '2024-06-06', 1_000, '', '记-007', ''],
      /* 13 */ ['转账', c1, '', '', '2024-06-07', 1_000, '', '记-008', ''],
      ['合计', null, null, null, null, 1_253_001.35, null, null, null],
    ]
    const xlsx = await writeXlsx(join(dir, '拨付支出明细.xlsx'), rows, { merges: ['A1:I1'], dateColumns: [4] })
    const p = await preview(host.ctx, xlsx, 'fundPayments')
    expect(p.kindTitle).toBe('资金拨付/支出明细')
    expect(p.headerRows).toEqual([2])
    expect(p.fileMessages).toEqual([])
    expect(p.counts).toMatchObject({ total: 11, valid: 3, warning: 1, error: 7 })
    const all = importRows(host.ctx, { sessionId: p.sessionId, filter: 'all', page: 1, pageSize: 50 })
    expect(all.rows.map((r) => `${r.rowNumber}${r.status}`)).toEqual(['3ok', '4ok', '5E', '6W', '7ok', '8E', '9E', '10E', '11E', '12E', '13E'])
    expect(messagesOf(all.rows)).toEqual([
      '5|金额(元)|E|拨付金额：文件 内财农〔2024〕1号 向本项目分配 500,000.00 元，已拨付 450,000.35 元，本次将超出 50,000.35 元',
      '6|金额(元)|W|支出金额：项目已拨付 450,000.35 元、已支出 0.00 元，本次支出 500,000.00 元 将超出已拨付资金',
      '8|项目名称|E|项目库中没有名为“2024年不存在的项目”的项目，请核对名称、填写项目编号，或先导入项目库',
      '9|项目编号|E|项目库中没有编号为“2024150422CY9999”的项目，请核对编号或先导入项目库',
      '10|凭证号|E|与第 3 行重复（同一项目、类型和凭证号），未重复导入',
      expect.stringMatching(/^11\|项目名称\|E\|项目库中有 2 个名为“2024年重名项目”的项目（\d{4}150422CY\d{4}、\d{4}150422CY\d{4}），请填写项目编号$/),
      '12|资金文号|E|资金文件中没有文号为“内财农〔2024〕99号”的文件，请核对文号或先登记（导入）资金文件',
      '13|类型|E|“转账”不是可选的值，应为：拨付、支出',
    ])

    // The error rows as an xlsx with the reasons, for correction.
    const out = await errorRowsFile(host.ctx, { sessionId: p.sessionId, includeWarnings: false })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(resolveOutbox(host.ctx, out.fileId).path)
    const ws = wb.worksheets[0]
    expect(ws.getRow(1).values).toEqual([undefined, ...paymentHeader.map((h) => h.replace('（元）', '(元)')), '原行号', '错误原因'])
    expect(ws.rowCount).toBe(1 + 7)
    expect(ws.getCell(2, 10).value).toBe(5)
    expect(String(ws.getCell(2, 11).value)).toContain('【错误】金额(元)：拨付金额：文件 内财农〔2024〕1号 向本项目分配 500,000.00 元')

    const audits = count(host.db, 'audit_log')
    const r = commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: true })
    expect(r).toMatchObject({ written: 4, notWritten: 7 })
    expect(count(host.db, 'audit_log') - audits).toBe(5)
    const entries = host.db.prepare('SELECT kind, project_id AS p, fund_doc_id IS NOT NULL AS doc, date, amount, payee, voucher_no AS v, note FROM fund_payment ORDER BY id').all()
    expect(entries).toEqual([
      { kind: '拨付', p: p1, doc: 1, date: '2024-04-01', amount: 30_000_000, payee: '林东镇人民政府', v: '记-001', note: '' },
      { kind: '拨付', p: p1, doc: 1, date: '2024-05-01', amount: 15_000_035, payee: '林东镇人民政府', v: '记-002', note: '' },
      { kind: '支出', p: p1, doc: 1, date: '2024-06-01', amount: 50_000_000, payee: '赤峰某建筑公司', v: '凭-101', note: '暖棚工程款' },
      { kind: '拨付', p: p2, doc: 0, date: '2024-06-02', amount: 20_000_000, payee: '林东镇人民政府', v: '记-004', note: '' },
    ])

    // Importing the file again: the written rows are duplicates of the database now.
    const again = await preview(host.ctx, xlsx, 'fundPayments')
    expect(again.counts.valid + again.counts.warning).toBe(0)
    const first = messagesOf(importRows(host.ctx, { sessionId: again.sessionId, filter: 'all', page: 1, pageSize: 50 }).rows).filter((m) => m.startsWith('3|'))
    expect(first).toContain('3|凭证号|E|本项目已有凭证号为 记-001 的拨付记录，可能已导入过，未重复导入')
  })

  it('without accepted warnings only the clean rows are written; a commit that fails half-way changes nothing', async () => {
    const { host, c1 } = await fundedCounty()
    const dir = tempDir('imp-pay')
    const rows: (string | number | null)[][] = [paymentHeader]
    for (let i = 1; i <= 6; i++) rows.push(['拨付', c1, '', '左财农〔2024〕5号', `2024-07-0${i}`, 10_000, '林东镇人民政府', `记-1${i}`, ''])
    rows.push(['支出', c1, '', '', '2024-08-01', 70_000, '某公司', '凭-9', '']) // 支出 beyond 拨付: W
    const p = await preview(host.ctx, await writeXlsx(join(dir, 'pay.xlsx'), rows), 'fundPayments')
    expect(p.counts).toMatchObject({ total: 7, valid: 6, warning: 1, error: 0 })

    const tables = ['fund_payment', 'audit_log', 'import_batch']
    const before = Object.fromEntries(tables.map((t) => [t, dump(host.db, t)]))
    expect(() => commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: false }, { failAtRow: 4 })).toThrow(/模拟故障/)
    for (const t of tables) expect(dump(host.db, t), t).toEqual(before[t])

    expect(commitImport(host.ctx, { sessionId: p.sessionId, acceptWarnings: false }).written).toBe(6)
    expect(host.db.prepare("SELECT count(*) AS n, sum(amount) AS s FROM fund_payment WHERE kind = '拨付'").get()).toEqual({ n: 6, s: 6_000_000 })
    expect(count(host.db, 'fund_payment', "kind = '支出'")).toBe(0)
  })

  it('a 拨付 that fits on its own is refused once the form\'s earlier entries and the rows above it add up past the allocation', async () => {
    const { host, ctx, p1, d2, c1 } = await fundedCounty()
    const { pay } = await import('../../src-main/services/projects/money')
    pay(ctx, { projectId: p1, fundDocId: d2, date: '2024-07-01', amountFen: 6_000_000, payee: '', voucherNo: '记-0', note: '', acceptWarnings: false })
    const dir = tempDir('imp-pay')
    const rows: (string | number | null)[][] = [paymentHeader]
    for (let i = 1; i <= 5; i++) rows.push(['拨付', c1, '', '左财农〔2024〕5号', '2024-07-02', 10_000, '', `记-${i}`, ''])
    const p = await preview(host.ctx, await writeXlsx(join(dir, 'pay.xlsx'), rows), 'fundPayments')
    // 6 + 4 × 1 = 10 万元 fits; the 5th row goes over
    expect(p.counts).toMatchObject({ total: 5, valid: 4, error: 1 })
    expect(messagesOf(p.rows)).toEqual(['6|金额(元)|E|拨付金额：文件 左财农〔2024〕5号 向本项目分配 100,000.00 元，已拨付 100,000.00 元，本次将超出 10,000.00 元'])
  })
})

describe('资金分配到项目', () => {
  it('allocates by 文号 (+级次) and project, with the form\'s warnings adding up down the file', async () => {
    const host = await setUpHost()
    const ctx = host.ctx
    const p1 = await createProject(host, { totalInvestmentFen: 100_000_000 })
    await advance(host, p1, '纳入计划')
    await createProject(host, {
      name: '2024年林东镇通村道路硬化项目', typeCode: 'XC', totalInvestmentFen: 40_000_000, linkMechanism: '', expectedAssetClass: '公益类',
      fundSources: [{ sourceType: 'XJ', level: '中央', amountFen: 40_000_000 }],
    })
    const doc = (docNo: string, level: '中央' | '自治区' | '旗县', amountFen: number) =>
      createFundDoc(ctx, { docNo, title: '', docDate: '2024-01-15', fundYear: 2024, level, fundType: 'XJ', taskLine: '', integrated: false, isAdvance: false, amountFen, note: '', acceptWarnings: true }).id
    const d1 = doc('内财农〔2024〕1号', '中央', 100_000_000)
    doc('内财农〔2024〕1号', '自治区', 10_000_000)
    const d2 = doc('左财农〔2024〕5号', '旗县', 30_000_000)
    const c1 = (host.db.prepare('SELECT code FROM project WHERE id = ?').get(p1) as { code: string }).code
    const dir = tempDir('imp-alloc')
    const xlsx = await writeXlsx(join(dir, '分配表.xlsx'), [
      ['资金文号', '资金级次', '项目编号', '项目名称', '分配金额（万元）', '分配日期'],
      /* 2 */ ['内财农〔2024〕1号', '中央', c1, '', 60, '2024-03-05'],
      /* 3 */ ['内财农〔2024〕1号', '中央财政', '', '2024年林东镇通村道路硬化项目', 30, ''],
      /* 4 */ ['内财农〔2024〕1号', '中央', c1, '', 20, '2024-03-06'],
      /* 5 */ ['内财农〔2024〕1号', '', c1, '', 5, ''],
      /* 6 */ ['内财农〔2024〕1号', '中央', c1, '', 60, '2024-03-05'],
      /* 7 */ ['左财农〔2024〕5号', '', c1, '', 12.3456, '2024-03-05'],
    ])
    const p = await preview(ctx, xlsx, 'fundAllocations')
    expect(p.counts).toMatchObject({ total: 6, valid: 2, warning: 2, error: 2 })
    const all = importRows(ctx, { sessionId: p.sessionId, filter: 'all', page: 1, pageSize: 50 })
    expect(messagesOf(all.rows)).toEqual([
      '3|项目名称|W|项目：项目尚未入库（当前「草稿」），请核实',
      '4|分配金额(万元)|W|分配金额：文件 内财农〔2024〕1号 下达 1,000,000.00 元，已分配 900,000.00 元，再分配 200,000.00 元 将超出下达金额 100,000.00 元',
      '5|资金文号|E|文号“内财农〔2024〕1号”对应 2 个资金文件（中央、自治区），无法确定是哪一个，请填写资金级次',
      '6|资金文号|E|与第 2 行重复（同一文件、项目、金额和日期），未重复导入',
    ])
    expect(commitImport(ctx, { sessionId: p.sessionId, acceptWarnings: true }).written).toBe(4)
    expect(host.db.prepare('SELECT fund_doc_id AS d, amount, alloc_date AS date FROM fund_allocation ORDER BY id').all()).toEqual([
      { d: d1, amount: 60_000_000, date: '2024-03-05' },
      { d: d1, amount: 30_000_000, date: null },
      { d: d1, amount: 20_000_000, date: '2024-03-06' },
      { d: d2, amount: 12_345_600, date: '2024-03-05' },
    ])
    const again = await preview(ctx, xlsx, 'fundAllocations')
    expect(messagesOf(again.rows)).toContain('2|资金文号|E|该文件已向本项目分配过同样金额（同一日期），可能已导入过，未重复导入')
  })
})

describe('templates and the list of kinds', () => {
  it('lists the fund kinds with their titles and required columns', () => {
    const kinds = listImportKinds()
    expect(kinds.find((k) => k.key === 'fundDocs')).toEqual({ key: 'fundDocs', title: '资金文件（指标文件）', required: ['文号', '发文日期', '资金年度', '资金级次', '金额'] })
    expect(kinds.find((k) => k.key === 'fundPayments')).toEqual({ key: 'fundPayments', title: '资金拨付/支出明细', required: ['类型', '日期', '金额', '凭证号'] })
  })
  for (const kind of ['fundDocs', 'fundAllocations', 'fundPayments']) {
    it(`${kind}: the template maps every field onto its own column when read back`, async () => {
      const host = await setUpHost()
      const t = await templateFile(host.ctx, { kind })
      const p = await previewImport(host.ctx, { fileId: putInboxFile(host.ctx, resolveOutbox(host.ctx, t.fileId).path).fileId, kind })
      expect(p.fields.filter((f) => p.mapping[f.key] === null).map((f) => f.label)).toEqual([])
      expect(new Set(Object.values(p.mapping)).size).toBe(p.fields.length)
      expect(p.counts.total).toBe(1)
    })
  }
})
