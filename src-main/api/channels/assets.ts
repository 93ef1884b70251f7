import { z } from 'zod'
import { assetClasses, assetForms, assetStatuses, confirmLevels, custodyModes, decisionTypes, operatingModes, orgTypes, propertyNatures } from '../../domain/asset-enums'
import { channel, fen, id, isoDate, page, pageSize, regionCode, sortOrder, text } from '../define'
import type { AssetDetail, AssetLedgerRow, LedgerTotals, OrgRef, OverviewData, ProblemRow, SaveResult } from '../types/assets'

const assetClass = z.enum(assetClasses).describe('资产类别')
const optionalDate = (label: string) => isoDate.nullable().optional().describe(label)
const count = (label: string) => z.number().int('应为整数').min(0, '不能为负数').default(0).describe(label)

/** An organisation picked from the list (id) or typed in (name + type, created on save). */
export const orgInput = z.union([
  z.object({ id }),
  z.object({
    name: text(80).min(2, '请填写单位全称').describe('单位名称'),
    orgType: z.enum(orgTypes).describe('单位类型'),
    uscc: z.string().trim().toUpperCase().max(18).optional().describe('统一社会信用代码'),
    regionCode: regionCode.optional(),
  }),
])

export const fundSourceInput = z.object({
  sourceType: z.string().regex(/^[A-Z]{2}$/, '请选择资金来源').describe('资金来源'),
  level: z.enum(['中央', '自治区', '盟市', '旗县']).nullable().default(null).describe('资金级次'),
  taskLine: text(40).default('').describe('任务名称'),
  integrated: z.boolean().default(false).describe('纳入统筹整合'),
  amountFen: fen.describe('金额'),
  docNo: text(80).default('').describe('资金文号'),
  fundYear: z.number().int().min(2000).max(2100).nullable().default(null).describe('资金年度'),
  note: text(200).default('').describe('说明'),
})

/** 管护 (domain.md §2.4): who looks after an asset; the same fields on the asset form and in the set-custodian action. */
export const custodyFields = {
  custodian: orgInput.describe('管护主体'),
  person: text(20).min(2, '请填写管护责任人').describe('管护责任人'),
  phone: text(20).default('').describe('联系电话'),
  isPublicPost: z.boolean().default(false).describe('公益岗位'),
  mode: z.enum(custodyModes).describe('管护方式'),
  budgetPerYearFen: fen.nullable().default(null).describe('管护经费（元/年）'),
  budgetSource: text(40).default('').describe('经费来源'),
}
/** The custody block of a new asset; without a date it starts when the asset was put into use. */
export const custodyInput = z.object({ ...custodyFields, fromDate: isoDate.nullable().default(null).describe('管护起始日期') })

/** Everything a clerk fills in for an asset; lifecycle steps (确权, 移交, 管护, 状态) have their own channels. */
export const assetInput = z.object({
  externalCode: text(60).nullable().default(null).describe('系统资产编号'),
  name: text(100).min(2, '请填写资产名称').describe('资产名称'),
  class: assetClass,
  subtypeCode: z.string().regex(/^[GJH]\d{2,3}$/, '请选择资产类型').describe('资产类型'),
  form: z.enum(assetForms).describe('资产形态'),
  propertyNature: z.enum(propertyNatures).describe('资产性质'),
  spec: text(200).default('').describe('规格型号/建设规模'),
  unit: text(10).min(1, '请填写计量单位').describe('计量单位'),
  quantity: z.number().min(0, '不能为负数').max(1e12).describe('数量'),
  originalValueFen: fen.describe('资产原值'),
  totalInvestmentFen: fen.describe('项目总投资'),
  accDepreciationFen: fen.default(0).describe('累计折旧'),
  netValueFen: fen.nullable().default(null).describe('资产净值'),
  projectName: text(120).default('').describe('项目名称'),
  projectCode: text(40).default('').describe('项目编号'),
  fundYear: z.number().int().min(2000).max(2100).describe('资金年度'),
  fundDocNo: text(120).default('').describe('资金批复文号'),
  townCode: regionCode.describe('所在乡镇（苏木）'),
  villageCode: regionCode.nullable().default(null).describe('所在村（嘎查）'),
  groupName: text(40).default('').describe('组/浩特'),
  location: text(200).default('').describe('坐落位置'),
  sectorDept: text(60).default('').describe('行业主管部门'),
  implUnit: text(80).default('').describe('项目实施单位'),
  startDate: optionalDate('开工日期'),
  completionDate: optionalDate('完工日期'),
  acceptanceDate: optionalDate('验收日期'),
  inUseDate: optionalDate('建成投用日期'),
  confirmLevel: z.enum(confirmLevels).describe('确权层级'),
  beneficiaryHouseholds: count('受益户数'),
  beneficiaryPersons: count('受益人数'),
  poorHouseholds: count('其中脱贫户户数'),
  poorPersons: count('其中脱贫人口'),
  monitorHouseholds: count('其中监测户户数'),
  monitorPersons: count('其中监测人口'),
  beneficiaryVillages: z.number().int().min(0).nullable().default(null).describe('受益村数'),
  remarks: text(500).default('').describe('备注'),
  /** A historic asset (registered in a clean-up): missing custody is a warning, not an error (§7.7). */
  historic: z.boolean().default(false).describe('历史资产'),
  fundSources: z.array(fundSourceInput).min(1, '请至少填写一条资金来源').max(40).describe('资金来源'),
  /** 管护 of a new 公益类/经营类 asset, saved with it (§7.7: required when in use; E for new, W for historic records). Ignored on update. */
  custody: custodyInput.nullable().optional().describe('管护'),
  /** Confirm the save despite warnings; without it a save with W findings is refused with the list. */
  acceptWarnings: z.boolean().default(false).describe('确认警告'),
})

