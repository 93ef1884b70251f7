/**
 * Project publicity forms (domain.md §6.7, §3.4): 入库公示, 计划公告 and 竣工公告 of one project, each
 * with the supervision block (公示单位, local 监督举报电话 from org.supervisionPhone and the national
 * 12317, 公示期). Read straight from the project library's tables (migration 004), so they do not
 * depend on the project services' shapes; unavailable in a data file without that migration.
 * The loader takes a set of projects (five statements for any number); project-batch.ts prints
 * the notices of a whole year in one document.
 */
import type { ProjectDetail } from '../api/types/projects'
import { fundSourceTypes } from '../domain/asset-enums'
import { formatChineseDate } from '../domain/dates'
import { AppError, notFound } from '../domain/errors'
import type { ServiceContext } from '../services/context'
import { documentShell, money, type PrintHeader } from './blocks'
import { h, lines, type SafeHtml } from './html'
import type { PrintLayout } from './layouts'
import { fenToChineseUpper } from './money-words'
import type { PageSetup } from './page'
import type { Variant } from './public-view'
import type { PrintTemplateInfo } from './service'

export type ProjectTemplateKey = 'projectEntry' | 'projectPlan' | 'projectCompletion'

export const hasProjects = (ctx: ServiceContext) => !!ctx.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'project'").get()

export function projectTemplates(ctx: ServiceContext): PrintTemplateInfo[] {
  const available = hasProjects(ctx)
  const note = available ? undefined : '项目库尚未建立，暂不能打印项目公告公示。'
  const base = { scopes: ['project' as const, 'projects' as const], paper: 'A4' as const, orientation: 'portrait' as const, variants: false, defaultVariant: '内部版' as const, available, note }
  return [
    { key: 'projectEntry', label: '项目入库公示', ...base },
    { key: 'projectPlan', label: '项目计划公告', ...base },
    { key: 'projectCompletion', label: '项目竣工公告', ...base },
  ]
}

/** The columns it shares with the project page's record, plus its own text forms of 村 and 受益对象. */
export interface ProjectRecord
  extends Pick<
    ProjectDetail,
    | 'id' | 'code' | 'name' | 'year' | 'typeName' | 'subtype'
    | 'nature' | 'townName' | 'content' | 'subsidyStandard' | 'totalInvestmentFen' | 'sectorDept'
    | 'implUnit' | 'responsiblePerson' | 'beneficiaryVillages' | 'beneficiaryHouseholds' | 'beneficiaryPersons' | 'poorHouseholds'
    | 'poorPersons' | 'monitorHouseholds' | 'monitorPersons' | 'jobs' | 'linkMechanism' | 'performanceGoal'
    | 'planStart' | 'planEnd' | 'actualStart' | 'actualEnd' | 'acceptanceDate' | 'libraryDocNo'
    | 'planDocNo'
  > {
  villageNames: string
  beneficiaryTargets: string
  settledAmount: number | null
  auditedAmount: number | null
}

/** The project columns every notice reads; `p` is the project, `t` its 乡镇 (see projectFrom). */
export const projectColumns = `p.id, p.code, p.name, p.year, coalesce(pt.name, p.type_code) AS typeName, p.subtype, p.nature, t.name AS townName,
  coalesce((SELECT group_concat(v.name, '、') FROM project_village pv JOIN region v ON v.code = pv.village_code WHERE pv.project_id = p.id), '') AS villageNames,
  p.content, p.subsidy_standard AS subsidyStandard, p.total_investment AS totalInvestmentFen, p.sector_dept AS sectorDept,
  p.impl_unit AS implUnit, p.responsible_person AS responsiblePerson, p.beneficiary_targets AS beneficiaryTargets,
  p.beneficiary_villages AS beneficiaryVillages, p.beneficiary_households AS beneficiaryHouseholds, p.beneficiary_persons AS beneficiaryPersons,
  p.poor_households AS poorHouseholds, p.poor_persons AS poorPersons, p.monitor_households AS monitorHouseholds,
  p.monitor_persons AS monitorPersons, p.jobs, p.link_mechanism AS linkMechanism, p.performance_goal AS performanceGoal,
  p.plan_start AS planStart, p.plan_end AS planEnd, p.actual_start AS actualStart, p.actual_end AS actualEnd,
  p.acceptance_date AS acceptanceDate, p.library_doc_no AS libraryDocNo, p.plan_doc_no AS planDocNo,
  p.settled_amount AS settledAmount, p.audited_amount AS auditedAmount`
