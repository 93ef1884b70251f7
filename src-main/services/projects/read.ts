import type { z } from 'zod'
import type { projectChannels } from '../../api/channels/projects'
import type { FundSourceLine } from '../../api/types/assets'
import type {
  AdjustmentRecord,
  AllocationRecord,
  IndicatorRecord,
  PaymentRecord,
  ProjectDetail,
  ProjectFilterOptions,
  ProjectRow,
  ProjectTransitionRecord,
  ProjectTypeEntry,
  PublicityRecord,
  RegionRef,
} from '../../api/types/projects'
import { todayIso } from '../../domain/dates'
import { notFound } from '../../domain/errors'
import { allowedActions, publicityDays } from '../../domain/project-lifecycle'
import { isBehind, milestoneTargetPct, rate } from '../../domain/project-money'
import type { Milestone } from '../../domain/settings-catalog'
import { collector } from '../../domain/severity'
import type { ServiceContext } from '../context'
import { getSetting } from '../settings'
import { equalsWhere } from '../where'

type ListInput = z.output<(typeof projectChannels)['projects.list']['input']>

interface TypeRow {
  code: string
  name: string
  valid_from_year: number
  valid_to_year: number | null
  is_industry: number
  is_management_fee: number
  forms_asset: '是' | '否' | '视情况'
  subtypes_json: string
  sort: number
}

const toType = (r: TypeRow): ProjectTypeEntry => ({
  code: r.code,
  name: r.name,
  validFromYear: r.valid_from_year,
  validToYear: r.valid_to_year,
  isIndustry: r.is_industry === 1,
  isManagementFee: r.is_management_fee === 1,
  formsAsset: r.forms_asset,
  subtypes: JSON.parse(r.subtypes_json) as string[],
  sort: r.sort,
})

/** The project types; with a year, only those valid in it (old classifications for 2016–2020). */
export function listProjectTypes(ctx: ServiceContext, year?: number): ProjectTypeEntry[] {
  const rows = (
    year === undefined
      ? ctx.db.prepare('SELECT * FROM project_type ORDER BY sort, code').all()
      : ctx.db
          .prepare('SELECT * FROM project_type WHERE valid_from_year <= ? AND (valid_to_year IS NULL OR valid_to_year >= ?) ORDER BY sort, code')
          .all(year, year)
  ) as TypeRow[]
  return rows.map(toType)
}

export function getProjectType(ctx: ServiceContext, code: string): ProjectTypeEntry | null {
  const row = ctx.db.prepare('SELECT * FROM project_type WHERE code = ?').get(code) as TypeRow | undefined
  return row ? toType(row) : null
}

/** Milestone target percent for money of `year` on `date` (setting funds.milestones). */
export function targetPct(ctx: ServiceContext, year: number, date: string): number | null {
  return milestoneTargetPct(getSetting<Milestone[]>(ctx, 'funds.milestones'), year, date)
}

/** Per-project money sums as SQL columns on `p` (project alias). */
export const projectMoneyColumns = `
  (SELECT coalesce(sum(amount), 0) FROM fund_allocation fa WHERE fa.project_id = p.id) AS allocatedFen,
  (SELECT coalesce(sum(amount), 0) FROM fund_payment fp WHERE fp.project_id = p.id AND fp.kind = '拨付') AS paidFen,
  (SELECT coalesce(sum(amount), 0) FROM fund_payment fp WHERE fp.project_id = p.id AND fp.kind = '支出') AS spentFen`

/** Statuses in which spending is expected (in the plan and not stopped). */
export const spendingStatuses = `('纳入年度计划', '开工', '完工', '验收', '资产移交', '绩效评价', '归档')`

const rowSelect = `
  SELECT p.id, p.code, p.name, p.year, p.type_code AS typeCode, coalesce(pt.name, p.type_code) AS typeName, p.subtype,
    p.town_code AS townCode, t.name AS townName,
    (SELECT group_concat(r.name, '、') FROM project_village pv JOIN region r ON r.code = pv.village_code WHERE pv.project_id = p.id) AS villageNames,
    p.sector_dept AS sectorDept, p.impl_unit AS implUnit, p.status, p.total_investment AS totalInvestmentFen,
    ${projectMoneyColumns},
    p.forms_asset AS formsAsset,
    (SELECT count(*) FROM asset a WHERE a.project_id = p.id) AS assetCount,
    (SELECT count(*) FROM household_asset_line l WHERE l.project_id = p.id) AS householdLineCount,
    p.plan_start AS planStart, p.plan_end AS planEnd, p.actual_start AS actualStart, p.actual_end AS actualEnd,
    p.acceptance_date AS acceptanceDate
  FROM project p
  LEFT JOIN project_type pt ON pt.code = p.type_code
  LEFT JOIN region t ON t.code = p.town_code`

