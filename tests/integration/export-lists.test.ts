import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateInput } from '../../src-main/api/validate'
import { exportList } from '../../src-main/io/export/service'
import { listAssets } from '../../src-main/services/assets/ledger'
import { listProblems } from '../../src-main/services/assets/problems'
import { generateDemo } from '../../src-main/services/demo/generate'
import { listHouseholdLines, listHouseholds } from '../../src-main/services/households'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ServiceHost as Host } from '../../src-main/core/service-host'
import { resourcesDir } from '../support/temp'
import { insertAssets, openOutbox, rowValues } from './export-support'

// One demo county for the whole file (generated once, ~30 s), closed at the end.
let host: Host
let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-export-lists-'))
  host = await Host.open({ dataDir: dir, resourcesDir, appVersion: '0.0.0-test' })
  generateDemo(host.ctx, { scale: 'default' })
}, 180_000)
afterAll(async () => {
  await host?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Every page of a list service, as the view would page through it. */
function allPages<T>(fetch: (page: number) => { rows: T[]; total: number }): T[] {
  const out: T[] = []
  for (let page = 1; ; page++) {
    const { rows, total } = fetch(page)
    out.push(...rows)
    if (rows.length === 0 || out.length >= total) return out
  }
}

/** Parses and fills defaults exactly as the channel would. */
function parsed(input: unknown) {
  const checked = validateInput('exports.list', input)
  if (!checked.ok) throw new Error(checked.message)
  return checked.input as Parameters<typeof exportList>[1]
}

const town = () => host.db.prepare("SELECT code FROM region WHERE level = 4 AND active = 1 ORDER BY sort, code LIMIT 1 OFFSET 2").pluck().get() as string

describe('list exports: exactly the filtered rows of the list services, in their order', () => {
  it('an asset ledger filtered by class, town and year, with the chosen columns', async () => {
    const filter = { class: '公益类', townCode: town(), sort: 'originalValueFen', order: 'desc' } as const
    const expected = allPages((page) => listAssets(host.ctx, { ...filter, page, pageSize: 200 }))
    expect(expected.length).toBeGreaterThan(50)
    const file = await exportList(host.ctx, parsed({ list: 'assets', filter, columns: ['code', 'name', 'quantity', 'originalValueFen', 'status'], unit: '元' }))
    expect(file.sheets[0].rows).toBe(expected.length)
    const sheet = (await openOutbox(host.ctx, file.fileId)).book.worksheets[0]
    // 序号 + the five columns + 计量单位 travelling with 数量.
    expect(rowValues(sheet, 3)).toEqual(['序号', '资产编号', '资产名称', '数量', '计量单位', '原值（元）', '状态'])
    expect(String(sheet.getCell('A2').value)).toMatch(/^筛选条件：乡镇：.+$/)
    const got = Array.from({ length: expected.length }, (_, i) => rowValues(sheet, 4 + i))
    expect(got.map((r) => r[1])).toEqual(expected.map((a) => a.code))
    expect(got.map((r) => r[5])).toEqual(expected.map((a) => a.originalValueFen / 100))
    // 合计 from the integer 分, to the 分.
    const totalRow = rowValues(sheet, 4 + expected.length)
    expect(totalRow[1]).toBe('合计')
    const sumFen = expected.reduce((n, a) => n + a.originalValueFen, 0)
    expect(totalRow[5]).toBe(sumFen / 100)
    expect(file.sheets.length).toBe(1)
  })

  it('household lines filtered by town and year, sorted by amount, in 万元', async () => {
    const filter = { townCode: town(), projectYear: 2019, sort: 'amountFen', order: 'desc' } as const
    const expected = allPages((page) => listHouseholdLines(host.ctx, { ...filter, page, pageSize: 500 }))
    expect(expected.length).toBeGreaterThan(20)
    const file = await exportList(host.ctx, parsed({ list: 'householdLines', filter, columns: ['headName', 'idNo', 'item', 'amount'], unit: '万元' }))
    const sheet = (await openOutbox(host.ctx, file.fileId)).book.worksheets[0]
    expect(rowValues(sheet, 3)).toEqual(['序号', '户主', '身份证号', '扶持内容', '补助金额（万元）'])
    const got = Array.from({ length: expected.length }, (_, i) => rowValues(sheet, 4 + i))
    expect(got.map((r) => [r[1], r[2], r[3], r[4]])).toEqual(expected.map((l) => [l.headName, l.idNo, l.item, l.amountFen / 1_000_000]))
    expect(got.every((r) => String(r[2]).includes('*') && !/^\d{17}[\dX]$/.test(String(r[2])))).toBe(true) // masked as in the view
    expect(sheet.getCell(4, 5).numFmt).toBe('#,##0.0000')
    const total = rowValues(sheet, 4 + expected.length)
    expect(total[4]).toBe(expected.reduce((n, l) => n + l.amountFen, 0) / 1_000_000)
  })

  it('households and the problem list export every filtered row', async () => {
    const hFilter = { townCode: town(), attribute: '脱贫户', sort: 'headName', order: 'asc' } as const
    const households = allPages((page) => listHouseholds(host.ctx, { ...hFilter, page, pageSize: 500 }))
    const hFile = await exportList(host.ctx, parsed({ list: 'households', filter: hFilter, unit: '元' }))
    expect(hFile.sheets[0].rows).toBe(households.length)
    const hs = (await openOutbox(host.ctx, hFile.fileId)).book.worksheets[0]
    expect(Array.from({ length: households.length }, (_, i) => hs.getCell(4 + i, 2).value)).toEqual(households.map((h) => h.headName))

    const problems = allPages((page) => listProblems(host.ctx, { kind: '无管护主体', page, pageSize: 500 }))
    const pFile = await exportList(host.ctx, parsed({ list: 'problems', filter: { kind: '无管护主体' }, unit: '元' }))
    expect(pFile.sheets[0].rows).toBe(problems.length)
  })

  it('text that looks like a formula stays text: no <f> element, string cells', async () => {
    const names = ['=HYPERLINK("http://example.com","点我")', '+8613800000000', '-1+2', '@SUM(A1:A2)', '=1+1']
    const townCode = town()
    insertAssets(
      host.db,
      names.map((name) => ({ class: '经营类' as const, town: townCode, fen: 100, year: 2030, name })),
    )
    const file = await exportList(host.ctx, parsed({ list: 'assets', filter: { class: '经营类', fundYear: 2030, sort: 'code' }, columns: ['code', 'name'], unit: '元' }))
    const { book, path } = await openOutbox(host.ctx, file.fileId)
    const sheet = book.worksheets[0]
    const got = names.map((_, i) => sheet.getCell(4 + i, 3))
    expect(got.map((c) => c.value)).toEqual(names)
    expect(got.every((c) => c.type === 3 /* ValueType.String */)).toBe(true)
    const xml = execFileSync('unzip', ['-p', path, 'xl/worksheets/sheet1.xml']).toString()
    expect(xml).not.toMatch(/<f[ >]/)
    expect(readFileSync(path).length).toBe(file.bytes)
  })

  it('refuses a list it does not know and columns that are all unknown', async () => {
    expect(validateInput('exports.list', { list: 'secrets', filter: {} }).ok).toBe(false)
    await expect(exportList(host.ctx, parsed({ list: 'assets', filter: { class: '公益类' }, columns: ['nope'], unit: '元' }))).rejects.toThrow(/不能导出/)
  })
})