export const projectFrom = 'project p LEFT JOIN project_type pt ON pt.code = p.type_code LEFT JOIN region t ON t.code = p.town_code'

type FundSource = { sourceType: string; level: string | null; amountFen: number }
type Publicity = { stage: string; startDate: string; endDate: string; place: string }

/** What one notice needs: the project, its fund sources, money paid/spent/allocated, its publicity records. */
export interface NoticeData {
  p: ProjectRecord
  sources: FundSource[]
  paid: { paidFen: number; spentFen: number }
  allocated: number
  publicity: Publicity[]
}

/**
 * The notice data of several projects at once: `idsSql` is a subquery giving the project ids
 * (with its `params`), so a batch costs five statements whatever its size. In the order of `projects`.
 */
export function loadNoticeData(ctx: ServiceContext, projects: ProjectRecord[], idsSql: string, params: Record<string, unknown>): NoticeData[] {
  const group = <T extends { projectId: number }>(rows: T[]) => {
    const out = new Map<number, T[]>()
    for (const r of rows) {
      const list = out.get(r.projectId)
      if (list) list.push(r)
      else out.set(r.projectId, [r])
    }
    return out
  }
  const sources = group(
    ctx.db
      .prepare(`SELECT project_id AS projectId, source_type AS sourceType, level, amount AS amountFen FROM project_fund_source WHERE project_id IN (${idsSql}) ORDER BY project_id, id`)
      .all(params) as (FundSource & { projectId: number })[],
  )
  const paid = new Map(
    (
      ctx.db
        .prepare(
          `SELECT project_id AS projectId, coalesce(sum(CASE WHEN kind = '拨付' THEN amount END), 0) AS paidFen, coalesce(sum(CASE WHEN kind = '支出' THEN amount END), 0) AS spentFen
           FROM fund_payment WHERE project_id IN (${idsSql}) GROUP BY project_id`,
        )
        .all(params) as { projectId: number; paidFen: number; spentFen: number }[]
    ).map((r) => [r.projectId, { paidFen: r.paidFen, spentFen: r.spentFen }]),
  )
  const allocated = new Map(
    (ctx.db.prepare(`SELECT project_id AS projectId, sum(amount) AS n FROM fund_allocation WHERE project_id IN (${idsSql}) GROUP BY project_id`).all(params) as { projectId: number; n: number }[]).map(
      (r) => [r.projectId, r.n],
    ),
  )
  const publicity = group(
    ctx.db
      .prepare(`SELECT project_id AS projectId, stage, start_date AS startDate, end_date AS endDate, place FROM project_publicity WHERE project_id IN (${idsSql}) ORDER BY project_id, start_date DESC, id DESC`)
      .all(params) as (Publicity & { projectId: number })[],
  )
  const strip = <T extends { projectId: number }>(rows: T[] | undefined) => (rows ?? []).map(({ projectId: _, ...rest }) => rest)
  return projects.map((p) => ({
    p,
    sources: strip(sources.get(p.id)),
    paid: paid.get(p.id) ?? { paidFen: 0, spentFen: 0 },
    allocated: allocated.get(p.id) ?? 0,
    publicity: strip(publicity.get(p.id)),
  }))
}

function loadProject(ctx: ServiceContext, id: number): NoticeData {
  const p = ctx.db.prepare(`SELECT ${projectColumns} FROM ${projectFrom} WHERE p.id = ?`).get(id) as ProjectRecord | undefined
  if (!p) throw notFound('项目', id)
  return loadNoticeData(ctx, [p], '@id', { id })[0]
}

