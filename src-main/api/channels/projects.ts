// CONTRACT READY
/**
 * The fund project library (issue 4; domain.md §4): projects and their lifecycle, publicity,
 * adjustments, performance indicators, fund documents and the money (分配 / 拨付 / 支出), the 调度
 * board, the compliance monitor, and the hand-over of an accepted project into assets or household lines.
 * Money is integer 分; rates in outputs are fractions 0…1 (see api/types/projects.ts).
 */
import { z } from 'zod'
import { assetClasses, assetForms, confirmLevels, custodyModes, issueMethods, propertyNatures } from '../../domain/asset-enums'
import {
  adjustmentTypes,
  beneficiaryTargets,
  constructionNatures,
  expectedAssetClasses,
  fundDocLevels,
  indicatorLevels,
  indicatorOperators,
  projectActions,
  projectStatuses,
  publicityStages,
} from '../../domain/project-enums'
import { channel, fen, id, isoDate, page, pageSize, regionCode, sortOrder, text } from '../define'
import type {
  AdjustmentRecord,
  AllocationRecord,
  ComplianceResult,
  FundDocDetail,
  FundDocRow,
  HandoverResult,
  IndicatorRecord,
  PaymentRecord,
  ProjectBoard,
  ProjectDetail,
  ProjectFilterOptions,
  ProjectRow,
  ProjectTypeEntry,
  PublicityRecord,
  SaveResult,
} from '../types/projects'
import { fundSourceInput, orgInput } from './assets'

const year = (label: string) => z.number().int().min(2000, '年度不能早于2000年').max(2100).describe(label)
const optionalDate = (label: string) => isoDate.nullable().default(null).describe(label)
const count = (label: string) => z.number().int('应为整数').min(0, '不能为负数').default(0).describe(label)
const acceptWarnings = z.boolean().default(false).describe('确认警告')
const typeCode = z.string().regex(/^[A-Z]{2}$/, '请选择项目类型').describe('项目类型')
const fundLevel = z.enum(fundDocLevels).describe('资金级次')

/** Everything a clerk fills in for a project (§4.2); status, dates and doc numbers of steps come from transitions. */
export const projectInput = z.object({
  /** Empty: generated on save as {年度}{县6}{类型}{序4} (§7.6). */
  code: text(40).default('').describe('项目编号'),
  externalCode: text(60).nullable().default(null).describe('系统项目编号'),
  name: text(120).min(4, '请填写项目名称（年度+地点+内容+“项目”）').describe('项目名称'),
  year: year('实施年度'),
  libraryYear: year('入库年度'),
  batch: text(20).default('').describe('入库批次'),
  typeCode,
  subtype: text(40).default('').describe('二级类型'),
  nature: z.enum(constructionNatures).describe('建设性质'),
  townCode: regionCode.describe('实施乡镇（苏木）'),
  /** Empty = 全镇. */
  villageCodes: z.array(regionCode).max(60).default([]).describe('实施村（嘎查）'),
  content: text(1000).min(4, '请填写建设内容及规模').describe('建设内容及规模'),
  subsidyStandard: text(200).default('').describe('补助标准'),
  totalInvestmentFen: fen.describe('项目总投资'),
  fundSources: z.array(fundSourceInput).max(40).default([]).describe('资金来源'),
  sectorDept: text(60).min(2, '请填写行业主管部门').describe('行业主管部门'),
  implUnit: text(80).min(2, '请填写项目实施单位').describe('项目实施单位'),
  responsiblePerson: text(20).default('').describe('项目责任人'),
  responsiblePhone: text(20).default('').describe('责任人电话'),
  beneficiaryTargets: z.array(z.enum(beneficiaryTargets)).max(10).default([]).describe('受益对象'),
  beneficiaryVillages: count('受益村数'),
  beneficiaryPoorVillages: count('其中脱贫村数'),
  beneficiaryHouseholds: count('受益户数'),
  beneficiaryPersons: count('受益人数'),
  poorHouseholds: count('其中脱贫户户数'),
  poorPersons: count('其中脱贫人口'),
  monitorHouseholds: count('其中监测户户数'),
  monitorPersons: count('其中监测人口'),
  jobs: z.number().int().min(0).nullable().default(null).describe('吸纳脱贫（监测）人口就业数'),
  linkMechanism: text(1000).default('').describe('联农带农机制'),
  performanceGoal: text(1000).default('').describe('年度绩效总体目标'),
  planStart: optionalDate('计划开工时间'),
  planEnd: optionalDate('计划完工时间'),
  formsAsset: z.boolean().describe('是否形成资产'),
  expectedAssetClass: z.enum(expectedAssetClasses).default('不形成资产').describe('预计形成资产类别'),
  expectedOwner: text(80).default('').describe('预计资产权属'),
  landUse: text(200).default('').describe('用地情况'),
  necessity: text(1000).default('').describe('建设必要性及可行性'),
  opinionCollectedDate: optionalDate('征求意见日期'),
  villagerMeetingDate: optionalDate('村民代表大会日期'),
  settledAmountFen: fen.nullable().default(null).describe('结算金额'),
  auditedAmountFen: fen.nullable().default(null).describe('审计（决算）金额'),
  remarks: text(500).default('').describe('备注'),
  acceptWarnings,
})

