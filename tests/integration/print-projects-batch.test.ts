/**
 * Project notices in a batch (项目公示公告批量打印): print.html for a project template without a
 * project prints the notice of every project of the 项目年度 in scope in ONE PDF (Chromium), each
 * project from the top of a new page, ordered by 乡镇 then project code; which projects depends on
 * the notice (入库公示 from 论证 on, 计划公告 from 纳入年度计划 on, 竣工公告 from 完工 on; never
 * 退回修改/出库/终止/草稿); a constant number of SQL statements whatever the batch size.
 */
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { PrintHtml } from '../../src-main/print/service'
import { updateSettings } from '../../src-main/services/settings'
import { closePrintBrowser } from '../../src-main/web/bridge-print'
import { api, pageNumbersOk, renderJob, squash, toPng } from '../support/print'
import { autoCleanup, CHAGANHADA, LINDONG, LONGCHANG, setUpHost } from '../support/temp'

autoCleanup()
afterAll(() => closePrintBrowser())

const FUSHANDI = '150422100201' // 福山地村, 林东镇

interface P {
  code: string
  name: string
  year?: number
  town: string
  status: string
  phone?: string
  villages?: string[]
}

/** 2026: three projects in the plan in two 乡镇 (隆昌镇 with the smallest code), others around them. */
const projects: P[] = [
  { code: '2026150422CY0001', name: '隆昌镇2026年肉牛养殖暖棚项目', town: LONGCHANG, status: '纳入年度计划', phone: '13904761234' },
  { code: '2026150422CY0002', name: '林东镇2026年饲草料加工厂项目', town: LINDONG, status: '完工', phone: '13847651111' },
  { code: '2026150422XC0003', name: '福山地村2026年巷道硬化项目', town: LINDONG, status: '开工', phone: '15004762222', villages: [FUSHANDI] },
  { code: '2026150422XC0004', name: '林东镇2026年人居环境整治项目', town: LINDONG, status: '入库' },
  { code: '2026150422XC0005', name: '林东镇2026年小型灌溉项目', town: LINDONG, status: '论证' },
  { code: '2026150422XC0006', name: '查干哈达2026年出库项目', town: CHAGANHADA, status: '出库' },
  { code: '2026150422XC0007', name: '林东镇2026年草稿项目', town: LINDONG, status: '草稿' },
  { code: '2026150422XC0008', name: '林东镇2026年退回项目', town: LINDONG, status: '退回修改' },
  { code: '2025150422XC0001', name: '林东镇2025年往年项目', town: LINDONG, status: '纳入年度计划', year: 2025 },
]
const byCode = (code: string) => projects.find((p) => p.code.endsWith(code))!.name

async function withProjects() {
  const host = await setUpHost()
  updateSettings(host.ctx, { 'org.supervisionPhone': '0476-7822345' })
  const db = host.db
  const ins = db.prepare(
    `INSERT INTO project (code, name, year, library_year, type_code, nature, town_code, content, total_investment, sector_dept, impl_unit,
       responsible_person, responsible_phone, beneficiary_households, beneficiary_persons, plan_start, plan_end, actual_start, actual_end, status, plan_doc_no)
     VALUES (@code, @name, @year, @year, 'CY', '新建', @town, '建设内容见实施方案', 50000000, '巴林左旗农牧局', '乡镇人民政府',
       '王建国', @phone, 20, 60, '2026-04-01', '2026-09-30', '2026-04-10', @end, @status, '左政发〔2026〕8号')`,
  )
  for (const p of projects) {
    const id = Number(ins.run({ ...p, year: p.year ?? 2026, phone: p.phone ?? '', end: p.status === '完工' ? '2026-09-20' : null }).lastInsertRowid)
    for (const v of p.villages ?? []) db.prepare('INSERT INTO project_village (project_id, village_code) VALUES (?, ?)').run(id, v)
    db.prepare("INSERT INTO project_fund_source (project_id, source_type, level, amount) VALUES (?, 'XJ', '中央', 50000000)").run(id)
    db.prepare("INSERT INTO project_publicity (project_id, stage, start_date, end_date) VALUES (?, '年度计划', '2026-03-01', '2026-03-10')").run(id)
  }
  return host
}

/** The page on which each name first appears; each page may name at most one project. */
function startPages(pdf: Awaited<ReturnType<typeof renderJob>>, names: string[]) {
  const starts: number[] = []
  for (let n = 1; n <= pdf.pages; n++) {
    const text = squash(pdf.pageText(n))
    const on = names.filter((name) => text.includes(name))
    expect(on.length, `page ${n} names ${on.join('、')}`).toBeLessThanOrEqual(1)
    if (on.length && !starts[names.indexOf(on[0])]) {
      starts[names.indexOf(on[0])] = n
      // the project's title opens its page
      expect(squash(pdf.pageText(n).trim().split('\n')[0]), `title at the top of page ${n}`).toContain(on[0])
    }
  }
  return starts
}