type RawRow = Omit<ProjectRow, 'villageNames' | 'formsAsset' | 'paymentRate' | 'expenditureRate' | 'behind'> & { villageNames: string | null; formsAsset: number }

function toRow(ctx: ServiceContext, r: RawRow, today: string): ProjectRow {
  const pct = targetPct(ctx, r.year, today)
  return {
    ...r,
    villageNames: r.villageNames ? r.villageNames.split('、') : [],
    formsAsset: r.formsAsset === 1,
    paymentRate: rate(r.paidFen, r.allocatedFen),
    expenditureRate: rate(r.spentFen, r.allocatedFen),
    behind: spendingList.includes(r.status) && isBehind(r.spentFen, r.allocatedFen, pct),
  }
}
const spendingList = ['纳入年度计划', '开工', '完工', '验收', '资产移交', '绩效评价', '归档']

/** WHERE clause and parameters of the project filters (shared by list, board and exports). */
export function projectWhere(
  input: { year?: number; townCode?: string; villageCode?: string; typeCode?: string; sectorDept?: string; status?: string; statuses?: string[]; formsAsset?: boolean; ids?: number[]; q?: string },
  alias = 'p',
): { sql: string; params: Record<string, unknown> } {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (input.year !== undefined) {
    where.push(`${alias}.year = @year`)
    params.year = input.year
  }
  if (input.townCode) {
    where.push(`${alias}.town_code = @townCode`)
    params.townCode = input.townCode
  }
  if (input.villageCode) {
    where.push(`EXISTS (SELECT 1 FROM project_village pv2 WHERE pv2.project_id = ${alias}.id AND pv2.village_code = @villageCode)`)
    params.villageCode = input.villageCode
  }
  if (input.typeCode) {
    where.push(`${alias}.type_code = @typeCode`)
    params.typeCode = input.typeCode
  }
  if (input.sectorDept) {
    where.push(`${alias}.sector_dept = @sectorDept`)
    params.sectorDept = input.sectorDept
  }
  if (input.status) {
    where.push(`${alias}.status = @status`)
    params.status = input.status
  }
  if (input.statuses?.length) {
    where.push(`${alias}.status IN (${input.statuses.map((_, i) => `@st${i}`).join(', ')})`)
    input.statuses.forEach((s, i) => (params[`st${i}`] = s))
  }
  if (input.formsAsset !== undefined) {
    where.push(`${alias}.forms_asset = @formsAsset`)
    params.formsAsset = input.formsAsset ? 1 : 0
  }
  if (input.ids) {
    where.push(input.ids.length ? `${alias}.id IN (${input.ids.map((n) => Number(n)).join(', ')})` : '0')
  }
  if (input.q) {
    where.push(`(${alias}.search_key LIKE @q OR ${alias}.code LIKE @q OR ${alias}.impl_unit LIKE @q OR ${alias}.content LIKE @q)`)
    params.q = `%${input.q.toLowerCase()}%`
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params }
}

const sortColumns: Record<ListInput['sort'], string> = {
  code: 'code',
  name: 'name',
  year: 'year',
  townName: 'townName',
  status: 'status',
  totalInvestmentFen: 'totalInvestmentFen',
  allocatedFen: 'allocatedFen',
  expenditureRate: 'CASE WHEN allocatedFen = 0 THEN NULL ELSE spentFen * 1.0 / allocatedFen END',
}

export function listProjects(ctx: ServiceContext, input: ListInput) {
  const today = todayIso()
  const { sql, params } = projectWhere(input)
  const base = `SELECT * FROM (${rowSelect} ${sql})`
  let rows = ctx.db.prepare(`${base} ORDER BY ${sortColumns[input.sort]} ${input.order === 'desc' ? 'DESC' : 'ASC'}, code`).all(params) as RawRow[]
  let mapped = rows.map((r) => toRow(ctx, r, today))
  if (input.behind !== undefined) mapped = mapped.filter((r) => r.behind === input.behind)
  rows = []
  const totals = mapped.reduce(
    (t, r) => ({
      totalInvestmentFen: t.totalInvestmentFen + r.totalInvestmentFen,
      allocatedFen: t.allocatedFen + r.allocatedFen,
      paidFen: t.paidFen + r.paidFen,
      spentFen: t.spentFen + r.spentFen,
    }),
    { totalInvestmentFen: 0, allocatedFen: 0, paidFen: 0, spentFen: 0 },
  )
  const start = (input.page - 1) * input.pageSize
  return { rows: mapped.slice(start, start + input.pageSize), total: mapped.length, totals }
}