/**
 * The fields of an adjustment's `after`: every project field optional and WITHOUT its default, so that
 * only the fields the clerk changed arrive (a default would look like a change).
 */
const { acceptWarnings: _aw, code: _code, ...adjustableShape } = projectInput.shape
const adjustableFields = z.object(
  Object.fromEntries(
    Object.entries(adjustableShape).map(([k, s]) => [k, (s instanceof z.ZodDefault ? (s.unwrap() as z.ZodType) : (s as z.ZodType)).optional()]),
  ) as { [K in keyof typeof adjustableShape]: z.ZodOptional<z.ZodType<z.output<(typeof adjustableShape)[K]>, z.input<(typeof adjustableShape)[K]>>> },
)

const projectFilter = z.object({
  year: z.number().int().optional().describe('实施年度'),
  townCode: regionCode.optional().describe('乡镇'),
  villageCode: regionCode.optional().describe('村'),
  typeCode: z.string().max(4).optional().describe('项目类型'),
  sectorDept: text(60).optional().describe('主管部门'),
  status: z.enum(projectStatuses).optional().describe('状态'),
  /** Several statuses at once (e.g. the board's drill-down). */
  statuses: z.array(z.enum(projectStatuses)).max(20).optional().describe('状态'),
  formsAsset: z.boolean().optional().describe('是否形成资产'),
  /** Only projects whose expenditure is behind the milestone target today. */
  behind: z.boolean().optional().describe('进度滞后'),
  /** Drill-down from the compliance monitor / board: exactly these projects. */
  ids: z.array(id).max(5000).optional().describe('项目'),
  /** Matches code, name, implementing unit, content. */
  q: text(60).optional().describe('查找'),
})

const boardFilter = z.object({
  year: year('年度'),
  townCode: regionCode.optional().describe('乡镇'),
  typeCode: z.string().max(4).optional().describe('项目类型'),
  sectorDept: text(60).optional().describe('主管部门'),
  /** The date progress is measured at; default today, or 12-31 of a past year. */
  asOf: isoDate.optional().describe('统计日期'),
})

const fundDocInput = z.object({
  docNo: text(80).min(2, '请填写下达文号').describe('下达文号'),
  title: text(200).default('').describe('文件名称'),
  docDate: isoDate.describe('下达日期'),
  fundYear: year('资金年度'),
  level: fundLevel,
  fundType: z.string().regex(/^[A-Z]{2}$/, '请选择资金类型').describe('资金类型'),
  taskLine: text(40).default('').describe('任务名称'),
  integrated: z.boolean().default(false).describe('纳入统筹整合'),
  isAdvance: z.boolean().default(false).describe('提前下达'),
  amountFen: fen.refine((v) => v > 0, '下达金额应大于0').describe('下达金额'),
  note: text(500).default('').describe('备注'),
  acceptWarnings,
})

