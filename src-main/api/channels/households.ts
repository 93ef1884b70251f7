import { z } from 'zod'
import { householdAttributes, householdItemStatuses, issueMethods } from '../../domain/asset-enums'
import { channel, fen, id, isoDate, page, pageSize, regionCode, sortOrder, text } from '../define'
import type { HouseholdLineRow, HouseholdRow } from '../types/households'
import type { LedgerTotals, SaveResult } from '../types/assets'

export const householdInput = z.object({
  householdCode: text(40).nullable().default(null).describe('户编号'),
  headName: text(20).min(2, '请填写户主姓名').describe('户主姓名'),
  /** Checked with GB 11643 in the service (lower-case x accepted, stored upper-case). */
  idNo: z.string().trim().min(1, '请填写身份证号').max(40).describe('身份证号'),
  size: z.number().int('应为整数').min(1, '家庭人口至少为1').max(30).describe('家庭人口'),
  attribute: z.enum(householdAttributes).describe('农户属性'),
  riskEliminated: z.boolean().nullable().default(null).describe('是否风险消除'),
  exitYear: z.number().int().min(2013).max(2100).nullable().default(null).describe('脱贫年度'),
  villageCode: regionCode.describe('所在村（嘎查）'),
  groupName: text(40).default('').describe('组'),
  phone: text(20).default('').describe('联系电话'),
  bankAccount: text(30).default('').describe('补助发放账号'),
  acceptWarnings: z.boolean().default(false),
})

export const householdLineInput = z.object({
  householdId: id.describe('农户'),
  assetId: id.nullable().default(null).describe('所属到户类资产'),
  projectName: text(120).min(2, '请填写项目名称').describe('项目名称'),
  projectCode: text(40).default('').describe('项目编号'),
  projectYear: z.number().int().min(2000).max(2100).describe('项目年度'),
  item: text(60).min(1, '请填写扶持内容').describe('扶持内容'),
  subtypeCode: z.string().regex(/^H\d{2,3}$/, '请选择到户资产类型').describe('资产类型'),
  spec: text(100).default('').describe('品种/规格'),
  unit: text(10).min(1).describe('单位'),
  quantity: z.number().min(0, '不能为负数').max(1e9).describe('数量'),
  standardFen: fen.describe('补助标准'),
  amountFen: fen.describe('补助金额'),
  selfRaisedFen: fen.default(0).describe('农户自筹'),
  fundSource: z.string().regex(/^[A-Z]{2}$/, '请选择资金来源').describe('资金来源'),
  issueMethod: z.enum(issueMethods).describe('发放方式'),
  issueDate: isoDate.describe('发放日期'),
  tagNo: text(60).default('').describe('耳标号/设备编号'),
  currentQuantity: z.number().min(0).nullable().default(null).describe('现存数量'),
  currentStatus: z.enum(householdItemStatuses).default('在养/正常使用').describe('现状'),
  acceptWarnings: z.boolean().default(false),
})

const householdFilter = z.object({
  townCode: regionCode.optional().describe('乡镇'),
  villageCode: regionCode.optional().describe('村'),
  attribute: z.enum(householdAttributes).optional().describe('农户属性'),
  /** Name, pinyin initials, last 4+ digits of the ID, or household code. */
  q: text(40).optional().describe('查找'),
})

const lineFilter = householdFilter.extend({
  projectYear: z.number().int().optional().describe('项目年度'),
  subtypeCode: z.string().max(4).optional().describe('资产类型'),
  currentStatus: z.enum(householdItemStatuses).optional().describe('现状'),
  fundSource: z.string().regex(/^[A-Z]{2}$/).optional().describe('资金来源'),
  householdId: id.optional(),
  assetId: id.optional(),
})

export const householdChannels = {
  'households.create': channel<SaveResult>()(householdInput),
  'households.update': channel<SaveResult>()(householdInput.extend({ id })),
  'households.get': channel<HouseholdRow & { bankAccount: string }>()(z.object({ id, reveal: z.boolean().default(false).describe('显示完整证件号') })),
  'households.list': channel<{ rows: HouseholdRow[]; total: number }>()(
    householdFilter.extend({
      sort: z.enum(['headName', 'villageName', 'size', 'attribute', 'amountFen']).default('villageName'),
      order: sortOrder,
      page,
      pageSize,
    }),
  ),
  /** Only a household without asset lines can be deleted. */
  'households.delete': channel<{ id: number }>()(z.object({ id })),
  'householdLines.create': channel<SaveResult>()(householdLineInput),
  'householdLines.delete': channel<{ id: number }>()(z.object({ id })),
  'householdLines.update': channel<SaveResult>()(householdLineInput.extend({ id })),
  'householdLines.list': channel<{ rows: HouseholdLineRow[]; total: number }>()(
    lineFilter.extend({
      sort: z.enum(['id', 'headName', 'villageName', 'projectYear', 'amountFen', 'issueDate', 'item']).default('id'),
      order: sortOrder,
      page,
      pageSize,
    }),
  ),
  'householdLines.totals': channel<LedgerTotals & { quantity: number }>()(lineFilter),
}