export function filterOptions(ctx: ServiceContext): ProjectFilterOptions {
  const col = (sql: string) => (ctx.db.prepare(sql).all() as { v: string | number }[]).map((r) => r.v)
  return {
    years: col('SELECT DISTINCT year AS v FROM project ORDER BY year DESC') as number[],
    sectorDepts: col("SELECT DISTINCT sector_dept AS v FROM project WHERE sector_dept <> '' ORDER BY sector_dept") as string[],
    implUnits: col("SELECT DISTINCT impl_unit AS v FROM project WHERE impl_unit <> '' ORDER BY impl_unit") as string[],
  }
}

interface ProjectDbRow {
  [k: string]: unknown
  id: number
  code: string
  name: string
  year: number
  status: string
  type_code: string
  forms_asset: number
  link_mechanism: string
  total_investment: number
}

export function getProjectRow(ctx: ServiceContext, id: number): ProjectDbRow {
  const row = ctx.db.prepare('SELECT * FROM project WHERE id = ?').get(id) as ProjectDbRow | undefined
  if (!row) throw notFound('项目', id)
  return row
}

export function projectVillages(ctx: ServiceContext, id: number): RegionRef[] {
  return (
    ctx.db
      .prepare(
        `SELECT r.code, r.name, r.is_former_poor_village AS poor FROM project_village pv JOIN region r ON r.code = pv.village_code
         WHERE pv.project_id = ? ORDER BY r.sort, r.code`,
      )
      .all(id) as { code: string; name: string; poor: number }[]
  ).map((r) => ({ code: r.code, name: r.name, isFormerPoor: r.poor === 1 }))
}

export function projectFundSources(ctx: ServiceContext, id: number): FundSourceLine[] {
  return (
    ctx.db
      .prepare(
        `SELECT id, source_type AS sourceType, level, task_line AS taskLine, integrated, amount AS amountFen, doc_no AS docNo, fund_year AS fundYear, note
         FROM project_fund_source WHERE project_id = ? ORDER BY id`,
      )
      .all(id) as (Omit<FundSourceLine, 'integrated'> & { integrated: number })[]
  ).map((r) => ({ ...r, integrated: r.integrated === 1 }))
}

export function listPublicity(ctx: ServiceContext, projectId: number): PublicityRecord[] {
  const minDays = getSetting<number>(ctx, 'publicity.projectMinDays')
  return (
    ctx.db
      .prepare(
        `SELECT id, project_id AS projectId, stage, start_date AS startDate, end_date AS endDate, place, objections, note
         FROM project_publicity WHERE project_id = ? ORDER BY start_date, id`,
      )
      .all(projectId) as Omit<PublicityRecord, 'days' | 'tooShort'>[]
  ).map((p) => {
    const days = publicityDays(p.startDate, p.endDate)
    // 长期公开 and 调整 stages have no minimum here; performance targets have their own rule.
    const measured = !['年度计划', '实施方案', '竣工', '绩效目标'].includes(p.stage)
    return { ...p, days, tooShort: measured && days < minDays }
  })
}

export function listAdjustments(ctx: ServiceContext, projectId: number): AdjustmentRecord[] {
  return (
    ctx.db
      .prepare(
        `SELECT id, project_id AS projectId, change_type AS changeType, before_json, after_json, approval_org AS approvalOrg,
           approval_doc_no AS approvalDocNo, approval_date AS approvalDate, reason, user, created_at AS createdAt
         FROM project_adjustment WHERE project_id = ? ORDER BY id`,
      )
      .all(projectId) as (Omit<AdjustmentRecord, 'before' | 'after' | 'labels'> & { before_json: string; after_json: string })[]
  ).map(({ before_json, after_json, ...r }) => {
    const after = JSON.parse(after_json) as { values: Record<string, unknown>; labels: Record<string, string> }
    return { ...r, before: JSON.parse(before_json) as Record<string, unknown>, after: after.values, labels: after.labels }
  })
}