const names = Object.fromEntries(fundSourceTypes.map((t) => [t.code, t.name]))
const d = (iso: string | null | undefined) => (iso ? formatChineseDate(iso) : '＿＿年＿＿月＿＿日')
const place = (p: ProjectRecord) => `${p.townName}${p.villageNames ? ` ${p.villageNames}` : ''}`
const targets = (json: string) => {
  try {
    return (JSON.parse(json) as string[]).join('、')
  } catch {
    return ''
  }
}

function fundText(sources: FundSource[]) {
  return sources.map((s) => `${names[s.sourceType] ?? s.sourceType}${s.level ? `（${s.level}）` : ''}${money(s.amountFen)}元`).join('；')
}

function beneficiaries(p: ProjectRecord) {
  const parts = [`受益${p.beneficiaryHouseholds}户${p.beneficiaryPersons}人`, `其中脱贫户${p.poorHouseholds}户${p.poorPersons}人`, `监测对象${p.monitorHouseholds}户${p.monitorPersons}人`]
  if (p.beneficiaryVillages) parts.unshift(`受益村${p.beneficiaryVillages}个`)
  if (p.jobs) parts.push(`带动就业${p.jobs}人`)
  return parts.join('，')
}

/** 公示单位, 监督举报电话 (local + 12317), 通讯地址, 公示期, as every notice carries it (§3.4). */
function supervisionBlock(layout: PrintLayout, header: PrintHeader, period: { startDate: string; endDate: string } | null, sector: string) {
  const phones = [header.supervisionPhone ? `${header.supervisionPhone}（本地）` : '', `${layout.nationalHotline}（全国农业农村系统）`].filter(Boolean).join('、')
  return h`<div class="supervision">
  <div>公示期：${period ? `${d(period.startDate)}至${d(period.endDate)}` : '＿＿年＿＿月＿＿日至＿＿年＿＿月＿＿日'}。公示期内如有异议，请向公示单位或监督单位反映。</div>
  <div>监督单位：${sector || header.unitName}　　监督举报电话：${phones}</div>
  <div>通讯地址：＿＿＿＿＿＿＿＿＿＿＿＿　　电子邮箱：＿＿＿＿＿＿＿＿＿＿</div>
</div>`
}

function issuer(header: PrintHeader) {
  return h`<div class="issuer"><div>公示单位（盖章）：${header.unitName}</div><div>${d(header.date)}</div></div>`
}

const row = (label: string, value: unknown) => h`<tr><td class="label">${label}</td><td>${value as string}</td></tr>`

export const noticeKinds: Record<ProjectTemplateKey, string> = { projectEntry: '入库公示', projectPlan: '计划公告', projectCompletion: '竣工公告' }

/** The CSS the notices add to the base print CSS. */
export const noticeCss = `table.grid.notice td.label { width: 36mm; } table.grid.notice td { padding: 1.6mm 2mm; } .doc-title { line-height: 1.35; margin-bottom: 4mm; }
    .issuer { margin-top: 8mm; text-align: right; line-height: 2; } .supervision div { margin: 0.6mm 0; }`

