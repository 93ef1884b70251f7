import type { z } from 'zod'
import type { assetInput } from '../../api/channels/assets'
import { classLetter, fundSourceTypes, type AssetClass } from '../../domain/asset-enums'
import { todayIso } from '../../domain/dates'
import { formatFen } from '../../domain/money'
import { collector, type Collector, type FieldRef } from '../../domain/severity'
import type { ServiceContext } from '../context'
import { getSetting } from '../settings'

export type AssetInput = z.output<typeof assetInput>

const at = (field: string, label: string): FieldRef => ({ field, label })
const yuan = (fen: number) => `${formatFen(fen, '元')} 元`

/** 作废: a soft state set by `voidAsset`, never offered as an ordinary status. */
export const VOID_STATUS = '已作废'
/**
 * Statuses in which an asset is not (or no longer) in use: still being built, disposed of, lost, or
 * voided. In every other status (正常, 闲置, 低效, 损毁, 待处置) someone must look after it.
 */
export const notInUseStatuses = ['在建', '已处置', '已报废', '已核销', '灭失', VOID_STATUS] as const
/** Whether a 公益类/经营类 asset in this status needs a 管护主体 and 管护责任人 (§7.7). */
export const needsCustody = (assetClass: string, status: string) =>
  assetClass !== '到户类' && !(notInUseStatuses as readonly string[]).includes(status)

/**
 * §7.7: an operating or public-welfare asset in use requires 管护主体 + 管护责任人 — an error for a
 * new record, a warning for a historic one (registered in a clean-up, custody filled in later).
 */
export function checkCustodyRequired(c: Collector, asset: { class: string; status: string; historic: boolean }, hasCustody: boolean, ref: FieldRef) {
  if (hasCustody || !needsCustody(asset.class, asset.status)) return
  const message = `${asset.class}资产在用（「${asset.status}」）须指定管护主体和管护责任人`
  if (asset.historic) c.warning(ref, `${message}；历史资产可先保存，尽快补录`)
  else c.error(ref, message)
}

/** Checks the order of dates (§7.4); historic assets get warnings where new ones get errors. */
export function checkDateOrder(c: Collector, dates: Partial<Record<'startDate' | 'completionDate' | 'acceptanceDate' | 'inUseDate', string | null>>) {
  const today = todayIso()
  const labels = { startDate: '开工日期', completionDate: '完工日期', acceptanceDate: '验收日期', inUseDate: '建成投用日期' } as const
  for (const key of Object.keys(labels) as (keyof typeof labels)[]) {
    const value = dates[key]
    if (value && value > today) c.error(at(key, labels[key]), `不能晚于今天（${today}）`)
  }
  const { startDate, completionDate, acceptanceDate, inUseDate } = dates
  if (startDate && completionDate && startDate > completionDate) c.error(at('completionDate', '完工日期'), `不能早于开工日期 ${startDate}`)
  if (completionDate && acceptanceDate && completionDate > acceptanceDate) c.error(at('acceptanceDate', '验收日期'), `不能早于完工日期 ${completionDate}`)
  if (startDate && inUseDate && inUseDate < startDate) c.error(at('inUseDate', '建成投用日期'), `不能早于开工日期 ${startDate}`)
}