const ledgerFilter = z.object({
  class: assetClass.optional(),
  townCode: regionCode.optional().describe('乡镇'),
  villageCode: regionCode.optional().describe('村'),
  subtypeCode: z.string().max(4).optional().describe('资产类型'),
  fundYear: z.number().int().optional().describe('年度'),
  status: z.enum(assetStatuses).optional().describe('状态'),
  fundSource: z.string().regex(/^[A-Z]{2}$/).optional().describe('资金来源'),
  owner: text(80).optional().describe('所有权人'),
  custodian: text(80).optional().describe('管护主体或责任人'),
  /** Matches code, name, project name, and the pinyin initials of the name (e.g. “dl” → 道路). */
  q: text(60).optional().describe('查找'),
  problem: z.string().max(20).optional().describe('问题类型'),
  /** 显示已作废: voided assets are left out of lists and totals unless asked for. */
  includeVoided: z.boolean().optional().describe('显示已作废'),
})

export const assetChannels = {
  'assets.create': channel<SaveResult>()(assetInput),
  'assets.update': channel<SaveResult>()(assetInput.extend({ id })),
  'assets.get': channel<AssetDetail>()(z.object({ id })),
  'assets.list': channel<{ rows: AssetLedgerRow[]; total: number }>()(
    ledgerFilter.extend({
      sort: z
        .enum(['code', 'name', 'fundYear', 'originalValueFen', 'townName', 'status', 'completeness'])
        .default('code')
        .describe('排序'),
      order: sortOrder,
      page,
      pageSize,
    }),
  ),
  'assets.totals': channel<LedgerTotals>()(ledgerFilter),
  'assets.confirm': channel<SaveResult>()(
    z.object({
      id,
      confirmLevel: z.enum(confirmLevels).describe('确权层级'),
      confirmDate: isoDate.describe('确权日期'),
      certNo: text(60).default('').describe('确权证书编号'),
      owners: z
        .array(z.object({ owner: orgInput.describe('所有权人'), shareBp: z.number().int().min(1).max(10000).describe('份额'), shareAmountFen: fen.describe('份额金额') }))
        .min(1, '请至少填写一个所有权人')
        .max(50)
        .describe('所有权人'),
      acceptWarnings: z.boolean().default(false),
    }),
  ),
  'assets.handover': channel<SaveResult>()(
    z.object({
      id,
      handoverDate: isoDate.describe('移交日期'),
      fromUnit: text(80).min(2, '请填写移交单位').describe('移交单位'),
      toOrg: orgInput.describe('接收单位'),
      supervisorUnit: text(80).default('').describe('监交单位'),
      docNo: text(60).default('').describe('移交书编号'),
      items: z
        .array(z.object({ name: text(100), spec: text(200).default(''), unit: text(10), quantity: z.number().min(0), amountFen: fen, note: text(200).default('') }))
        .max(200)
        .default([])
        .describe('移交清单'),
      documents: z.array(text(60)).max(50).default([]).describe('移交资料'),
      note: text(500).default('').describe('备注'),
      acceptWarnings: z.boolean().default(false),
    }),
  ),
  'assets.setCustodian': channel<SaveResult>()(
    z.object({
      id,
      ...custodyFields,
      fromDate: isoDate.describe('起始日期'),
      acceptWarnings: z.boolean().default(false),
    }),
  ),
  'assets.setOperation': channel<SaveResult>()(
    z.object({
      id,
      operator: orgInput.describe('经营主体'),
      mode: z.enum(operatingModes).describe('经营方式'),
      decisionType: z.enum(decisionTypes).describe('决策方式'),
      decisionDate: isoDate.describe('决策日期'),
      filedWith: text(60).default('').describe('备案单位'),
      contractNo: text(60).default('').describe('合同编号'),
      contractStart: isoDate.nullable().default(null).describe('合同起'),
      contractEnd: isoDate.nullable().default(null).describe('合同止'),
      agreedIncomeFen: fen.nullable().default(null).describe('约定年收益'),
      collateral: text(200).default('').describe('担保/抵押'),
      equityBp: z.number().int().min(0).max(10000).nullable().default(null).describe('持股比例'),
      claimPrincipalFen: fen.nullable().default(null).describe('债权本金'),
      claimDueDate: isoDate.nullable().default(null).describe('债权到期日'),
      linkMechanism: text(200).min(2, '请填写联农带农机制').describe('联农带农机制'),
      jobs: z.number().int().min(0).nullable().default(null).describe('带动就业人数'),
      acceptWarnings: z.boolean().default(false),
    }),
  ),
  'assets.changeStatus': channel<SaveResult>()(
    z.object({
      id,
      status: z.enum(assetStatuses).describe('资产状态'),
      changeDate: isoDate.describe('变动日期'),
      note: text(500).default('').describe('状态说明'),
      measures: text(500).default('').describe('盘活措施'),
      docNo: text(60).default('').describe('文号'),
      acceptWarnings: z.boolean().default(false),
    }),
  ),
  /** 作废: a soft state; the code stays taken, the asset leaves the ledgers, totals and problem list. */
  'assets.void': channel<SaveResult>()(
    z.object({ id, reason: text(200).min(4, '请写明作废原因（至少4个字）').describe('作废原因') }),
  ),
  'assets.addMaintenance': channel<SaveResult>()(
    z.object({
      id,
      recordDate: isoDate.describe('日期'),
      kind: z.enum(['巡查', '维修', '养护']).describe('类别'),
      content: text(500).min(2, '请填写内容').describe('内容'),
      costFen: fen.default(0).describe('费用'),
      payer: text(60).default('').describe('支付方'),
      person: text(20).default('').describe('经办人'),
    }),
  ),
  'assets.addAttachment': channel<{ id: number; sha256: string }>()(
    z.object({
      id,
      category: text(40).min(1).describe('资料类别'),
      fileName: text(200).min(1).regex(/^[^\\/:*?"<>|]+$/, '文件名不能含有 \\ / : * ? " < > |').describe('文件名'),
      contentBase64: z.string().max(28_000_000, '附件不能超过 20 MB').describe('文件内容'),
      docNo: text(60).default('').describe('文号'),
      docDate: isoDate.nullable().default(null).describe('文件日期'),
    }),
  ),
  'assets.problems': channel<{ rows: ProblemRow[]; total: number; counts: { kind: string; count: number }[] }>()(
    z.object({ kind: z.string().max(20).optional().describe('问题类型'), townCode: regionCode.optional(), page, pageSize }),
  ),
  'assets.overview': channel<OverviewData>()(z.object({})),
  'assets.nextCode': channel<{ code: string }>()(z.object({ class: assetClass, year: z.number().int().min(2000).max(2100) })),

  'attachments.locate': channel<{ path: string; fileName: string }>()(z.object({ id: id.describe('附件') })),
  'orgs.search': channel<OrgRef[]>()(z.object({ q: text(40).default(''), orgType: z.enum(orgTypes).optional() })),
  'dicts.subtypes': channel<{ code: string; name: string; unit: string; active: boolean }[]>()(z.object({ class: assetClass.optional() })),
}
