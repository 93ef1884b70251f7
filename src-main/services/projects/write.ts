import type { z } from 'zod'
import type { projectChannels, projectInput } from '../../api/channels/projects'
import type { IndicatorRecord, SaveResult } from '../../api/types/projects'
import { fundSourceTypes } from '../../domain/asset-enums'
import { todayIso } from '../../domain/dates'
import { AppError } from '../../domain/errors'
import { formatFen } from '../../domain/money'
import type { ProjectAction } from '../../domain/project-enums'
import { checkTransition, publicityDays } from '../../domain/project-lifecycle'
import { collector, type Collector, type FieldRef } from '../../domain/severity'
import { recordAudit } from '../audit'
import type { ServiceContext } from '../context'
import { enforceFindings } from '../findings'
import { searchKey } from '../search'
import { getSetting } from '../settings'
import { getProjectDetail, getProjectRow, getProjectType, listIndicators, listPublicity, projectFlow } from './read'

export type ProjectInput = z.output<typeof projectInput>
type Ch<C extends keyof typeof projectChannels> = z.output<(typeof projectChannels)[C]['input']>

const at = (field: string, label: string): FieldRef => ({ field, label })
const yuan = (fen: number) => `${formatFen(fen, '元')} 元`

/** Input field → column and Chinese label; the order is the form's. */
export const projectFields: Record<Exclude<keyof ProjectInput, 'acceptWarnings' | 'code' | 'villageCodes' | 'fundSources'>, { col: string; label: string }> = {
  externalCode: { col: 'external_code', label: '系统项目编号' },
  name: { col: 'name', label: '项目名称' },
  year: { col: 'year', label: '实施年度' },
  libraryYear: { col: 'library_year', label: '入库年度' },
  batch: { col: 'batch', label: '入库批次' },
  typeCode: { col: 'type_code', label: '项目类型' },
  subtype: { col: 'subtype', label: '二级类型' },
  nature: { col: 'nature', label: '建设性质' },
  townCode: { col: 'town_code', label: '实施乡镇（苏木）' },
  content: { col: 'content', label: '建设内容及规模' },
  subsidyStandard: { col: 'subsidy_standard', label: '补助标准' },
  totalInvestmentFen: { col: 'total_investment', label: '项目总投资' },
  sectorDept: { col: 'sector_dept', label: '行业主管部门' },
  implUnit: { col: 'impl_unit', label: '项目实施单位' },
  responsiblePerson: { col: 'responsible_person', label: '项目责任人' },
  responsiblePhone: { col: 'responsible_phone', label: '责任人电话' },
  beneficiaryTargets: { col: 'beneficiary_targets', label: '受益对象' },
  beneficiaryVillages: { col: 'beneficiary_villages', label: '受益村数' },
  beneficiaryPoorVillages: { col: 'beneficiary_poor_villages', label: '其中脱贫村数' },
  beneficiaryHouseholds: { col: 'beneficiary_households', label: '受益户数' },
  beneficiaryPersons: { col: 'beneficiary_persons', label: '受益人数' },
  poorHouseholds: { col: 'poor_households', label: '其中脱贫户户数' },
  poorPersons: { col: 'poor_persons', label: '其中脱贫人口' },
  monitorHouseholds: { col: 'monitor_households', label: '其中监测户户数' },
  monitorPersons: { col: 'monitor_persons', label: '其中监测人口' },
  jobs: { col: 'jobs', label: '吸纳就业数' },
  linkMechanism: { col: 'link_mechanism', label: '联农带农机制' },
  performanceGoal: { col: 'performance_goal', label: '年度绩效总体目标' },
  planStart: { col: 'plan_start', label: '计划开工时间' },
  planEnd: { col: 'plan_end', label: '计划完工时间' },
  formsAsset: { col: 'forms_asset', label: '是否形成资产' },
  expectedAssetClass: { col: 'expected_asset_class', label: '预计形成资产类别' },
  expectedOwner: { col: 'expected_owner', label: '预计资产权属' },
  landUse: { col: 'land_use', label: '用地情况' },
  necessity: { col: 'necessity', label: '建设必要性及可行性' },
  opinionCollectedDate: { col: 'opinion_collected_date', label: '征求意见日期' },
  villagerMeetingDate: { col: 'villager_meeting_date', label: '村民代表大会日期' },
  settledAmountFen: { col: 'settled_amount', label: '结算金额' },
  auditedAmountFen: { col: 'audited_amount', label: '审计（决算）金额' },
  remarks: { col: 'remarks', label: '备注' },
}
type FieldKey = keyof typeof projectFields
const fieldKeys = Object.keys(projectFields) as FieldKey[]
const extraLabels: Record<string, string> = { villageCodes: '实施村（嘎查）', fundSources: '资金来源', code: '项目编号' }
export const fieldLabel = (k: string) => (projectFields as Record<string, { label: string }>)[k]?.label ?? extraLabels[k] ?? k