describe('project notices in a batch', { timeout: 120_000 }, () => {
  it('prints the 计划公告 of every project of the year plan in one PDF, one project per page, by 乡镇 then code', async () => {
    const host = await withProjects()
    const pdf = await renderJob(host, { template: 'projectPlan', projectYear: 2026 }, 'projects-batch-plan')
    expect(pdf.made.title).toBe('巴林左旗 2026年度项目计划公告（共3个项目）')
    expect(pdf.made.fileName).toBe('巴林左旗 2026年度项目计划公告（共3个项目）.pdf')
    // 林东镇 (code 100) before 隆昌镇 (101), then by code inside 林东镇
    const order = [byCode('CY0002'), byCode('XC0003'), byCode('CY0001')]
    const text = squash(pdf.text)
    for (const name of order) expect(text).toContain(`${name}计划公告`)
    for (const code of ['XC0004', 'XC0005', 'XC0006', 'XC0007', 'XC0008', '25150422XC0001']) expect(text).not.toContain(byCode(code))
    expect(pdf.pages).toBeGreaterThanOrEqual(3)
    const starts = startPages(pdf, order)
    expect(starts).toHaveLength(3)
    expect(starts[0]).toBe(1)
    expect(starts[1]).toBeGreaterThan(starts[0])
    expect(starts[2]).toBeGreaterThan(starts[1])
    // every notice keeps its supervision block; page numbers run through the document
    expect(text.split('监督举报电话：0476-7822345（本地）、12317').length - 1).toBe(3)
    expect(pageNumbersOk(pdf)).toBe(true)
    // a public notice: no mobile number of a responsible person, no ID number
    expect(pdf.text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/)
    expect(pdf.text).not.toMatch(/(?<![\dA-Z])\d{17}[\dX](?![\dA-Z])/)
    toPng(pdf.file, 'projects-batch-plan', 2)
  })

  it('selects by notice: 入库公示 from 论证 on, 竣工公告 the completed ones; a 乡镇 or 村 narrows the batch', async () => {
    const host = await withProjects()
    const entry = await renderJob(host, { template: 'projectEntry', projectYear: 2026, variant: '公示版' }, 'projects-batch-entry')
    expect(entry.made.title).toBe('巴林左旗 2026年度项目入库公示（共5个项目）')
    const entryNames = ['CY0002', 'XC0003', 'XC0004', 'XC0005', 'CY0001'].map(byCode)
    const starts = startPages(entry, entryNames)
    expect(starts.filter(Boolean)).toHaveLength(5)
    expect([...starts].sort((a, b) => a - b)).toEqual(starts)
    for (const code of ['XC0006', 'XC0007', 'XC0008']) expect(squash(entry.text)).not.toContain(byCode(code))
    expect(entry.text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/)

    const done = await api<PrintHtml>(host, 'print.html', { template: 'projectCompletion', projectYear: 2026 })
    expect(done.title).toBe('巴林左旗 2026年度项目竣工公告（共1个项目）')
    expect(done.html).toContain(byCode('CY0002'))

    const town = await api<PrintHtml>(host, 'print.html', { template: 'projectPlan', projectYear: 2026, townCode: LONGCHANG })
    expect(town.title).toBe('巴林左旗隆昌镇 2026年度项目计划公告（共1个项目）')
    expect(town.html).toContain(byCode('CY0001'))
    const village = await api<PrintHtml>(host, 'print.html', { template: 'projectPlan', projectYear: 2026, villageCode: FUSHANDI })
    expect(village.title).toBe('巴林左旗林东镇福山地村 2026年度项目计划公告（共1个项目）')
    expect(village.html).toContain(byCode('XC0003'))
    expect(village.html).not.toContain(byCode('CY0002'))
  })

  it('reads a batch with the same number of statements whatever its size (no query per project)', async () => {
    const host = await withProjects()
    const prepare = vi.spyOn(host.ctx.db, 'prepare')
    await api(host, 'print.html', { template: 'projectCompletion', projectYear: 2026 })
    const forOne = prepare.mock.calls.length
    prepare.mockClear()
    await api(host, 'print.html', { template: 'projectEntry', projectYear: 2026 })
    expect(prepare.mock.calls.length).toBe(forOne)
    prepare.mockRestore()
  })

  it('refuses a batch without a year and an empty scope', async () => {
    const host = await withProjects()
    await expect(api(host, 'print.html', { template: 'projectPlan' })).rejects.toThrow('请选择一个项目，或选择项目年度批量打印公告公示。')
    await expect(api(host, 'print.html', { template: 'projectPlan', projectYear: 2030 })).rejects.toMatchObject({ code: 'EMPTY', message: expect.stringContaining('所选范围内没有纳入年度计划的项目。') })
    await expect(api(host, 'print.html', { template: 'projectCompletion', projectYear: 2026, townCode: LONGCHANG })).rejects.toThrow('所选范围内没有已完工的项目。')
    await expect(api(host, 'print.html', { template: 'projectEntry', projectYear: 2026, townCode: CHAGANHADA })).rejects.toThrow('所选范围内没有拟入库或已入库的项目。')
  })
})