/** All rules of domain.md §7 that apply to an asset's own fields and funding lines. */
export function checkAsset(ctx: ServiceContext, input: AssetInput): Collector {
  const c = collector()
  const cls = input.class as AssetClass

  const subtype = ctx.db.prepare("SELECT code FROM dict WHERE type = 'asset_subtype' AND code = ? AND active = 1").get(input.subtypeCode)
  if (!subtype) c.error(at('subtypeCode', '资产类型'), `没有代码为 ${input.subtypeCode} 的资产类型`)
  else if (input.subtypeCode[0] !== classLetter[cls]) c.error(at('subtypeCode', '资产类型'), `${input.subtypeCode} 不是${cls}资产的类型`)

  const town = ctx.db.prepare('SELECT name FROM region WHERE code = ? AND level = 4 AND active = 1').get(input.townCode) as { name: string } | undefined
  if (!town) c.error(at('townCode', '所在乡镇（苏木）'), '不是本旗县在用的乡镇（苏木）')
  if (input.villageCode) {
    const village = ctx.db.prepare('SELECT parent_code AS parent FROM region WHERE code = ? AND level = 5 AND active = 1').get(input.villageCode) as
      | { parent: string }
      | undefined
    if (!village) c.error(at('villageCode', '所在村（嘎查）'), '不是在用的村（嘎查）')
    else if (village.parent !== input.townCode) c.error(at('villageCode', '所在村（嘎查）'), `不属于${town?.name ?? '所选乡镇'}`)
  } else if (input.confirmLevel === '村（嘎查）级' || input.confirmLevel === '户') {
    c.error(at('villageCode', '所在村（嘎查）'), `确权层级为${input.confirmLevel}时必须填写所在村（嘎查）`)
  }

  const startYear = getSetting<number>(ctx, 'asset.startYear')
  if (input.fundYear < startYear) c.error(at('fundYear', '资金年度'), `不能早于资产起始年度 ${startYear} 年`)
  if (input.completionDate && input.fundYear > Number(input.completionDate.slice(0, 4)) + 1) {
    c.warning(at('fundYear', '资金年度'), `晚于完工年度（${input.completionDate.slice(0, 4)}）一年以上，请核实`)
  }

  checkDateOrder(c, input)

  // Funding breakdown (§2.2, §7.5)
  let sum = 0
  input.fundSources.forEach((line, i) => {
    const row = (field: string, label: string) => at(`fundSources.${i}.${field}`, `资金来源第${i + 1}行·${label}`)
    const type = fundSourceTypes.find((t) => t.code === line.sourceType)
    if (!type) c.error(row('sourceType', '资金来源'), `没有代码为 ${line.sourceType} 的资金来源`)
    else if (type.levels && !line.level) c.error(row('level', '资金级次'), `${type.name}须注明中央、自治区、盟市或旗县级`)
    if (line.sourceType === 'QT' && !line.note) c.error(row('note', '说明'), '资金来源为“其他”时须说明来源')
    if (line.fundYear !== null && line.fundYear < startYear) c.error(row('fundYear', '资金年度'), `不能早于资产起始年度 ${startYear} 年`)
    sum += line.amountFen
  })
  if (sum !== input.totalInvestmentFen) {
    c.error(at('fundSources', '资金来源'), `合计 ${yuan(sum)}，与项目总投资 ${yuan(input.totalInvestmentFen)}不符（相差 ${yuan(Math.abs(sum - input.totalInvestmentFen))}）`)
  }
  if (input.originalValueFen > input.totalInvestmentFen) {
    c.warning(at('originalValueFen', '资产原值'), `${yuan(input.originalValueFen)} 大于项目总投资 ${yuan(input.totalInvestmentFen)}，请核实`)
  } else if (input.originalValueFen !== input.totalInvestmentFen) {
    c.warning(at('originalValueFen', '资产原值'), `与资金来源合计 ${yuan(sum)} 不一致（多资产项目可忽略）`)
  }
  if (input.accDepreciationFen > input.originalValueFen) c.error(at('accDepreciationFen', '累计折旧'), '不能大于资产原值')
  if (input.netValueFen !== null && input.netValueFen > input.originalValueFen) c.error(at('netValueFen', '资产净值'), '不能大于资产原值')
  if (input.quantity === 0) c.warning(at('quantity', '数量'), '数量为 0，请核实')

  // Beneficiaries (§7.5)
  if (input.beneficiaryPersons < input.beneficiaryHouseholds) c.error(at('beneficiaryPersons', '受益人数'), `不能少于受益户数（${input.beneficiaryHouseholds}）`)
  if (input.poorHouseholds + input.monitorHouseholds > input.beneficiaryHouseholds) {
    c.error(at('poorHouseholds', '其中脱贫户户数'), `脱贫户与监测户合计（${input.poorHouseholds + input.monitorHouseholds}）不能超过受益户数（${input.beneficiaryHouseholds}）`)
  }
  if (input.poorPersons + input.monitorPersons > input.beneficiaryPersons) {
    c.error(at('poorPersons', '其中脱贫人口'), `脱贫人口与监测人口合计（${input.poorPersons + input.monitorPersons}）不能超过受益人数（${input.beneficiaryPersons}）`)
  }
  if (cls === '到户类' && input.propertyNature !== '农户私有') c.warning(at('propertyNature', '资产性质'), '到户类资产一般归农户所有')
  return c
}
