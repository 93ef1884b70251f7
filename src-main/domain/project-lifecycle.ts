/**
 * The project lifecycle as a pure state machine (domain.md §4.3, §7.4, §7.7): which action is allowed
 * from which status, where it leads, and the checks a step needs. No database: the service gathers
 * the facts, this module decides.
 *
 * 草稿 → 申报 → 审核 → 论证 → 审定入库 → 纳入年度计划 → 开工 → 完工 → 验收 → 资产移交 → 绩效评价 → 归档
 * side steps: 退回修改 (from any review step, back to 申报 by 申报 again), 调整 (recorded, status kept),
 * 出库 (清理出库, from the library or the plan), 终止 (stop a project that has not been completed).
 */
import type { ProjectAction, ProjectStatus } from './project-enums'
import type { Collector, FieldRef } from './severity'

interface Rule {
  from: readonly ProjectStatus[]
  /** null: the status is kept (调整). */
  to: ProjectStatus | null
}

export const transitionRules: Record<ProjectAction, Rule> = {
  申报: { from: ['草稿', '退回修改'], to: '申报' },
  审核: { from: ['申报'], to: '审核' },
  论证: { from: ['审核'], to: '论证' },
  审定入库: { from: ['论证'], to: '入库' },
  纳入计划: { from: ['入库'], to: '纳入年度计划' },
  开工: { from: ['纳入年度计划'], to: '开工' },
  完工: { from: ['开工'], to: '完工' },
  验收: { from: ['完工'], to: '验收' },
  资产移交: { from: ['验收'], to: '资产移交' },
  绩效评价: { from: ['资产移交', '验收'], to: '绩效评价' },
  归档: { from: ['绩效评价'], to: '归档' },
  退回修改: { from: ['申报', '审核', '论证'], to: '退回修改' },
  调整: { from: ['入库', '纳入年度计划', '开工', '完工'], to: null },
  出库: { from: ['入库', '纳入年度计划'], to: '出库' },
  终止: { from: ['申报', '审核', '论证', '退回修改', '入库', '纳入年度计划', '开工'], to: '终止' },
}

/** Order of the main line, for "reached at least" questions (counts on the board). */
export const mainLine: readonly ProjectStatus[] = ['草稿', '申报', '审核', '论证', '入库', '纳入年度计划', '开工', '完工', '验收', '资产移交', '绩效评价', '归档']
export const stageRank = (s: string) => mainLine.indexOf(s as ProjectStatus)
/** Statuses at or beyond `s` on the main line. */
export const statusesFrom = (s: ProjectStatus): ProjectStatus[] => mainLine.slice(mainLine.indexOf(s)) as ProjectStatus[]

export interface TransitionFacts {
  status: string
  formsAsset: boolean
  isIndustry: boolean
  linkMechanism: string
  /** Number of performance indicators (绩效目标) on file. */
  indicatorCount: number
  /** Date of the latest recorded step (any action), null when none. */
  lastDate: string | null
  actualStart: string | null
  actualEnd: string | null
  acceptanceDate: string | null
  /** Publicity records: stage and end date. */
  publicity: { stage: string; endDate: string }[]
  today: string
  /** Called by the hand-over service (the only way to 资产移交). */
  viaHandover?: boolean
}

export interface TransitionInput {
  action: ProjectAction
  date: string
  docNo: string
  actor: string
  note: string
}

/** The actions allowed from a status (for the buttons); 资产移交 only when the project forms assets. */
export function allowedActions(status: string, formsAsset: boolean): { action: ProjectAction; toStatus: string }[] {
  const out: { action: ProjectAction; toStatus: string }[] = []
  for (const [action, rule] of Object.entries(transitionRules) as [ProjectAction, Rule][]) {
    if (!rule.from.includes(status as ProjectStatus)) continue
    if (action === '资产移交' && !formsAsset) continue
    if (action === '绩效评价' && status === '验收' && formsAsset) continue
    out.push({ action, toStatus: rule.to ?? status })
  }
  return out
}

const at = (field: string, label: string): FieldRef => ({ field, label })

