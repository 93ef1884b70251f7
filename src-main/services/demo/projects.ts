/**
 * The demo county's fund project library (issue 4 item 8): ~400 projects over 2016–2025 built from
 * the assets and household batches the demo already generated (one project per project code), plus
 * projects that form no assets (项目管理费, 雨露计划, 公益性岗位 …) and some of 2025 still under way.
 * Money is consistent with the ledgers: each project's funding plan is the sum of its assets' funding
 * lines; the 衔接资金/专项扶贫资金 lines become fund documents (by document number, level and year)
 * allocated to the projects, paid (拨付) and spent (支出) with vouchers along the projects' dates.
 * Steps, publicity and performance indicators are dated from the assets' dates; nothing after AS_OF.
 *
 * Runs inside the demo's transaction, with prepared statements; no audit row per record.
 */
import { todayIso } from '../../domain/dates'
import type { ServiceContext } from '../context'
import { searchKey } from '../search'
import { dayBetween, dayOf, isoOf, Rng } from './random'

const AS_OF = '2026-06-30'
const COUNTY = '150422'

interface Group {
  code: string
  name: string
  year: number
  cls: string
  town: string
  villages: string[]
  sectorDept: string
  implUnit: string
  start: string | null
  completion: string | null
  acceptance: string | null
  handover: string | null
  total: number
  bh: number
  bp: number
  ph: number
  pp: number
  mh: number
  mp: number
  assets: number
  building: number
  link: string | null
  subtype: string
  spec: string
}

interface Line {
  source: string
  level: string | null
  docNo: string
  year: number | null
  amount: number
}

const linkMechanisms = ['保底分红、带动务工', '租金收益按比例分配给脱贫户', '订单收购、技术服务', '土地流转、优先雇用脱贫人口', '入股分红、带动就业']
const extraProjects: { type: string; oldType: string; name: string; content: string; dept: string; amount: [number, number] }[] = [
  { type: 'SB', oldType: 'JF', name: '雨露计划职业教育补助项目', content: '对脱贫家庭（含监测对象家庭）中职、高职在校生每生每年补助3000元', dept: 'edu', amount: [40, 160] },
  { type: 'JY', oldType: 'JD', name: '乡村公益性岗位补贴项目', content: '开发乡村公益性岗位，安置脱贫劳动力就业，每人每月补贴500元', dept: 'hr', amount: [60, 240] },
  { type: 'JY', oldType: 'JD', name: '脱贫劳动力外出务工交通补助项目', content: '对跨省外出务工的脱贫劳动力给予一次性交通补助', dept: 'hr', amount: [10, 60] },
  { type: 'XZ', oldType: 'SG', name: '积分超市建设运行项目', content: '建设运行村级积分超市，以积分兑换生活用品', dept: 'civil', amount: [20, 80] },
  { type: 'CY', oldType: 'CF', name: '脱贫户产业贷款贴息项目', content: '对脱贫户和监测户发展产业的小额信贷给予贴息', dept: 'finance', amount: [50, 300] },
]
const deptNames: Record<string, string> = { edu: '巴林左旗教育局', hr: '巴林左旗人力资源和社会保障局', civil: '巴林左旗民政局', finance: '巴林左旗财政局' }