const toDb = (k: FieldKey, v: unknown) => (k === 'beneficiaryTargets' ? JSON.stringify(v) : k === 'formsAsset' ? (v ? 1 : 0) : v)

/** Editable before 入库; afterwards only these (the rest through 调整). */
const freeAfterLibrary = new Set<string>(['externalCode', 'responsiblePhone', 'settledAmountFen', 'auditedAmountFen', 'remarks', 'jobs', 'landUse', 'performanceGoal'])
const beforeLibrary = new Set(['草稿', '申报', '审核', '论证', '退回修改'])

/** The stored project in the shape of its input (for update checks, adjustments and audit). */
export function projectAsInput(ctx: ServiceContext, id: number): Omit<ProjectInput, 'acceptWarnings'> {
  const d = getProjectDetail(ctx, id)
  const out: Record<string, unknown> = { code: d.code, villageCodes: d.villages.map((v) => v.code) }
  for (const k of fieldKeys) out[k] = (d as unknown as Record<string, unknown>)[k]
  out.fundSources = d.fundSources.map(({ id: _id, ...f }) => f)
  return out as Omit<ProjectInput, 'acceptWarnings'>
}

/** All rules of domain.md §4.2/§7 on a project's own fields. */
export function checkProject(ctx: ServiceContext, input: ProjectInput, id?: number): Collector {
  const c = collector()
  const type = getProjectType(ctx, input.typeCode)
  if (!type) c.error(at('typeCode', '项目类型'), `没有代码为 ${input.typeCode} 的项目类型`)
  else if (input.year < type.validFromYear || (type.validToYear !== null && input.year > type.validToYear)) {
    c.error(at('typeCode', '项目类型'), `「${type.name}」适用于 ${type.validFromYear}–${type.validToYear ?? '今'} 年，不适用于 ${input.year} 年`)
  }
  const town = ctx.db.prepare('SELECT name FROM region WHERE code = ? AND level = 4').get(input.townCode) as { name: string } | undefined
  if (!town) c.error(at('townCode', '实施乡镇（苏木）'), '不是本旗县的乡镇（苏木）')
  input.villageCodes.forEach((code, i) => {
    const v = ctx.db.prepare('SELECT parent_code AS parent FROM region WHERE code = ? AND level = 5').get(code) as { parent: string } | undefined
    if (!v) c.error(at(`villageCodes.${i}`, '实施村（嘎查）'), `${code} 不是村（嘎查）`)
    else if (v.parent !== input.townCode) c.error(at(`villageCodes.${i}`, '实施村（嘎查）'), `不属于${town?.name ?? '所选乡镇'}`)
  })
  if (new Set(input.villageCodes).size !== input.villageCodes.length) c.error(at('villageCodes', '实施村（嘎查）'), '村（嘎查）重复')
  if (input.planStart && input.planEnd && input.planStart > input.planEnd) c.error(at('planEnd', '计划完工时间'), `不能早于计划开工时间 ${input.planStart}`)
  if (input.libraryYear > input.year) c.warning(at('libraryYear', '入库年度'), `晚于实施年度 ${input.year}，请核实`)
  if (input.name.endsWith('项目项目')) c.warning(at('name', '项目名称'), '名称末尾重复“项目”')
  if (input.code) {
    const dup = ctx.db.prepare('SELECT id FROM project WHERE code = ? AND id <> ?').get(input.code, id ?? 0)
    if (dup) c.error(at('code', '项目编号'), `项目编号 ${input.code} 已被其他项目使用`)
  }
  const sameName = ctx.db.prepare('SELECT code FROM project WHERE name = ? AND year = ? AND id <> ?').get(input.name, input.year, id ?? 0) as { code: string } | undefined
  if (sameName) c.warning(at('name', '项目名称'), `同年度已有同名项目（${sameName.code}）`)

  // funding plan (§2.2, §7.5)
  if (input.fundSources.length) {
    let sum = 0
    input.fundSources.forEach((line, i) => {
      const row = (field: string, label: string) => at(`fundSources.${i}.${field}`, `资金来源第${i + 1}行·${label}`)
      const t = fundSourceTypes.find((x) => x.code === line.sourceType)
      if (!t) c.error(row('sourceType', '资金来源'), `没有代码为 ${line.sourceType} 的资金来源`)
      else if (t.levels && !line.level) c.error(row('level', '资金级次'), `${t.name}须注明中央、自治区、盟市或旗县级`)
      if (line.sourceType === 'QT' && !line.note) c.error(row('note', '说明'), '资金来源为“其他”时须说明来源')
      sum += line.amountFen
    })
    if (sum !== input.totalInvestmentFen) {
      c.error(at('fundSources', '资金来源'), `合计 ${yuan(sum)}，与项目总投资 ${yuan(input.totalInvestmentFen)}不符（相差 ${yuan(Math.abs(sum - input.totalInvestmentFen))}）`)
    }
  } else c.warning(at('fundSources', '资金来源'), '未填写资金规模及来源')

  // beneficiaries (§7.5)
  if (input.beneficiaryPersons < input.beneficiaryHouseholds) c.error(at('beneficiaryPersons', '受益人数'), `不能少于受益户数（${input.beneficiaryHouseholds}）`)
  if (input.poorHouseholds + input.monitorHouseholds > input.beneficiaryHouseholds) {
    c.error(at('poorHouseholds', '其中脱贫户户数'), `脱贫户与监测户合计（${input.poorHouseholds + input.monitorHouseholds}）不能超过受益户数（${input.beneficiaryHouseholds}）`)
  }
  if (input.poorPersons + input.monitorPersons > input.beneficiaryPersons) {
    c.error(at('poorPersons', '其中脱贫人口'), `脱贫人口与监测人口合计（${input.poorPersons + input.monitorPersons}）不能超过受益人数（${input.beneficiaryPersons}）`)
  }
  if (input.beneficiaryPoorVillages > input.beneficiaryVillages) c.error(at('beneficiaryPoorVillages', '其中脱贫村数'), `不能超过受益村数（${input.beneficiaryVillages}）`)
  if (type?.isIndustry && input.linkMechanism.trim().length < 2) {
    c.warning(at('linkMechanism', '联农带农机制'), '产业发展项目须建立联农带农机制，否则不得入库')
  }
  if (input.formsAsset && input.expectedAssetClass === '不形成资产') c.warning(at('expectedAssetClass', '预计形成资产类别'), '项目形成资产，请选择预计资产类别')
  if (!input.formsAsset && input.expectedAssetClass !== '不形成资产') c.warning(at('formsAsset', '是否形成资产'), `预计形成${input.expectedAssetClass}资产，但“是否形成资产”为否`)
  return c
}