export function listIndicators(ctx: ServiceContext, projectId: number): IndicatorRecord[] {
  return ctx.db
    .prepare(
      `SELECT id, level1, level2, name, operator, target_value AS targetValue, unit, actual_value AS actualValue, weight, score
       FROM project_indicator WHERE project_id = ? ORDER BY sort, id`,
    )
    .all(projectId) as IndicatorRecord[]
}

export function listTransitions(ctx: ServiceContext, projectId: number): ProjectTransitionRecord[] {
  return ctx.db
    .prepare(
      `SELECT id, action, from_status AS fromStatus, to_status AS toStatus, date, doc_no AS docNo, actor, note, user, created_at AS createdAt
       FROM project_transition WHERE project_id = ? ORDER BY id`,
    )
    .all(projectId) as ProjectTransitionRecord[]
}

export function listAllocations(ctx: ServiceContext, input: { projectId?: number; fundDocId?: number }): AllocationRecord[] {
  const { clause, params } = equalsWhere([
    ['a.project_id', input.projectId],
    ['a.fund_doc_id', input.fundDocId],
  ])
  return ctx.db
    .prepare(
      `SELECT a.id, a.fund_doc_id AS fundDocId, d.doc_no AS docNo, d.level AS docLevel, a.project_id AS projectId, p.code AS projectCode,
         p.name AS projectName, a.amount AS amountFen, a.alloc_date AS allocDate, a.note
       FROM fund_allocation a JOIN fund_doc d ON d.id = a.fund_doc_id JOIN project p ON p.id = a.project_id
       ${clause} ORDER BY a.id`,
    )
    .all(...params) as AllocationRecord[]
}

export function listEntries(
  ctx: ServiceContext,
  input: { kind?: '拨付' | '支出'; projectId?: number; fundDocId?: number; year?: number; page: number; pageSize: number },
): { rows: PaymentRecord[]; total: number } {
  const { clause, params } = equalsWhere([
    ['f.kind', input.kind],
    ['f.project_id', input.projectId],
    ['f.fund_doc_id', input.fundDocId],
    ['p.year', input.year],
  ])
  const from = 'FROM fund_payment f JOIN project p ON p.id = f.project_id LEFT JOIN fund_doc d ON d.id = f.fund_doc_id'
  const total = (ctx.db.prepare(`SELECT count(*) AS n ${from} ${clause}`).get(...params) as { n: number }).n
  const rows = ctx.db
    .prepare(
      `SELECT f.id, f.kind, f.project_id AS projectId, p.code AS projectCode, p.name AS projectName, f.fund_doc_id AS fundDocId, d.doc_no AS docNo,
         f.date, f.amount AS amountFen, f.payee, f.voucher_no AS voucherNo, f.note
       ${from} ${clause} ORDER BY f.date, f.id LIMIT ? OFFSET ?`,
    )
    .all(...params, input.pageSize, (input.page - 1) * input.pageSize) as PaymentRecord[]
  return { rows, total }
}

/** Σ allocated / paid / spent of one project. */
export function projectFlow(ctx: ServiceContext, id: number) {
  return ctx.db
    .prepare(
      `SELECT (SELECT coalesce(sum(amount), 0) FROM fund_allocation WHERE project_id = @id) AS allocatedFen,
        (SELECT coalesce(sum(amount), 0) FROM fund_payment WHERE project_id = @id AND kind = '拨付') AS paidFen,
        (SELECT coalesce(sum(amount), 0) FROM fund_payment WHERE project_id = @id AND kind = '支出') AS spentFen`,
    )
    .get({ id }) as { allocatedFen: number; paidFen: number; spentFen: number }
}