/** One project's notice as a `<section>` (a batch gives each its own page with the class `page`). */
export function noticeSection(template: ProjectTemplateKey, data: NoticeData, layout: PrintLayout, header: PrintHeader, sectionClass = ''): SafeHtml {
  const { p, sources, paid, allocated, publicity } = data
  const stage = (list: string[]) => publicity.find((x) => list.includes(x.stage)) ?? null
  const invest = h`${money(p.totalInvestmentFen)}元（大写：<span class="upper">${fenToChineseUpper(p.totalInvestmentFen)}</span>）`
  const kind = noticeKinds[template]
  let intro: SafeHtml
  let table: SafeHtml
  let period: { startDate: string; endDate: string } | null
  if (template === 'projectEntry') {
    period = stage(['县级入库', '乡镇审核', '村级申报'])
    intro = h`<p class="clause">根据巩固拓展脱贫攻坚成果和乡村振兴项目库管理有关规定，现将以下拟入库项目予以公示，接受社会监督。</p>`
    table = h`<table class="grid form notice">
  ${row('项目名称', p.name)}${row('项目编号', p.code)}
  ${row('项目类型', [p.typeName, p.subtype].filter(Boolean).join(' / '))}${row('建设性质', p.nature)}
  ${row('实施地点', place(p))}${row('建设内容及规模', lines(p.content))}
  ${row('资金规模', invest)}${row('资金来源', fundText(sources))}
  ${row('补助标准', p.subsidyStandard)}${row('受益对象', `${targets(p.beneficiaryTargets)}${targets(p.beneficiaryTargets) ? '；' : ''}${beneficiaries(p)}`)}
  ${row('联农带农机制', lines(p.linkMechanism))}${row('绩效目标', lines(p.performanceGoal))}
  ${row('实施期限', `${d(p.planStart)}至${d(p.planEnd)}`)}${row('责任单位', [p.implUnit, p.sectorDept].filter(Boolean).join('、'))}
</table>`
  } else if (template === 'projectPlan') {
    period = stage(['年度计划', '实施方案'])
    intro = h`<p class="clause">${p.year}年度巩固拓展脱贫攻坚成果和乡村振兴项目计划${p.planDocNo ? `（${p.planDocNo}）` : ''}已下达，现将项目实施计划公告如下：</p>`
    table = h`<table class="grid form notice">
  ${row('项目名称', p.name)}${row('项目地点', place(p))}${row('建设性质', p.nature)}
  ${row('主要建设内容', lines(p.content))}${row('实施时间', `${d(p.planStart)}至${d(p.planEnd)}`)}
  ${row('投资规模', invest)}${row('资金来源', fundText(sources))}
  ${row('建设单位', p.implUnit)}${row('预期受益', beneficiaries(p))}${row('联农带农机制', lines(p.linkMechanism))}
  ${row('监管单位', p.sectorDept)}
</table>`
  } else {
    period = stage(['竣工'])
    intro = h`<p class="clause">以下项目已完工${p.acceptanceDate ? '并通过验收' : ''}，现将项目实施及资金使用情况公告如下：</p>`
    const settled = p.auditedAmount ?? p.settledAmount
    table = h`<table class="grid form notice">
  ${row('项目名称', p.name)}${row('项目地点', place(p))}${row('建设内容', lines(p.content))}
  ${row('开工时间', d(p.actualStart))}${row('完工时间', d(p.actualEnd))}${row('验收时间', d(p.acceptanceDate))}
  ${row('计划投资', invest)}${row('资金来源', fundText(sources))}
  ${row('下达资金', `${money(allocated)}元`)}${row('已拨付资金', `${money(paid.paidFen)}元`)}${row('已支出资金', `${money(paid.spentFen)}元（大写：${fenToChineseUpper(paid.spentFen)}）`)}
  ${row('决算（审计）金额', settled == null ? '' : `${money(settled)}元`)}
  ${row('建设单位', p.implUnit)}${row('受益情况', beneficiaries(p))}
</table>`
  }
  return h`<section class="${sectionClass}">
  <h1 class="doc-title">${p.name}<br>${kind}</h1>
  ${intro}${table}
  ${supervisionBlock(layout, header, period, p.sectorDept)}
  ${issuer(header)}
</section>`
}

export function renderProjectForm(
  ctx: ServiceContext,
  template: ProjectTemplateKey,
  projectId: number,
  layout: PrintLayout,
  _variant: Variant,
  setup: PageSetup,
  header: PrintHeader,
): { html: string; title: string } {
  if (!hasProjects(ctx)) throw new AppError('NOT_AVAILABLE', '项目库尚未建立，暂不能打印项目公告公示。')
  const data = loadProject(ctx, projectId)
  const title = `${data.p.name}${noticeKinds[template]}`
  return { title, html: documentShell(title, setup, noticeSection(template, data, layout, header), noticeCss) }
}
