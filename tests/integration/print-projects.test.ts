/**
 * Project publicity forms (入库公示, 计划公告, 竣工公告) rendered to PDF in Chromium: the supervision
 * block carries the local number and 12317, the period comes from the project's publicity record,
 * amounts carry 金额大写. The project rows are written with SQL straight into migration 004's tables.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { updateSettings } from '../../src-main/services/settings'
import { closePrintBrowser } from '../../src-main/web/bridge-print'
import { api, pageNumbersOk, renderJob, squash, toPng } from '../support/print'
import { autoCleanup, LINDONG, setUpHost } from '../support/temp'

autoCleanup()
afterAll(() => closePrintBrowser())

const FUSHANDI = '150422100201'

async function withProject() {
  const host = await setUpHost()
  updateSettings(host.ctx, { 'org.supervisionPhone': '0476-7822345' })
  const db = host.db
  const id = Number(
    db
      .prepare(
        `INSERT INTO project (code, name, year, library_year, type_code, subtype, nature, town_code, content, subsidy_standard, total_investment,
           sector_dept, impl_unit, responsible_person, responsible_phone, beneficiary_targets, beneficiary_households, beneficiary_persons,
           poor_households, poor_persons, monitor_households, monitor_persons, link_mechanism, performance_goal, plan_start, plan_end,
           actual_start, actual_end, acceptance_date, audited_amount, status, plan_doc_no)
         VALUES ('2024150422CY0012', '福山地村2024年肉牛养殖暖棚建设项目', 2024, 2023, 'CY', '生产项目', '新建', ?, '新建肉牛养殖暖棚3栋，每栋600平方米', '每平方米补助300元',
           100000010, '巴林左旗农牧局', '林东镇人民政府', '王建国', '13904761234', '["脱贫户","监测对象"]', 60, 180, 20, 55, 3, 8,
           '租赁经营，租金收益用于脱贫户分红', '年租金收入不低于6万元', '2024-04-01', '2024-09-30', '2024-04-10', '2024-09-20', '2024-10-15', 99800000, '验收', '巴政发〔2024〕12号')`,
      )
      .run(LINDONG).lastInsertRowid,
  )
  db.prepare('INSERT INTO project_village (project_id, village_code) VALUES (?, ?)').run(id, FUSHANDI)
  db.prepare("INSERT INTO project_fund_source (project_id, source_type, level, amount) VALUES (?, 'XJ', '中央', 80000000), (?, 'CJ', NULL, 20000010)").run(id, id)
  db.prepare(
    `INSERT INTO project_publicity (project_id, stage, start_date, end_date, place) VALUES
       (?, '县级入库', '2023-11-01', '2023-11-10', '福山地村村务公开栏'), (?, '年度计划', '2024-03-01', '2024-03-10', ''), (?, '竣工', '2024-10-20', '2024-10-29', '')`,
  ).run(id, id, id)
  const doc = Number(db.prepare("INSERT INTO fund_doc (doc_no, doc_date, fund_year, level, fund_type, amount) VALUES ('内财农〔2024〕5号', '2024-02-01', 2024, '中央', 'XJ', 80000000)").run().lastInsertRowid)
  db.prepare('INSERT INTO fund_allocation (fund_doc_id, project_id, amount) VALUES (?, ?, 80000000)').run(doc, id)
  db.prepare("INSERT INTO fund_payment (kind, project_id, fund_doc_id, date, amount) VALUES ('拨付', ?, ?, '2024-06-01', 80000000), ('支出', ?, ?, '2024-10-01', 79800005)").run(id, doc, id, doc)
  return { host, id }
}

describe('project publicity forms', { timeout: 120_000 }, () => {
  it('are listed as available once the project library exists', async () => {
    const { host } = await withProject()
    const list = await api<{ key: string; available: boolean }[]>(host, 'print.templates', {})
    expect(list.filter((t) => t.key.startsWith('project')).map((t) => [t.key, t.available])).toEqual([
      ['projectEntry', true],
      ['projectPlan', true],
      ['projectCompletion', true],
    ])
  })

  it('prints the 入库公示 with every §6.7 field, the period and the supervision block', async () => {
    const { host, id } = await withProject()
    const pdf = await renderJob(host, { template: 'projectEntry', projectId: id }, 'projects-entry')
    const text = squash(pdf.text)
    expect(text).toContain('福山地村2024年肉牛养殖暖棚建设项目入库公示')
    for (const s of ['产业发展/生产项目', '新建', '林东镇福山地村', '1,000,000.10元（大写：壹佰万元壹角整）', '每平方米补助300元', '脱贫户、监测对象', '租赁经营', '年租金收入不低于6万元', '2024年4月1日至2024年9月30日'])
      expect(text).toContain(s)
    expect(text).toContain('公示期：2023年11月1日至2023年11月10日')
    expect(text).toContain('监督举报电话：0476-7822345（本地）、12317（全国农业农村系统）')
    expect(text).toContain('公示单位（盖章）：巴林左旗农牧局')
    // a public notice: no personal mobile number
    expect(text).not.toContain('13904761234')
    expect(pageNumbersOk(pdf)).toBe(true)
    toPng(pdf.file, 'projects-entry', 1)
  })

  it('prints the 计划公告 and the 竣工公告 with the money spent', async () => {
    const { host, id } = await withProject()
    const plan = await renderJob(host, { template: 'projectPlan', projectId: id }, 'projects-plan')
    expect(squash(plan.text)).toContain('计划公告')
    expect(squash(plan.text)).toContain('巴政发〔2024〕12号')
    expect(squash(plan.text)).toContain('公示期：2024年3月1日至2024年3月10日')
    expect(squash(plan.text)).toContain('12317')
    const done = await renderJob(host, { template: 'projectCompletion', projectId: id }, 'projects-completion')
    const text = squash(done.text)
    expect(text).toContain('竣工公告')
    expect(text).toContain('已支出资金798,000.05元（大写：柒拾玖万捌仟元零伍分）')
    expect(text).toContain('决算（审计）金额998,000.00元')
    expect(text).toContain('完工时间2024年9月20日')
    expect(text).toContain('公示期：2024年10月20日至2024年10月29日')
    expect(pageNumbersOk(done)).toBe(true)
    toPng(done.file, 'projects-completion', 1)
  })

  it('refuses a missing project', async () => {
    const { host } = await withProject()
    await expect(api(host, 'print.html', { template: 'projectPlan' })).rejects.toThrow('请选择一个项目')
    await expect(api(host, 'print.html', { template: 'projectPlan', projectId: 999 })).rejects.toThrow('未找到项目')
  })
})
