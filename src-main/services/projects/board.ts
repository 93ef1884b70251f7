import type { z } from 'zod'
import type { projectChannels } from '../../api/channels/projects'
import type { BehindRow, BoardLevelMoney, BoardMonth, ProjectBoard } from '../../api/types/projects'
import { todayIso } from '../../domain/dates'
import { fundDocLevels } from '../../domain/project-enums'
import { docRates, isBehind, monthEnd, rate } from '../../domain/project-money'
import type { ServiceContext } from '../context'
import { projectWhere, targetPct } from './read'

type BoardInput = z.output<(typeof projectChannels)['projects.board']['input']>

const spending = new Set(['纳入年度计划', '开工', '完工', '验收', '资产移交', '绩效评价', '归档'])

/**
 * The 调度 board for a year (R6/R7 summary lines): project counts from the recorded steps (a project
 * counts as 开工 once it has a 开工 step dated on or before the board's date), the money of the year's
 * fund documents by level, the projects behind schedule, and the cumulative monthly series.
 * Without project filters, 下达 is the documents' amount; with a 乡镇/类型/部门 filter, it is what the
 * year's documents allocated to the matching projects.
 */
export function projectBoard(ctx: ServiceContext, input: BoardInput): ProjectBoard {
  const today = todayIso()
  const asOf = input.asOf ?? (input.year < Number(today.slice(0, 4)) ? `${input.year}-12-31` : today)
  const filtered = Boolean(input.townCode || input.typeCode || input.sectorDept)
  const db = ctx.db

  // ── projects of the year and their steps
  const { sql, params } = projectWhere({ year: input.year, townCode: input.townCode, typeCode: input.typeCode, sectorDept: input.sectorDept })
  const projects = db
    .prepare(
      `SELECT p.id, p.code, p.name, p.status, p.forms_asset AS formsAsset, p.plan_start AS planStart, coalesce(t.name, '') AS townName,
         coalesce(pt.name, p.type_code) AS typeName
       FROM project p LEFT JOIN region t ON t.code = p.town_code LEFT JOIN project_type pt ON pt.code = p.type_code
       ${sql} ${sql ? 'AND' : 'WHERE'} p.status <> '草稿'`,
    )
    .all(params) as { id: number; code: string; name: string; status: string; formsAsset: number; planStart: string | null; townName: string; typeName: string }[]
  const ids = projects.map((p) => p.id)
  const idList = ids.length ? ids.join(', ') : '0'
  const steps = db
    .prepare(
      `SELECT project_id AS id, action, min(date) AS date FROM project_transition
       WHERE project_id IN (${idList}) AND action IN ('审定入库', '纳入计划', '开工', '完工', '验收', '资产移交', '出库', '终止') AND date <= ?
       GROUP BY project_id, action`,
    )
    .all(asOf) as { id: number; action: string; date: string }[]
  const stepDates = new Map<string, string[]>()
  for (const s of steps) {
    const list = stepDates.get(s.action) ?? []
    list.push(s.date)
    stepDates.set(s.action, list)
  }
  const reached = (action: string, by = asOf) => (stepDates.get(action) ?? []).filter((d) => d <= by).length
  const byProject = new Map<number, Set<string>>()
  for (const s of steps) (byProject.get(s.id) ?? byProject.set(s.id, new Set()).get(s.id)!).add(s.action)
  const accepted = reached('验收')
  const acceptedFormingAssets = projects.filter((p) => p.formsAsset === 1 && byProject.get(p.id)?.has('验收')).length
  const planned = reached('纳入计划')
  const counts = {
    total: projects.length,
    inLibrary: reached('审定入库'),
    planned,
    started: reached('开工'),
    completed: reached('完工'),
    accepted,
    handedOver: reached('资产移交'),
    terminated: reached('出库') + reached('终止'),
  }

  // ── money of the year's fund documents
  const projectFilter = filtered ? `AND project_id IN (${idList})` : ''
  const docs = db.prepare('SELECT id, level, amount, doc_date AS docDate FROM fund_doc WHERE fund_year = ?').all(input.year) as { id: number; level: string; amount: number; docDate: string }[]
  const docLevel = new Map(docs.map((d) => [d.id, d.level]))
  const docIds = docs.length ? docs.map((d) => d.id).join(', ') : '0'
  const allocations = db
    .prepare(`SELECT fund_doc_id AS docId, amount, alloc_date AS date FROM fund_allocation WHERE fund_doc_id IN (${docIds}) ${projectFilter} AND (alloc_date IS NULL OR alloc_date <= ?)`)
    .all(asOf) as { docId: number; amount: number; date: string | null }[]
  const entries = db
    .prepare(`SELECT fund_doc_id AS docId, kind, amount, date FROM fund_payment WHERE fund_doc_id IN (${docIds}) ${projectFilter} AND date <= ?`)
    .all(asOf) as { docId: number; kind: string; amount: number; date: string }[]

  const levelFlow = (level: string | null) => {
    const inLevel = (docId: number) => level === null || docLevel.get(docId) === level
    const allocatedFen = allocations.filter((a) => inLevel(a.docId)).reduce((n, a) => n + a.amount, 0)
    const issuedFen = filtered ? allocatedFen : docs.filter((d) => (level === null || d.level === level) && d.docDate <= asOf).reduce((n, d) => n + d.amount, 0)
    const paidFen = entries.filter((e) => e.kind === '拨付' && inLevel(e.docId)).reduce((n, e) => n + e.amount, 0)
    const spentFen = entries.filter((e) => e.kind === '支出' && inLevel(e.docId)).reduce((n, e) => n + e.amount, 0)
    return docRates({ issuedFen, allocatedFen, paidFen, spentFen })
  }
  const total = levelFlow(null)
  const byLevel: BoardLevelMoney[] = fundDocLevels.map((level) => ({ level, ...levelFlow(level) }))
  const pct = targetPct(ctx, input.year, asOf)

  // ── projects behind schedule
  const flows = new Map(
    (
      db
        .prepare(
          `SELECT p.id, (SELECT coalesce(sum(amount), 0) FROM fund_allocation a WHERE a.project_id = p.id) AS alloc,
             (SELECT coalesce(sum(amount), 0) FROM fund_payment f WHERE f.project_id = p.id AND f.kind = '支出' AND f.date <= @asOf) AS spent
           FROM project p WHERE p.id IN (${idList})`,
        )
        .all({ asOf }) as { id: number; alloc: number; spent: number }[]
    ).map((f) => [f.id, f]),
  )
  const behind: BehindRow[] = []
  for (const p of projects) {
    const f = flows.get(p.id)!
    const steps = byProject.get(p.id) ?? new Set<string>()
    const base = { id: p.id, code: p.code, name: p.name, townName: p.townName, typeName: p.typeName, status: p.status, allocatedFen: f.alloc, spentFen: f.spent, expenditureRate: rate(f.spent, f.alloc), targetRate: pct === null ? null : pct / 100 }
    if (steps.has('纳入计划') && !steps.has('开工') && !steps.has('终止') && !steps.has('出库') && p.planStart && p.planStart < asOf) {
      behind.push({ ...base, reason: `计划 ${p.planStart} 开工，至今未开工` })
    } else if (spending.has(p.status) && isBehind(f.spent, f.alloc, pct)) {
      behind.push({ ...base, reason: `支出率 ${((f.spent / f.alloc) * 100).toFixed(1)}%，低于进度目标 ${pct}%` })
    }
  }
  behind.sort((a, b) => (a.expenditureRate ?? 0) - (b.expenditureRate ?? 0) || a.code.localeCompare(b.code))

  // ── monthly series (cumulative to each month's end, up to the board's date)
  const lastMonth = asOf.slice(0, 4) > String(input.year) ? 12 : Number(asOf.slice(5, 7))
  const monthly: BoardMonth[] = []
  const milestones = (m: number) => targetPct(ctx, input.year, monthEnd(input.year, m))
  for (let m = 1; m <= lastMonth && asOf.slice(0, 4) >= String(input.year); m++) {
    const end = monthEnd(input.year, m) < asOf ? monthEnd(input.year, m) : asOf
    const started = reached('开工', end)
    const completed = reached('完工', end)
    const allocatedFen = allocations.filter((a) => a.date === null || a.date <= end).reduce((n, a) => n + a.amount, 0)
    const paidFen = entries.filter((e) => e.kind === '拨付' && e.date <= end).reduce((n, e) => n + e.amount, 0)
    const spentFen = entries.filter((e) => e.kind === '支出' && e.date <= end).reduce((n, e) => n + e.amount, 0)
    const issuedFen = filtered ? allocatedFen : docs.filter((d) => d.docDate <= end).reduce((n, d) => n + d.amount, 0)
    const plannedBy = reached('纳入计划', end)
    const t = milestones(m)
    monthly.push({
      month: m,
      started,
      completed,
      accepted: reached('验收', end),
      startRate: rate(started, plannedBy),
      completionRate: rate(completed, plannedBy),
      issuedFen,
      allocatedFen,
      paidFen,
      spentFen,
      // the milestones are shares of the year's money: rates over the total issued by the board's date
      allocationRate: rate(allocatedFen, total.issuedFen),
      paymentRate: rate(paidFen, total.issuedFen),
      expenditureRate: rate(spentFen, total.issuedFen),
      targetRate: t === null ? null : t / 100,
    })
  }

  return {
    year: input.year,
    asOf,
    counts,
    rates: {
      startRate: rate(counts.started, planned),
      completionRate: rate(counts.completed, planned),
      acceptanceRate: rate(accepted, planned),
      handoverRate: rate(counts.handedOver, acceptedFormingAssets),
    },
    money: { total, byLevel },
    milestone: { asOf, targetRate: pct === null ? null : pct / 100, actualRate: total.expenditureRate, behind: isBehind(total.spentFen, total.issuedFen, pct) },
    behind: behind.slice(0, 300),
    monthly,
  }
}