/** Fills the project library of the demo county. Returns how many projects were written. */
export function generateDemoProjects(ctx: ServiceContext, seed: number): number {
  const db = ctx.db
  const r = new Rng(seed ^ 0x5a5a)
  const today = todayIso()
  const asOf = dayOf(today < AS_OF ? today : AS_OF)
  const clamp = (d: number) => Math.min(d, asOf)

  // 脱贫村: the demo villages get the flag (about two in five) unless the county already has flags
  const flagged = (db.prepare('SELECT count(*) AS n FROM region WHERE level = 5 AND is_former_poor_village = 1').get() as { n: number }).n
  if (flagged === 0) {
    const villages = (db.prepare("SELECT code FROM region WHERE level = 5 AND code LIKE ? ORDER BY code").all(`${COUNTY}%`) as { code: string }[]).map((v) => v.code)
    const flag = db.prepare('UPDATE region SET is_former_poor_village = 1 WHERE code = ?')
    for (const v of villages) if (r.chance(0.4)) flag.run(v)
  }

  // ── the asset groups: one project per project code
  const groups = db
    .prepare(
      `SELECT a.project_code AS code, min(a.project_name) AS name, min(a.fund_year) AS year, min(a.class) AS cls, min(a.town_code) AS town,
         group_concat(DISTINCT a.village_code) AS villages, min(a.sector_dept) AS sectorDept, min(a.impl_unit) AS implUnit,
         min(a.start_date) AS start, max(a.completion_date) AS completion, max(a.acceptance_date) AS acceptance, max(a.handover_date) AS handover,
         sum(a.total_investment) AS total, sum(a.beneficiary_households) AS bh, sum(a.beneficiary_persons) AS bp, sum(a.poor_households) AS ph,
         sum(a.poor_persons) AS pp, sum(a.monitor_households) AS mh, sum(a.monitor_persons) AS mp, count(*) AS assets,
         sum(a.completion_date IS NULL) AS building, min(a.subtype_code) AS subtype, min(a.spec) AS spec, NULL AS link
       FROM asset a WHERE a.project_code <> '' AND a.project_id IS NULL
       GROUP BY a.project_code ORDER BY a.project_code`,
    )
    .all() as (Omit<Group, 'villages'> & { villages: string | null })[]
  const links = new Map(
    (
      db
        .prepare(`SELECT a.project_code AS code, min(o.link_mechanism) AS link FROM asset_operation o JOIN asset a ON a.id = o.asset_id
           WHERE o.link_mechanism <> '' AND a.project_code <> '' GROUP BY a.project_code`)
        .all() as { code: string; link: string }[]
    ).map((x) => [x.code, x.link]),
  )
  for (const g of groups) g.link = links.get(g.code) ?? null
  // every asset's funding lines by project code, read once
  const linesByCode = new Map<string, Line[]>()
  for (const l of db
    .prepare(
      `SELECT a.project_code AS code, f.source_type AS source, f.level, f.doc_no AS docNo, f.fund_year AS year, sum(f.amount) AS amount
       FROM asset_fund_source f JOIN asset a ON a.id = f.asset_id WHERE a.project_code <> ''
       GROUP BY a.project_code, f.source_type, f.level, f.doc_no, f.fund_year`,
    )
    .all() as (Line & { code: string })[]) {
    const list = linesByCode.get(l.code) ?? []
    list.push({ source: l.source, level: l.level, docNo: l.docNo, year: l.year, amount: l.amount })
    linesByCode.set(l.code, list)
  }
  const byYear = new Map<number, Group[]>()
  for (const g of groups) {
    if (g.year < 2016 || g.year > 2025 || g.total <= 0) continue
    const list = byYear.get(g.year) ?? []
    list.push({ ...g, villages: g.villages ? g.villages.split(',') : [] })
    byYear.set(g.year, list)
  }

  // ── statements
  const insProject = db.prepare(
    `INSERT INTO project (code, name, year, library_year, batch, type_code, subtype, nature, town_code, content, subsidy_standard, total_investment,
       sector_dept, impl_unit, responsible_person, beneficiary_targets, beneficiary_villages, beneficiary_poor_villages, beneficiary_households,
       beneficiary_persons, poor_households, poor_persons, monitor_households, monitor_persons, link_mechanism, performance_goal, plan_start, plan_end,
       forms_asset, expected_asset_class, expected_owner, status, library_doc_no, plan_doc_no, actual_start, actual_end, acceptance_date, handover_date,
       search_key, created_by)
     VALUES (@code, @name, @year, @libraryYear, @batch, @type, @subtype, @nature, @town, @content, @subsidy, @total, @dept, @impl, @person, @targets,
       @bv, @bpv, @bh, @bp, @ph, @pp, @mh, @mp, @link, @goal, @planStart, @planEnd, @forms, @expected, @owner, @status, @libDoc, @planDoc,
       @start, @end, @accept, @handover, @key, '示例数据')`,
  )
  const insVillage = db.prepare('INSERT OR IGNORE INTO project_village (project_id, village_code) VALUES (?, ?)')
  const insSource = db.prepare(
    "INSERT INTO project_fund_source (project_id, source_type, level, task_line, integrated, amount, doc_no, fund_year, note) VALUES (?, ?, ?, '', 0, ?, ?, ?, ?)",
  )
  const insStep = db.prepare(
    "INSERT INTO project_transition (project_id, action, from_status, to_status, date, doc_no, actor, note, user) VALUES (?, ?, ?, ?, ?, ?, ?, '', '示例数据')",
  )
  const insPublicity = db.prepare('INSERT INTO project_publicity (project_id, stage, start_date, end_date, place, objections) VALUES (?, ?, ?, ?, ?, ?)')
  const insIndicator = db.prepare(
    'INSERT INTO project_indicator (project_id, sort, level1, level2, name, operator, target_value, unit, actual_value, weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const insDoc = db.prepare(
    'INSERT INTO fund_doc (doc_no, title, doc_date, fund_year, level, fund_type, task_line, integrated, is_advance, amount, note) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)',
  )
  const insAlloc = db.prepare('INSERT INTO fund_allocation (fund_doc_id, project_id, amount, alloc_date) VALUES (?, ?, ?, ?)')
  const insPay = db.prepare('INSERT INTO fund_payment (kind, project_id, fund_doc_id, date, amount, payee, voucher_no) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const townName = new Map((db.prepare('SELECT code, name FROM region WHERE level IN (4, 5)').all() as { code: string; name: string }[]).map((x) => [x.code, x.name]))
  const poorVillage = new Set((db.prepare('SELECT code FROM region WHERE level = 5 AND is_former_poor_village = 1').all() as { code: string }[]).map((x) => x.code))
  const towns = (db.prepare("SELECT code FROM region WHERE level = 4 AND code LIKE ? AND active = 1 ORDER BY code").all(`${COUNTY}%`) as { code: string }[]).map((t) => t.code)
  const codeSeq = new Map<string, number>()
  const usedCodes = new Set((db.prepare("SELECT DISTINCT project_code AS c FROM asset WHERE project_code <> '' UNION SELECT code FROM project").all() as { c: string }[]).map((x) => x.c))
  const nextCode = (year: number, type: string) => {
    let n = (codeSeq.get(`${year}${type}`) ?? 900) + 1
    let code = `${year}${COUNTY}${type}${String(n).padStart(4, '0')}`
    while (usedCodes.has(code)) {
      n++
      code = `${year}${COUNTY}${type}${String(n).padStart(4, '0')}`
    }
    codeSeq.set(`${year}${type}`, n)
    usedCodes.add(code)
    return code
  }

  /** Fund documents per (number, level, type, year), their amounts the sum of what they allocate (plus a margin for 2025). */
  const docs = new Map<string, { no: string; level: string; type: string; year: number; date: string; alloc: { project: number; amount: number; date: string }[] }>()
  const docFor = (no: string, level: string, type: string, year: number) => {
    const key = `${no}|${level}|${type}|${year}`
    let d = docs.get(key)
    if (!d) {
      const issuer = level === '中央' || level === '自治区' ? '内财农' : level === '盟市' ? '赤财农' : '左财农'
      const docNo = no || `${issuer}〔${year}〕${r.int(3, 120)}号`
      d = { no: docNo, level, type, year, date: isoOf(dayBetween(r, `${year - 1}-11-20`, `${year}-04-30`)), alloc: [] }
      docs.set(key, d)
    }
    return d
  }
  const payments: { project: number; doc: string; kind: '拨付' | '支出'; day: number; amount: number; payee: string }[] = []

  /** Steps and publicity from the dates; returns the status reached. */
  const steps = (id: number, p: { start: number; end: number | null; accept: number | null; handover: number | null; formsAsset: boolean; actor: string; libDoc: string; planDoc: string; village: string; stopAfter?: string }) => {
    const plan = p.start - r.int(10, 40)
    const lib = plan - r.int(10, 50)
    const appraise = lib - r.int(5, 15)
    const review = appraise - r.int(8, 20)
    const apply = review - r.int(12, 25)
    insPublicity.run(id, '村级申报', isoOf(apply + 1), isoOf(apply + 1 + r.pick([6, 7, 7, 9, 10])), `${p.village}村务公开栏`, '无异议')
    if (r.chance(0.6)) insPublicity.run(id, '县级入库', isoOf(lib - 12), isoOf(lib - 3), '巴林左旗人民政府网站', '无异议')
    const chain: [string, string, string, number, string][] = [
      ['申报', '草稿', '申报', apply, ''],
      ['审核', '申报', '审核', review, ''],
      ['论证', '审核', '论证', appraise, ''],
      ['审定入库', '论证', '入库', lib, p.libDoc],
      ['纳入计划', '入库', '纳入年度计划', plan, p.planDoc],
      ['开工', '纳入年度计划', '开工', p.start, ''],
    ]
    if (p.end !== null) chain.push(['完工', '开工', '完工', p.end, ''])
    if (p.end !== null && p.accept !== null) chain.push(['验收', '完工', '验收', p.accept, ''])
    if (p.accept !== null && p.formsAsset && p.handover !== null) chain.push(['资产移交', '验收', '资产移交', p.handover, ''])
    const last = chain[chain.length - 1]
    if ((last[0] === '资产移交' || (last[0] === '验收' && !p.formsAsset)) && last[3] + 120 < asOf) {
      const evalDay = last[3] + r.int(60, 200)
      if (evalDay <= asOf) chain.push(['绩效评价', last[2], '绩效评价', evalDay, ''])
      if (evalDay + 150 <= asOf && r.chance(0.7)) chain.push(['归档', '绩效评价', '归档', evalDay + r.int(30, 120), ''])
    }
    let status = '草稿'
    for (const [action, from, to, day, doc] of chain) {
      if (day > asOf) break
      insStep.run(id, action, from, to, isoOf(day), doc, action === '审核' ? '乡镇（苏木）人民政府' : action === '论证' ? '旗行业主管部门' : action === '审定入库' ? '旗巩固衔接领导小组' : p.actor)
      status = to
      if (action === p.stopAfter) break
    }
    return status
  }

  const indicators = (id: number, industry: boolean, unit: string, qty: string, done: boolean) => {
    const rows: [string, string, string, string, string, string][] = [
      ['产出指标', '数量指标', '建设（发放）数量', '≥', qty, unit],
      ['产出指标', '质量指标', '验收合格率', '=', '100', '%'],
      ['产出指标', '时效指标', '按期完工率', '≥', '95', '%'],
      industry ? ['效益指标', '经济效益', '带动脱贫户增收', '≥', String(r.int(5, 30) * 100), '元/户'] : ['效益指标', '社会效益', '受益脱贫人口数', '≥', String(r.int(20, 400)), '人'],
      ['满意度指标', '服务对象满意度', '受益群众满意度', '≥', '95', '%'],
    ]
    const weights = [20, 10, 10, 30, 10]
    rows.forEach((x, i) => insIndicator.run(id, i + 1, ...x, done ? x[4] : null, weights[i]))
  }

  let count = 0
  const planDocs = new Map<number, string>()
  const planDoc = (year: number) => {
    let d = planDocs.get(year)
    if (!d) {
      d = `左政发〔${year}〕${r.int(10, 60)}号`
      planDocs.set(year, d)
    }
    return d
  }

  for (let year = 2016; year <= 2025; year++) {
    const pool = byYear.get(year) ?? []
    // about 34 asset projects a year; every 到户 batch project counts, built ones fill up
    const chosen = r.sample(pool, Math.min(pool.length, 34))
    const libDoc = `左扶组字〔${year}〕${r.int(1, 9)}号`
    for (const g of chosen) {
      const industry = g.cls !== '公益类'
      const type = year <= 2020 ? (industry ? 'CF' : 'JC') : industry ? 'CY' : 'XC'
      const src = linesByCode.get(g.code) ?? []
      const total = src.reduce((n, l) => n + l.amount, 0)
      const start = g.start ? dayOf(g.start) : dayBetween(r, `${year}-04-10`, `${year}-06-30`)
      const end = g.completion ? dayOf(g.completion) : null
      const accept = g.acceptance ? dayOf(g.acceptance) : null
      const handover = accept === null ? null : g.handover ? Math.max(dayOf(g.handover), accept) : clamp(accept + r.int(5, 40))
      const villages = g.villages.filter(Boolean)
      const poorCount = villages.filter((v) => poorVillage.has(v)).length
      const info = insProject.run({
        code: g.code,
        name: g.name,
        year,
        libraryYear: r.chance(0.3) ? year - 1 : year,
        batch: r.pick(['第一批', '第一批', '第二批']),
        type,
        subtype: industry ? (g.cls === '到户类' ? '到户产业奖补' : '生产项目') : '农村基础设施',
        nature: r.weighted([['新建', 80], ['改建', 8], ['扩建', 7], ['维修（改造）', 5]]),
        town: g.town,
        content: `${g.spec || g.name}`.slice(0, 300),
        subsidy: g.cls === '到户类' ? '按补助标准到户补助' : '实际工程审价补助',
        total,
        dept: g.sectorDept,
        impl: g.implUnit,
        person: r.pick(['王建军', '李志刚', '张海峰', '刘玉明', '陈宝山', '赵国庆', '孙立华', '巴特尔', '苏和', '乌力吉']),
        targets: JSON.stringify(g.cls === '到户类' ? ['脱贫户', '监测对象'] : ['全体村民', '脱贫户']),
        bv: Math.max(villages.length, 1),
        bpv: poorCount,
        bh: g.bh,
        bp: Math.max(g.bp, g.bh),
        ph: g.ph,
        pp: g.pp,
        mh: g.mh,
        mp: g.mp,
        link: industry ? (g.link ?? r.pick(linkMechanisms)) : '',
        goal: `${year}年完成${g.name.replace(/^\d{4}年/, '')}建设，巩固拓展脱贫攻坚成果`,
        planStart: isoOf(dayBetween(r, `${year}-03-20`, `${year}-05-10`)),
        planEnd: isoOf(dayBetween(r, `${year}-09-30`, `${year}-11-30`)),
        forms: 1,
        expected: g.cls,
        owner: g.cls === '到户类' ? '受益农户' : villages.length === 1 ? `${townName.get(villages[0]) ?? ''}集体经济组织` : `${townName.get(g.town) ?? ''}人民政府`,
        status: '草稿',
        libDoc,
        planDoc: planDoc(year),
        start: null,
        end: null,
        accept: null,
        handover: null,
        key: searchKey(`${g.name} ${g.implUnit}`),
      })
      const id = Number(info.lastInsertRowid)
      count++
      for (const v of villages) insVillage.run(id, v)
      for (const l of src) insSource.run(id, l.source, l.level, l.amount, l.docNo, l.year, l.source === 'QT' ? '其他资金' : '')
      const status = steps(id, { start, end, accept, handover, formsAsset: true, actor: g.implUnit || '乡镇（苏木）人民政府', libDoc, planDoc: planDoc(year), village: townName.get(villages[0] ?? g.town) ?? '' })
      finishProject(id, status)
      indicators(id, industry, '处', String(g.assets), status !== '开工')
      money(id, year, src, start, accept, status, g.implUnit || '项目实施单位')
    }

    // projects forming no assets: management fee, 雨露计划, 公益性岗位 …
    const extras: typeof extraProjects = r.sample(extraProjects, r.int(3, 5))
    const yearXj = [...docs.values()].filter((d) => d.year === year).reduce((n, d) => n + d.alloc.reduce((m, a) => m + a.amount, 0), 0)
    const feeAmount = Math.max(Math.round((yearXj * r.float(0.004, 0.011)) / 10_000) * 10_000, 100_000)
    const all = [{ type: 'GL', oldType: 'GL', name: '衔接资金项目管理费', content: '项目前期设计、评审、招标、监理、验收等管理费用', dept: 'agri', amount: [0, 0] as [number, number] }, ...extras]
    for (const x of all) {
      const type = year <= 2020 ? x.oldType : x.type
      if (year <= 2020 && type === 'XZ') continue
      const amount = type === 'GL' ? feeAmount : r.int(x.amount[0], x.amount[1]) * 1_000_000
      const town = type === 'GL' || x.dept !== 'civil' ? null : r.pick(towns)
      const fundType = year >= 2021 ? 'XJ' : 'ZX'
      const level = type === 'GL' ? '旗县' : r.weighted([['中央', 70], ['自治区', 20], ['旗县', 10]])
      const src: Line[] = [{ source: fundType, level, docNo: '', year, amount }]
      const start = dayBetween(r, `${year}-03-01`, `${year}-06-30`)
      const end = start + r.int(90, 200)
      const accept = end + r.int(10, 40)
      const code = nextCode(year, type)
      const name = `${year}年巴林左旗${town ? townName.get(town) : ''}${x.name}`
      const info = insProject.run({
        code, name, year, libraryYear: year, batch: '第一批', type, subtype: '', nature: '新建', town: town ?? towns[0], content: x.content,
        subsidy: '按政策标准', total: amount, dept: x.dept === 'agri' ? '巴林左旗农牧局' : deptNames[x.dept], impl: x.dept === 'agri' ? '巴林左旗农牧局' : deptNames[x.dept],
        person: r.pick(['王建军', '李志刚', '张海峰', '刘玉明']), targets: JSON.stringify(['脱贫户', '监测对象']), bv: 0, bpv: 0,
        bh: type === 'GL' ? 0 : r.int(50, 800), bp: 0, ph: 0, pp: 0, mh: 0, mp: 0, link: type === 'CY' || type === 'CF' ? '贴息资金直接惠及脱贫户和监测户' : '',
        goal: `${x.name}按期足额兑现`, planStart: isoOf(start), planEnd: isoOf(end), forms: 0, expected: '不形成资产', owner: '', status: '草稿',
        libDoc, planDoc: planDoc(year), start: null, end: null, accept: null, handover: null, key: searchKey(name),
      })
      const id = Number(info.lastInsertRowid)
      db.prepare('UPDATE project SET beneficiary_persons = beneficiary_households * 3, poor_households = beneficiary_households / 2, poor_persons = beneficiary_households * 3 / 2 WHERE id = ?').run(id)
      count++
      insSource.run(id, fundType, level, amount, '', year, '')
      const status = steps(id, { start, end, accept, handover: null, formsAsset: false, actor: x.dept === 'agri' ? '巴林左旗农牧局' : deptNames[x.dept], libDoc, planDoc: planDoc(year), village: '各嘎查村' })
      finishProject(id, status)
      indicators(id, false, type === 'GL' ? '项' : '人', String(r.int(10, 500)), status !== '开工')
      money(id, year, src, start, accept, status, x.dept === 'agri' ? '巴林左旗农牧局' : deptNames[x.dept])
    }
  }

  // a few 2025 projects accepted without any asset registered yet (→ 应登记未登记), and some in the library only
  for (let i = 0; i < 12; i++) {
    const year = 2025
    const town = r.pick(towns)
    const villages = (db.prepare('SELECT code, name FROM region WHERE parent_code = ? AND level = 5 ORDER BY code').all(town) as { code: string; name: string }[])
    const v = r.pick(villages)
    const industry = r.chance(0.6)
    const type = industry ? 'CY' : 'XC'
    const stage = i < 4 ? 'accepted' : i < 8 ? 'planned' : 'library'
    const amount = r.int(30, 300) * 1_000_000
    const name = `${year}年${townName.get(town)}${v.name}${industry ? r.pick(['肉牛养殖暖棚', '饲草料加工', '设施农业大棚']) : r.pick(['村内道路硬化', '人饮安全巩固提升', '文化活动广场'])}项目`
    const start = dayBetween(r, `${year}-04-10`, `${year}-05-30`)
    const end = stage === 'accepted' ? start + r.int(90, 150) : null
    const accept = end === null ? null : end + r.int(10, 30)
    const code = nextCode(year, type)
    const info = insProject.run({
      code, name, year, libraryYear: year, batch: '第二批', type, subtype: industry ? '生产项目' : '农村基础设施', nature: '新建', town, content: name.replace(/^\d{4}年/, '新建'),
      subsidy: '实际工程审价补助', total: amount, dept: industry ? '巴林左旗农牧局' : '巴林左旗交通运输局', impl: `${townName.get(town)}人民政府`,
      person: r.pick(['王建军', '苏和', '乌力吉']), targets: JSON.stringify(['全体村民', '脱贫户']), bv: 1, bpv: poorVillage.has(v.code) ? 1 : 0,
      bh: r.int(20, 200), bp: 0, ph: 0, pp: 0, mh: 0, mp: 0, link: industry ? r.pick(linkMechanisms) : '', goal: '按期建成投用', planStart: isoOf(start),
      planEnd: isoOf(start + 150), forms: 1, expected: industry ? '经营类' : '公益类', owner: `${v.name}集体经济组织`, status: '草稿', libDoc: `左扶组字〔${year}〕12号`,
      planDoc: planDoc(year), start: null, end: null, accept: null, handover: null, key: searchKey(name),
    })
    const id = Number(info.lastInsertRowid)
    db.prepare('UPDATE project SET beneficiary_persons = beneficiary_households * 3 WHERE id = ?').run(id)
    count++
    insVillage.run(id, v.code)
    const level = r.weighted([['中央', 60], ['自治区', 25], ['旗县', 15]])
    const src: Line[] = [{ source: 'XJ', level, docNo: '', year, amount }]
    insSource.run(id, 'XJ', level, amount, '', year, '')
    const status = steps(id, { start, end, accept, handover: null, formsAsset: true, actor: `${townName.get(town)}人民政府`, libDoc: `左扶组字〔${year}〕12号`, planDoc: stage === 'library' ? '' : planDoc(year), village: v.name, stopAfter: stage === 'library' ? '审定入库' : stage === 'planned' ? '开工' : undefined })
    finishProject(id, status)
    indicators(id, industry, '处', '1', false)
    if (stage !== 'library') money(id, year, src, start, accept, status, `${townName.get(town)}人民政府`)
  }

  // ── links both ways, in one pass each (project.code is unique and indexed; the demo's own projects keep the asset codes)
  db.exec(`UPDATE asset SET project_id = (SELECT p.id FROM project p WHERE p.code = asset.project_code)
    WHERE project_code IN (SELECT code FROM project)`)
  db.exec(`UPDATE household_asset_line SET project_id = (SELECT p.id FROM project p WHERE p.code = household_asset_line.project_code)
    WHERE project_code IN (SELECT code FROM project)`)

  // ── fund documents: what they allocate, plus an unallocated margin on some 2025 documents
  let voucher = 0
  const docIds = new Map<string, number>()
  for (const [key, d] of docs) {
    const allocated = d.alloc.reduce((n, a) => n + a.amount, 0)
    if (allocated === 0) continue
    const margin = d.year === 2025 && r.chance(0.5) ? Math.round((allocated * r.float(0.02, 0.08)) / 10_000) * 10_000 : 0
    const typeName = d.type === 'XJ' ? '财政衔接推进乡村振兴补助资金' : '财政专项扶贫资金'
    const level = d.level
    const info = insDoc.run(d.no, `关于下达${d.year}年${level}${typeName}的通知`, d.date, d.year, level, d.type, '', d.date.slice(0, 4) < String(d.year) ? 1 : 0, allocated + margin, '示例数据')
    const id = Number(info.lastInsertRowid)
    docIds.set(key, id)
    for (const a of d.alloc) insAlloc.run(id, a.project, a.amount, a.date)
  }
  payments.sort((a, b) => a.day - b.day)
  for (const p of payments) {
    const doc = docIds.get(p.doc)
    if (doc === undefined) continue
    voucher++
    insPay.run(p.kind, p.project, doc, isoOf(p.day), p.amount, p.payee, `${p.kind === '拨付' ? '拨' : '支'}${isoOf(p.day).slice(0, 4)}-${String(voucher).padStart(5, '0')}`)
  }
  return count

  // ── helpers (hoisted)

  function finishProject(id: number, status: string) {
    const reached = (action: string) => db.prepare('SELECT date FROM project_transition WHERE project_id = ? AND action = ?').get(id, action) as { date: string } | undefined
    db.prepare('UPDATE project SET status = ?, actual_start = ?, actual_end = ?, acceptance_date = ?, handover_date = ? WHERE id = ?').run(
      status,
      reached('开工')?.date ?? null,
      reached('完工')?.date ?? null,
      reached('验收')?.date ?? null,
      reached('资产移交')?.date ?? null,
      id,
    )
  }

  /** Allocation of the fiscal lines to documents, and 拨付/支出 along the project's dates. */
  function money(id: number, year: number, src: Line[], start: number, accept: number | null, status: string, payee: string) {
    for (const l of src) {
      if ((l.source !== 'XJ' && l.source !== 'ZX') || !l.level || l.amount <= 0) continue
      const d = docFor(l.docNo, l.level, l.source, l.year ?? year)
      const allocDay = Math.max(dayOf(d.date), start - r.int(20, 60))
      d.alloc.push({ project: id, amount: l.amount, date: isoOf(clamp(allocDay)) })
      const key = `${l.docNo}|${l.level}|${l.source}|${l.year ?? year}`
      // how much is paid and spent by now
      const done = accept !== null && accept + 60 <= asOf
      const paidShare = done ? 1 : status === '完工' || status === '验收' ? r.float(0.8, 1) : status === '开工' ? r.float(0.3, 0.75) : r.float(0, 0.2)
      const paid = done ? l.amount : Math.floor((l.amount * paidShare) / 100) * 100
      const spent = done ? paid : Math.floor((paid * r.float(0.5, 0.95)) / 100) * 100
      const from = Math.max(allocDay, start)
      const to = Math.max(from, clamp(Math.min(accept !== null ? accept + 60 : asOf, asOf)))
      const parts = paid > 5_000_000 ? 3 : paid > 0 ? 2 : 0
      let paidSoFar = 0
      let spentSoFar = 0
      for (let i = 0; i < parts; i++) {
        const last = i === parts - 1
        const pay = last ? paid - paidSoFar : Math.floor(paid / parts / 100) * 100
        const payDay = from + Math.round(((to - from) * (i + 0.2)) / parts)
        if (pay > 0) payments.push({ project: id, doc: key, kind: '拨付', day: clamp(payDay), amount: pay, payee })
        paidSoFar += pay
        const sp = last ? spent - spentSoFar : Math.min(Math.floor(spent / parts / 100) * 100, paidSoFar - spentSoFar)
        if (sp > 0) payments.push({ project: id, doc: key, kind: '支出', day: clamp(payDay + r.int(3, 20)), amount: sp, payee })
        spentSoFar += Math.max(sp, 0)
      }
    }
  }
}

