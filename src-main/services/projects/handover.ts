import type { z } from 'zod'
import type { projectChannels } from '../../api/channels/projects'
import type { HandoverResult } from '../../api/types/projects'
import { fundSourceTypes } from '../../domain/asset-enums'
import { AppError } from '../../domain/errors'
import { formatFen } from '../../domain/money'
import { collector, nest, type Finding } from '../../domain/severity'
import { confirmOwnership, handOver } from '../assets/lifecycle'
import type { AssetInput } from '../assets/rules'
import { createAsset } from '../assets/write'
import type { ServiceContext } from '../context'
import { enforceFindings } from '../findings'
import { createHouseholdLine } from '../households'
import { getProjectRow, projectFundSources, projectVillages } from './read'
import { applyTransition } from './write'
import { splitFundingOverAssets } from '../../domain/funding-split'

type HandoverInput = z.output<(typeof projectChannels)['projects.handover']['input']>
type Source = { sourceType: string; level: '中央' | '自治区' | '盟市' | '旗县' | null; taskLine: string; integrated: boolean; amountFen: number; docNo: string; fundYear: number | null; note: string }

const yuan = (fen: number) => `${formatFen(fen, '元')} 元`

/** The project's funding breakdown: its planned sources, or else what the fund documents allocated to it. */
export function projectSources(ctx: ServiceContext, projectId: number): Source[] {
  const planned = projectFundSources(ctx, projectId).map(({ id: _id, ...s }) => s as Source)
  if (planned.some((s) => s.amountFen > 0)) return planned.filter((s) => s.amountFen > 0)
  return (
    ctx.db
      .prepare(
        `SELECT d.fund_type AS sourceType, d.level, d.task_line AS taskLine, d.integrated, sum(a.amount) AS amountFen, d.doc_no AS docNo, d.fund_year AS fundYear
         FROM fund_allocation a JOIN fund_doc d ON d.id = a.fund_doc_id WHERE a.project_id = ?
         GROUP BY d.id ORDER BY d.doc_date, d.id`,
      )
      .all(projectId) as (Omit<Source, 'integrated' | 'note'> & { integrated: number })[]
  ).map((s) => ({ ...s, integrated: s.integrated === 1, note: '' }))
}

/**
 * Splits the sources over parts of the given values so that every part's lines sum to its value and,
 * across parts, each source gets its proportional share of the total — all to the 分. The handed-over
 * total is first split over the sources (splitProportionally, remainder to the last source); each part
 * but the last is split by those shares; the last part takes what is left of each source (the
 * remainder to the last line), which sums exactly to its value.
 */
export function splitSources(sources: Source[], values: number[]): Source[][] {
  const split = splitFundingOverAssets(sources.map((s) => s.amountFen), values)
  if (!split.ok) throw new AppError('INVALID', `资金来源无法分摊：${split.reason}`)
  return split.cells.map((r) => r.map((amountFen, j) => ({ ...sources[j], amountFen })).filter((s) => s.amountFen > 0))
}

/** Re-throws a failure of a reused service with its findings put under the wizard row they belong to. */
function under<T>(label: { field: string; label: string }, work: () => T): T {
  try {
    return work()
  } catch (e) {
    if (e instanceof AppError && Array.isArray(e.details)) {
      const findings = nest(e.details as Finding[], label)
      throw new AppError(e.code, `${label.label}：${e.message}`, findings)
    }
    throw e
  }
}

/**
 * Hands an accepted project over into assets or household lines (issue 4 item 5) in ONE transaction:
 * the 资产移交 step (state machine), the assets through createAsset (with its 管护) + confirmOwnership +
 * handOver (their rules apply unchanged), or the household lines through createHouseholdLine
 * with one 到户类 batch asset per village; the funding breakdown carried over exactly; links both ways.
 */