/**
 * Checks one step and returns the status it leads to (null when refused by an E finding, which is
 * in the collector). Severity per domain.md: the order 开工 ≤ 完工 ≤ 验收 is E (§7.4), a step dated
 * before the previous step is W (historic data), dates in the future are E, industry projects need a
 * 联农带农 mechanism and every project performance targets before 入库 (E, §4.3/§7.7), and the
 * library decision should come after the village/township publicity has ended (W, §7.4).
 */
export function checkTransition(facts: TransitionFacts, input: TransitionInput, c: Collector): string | null {
  const rule = transitionRules[input.action]
  const action = at('action', '操作')
  if (!rule.from.includes(facts.status as ProjectStatus)) {
    c.error(action, `项目当前状态为「${facts.status}」，不能${input.action}（可在${rule.from.map((s) => `「${s}」`).join('、')}状态下${input.action}）`)
    return null
  }
  if (input.action === '资产移交' && !facts.viaHandover) {
    c.error(action, '资产移交请使用“项目移交资产”向导：登记资产或到户明细后自动转为资产移交')
    return null
  }
  if (input.action === '资产移交' && !facts.formsAsset) c.error(at('formsAsset', '是否形成资产'), '项目不形成资产，无需资产移交，可直接绩效评价')
  if (input.action === '绩效评价' && facts.status === '验收' && facts.formsAsset) {
    c.error(action, '项目形成资产，应先办理资产移交再进行绩效评价')
  }
  if (input.action === '调整') {
    c.error(action, '项目调整请使用“调整（变更）”登记：需填写调整前后内容和批复文号')
    return null
  }

  const date = at('date', '日期')
  if (input.date > facts.today) c.error(date, `不能晚于今天（${facts.today}）`)
  if (facts.lastDate && input.date < facts.lastDate) {
    c.warning(date, `早于上一环节日期 ${facts.lastDate}，请核实（历史数据可忽略）`)
  }
  if (input.action === '完工' && facts.actualStart && input.date < facts.actualStart) c.error(date, `完工日期不能早于实际开工日期 ${facts.actualStart}`)
  if (input.action === '验收' && facts.actualEnd && input.date < facts.actualEnd) c.error(date, `验收日期不能早于实际完工日期 ${facts.actualEnd}`)
  if (input.action === '资产移交' && facts.acceptanceDate && input.date < facts.acceptanceDate) {
    c.warning(date, `移交日期早于验收日期 ${facts.acceptanceDate}（历史数据可忽略）`)
  }

  if (input.action === '审定入库') {
    if (facts.isIndustry && facts.linkMechanism.trim().length < 2) {
      c.error(at('linkMechanism', '联农带农机制'), '产业发展项目未建立联农带农（带贫减贫）机制，不得入库')
    }
    if (facts.indicatorCount === 0) c.error(at('indicators', '绩效目标'), '项目未编制绩效目标，不得入库')
    const before = facts.publicity.filter((p) => p.stage === '村级申报' || p.stage === '乡镇审核' || p.stage === '县级入库')
    if (before.length === 0) c.warning(at('publicity', '公告公示'), '未登记申报或审核环节的公示，请核实')
    else {
      const lastEnd = before.map((p) => p.endDate).sort().at(-1)!
      if (input.date <= lastEnd) c.warning(date, `审定入库应在公示结束（${lastEnd}）之后`)
    }
    if (!input.docNo) c.warning(at('docNo', '文号'), '未填写入库批复文号或审定会议纪要号')
  }
  if (input.action === '纳入计划' && !input.docNo) c.warning(at('docNo', '文号'), '未填写年度计划下达文号')
  if ((input.action === '退回修改' || input.action === '出库' || input.action === '终止') && input.note.trim().length < 2) {
    c.error(at('note', '说明'), `${input.action}须说明原因`)
  }
  if (c.hasErrors()) return null
  return rule.to ?? facts.status
}

/** Days of a publicity period, both ends counted (2024-03-01 … 2024-03-07 = 7). */
export function publicityDays(startDate: string, endDate: string): number {
  const ms = Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)
  return Math.round(ms / 86_400_000) + 1
}