/** One asset the project is split into (hand-over wizard). */
const handoverAsset = z.object({
  name: text(100).min(2, '请填写资产名称').describe('资产名称'),
  class: z.enum(assetClasses).describe('资产类别'),
  subtypeCode: z.string().regex(/^[GJH]\d{2,3}$/, '请选择资产类型').describe('资产类型'),
  form: z.enum(assetForms).default('固定资产').describe('资产形态'),
  propertyNature: z.enum(propertyNatures).default('集体资产').describe('资产性质'),
  spec: text(200).default('').describe('规格型号/建设规模'),
  unit: text(10).min(1, '请填写计量单位').describe('计量单位'),
  quantity: z.number().min(0, '不能为负数').max(1e12).describe('数量'),
  valueFen: fen.refine((v) => v > 0, '资产价值应大于0').describe('资产价值'),
  townCode: regionCode.optional().describe('所在乡镇（苏木）'),
  villageCode: regionCode.nullable().default(null).describe('所在村（嘎查）'),
  location: text(200).default('').describe('坐落位置'),
  confirmLevel: z.enum(confirmLevels).default('村（嘎查）级').describe('确权层级'),
  /** The receiving unit of the 移交 = the owner. */
  owner: orgInput.describe('所有权人（接收单位）'),
  custodian: z
    .object({
      org: orgInput.describe('管护主体'),
      person: text(20).min(2, '请填写管护责任人').describe('管护责任人'),
      phone: text(20).default('').describe('联系电话'),
      mode: z.enum(custodyModes).default('产权主体自管').describe('管护方式'),
    })
    .nullable()
    .default(null)
    .describe('管护'),
})

/** One roster row when a 到户类 project is split into household lines. */
const handoverLine = z.object({
  householdId: id.describe('农户'),
  item: text(60).min(1, '请填写扶持内容').describe('扶持内容'),
  subtypeCode: z.string().regex(/^H\d{2,3}$/, '请选择到户资产类型').describe('资产类型'),
  spec: text(100).default('').describe('品种/规格'),
  unit: text(10).min(1, '请填写单位').describe('单位'),
  quantity: z.number().min(0, '不能为负数').max(1e9).describe('数量'),
  amountFen: fen.refine((v) => v > 0, '补助金额应大于0').describe('补助金额'),
  issueMethod: z.enum(issueMethods).default('实物发放').describe('发放方式'),
  issueDate: isoDate.optional().describe('发放日期'),
})