export function handoverProject(ctx: ServiceContext, input: HandoverInput): HandoverResult {
  return ctx.db.transaction(() => {
    const p = getProjectRow(ctx, input.projectId)
    const findings: Finding[] = []
    const c = collector()
    if (input.mode === '资产' && input.assets.length === 0) c.error({ field: 'assets', label: '资产' }, '请至少填写一项资产')
    if (input.mode === '到户' && input.lines.length === 0) c.error({ field: 'lines', label: '到户花名册' }, '请至少填写一户')
    const values = input.mode === '资产' ? input.assets.map((a) => a.valueFen) : input.lines.map((l) => l.amountFen)
    const handed = values.reduce((n, v) => n + v, 0)
    const sources = projectSources(ctx, p.id)
    if (sources.length === 0) c.error({ field: 'projectId', label: '项目资金来源' }, '项目没有资金来源或资金分配记录，无法结转资金构成')
    const base = (p.audited_amount as number | null) ?? (p.settled_amount as number | null) ?? p.total_investment
    if (handed > base) c.warning({ field: input.mode === '资产' ? 'assets' : 'lines', label: '移交价值合计' }, `${yuan(handed)} 超过项目${p.audited_amount !== null ? '审计（决算）金额' : p.settled_amount !== null ? '结算金额' : '总投资'} ${yuan(base)}`)
    else if (handed < base) c.warning({ field: input.mode === '资产' ? 'assets' : 'lines', label: '移交价值合计' }, `${yuan(handed)} 少于项目${p.audited_amount !== null ? '审计（决算）金额' : p.settled_amount !== null ? '结算金额' : '总投资'} ${yuan(base)}，差额 ${yuan(base - handed)} 未形成资产`)
    findings.push(...enforceFindings(c.findings(), input.acceptWarnings))

    // the step first: refuses a project that is not 验收 before anything is written
    findings.push(...applyTransition(ctx, p.id, { action: '资产移交', date: input.date, docNo: input.docNo, actor: input.actor, note: input.note, acceptWarnings: input.acceptWarnings }, { viaHandover: true }).findings)

    const villages = projectVillages(ctx, p.id)
    const fundDocNo = sources.find((s) => s.docNo)?.docNo ?? ''
    const common = (name: string) => ({
      externalCode: null,
      projectName: p.name,
      projectCode: p.code,
      fundYear: p.year,
      fundDocNo,
      groupName: '',
      sectorDept: (p.sector_dept as string) ?? '',
      implUnit: (p.impl_unit as string) ?? '',
      startDate: (p.actual_start as string | null) ?? null,
      completionDate: (p.actual_end as string | null) ?? null,
      acceptanceDate: (p.acceptance_date as string | null) ?? null,
      inUseDate: (p.acceptance_date as string | null) ?? null,
      accDepreciationFen: 0,
      netValueFen: null,
      historic: false,
      acceptWarnings: input.acceptWarnings,
      remarks: `由项目「${name}」移交形成`,
    })
    const single = values.length === 1
    const beneficiaries = {
      beneficiaryHouseholds: single ? (p.beneficiary_households as number) : 0,
      beneficiaryPersons: single ? (p.beneficiary_persons as number) : 0,
      poorHouseholds: single ? (p.poor_households as number) : 0,
      poorPersons: single ? (p.poor_persons as number) : 0,
      monitorHouseholds: single ? (p.monitor_households as number) : 0,
      monitorPersons: single ? (p.monitor_persons as number) : 0,
      beneficiaryVillages: single ? (p.beneficiary_villages as number) : null,
    }
    const assetIds: number[] = []
    const lineIds: number[] = []
    const link = (assetId: number) => ctx.db.prepare('UPDATE asset SET project_id = ? WHERE id = ?').run(p.id, assetId)

    if (input.mode === '资产') {
      const split = splitSources(sources, values)
      input.assets.forEach((a, i) => {
        const row = { field: `assets.${i}`, label: `资产第${i + 1}项` }
        const assetInput: AssetInput = {
          ...common(p.name),
          ...beneficiaries,
          name: a.name,
          class: a.class,
          subtypeCode: a.subtypeCode,
          form: a.form,
          propertyNature: a.propertyNature,
          spec: a.spec,
          unit: a.unit,
          quantity: a.quantity,
          originalValueFen: a.valueFen,
          totalInvestmentFen: a.valueFen,
          townCode: a.townCode ?? (p.town_code as string),
          villageCode: a.villageCode ?? (villages.length === 1 ? villages[0].code : null),
          location: a.location,
          confirmLevel: a.confirmLevel,
          fundSources: split[i],
          // 管护 is saved with the asset (createAsset applies the §7.7 rule: required for one in use)
          custody: a.custodian
            ? { custodian: a.custodian.org, person: a.custodian.person, phone: a.custodian.phone, isPublicPost: false, mode: a.custodian.mode, budgetPerYearFen: null, budgetSource: '', fromDate: input.date }
            : null,
        }
        const saved = under(row, () => createAsset(ctx, assetInput))
        findings.push(...nest(saved.findings, row))
        link(saved.id)
        assetIds.push(saved.id)
        if (a.class !== '到户类') {
          const owner = { owner: a.owner, shareBp: 10000, shareAmountFen: a.valueFen }
          findings.push(...nest(under(row, () => confirmOwnership(ctx, { id: saved.id, confirmLevel: a.confirmLevel, confirmDate: input.date, certNo: '', owners: [owner], acceptWarnings: input.acceptWarnings })).findings, row))
          findings.push(
            ...nest(
              under(row, () =>
                handOver(ctx, {
                  id: saved.id,
                  handoverDate: input.date,
                  fromUnit: input.fromUnit,
                  toOrg: a.owner,
                  supervisorUnit: input.supervisorUnit,
                  docNo: input.docNo,
                  items: [],
                  documents: [],
                  note: input.note,
                  acceptWarnings: input.acceptWarnings,
                }),
              ).findings,
              row,
            ),
          )
        }
      })
    } else {
      // one 到户类 batch asset per village of the roster, as the household ledger keeps them
      const hh = ctx.db.prepare('SELECT id, town_code AS townCode, village_code AS villageCode FROM household WHERE id = ?')
      const groups = new Map<string, { townCode: string; villageCode: string; lines: number[] }>()
      input.lines.forEach((l, i) => {
        const h = hh.get(l.householdId) as { id: number; townCode: string; villageCode: string } | undefined
        if (!h) throw new AppError('INVALID', `到户花名册第${i + 1}行：未找到编号为 ${l.householdId} 的农户`, [{ level: 'E', field: `lines.${i}.householdId`, label: `到户花名册第${i + 1}行·农户`, message: '未找到该农户' }])
        const g = groups.get(h.villageCode) ?? { townCode: h.townCode, villageCode: h.villageCode, lines: [] }
        g.lines.push(i)
        groups.set(h.villageCode, g)
      })
      const batches = [...groups.values()]
      const batchValues = batches.map((g) => g.lines.reduce((n, i) => n + input.lines[i].amountFen, 0))
      const split = splitSources(sources, batchValues)
      // a line names one source: the project's largest
      const mainSource = [...sources].sort((a, b) => b.amountFen - a.amountFen)[0]?.sourceType ?? 'QT'
      batches.forEach((g, bi) => {
        const first = input.lines[g.lines[0]]
        const vname = (ctx.db.prepare('SELECT name FROM region WHERE code = ?').get(g.villageCode) as { name: string }).name
        const row = { field: `lines.${g.lines[0]}`, label: `${vname}到户资产` }
        const quantity = g.lines.reduce((n, i) => n + input.lines[i].quantity, 0)
        const saved = under(row, () =>
          createAsset(ctx, {
            ...common(p.name),
            beneficiaryHouseholds: g.lines.length,
            beneficiaryPersons: g.lines.length,
            poorHouseholds: 0,
            poorPersons: 0,
            monitorHouseholds: 0,
            monitorPersons: 0,
            beneficiaryVillages: 1,
            name: `${vname}${first.item}（${p.name}）`.slice(0, 100),
            class: '到户类',
            subtypeCode: first.subtypeCode,
            form: first.subtypeCode === 'H01' || first.subtypeCode === 'H02' ? '生物资产' : '固定资产',
            propertyNature: '农户私有',
            spec: first.spec,
            unit: first.unit,
            quantity,
            originalValueFen: batchValues[bi],
            totalInvestmentFen: batchValues[bi],
            townCode: g.townCode,
            villageCode: g.villageCode,
            location: '',
            confirmLevel: '户',
            fundSources: split[bi],
          }),
        )
        findings.push(...nest(saved.findings, row))
        link(saved.id)
        assetIds.push(saved.id)
        for (const i of g.lines) {
          const l = input.lines[i]
          const lrow = { field: `lines.${i}`, label: `到户花名册第${i + 1}行` }
          const standardFen = l.quantity > 0 ? Math.round(l.amountFen / l.quantity) : l.amountFen
          const line = under(lrow, () =>
            createHouseholdLine(ctx, {
              householdId: l.householdId,
              assetId: saved.id,
              projectName: p.name,
              projectCode: p.code,
              projectYear: p.year,
              item: l.item,
              subtypeCode: l.subtypeCode,
              spec: l.spec,
              unit: l.unit,
              quantity: l.quantity,
              standardFen,
              amountFen: l.amountFen,
              selfRaisedFen: 0,
              fundSource: fundSourceTypes.some((t) => t.code === mainSource) ? mainSource : 'QT',
              issueMethod: l.issueMethod,
              issueDate: l.issueDate ?? input.date,
              tagNo: '',
              currentQuantity: l.quantity,
              currentStatus: '在养/正常使用',
              acceptWarnings: input.acceptWarnings,
            }),
          )
          findings.push(...nest(line.findings, lrow))
          ctx.db.prepare('UPDATE household_asset_line SET project_id = ? WHERE id = ?').run(p.id, line.id)
          lineIds.push(line.id)
        }
      })
    }
    return { projectId: p.id, assetIds, householdLineIds: lineIds, findings }
  })()
}