/** Takes the next project code {年度}{县6}{类型}{序4} (§7.6), skipping codes already used. */
export function takeProjectCode(ctx: ServiceContext, year: number, typeCode: string): string {
  const county = getSetting<string>(ctx, 'county.code')
  const scope = `project:${year}${typeCode}`
  for (;;) {
    const row = ctx.db
      .prepare('INSERT INTO code_counter (scope, last_value) VALUES (?, 1) ON CONFLICT(scope) DO UPDATE SET last_value = last_value + 1 RETURNING last_value')
      .get(scope) as { last_value: number }
    const code = `${year}${county}${typeCode}${String(row.last_value).padStart(4, '0')}`
    if (!ctx.db.prepare('SELECT 1 FROM project WHERE code = ?').get(code)) return code
  }
}

export function peekProjectCode(ctx: ServiceContext, year: number, typeCode: string): string {
  const county = getSetting<string>(ctx, 'county.code')
  let n = ((ctx.db.prepare('SELECT last_value FROM code_counter WHERE scope = ?').get(`project:${year}${typeCode}`) as { last_value: number } | undefined)?.last_value ?? 0) + 1
  for (;;) {
    const code = `${year}${county}${typeCode}${String(n).padStart(4, '0')}`
    if (!ctx.db.prepare('SELECT 1 FROM project WHERE code = ?').get(code)) return code
    n++
  }
}