export const projectChannels = {
  // ── project library ───────────────────────────────────────────────
  'projects.types': channel<ProjectTypeEntry[]>()(
    z.object({
      /** Only the types valid in that year (old classifications for historic years). Omit: all. */
      year: z.number().int().optional().describe('年度'),
    }),
  ),
  'projects.filterOptions': channel<ProjectFilterOptions>()(z.object({})),
  'projects.nextCode': channel<{ code: string }>()(z.object({ year: year('实施年度'), typeCode })),
  'projects.create': channel<SaveResult>()(projectInput),
  'projects.update': channel<SaveResult>()(projectInput.extend({ id })),
  /** Only a 草稿 or 退回修改 project without money can be deleted. */
  'projects.delete': channel<{ ok: true }>()(z.object({ id })),
  'projects.get': channel<ProjectDetail>()(z.object({ id })),
  'projects.list': channel<{ rows: ProjectRow[]; total: number; totals: { totalInvestmentFen: number; allocatedFen: number; paidFen: number; spentFen: number } }>()(
    projectFilter.extend({
      sort: z.enum(['code', 'name', 'year', 'townName', 'status', 'totalInvestmentFen', 'allocatedFen', 'expenditureRate']).default('code').describe('排序'),
      order: sortOrder,
      page,
      pageSize,
    }),
  ),
  /** One lifecycle step (§4.3). `资产移交` goes through projects.handover; `调整` through projects.addAdjustment. */
  'projects.transition': channel<SaveResult>()(
    z.object({
      id,
      action: z.enum(projectActions).describe('操作'),
      date: isoDate.describe('日期'),
      docNo: text(80).default('').describe('文号'),
      actor: text(60).min(1, '请填写经办单位或经办人').describe('经办'),
      note: text(500).default('').describe('说明'),
      acceptWarnings,
    }),
  ),
  'projects.addPublicity': channel<SaveResult>()(
    z.object({
      projectId: id.describe('项目'),
      stage: z.enum(publicityStages).describe('公示环节'),
      startDate: isoDate.describe('公示开始'),
      endDate: isoDate.describe('公示结束'),
      place: text(100).min(2, '请填写公示地点').describe('公示地点'),
      objections: text(500).default('').describe('异议情况'),
      note: text(500).default('').describe('备注'),
      acceptWarnings,
    }),
  ),
  'projects.deletePublicity': channel<{ ok: true }>()(z.object({ id: id.describe('公示记录') })),
  'projects.listPublicity': channel<PublicityRecord[]>()(z.object({ projectId: id.describe('项目') })),
  /**
   * 调整(变更): `after` holds only the changed fields (same names as projects.create); the service
   * stores before/after and applies the change. Needs the approval of the original approving body.
   */
  'projects.addAdjustment': channel<SaveResult>()(
    z.object({
      projectId: id.describe('项目'),
      changeType: z.enum(adjustmentTypes).describe('调整类型'),
      after: adjustableFields.describe('调整后内容'),
      approvalOrg: text(80).min(2, '请填写审批单位').describe('审批单位'),
      approvalDocNo: text(80).min(2, '请填写批复文号').describe('批复文号'),
      approvalDate: isoDate.describe('批复日期'),
      reason: text(500).min(2, '请填写调整原因').describe('调整原因'),
      acceptWarnings,
    }),
  ),
  'projects.listAdjustments': channel<AdjustmentRecord[]>()(z.object({ projectId: id.describe('项目') })),
  /** Replaces the project's whole indicator table (§4.7). */
  'projects.saveIndicators': channel<IndicatorRecord[]>()(
    z.object({
      projectId: id.describe('项目'),
      performanceGoal: text(1000).optional().describe('年度绩效总体目标'),
      indicators: z
        .array(
          z.object({
            level1: z.enum(indicatorLevels).describe('一级指标'),
            level2: text(40).min(1, '请填写二级指标').describe('二级指标'),
            name: text(100).min(1, '请填写三级指标').describe('三级指标'),
            operator: z.enum(indicatorOperators).describe('比较'),
            targetValue: text(60).min(1, '请填写指标值').describe('指标值'),
            unit: text(20).default('').describe('单位'),
            actualValue: text(60).nullable().default(null).describe('实际完成值'),
            weight: z.number().min(0).max(100).nullable().default(null).describe('分值'),
            score: z.number().min(0).max(100).nullable().default(null).describe('得分'),
          }),
        )
        .max(60)
        .describe('绩效指标'),
    }),
  ),

  // ── money ─────────────────────────────────────────────────────────
  'fundDocs.create': channel<SaveResult>()(fundDocInput),
  'fundDocs.update': channel<SaveResult>()(fundDocInput.extend({ id })),
  /** Only a document without allocations or payments can be deleted. */
  'fundDocs.delete': channel<{ ok: true }>()(z.object({ id })),
  'fundDocs.get': channel<FundDocDetail>()(z.object({ id, asOf: isoDate.optional().describe('统计日期') })),
  'fundDocs.list': channel<{ rows: FundDocRow[]; total: number; totals: { amountFen: number; allocatedFen: number; paidFen: number; spentFen: number } }>()(
    z.object({
      fundYear: z.number().int().optional().describe('资金年度'),
      level: fundLevel.optional(),
      fundType: z.string().regex(/^[A-Z]{2}$/).optional().describe('资金类型'),
      q: text(60).optional().describe('查找'),
      asOf: isoDate.optional().describe('统计日期'),
      sort: z.enum(['docDate', 'docNo', 'amountFen', 'level']).default('docDate').describe('排序'),
      order: z.enum(['asc', 'desc']).default('desc').describe('排序方向'),
      page,
      pageSize,
    }),
  ),
  /** Σ allocated > Σ issued of the document: W (§7.5). */
  'funds.allocate': channel<SaveResult>()(
    z.object({
      fundDocId: id.describe('资金文件'),
      projectId: id.describe('项目'),
      amountFen: fen.refine((v) => v > 0, '分配金额应大于0').describe('分配金额'),
      allocDate: isoDate.nullable().default(null).describe('分配日期'),
      note: text(200).default('').describe('备注'),
      acceptWarnings,
    }),
  ),
  /** 拨付: Σ paid > Σ allocated (per project and per document): E (§7.5). */
  'funds.pay': channel<SaveResult>()(
    z.object({
      projectId: id.describe('项目'),
      fundDocId: id.nullable().default(null).describe('资金文件'),
      date: isoDate.describe('拨付日期'),
      amountFen: fen.refine((v) => v > 0, '拨付金额应大于0').describe('拨付金额'),
      payee: text(80).default('').describe('收款单位'),
      voucherNo: text(60).min(1, '请填写凭证号').describe('凭证号'),
      note: text(200).default('').describe('备注'),
      acceptWarnings,
    }),
  ),
  /** 支出: Σ spent > Σ paid: W. */
  'funds.spend': channel<SaveResult>()(
    z.object({
      projectId: id.describe('项目'),
      fundDocId: id.nullable().default(null).describe('资金文件'),
      date: isoDate.describe('支出日期'),
      amountFen: fen.refine((v) => v > 0, '支出金额应大于0').describe('支出金额'),
      payee: text(80).default('').describe('收款单位'),
      voucherNo: text(60).min(1, '请填写凭证号').describe('凭证号'),
      note: text(200).default('').describe('备注'),
      acceptWarnings,
    }),
  ),
  'funds.deleteEntry': channel<{ ok: true }>()(z.object({ kind: z.enum(['分配', '拨付', '支出']).describe('类别'), id })),
  'funds.allocations': channel<AllocationRecord[]>()(
    z.object({ projectId: id.optional().describe('项目'), fundDocId: id.optional().describe('资金文件') }),
  ),
  'funds.entries': channel<{ rows: PaymentRecord[]; total: number }>()(
    z.object({
      kind: z.enum(['拨付', '支出']).optional().describe('类别'),
      projectId: id.optional().describe('项目'),
      fundDocId: id.optional().describe('资金文件'),
      year: z.number().int().optional().describe('年度'),
      page,
      pageSize,
    }),
  ),

  // ── 调度 and monitoring ───────────────────────────────────────────
  'projects.board': channel<ProjectBoard>()(boardFilter),
  'projects.compliance': channel<ComplianceResult>()(
    z.object({
      year: year('年度'),
      /** 全部 = all levels together. */
      level: z.enum(['全部', '中央', '自治区', '盟市', '旗县']).default('全部').describe('资金级次'),
    }),
  ),

  // ── project → assets ─────────────────────────────────────────────
  /**
   * From an accepted (验收) project: creates the assets (mode 资产) or household lines (mode 到户),
   * carries the project's funding breakdown over proportionally (remainder to the last line), records
   * the 移交, links both ways and moves the project to 资产移交 — one transaction.
   */
  'projects.handover': channel<HandoverResult>()(
    z.object({
      projectId: id.describe('项目'),
      mode: z.enum(['资产', '到户']).describe('移交方式'),
      date: isoDate.describe('移交日期'),
      docNo: text(60).default('').describe('移交书编号'),
      fromUnit: text(80).min(2, '请填写移交单位').describe('移交单位'),
      supervisorUnit: text(80).default('').describe('监交单位'),
      actor: text(60).min(1, '请填写经办').describe('经办'),
      note: text(500).default('').describe('备注'),
      assets: z.array(handoverAsset).max(200).default([]).describe('资产'),
      lines: z.array(handoverLine).max(5000).default([]).describe('到户花名册'),
      acceptWarnings,
    }),
  ),
}
