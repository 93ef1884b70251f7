import { checkPhone } from '../../domain/contact'
import { todayIso } from '../../domain/dates'
import type { Collector, FieldRef } from '../../domain/severity'
import type { ServiceContext } from '../context'
import { checkOrgInput, resolveOrg, type OrgInput } from './orgs'

/** What a clerk gives for 管护 (domain.md §2.4), on the asset form or in the set-custodian action. */
export interface CustodyValues {
  custodian: OrgInput
  person: string
  phone: string
  isPublicPost: boolean
  mode: string
  budgetPerYearFen: number | null
  budgetSource: string
}

/** A field of the custody block: `custody.person` on the asset form, `person` in the action. */
export const custodyRef = (prefix: string, field: string, label: string): FieldRef =>
  prefix ? { field: `${prefix}.${field}`, label: `管护·${label}` } : { field, label }

/** The rules of the custody fields themselves (class, date, phone, organisation). */
export function checkCustodyValues(c: Collector, assetClass: string, input: CustodyValues, fromDate: string, prefix = '') {
  if (assetClass === '到户类') c.error(custodyRef(prefix, 'custodian', '管护主体'), '到户类资产由农户自管，无需指定管护主体')
  if (fromDate > todayIso()) c.error(custodyRef(prefix, 'fromDate', '起始日期'), `不能晚于今天（${todayIso()}）`)
  if (input.phone) c.take(checkPhone(input.phone, custodyRef(prefix, 'phone', '联系电话')))
  else c.warning(custodyRef(prefix, 'phone', '联系电话'), '未填写管护责任人联系电话')
  checkOrgInput(c, input.custodian, custodyRef(prefix, 'custodian', '管护主体'))
}

/** Makes `input` the asset's active custody from `fromDate`; the previous one ends that day and stays in the history. */
export function writeCustody(ctx: ServiceContext, assetId: number, input: CustodyValues, fromDate: string) {
  const org = resolveOrg(ctx, input.custodian)
  ctx.db.prepare('UPDATE asset_custody SET active = 0, to_date = coalesce(to_date, ?) WHERE asset_id = ? AND active = 1').run(fromDate, assetId)
  ctx.db
    .prepare(
      `INSERT INTO asset_custody (asset_id, custodian_org_id, person, phone, is_public_post, mode, budget_per_year, budget_source, from_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(assetId, org.id, input.person, input.phone, input.isPublicPost ? 1 : 0, input.mode, input.budgetPerYearFen, input.budgetSource, fromDate)
}

export const hasActiveCustody = (ctx: ServiceContext, assetId: number) =>
  !!ctx.db.prepare('SELECT 1 FROM asset_custody WHERE asset_id = ? AND active = 1').get(assetId)