function writeChildren(ctx: ServiceContext, id: number, input: Pick<ProjectInput, 'villageCodes' | 'fundSources'>) {
  ctx.db.prepare('DELETE FROM project_village WHERE project_id = ?').run(id)
  const v = ctx.db.prepare('INSERT INTO project_village (project_id, village_code) VALUES (?, ?)')
  for (const code of input.villageCodes) v.run(id, code)
  ctx.db.prepare('DELETE FROM project_fund_source WHERE project_id = ?').run(id)
  const f = ctx.db.prepare(
    `INSERT INTO project_fund_source (project_id, source_type, level, task_line, integrated, amount, doc_no, fund_year, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const l of input.fundSources) f.run(id, l.sourceType, l.level, l.taskLine, l.integrated ? 1 : 0, l.amountFen, l.docNo, l.fundYear, l.note)
}

function writeMaster(ctx: ServiceContext, id: number, input: Omit<ProjectInput, 'acceptWarnings'>) {
  ctx.db
    .prepare(`UPDATE project SET ${fieldKeys.map((k) => `${projectFields[k].col} = ?`).join(', ')}, search_key = ?, updated_at = datetime('now', 'localtime') WHERE id = ?`)
    .run(...fieldKeys.map((k) => toDb(k, input[k])), searchKey(`${input.name} ${input.implUnit}`), id)
  writeChildren(ctx, id, input)
}

const auditSnapshot = (ctx: ServiceContext, id: number) => projectAsInput(ctx, id)

export function createProject(ctx: ServiceContext, input: ProjectInput): SaveResult {
  return ctx.db.transaction(() => {
    const findings = enforceFindings(checkProject(ctx, input).findings(), input.acceptWarnings)
    const code = input.code || takeProjectCode(ctx, input.year, input.typeCode)
    const info = ctx.db.prepare("INSERT INTO project (code, name, year, library_year, type_code, nature, town_code, created_by) VALUES (?, '', 0, 0, ?, '', ?, ?)").run(code, input.typeCode, input.townCode, ctx.user)
    const id = Number(info.lastInsertRowid)
    writeMaster(ctx, id, input)
    recordAudit(ctx, { entity: 'project', entityId: id, entityName: `${code} ${input.name}`, action: 'create', summary: `新建项目「${input.name}」`, after: auditSnapshot(ctx, id) })
    return { id, code, findings }
  })()
}

/** Changed fields between two input-shaped records. */
function diff(before: Record<string, unknown>, after: Record<string, unknown>, keys: string[]) {
  return keys.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
}
const allKeys = [...fieldKeys, 'villageCodes', 'fundSources'] as string[]

export function updateProject(ctx: ServiceContext, input: ProjectInput & { id: number }): SaveResult {
  return ctx.db.transaction(() => {
    const row = getProjectRow(ctx, input.id)
    const before = auditSnapshot(ctx, input.id)
    const code = input.code || row.code
    const changed = diff(before, input, allKeys).concat(code !== row.code ? ['code'] : [])
    if (!beforeLibrary.has(row.status)) {
      const locked = changed.filter((k) => !freeAfterLibrary.has(k))
      if (locked.length) {
        throw new AppError('INVALID', `项目已${row.status}，${locked.map(fieldLabel).join('、')}不能直接修改，请通过“调整（变更）”登记并附批复文号。`, [
          ...locked.map((k) => ({ level: 'E', field: k, label: fieldLabel(k), message: '已入库项目须经调整（变更）程序修改' })),
        ])
      }
    }
    const findings = enforceFindings(checkProject(ctx, { ...input, code }, input.id).findings(), input.acceptWarnings)
    if (code !== row.code) ctx.db.prepare('UPDATE project SET code = ? WHERE id = ?').run(code, input.id)
    writeMaster(ctx, input.id, input)
    recordAudit(ctx, { entity: 'project', entityId: input.id, entityName: `${code} ${input.name}`, action: 'update', summary: `修改项目信息（${changed.map(fieldLabel).join('、') || '无变化'}）`, before, after: auditSnapshot(ctx, input.id) })
    return { id: input.id, code, findings }
  })()
}

export function deleteProject(ctx: ServiceContext, id: number): { ok: true } {
  return ctx.db.transaction(() => {
    const row = getProjectRow(ctx, id)
    if (row.status !== '草稿' && row.status !== '退回修改') throw new AppError('INVALID', `项目状态为「${row.status}」，不能删除；不再实施的项目请办理出库或终止。`)
    const flow = projectFlow(ctx, id)
    if (flow.allocatedFen || flow.paidFen || flow.spentFen) throw new AppError('INVALID', '项目已有资金分配或拨付记录，不能删除。')
    const linked = ctx.db.prepare('SELECT (SELECT count(*) FROM asset WHERE project_id = ?) + (SELECT count(*) FROM household_asset_line WHERE project_id = ?) AS n').get(id, id) as { n: number }
    if (linked.n) throw new AppError('INVALID', '项目已关联资产，不能删除。')
    const before = auditSnapshot(ctx, id)
    ctx.db.prepare('DELETE FROM project WHERE id = ?').run(id)
    recordAudit(ctx, { entity: 'project', entityId: id, entityName: `${row.code} ${row.name}`, action: 'delete', summary: `删除项目「${row.name}」`, before })
    return { ok: true as const }
  })()
}

const lastStepDate = (ctx: ServiceContext, id: number) =>
  (ctx.db.prepare('SELECT max(date) AS d FROM project_transition WHERE project_id = ?').get(id) as { d: string | null }).d

/**
 * Applies one step inside the caller's transaction: checks (E/W), moves the status, sets the date
 * fields the step stands for, records the transition row. Used by projects.transition and the hand-over.
 */
export function applyTransition(
  ctx: ServiceContext,
  id: number,
  input: { action: ProjectAction; date: string; docNo: string; actor: string; note: string; acceptWarnings: boolean },
  opts: { viaHandover?: boolean } = {},
) {
  const row = getProjectRow(ctx, id)
  const type = getProjectType(ctx, row.type_code)
  const c = collector()
  const to = checkTransition(
    {
      status: row.status,
      formsAsset: row.forms_asset === 1,
      isIndustry: type?.isIndustry ?? false,
      linkMechanism: row.link_mechanism,
      indicatorCount: listIndicators(ctx, id).length,
      lastDate: lastStepDate(ctx, id),
      actualStart: row.actual_start as string | null,
      actualEnd: row.actual_end as string | null,
      acceptanceDate: row.acceptance_date as string | null,
      publicity: listPublicity(ctx, id).map((p) => ({ stage: p.stage, endDate: p.endDate })),
      today: todayIso(),
      viaHandover: opts.viaHandover,
    },
    input,
    c,
  )
  const findings = enforceFindings(c.findings(), input.acceptWarnings)
  if (to === null) throw new AppError('INVALID', '操作被拒绝', findings)
  const set: Record<string, string> = {}
  if (input.action === '审定入库') set.library_doc_no = input.docNo
  if (input.action === '纳入计划') set.plan_doc_no = input.docNo
  if (input.action === '开工') set.actual_start = input.date
  if (input.action === '完工') set.actual_end = input.date
  if (input.action === '验收') set.acceptance_date = input.date
  if (input.action === '资产移交') set.handover_date = input.date
  const cols = Object.keys(set)
  ctx.db
    .prepare(`UPDATE project SET status = ?${cols.map((k) => `, ${k} = ?`).join('')}, updated_at = datetime('now', 'localtime') WHERE id = ?`)
    .run(to, ...cols.map((k) => set[k]), id)
  ctx.db
    .prepare('INSERT INTO project_transition (project_id, action, from_status, to_status, date, doc_no, actor, note, user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, input.action, row.status, to, input.date, input.docNo, input.actor, input.note, ctx.user)
  recordAudit(ctx, {
    entity: 'project',
    entityId: id,
    entityName: `${row.code} ${row.name}`,
    action: 'update',
    summary: `${input.action}：${row.status} → ${to}${input.docNo ? `（${input.docNo}）` : ''}`,
    before: { status: row.status },
    after: { status: to, date: input.date, docNo: input.docNo, actor: input.actor, note: input.note },
  })
  return { row, to, findings }
}

export function transitionProject(ctx: ServiceContext, input: Ch<'projects.transition'>): SaveResult {
  return ctx.db.transaction(() => {
    const { row, findings } = applyTransition(ctx, input.id, input)
    return { id: input.id, code: row.code, findings }
  })()
}

export function addPublicity(ctx: ServiceContext, input: Ch<'projects.addPublicity'>): SaveResult {
  return ctx.db.transaction(() => {
    const row = getProjectRow(ctx, input.projectId)
    const c = collector()
    if (input.endDate < input.startDate) c.error(at('endDate', '公示结束'), `不能早于公示开始 ${input.startDate}`)
    if (input.startDate > todayIso()) c.error(at('startDate', '公示开始'), `不能晚于今天（${todayIso()}）`)
    const minDays = getSetting<number>(ctx, 'publicity.projectMinDays')
    const days = publicityDays(input.startDate, input.endDate)
    if (!c.hasErrors() && ['村级申报', '乡镇审核', '县级入库', '调整'].includes(input.stage) && days < minDays) {
      c.warning(at('endDate', '公示结束'), `公示 ${days} 天，少于规定的 ${minDays} 天`)
    }
    const findings = enforceFindings(c.findings(), input.acceptWarnings)
    const info = ctx.db
      .prepare('INSERT INTO project_publicity (project_id, stage, start_date, end_date, place, objections, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(input.projectId, input.stage, input.startDate, input.endDate, input.place, input.objections, input.note)
    recordAudit(ctx, {
      entity: 'project',
      entityId: input.projectId,
      entityName: `${row.code} ${row.name}`,
      action: 'update',
      summary: `登记公示：${input.stage} ${input.startDate} 至 ${input.endDate}`,
      after: { publicityId: Number(info.lastInsertRowid), ...input },
    })
    return { id: Number(info.lastInsertRowid), code: row.code, findings }
  })()
}

export function deletePublicity(ctx: ServiceContext, id: number): { ok: true } {
  return ctx.db.transaction(() => {
    const p = ctx.db.prepare('SELECT * FROM project_publicity WHERE id = ?').get(id) as { project_id: number; stage: string } | undefined
    if (!p) throw new AppError('NOT_FOUND', `未找到公示记录（${id}）`)
    const row = getProjectRow(ctx, p.project_id)
    ctx.db.prepare('DELETE FROM project_publicity WHERE id = ?').run(id)
    recordAudit(ctx, { entity: 'project', entityId: row.id, entityName: `${row.code} ${row.name}`, action: 'update', summary: `删除公示记录：${p.stage}`, before: p })
    return { ok: true as const }
  })()
}

export function addAdjustment(ctx: ServiceContext, input: Ch<'projects.addAdjustment'>): SaveResult {
  return ctx.db.transaction(() => {
    const row = getProjectRow(ctx, input.projectId)
    const allowedFrom = ['入库', '纳入年度计划', '开工', '完工']
    if (!allowedFrom.includes(row.status)) {
      throw new AppError('INVALID', `项目当前状态为「${row.status}」，不能调整（可在${allowedFrom.map((s) => `「${s}」`).join('、')}状态下调整）`, [
        { level: 'E', field: 'changeType', label: '调整类型', message: `状态「${row.status}」不能调整` },
      ])
    }
    const current = projectAsInput(ctx, input.projectId)
    const after = { ...current, ...Object.fromEntries(Object.entries(input.after).filter(([, v]) => v !== undefined)) } as Omit<ProjectInput, 'acceptWarnings'>
    const changed = diff(current, after, allKeys)
    const c = collector()
    if (!changed.length) c.error(at('after', '调整后内容'), '调整前后内容相同，没有需要登记的变更')
    if (input.approvalDate > todayIso()) c.error(at('approvalDate', '批复日期'), `不能晚于今天（${todayIso()}）`)
    c.add(...checkProject(ctx, { ...after, acceptWarnings: input.acceptWarnings }, input.projectId).findings())
    if (changed.includes('totalInvestmentFen') || changed.includes('fundSources')) {
      const flow = projectFlow(ctx, input.projectId)
      if (flow.allocatedFen > after.totalInvestmentFen) c.warning(at('after.totalInvestmentFen', '项目总投资'), `调整后总投资小于已分配资金 ${yuan(flow.allocatedFen)}`)
    }
    if (changed.some((k) => ['content', 'totalInvestmentFen', 'fundSources', 'townCode', 'villageCodes'].includes(k))) {
      c.info(at('publicity', '公告公示'), '调整涉及内容、地点或资金，须重新公示')
    }
    const findings = enforceFindings(c.findings(), input.acceptWarnings)
    const pick = (o: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, o[k]]))
    const labels = Object.fromEntries(changed.map((k) => [k, fieldLabel(k)]))
    const info = ctx.db
      .prepare(
        `INSERT INTO project_adjustment (project_id, change_type, before_json, after_json, approval_org, approval_doc_no, approval_date, reason, user)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.projectId, input.changeType, JSON.stringify(pick(current)), JSON.stringify({ values: pick(after), labels }), input.approvalOrg, input.approvalDocNo, input.approvalDate, input.reason, ctx.user)
    writeMaster(ctx, input.projectId, after)
    ctx.db
      .prepare('INSERT INTO project_transition (project_id, action, from_status, to_status, date, doc_no, actor, note, user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(input.projectId, '调整', row.status, row.status, input.approvalDate, input.approvalDocNo, input.approvalOrg, `${input.changeType}：${input.reason}`, ctx.user)
    recordAudit(ctx, {
      entity: 'project',
      entityId: input.projectId,
      entityName: `${row.code} ${row.name}`,
      action: 'update',
      summary: `项目调整（${input.changeType}）：${changed.map(fieldLabel).join('、')}，批复 ${input.approvalDocNo}`,
      before: pick(current),
      after: pick(after),
    })
    return { id: Number(info.lastInsertRowid), code: row.code, findings }
  })()
}