export function getProjectDetail(ctx: ServiceContext, id: number): ProjectDetail {
  const p = getProjectRow(ctx, id)
  const today = todayIso()
  const type = ctx.db.prepare('SELECT name FROM project_type WHERE code = ?').get(p.type_code) as { name: string } | undefined
  const town = ctx.db.prepare('SELECT name FROM region WHERE code = ?').get(p.town_code) as { name: string } | undefined
  const flow = projectFlow(ctx, id)
  const pct = targetPct(ctx, p.year, today)
  const publicity = listPublicity(ctx, id)
  const s = (k: string) => p[k] as string
  const n = (k: string) => p[k] as number
  const c = collector()
  for (const pub of publicity) {
    if (pub.tooShort) c.warning({ field: 'publicity', label: `公示·${pub.stage}` }, `公示 ${pub.days} 天，少于规定的 ${getSetting<number>(ctx, 'publicity.projectMinDays')} 天`)
  }
  if (p.plan_start && p.plan_end && s('plan_start') > s('plan_end')) c.error({ field: 'planEnd', label: '计划完工时间' }, '早于计划开工时间')
  if (flow.paidFen > flow.allocatedFen) c.error({ field: 'money', label: '资金' }, '已拨付超过已分配')
  const behind = spendingList.includes(p.status) && isBehind(flow.spentFen, flow.allocatedFen, pct)
  if (behind) c.info({ field: 'money', label: '支出进度' }, `支出率低于进度目标 ${pct}%`)
  return {
    id,
    code: p.code,
    externalCode: p.external_code as string | null,
    name: p.name,
    year: p.year,
    libraryYear: n('library_year'),
    batch: s('batch'),
    typeCode: p.type_code,
    typeName: type?.name ?? p.type_code,
    subtype: s('subtype'),
    nature: s('nature'),
    townCode: s('town_code'),
    townName: town?.name ?? '',
    villages: projectVillages(ctx, id),
    content: s('content'),
    subsidyStandard: s('subsidy_standard'),
    totalInvestmentFen: p.total_investment,
    fundSources: projectFundSources(ctx, id),
    sectorDept: s('sector_dept'),
    implUnit: s('impl_unit'),
    responsiblePerson: s('responsible_person'),
    responsiblePhone: s('responsible_phone'),
    beneficiaryTargets: JSON.parse(s('beneficiary_targets')) as string[],
    beneficiaryVillages: n('beneficiary_villages'),
    beneficiaryPoorVillages: n('beneficiary_poor_villages'),
    beneficiaryHouseholds: n('beneficiary_households'),
    beneficiaryPersons: n('beneficiary_persons'),
    poorHouseholds: n('poor_households'),
    poorPersons: n('poor_persons'),
    monitorHouseholds: n('monitor_households'),
    monitorPersons: n('monitor_persons'),
    jobs: p.jobs as number | null,
    linkMechanism: p.link_mechanism,
    performanceGoal: s('performance_goal'),
    planStart: p.plan_start as string | null,
    planEnd: p.plan_end as string | null,
    formsAsset: p.forms_asset === 1,
    expectedAssetClass: s('expected_asset_class'),
    expectedOwner: s('expected_owner'),
    landUse: s('land_use'),
    necessity: s('necessity'),
    opinionCollectedDate: p.opinion_collected_date as string | null,
    villagerMeetingDate: p.villager_meeting_date as string | null,
    settledAmountFen: p.settled_amount as number | null,
    auditedAmountFen: p.audited_amount as number | null,
    remarks: s('remarks'),
    status: p.status,
    libraryDocNo: s('library_doc_no'),
    planDocNo: s('plan_doc_no'),
    actualStart: p.actual_start as string | null,
    actualEnd: p.actual_end as string | null,
    acceptanceDate: p.acceptance_date as string | null,
    handoverDate: p.handover_date as string | null,
    createdAt: s('created_at'),
    updatedAt: s('updated_at'),
    allowedActions: allowedActions(p.status, p.forms_asset === 1),
    transitions: listTransitions(ctx, id),
    publicity,
    adjustments: listAdjustments(ctx, id),
    indicators: listIndicators(ctx, id),
    money: {
      issuedFen: flow.allocatedFen,
      allocatedFen: flow.allocatedFen,
      paidFen: flow.paidFen,
      spentFen: flow.spentFen,
      allocationRate: rate(flow.allocatedFen, flow.allocatedFen),
      paymentRate: rate(flow.paidFen, flow.allocatedFen),
      expenditureRate: rate(flow.spentFen, flow.allocatedFen),
    },
    milestone: { asOf: today, targetRate: pct === null ? null : pct / 100, actualRate: rate(flow.spentFen, flow.allocatedFen), behind },
    allocations: listAllocations(ctx, { projectId: id }),
    payments: listEntries(ctx, { kind: '拨付', projectId: id, page: 1, pageSize: 1000 }).rows,
    expenditures: listEntries(ctx, { kind: '支出', projectId: id, page: 1, pageSize: 1000 }).rows,
    assets: ctx.db
      .prepare('SELECT id, code, name, class, original_value AS originalValueFen, status FROM asset WHERE project_id = ? ORDER BY code')
      .all(id) as ProjectDetail['assets'],
    householdLines: ctx.db
      .prepare('SELECT count(*) AS count, coalesce(sum(amount), 0) AS amountFen FROM household_asset_line WHERE project_id = ?')
      .get(id) as { count: number; amountFen: number },
    findings: c.findings(),
  }
}