export function saveIndicators(ctx: ServiceContext, input: Ch<'projects.saveIndicators'>): IndicatorRecord[] {
  return ctx.db.transaction(() => {
    const row = getProjectRow(ctx, input.projectId)
    const before = { performanceGoal: row.performance_goal, indicators: listIndicators(ctx, input.projectId) }
    const c = collector()
    input.indicators.forEach((ind, i) => {
      if (ind.operator !== '定性' && !/^-?\d+(\.\d+)?$/.test(ind.targetValue)) {
        c.error(at(`indicators.${i}.targetValue`, `绩效指标第${i + 1}行·指标值`), '定量指标的指标值应为数字')
      }
    })
    const weight = input.indicators.reduce((n, i) => n + (i.weight ?? 0), 0)
    if (input.indicators.some((i) => i.weight !== null) && Math.abs(weight - 100) > 0.001 && weight > 100) {
      c.error(at('indicators', '绩效指标·分值'), `分值合计 ${weight}，不能超过 100`)
    }
    enforceFindings(c.findings(), true)
    ctx.db.prepare('DELETE FROM project_indicator WHERE project_id = ?').run(input.projectId)
    const insert = ctx.db.prepare(
      `INSERT INTO project_indicator (project_id, sort, level1, level2, name, operator, target_value, unit, actual_value, weight, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    input.indicators.forEach((i, n) => insert.run(input.projectId, n + 1, i.level1, i.level2, i.name, i.operator, i.targetValue, i.unit, i.actualValue, i.weight, i.score))
    if (input.performanceGoal !== undefined) ctx.db.prepare('UPDATE project SET performance_goal = ? WHERE id = ?').run(input.performanceGoal, input.projectId)
    const after = { performanceGoal: input.performanceGoal ?? row.performance_goal, indicators: listIndicators(ctx, input.projectId) }
    recordAudit(ctx, { entity: 'project', entityId: row.id, entityName: `${row.code} ${row.name}`, action: 'update', summary: `保存绩效目标（${input.indicators.length} 项指标）`, before, after })
    return after.indicators
  })()
}
