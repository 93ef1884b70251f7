import type { z } from 'zod'
import type { householdInput, householdLineInput } from '../../api/channels/households'
import { fundSourceTypes } from '../../domain/asset-enums'
import { checkBankCard, checkPhone, maskBankCard, maskPhone } from '../../domain/contact'
import { isoParts, isValidYmd, todayIso } from '../../domain/dates'
import { checkIdCard, maskIdCard } from '../../domain/id-card'
import { formatFen } from '../../domain/money'
import { collector, type Collector, type FieldRef } from '../../domain/severity'
import { normalizeName, normalizeText, toHalfWidth } from '../../domain/text'
import type { ServiceContext } from '../context'
import { getSetting } from '../settings'

export type HouseholdInput = z.output<typeof householdInput>
export type HouseholdLineInput = z.output<typeof householdLineInput>

const at = (field: string, label: string): FieldRef => ({ field, label })
const yuan = (fen: number) => `${formatFen(fen, '元')} 元`

export const householdFields = {
  householdCode: at('householdCode', '户编号'),
  headName: at('headName', '户主姓名'),
  idNo: at('idNo', '身份证号'),
  size: at('size', '家庭人口'),
  attribute: at('attribute', '农户属性'),
  riskEliminated: at('riskEliminated', '是否风险消除'),
  exitYear: at('exitYear', '脱贫年度'),
  villageCode: at('villageCode', '所在村（嘎查）'),
  groupName: at('groupName', '组'),
  phone: at('phone', '联系电话'),
  bankAccount: at('bankAccount', '补助发放账号'),
} as const

/** What the current row holds, for an update that sends back the masked values it was shown. */
export interface StoredSecrets {
  idNo: string
  phone: string
  bankAccount: string
}

/** The household as it will be stored, after normalisation. */
export interface HouseholdValues {
  householdCode: string | null
  headName: string
  idNo: string
  size: number
  attribute: string
  riskEliminated: boolean | null
  exitYear: number | null
  townCode: string
  villageCode: string
  groupName: string
  phone: string
  bankAccount: string
}

/**
 * All rules of domain.md §7 for a household (§7.1 ID number, §7.5 size, §7.3 region, §7.8 phone and
 * bank card, 监测对象 attributes). `current` is the stored household on an update: a masked ID, phone
 * or bank number equal to the stored one's mask means 「unchanged」, so a form that never revealed them
 * can still be saved.
 */
export function checkHousehold(
  ctx: ServiceContext,
  input: HouseholdInput,
  current?: { id: number } & StoredSecrets,
): { c: Collector; values: HouseholdValues } {
  const c = collector()
  const f = householdFields

  const headName = normalizeName(input.headName)
  if ([...headName].length < 2) c.error(f.headName, '请填写户主姓名（至少2个字）')
  else if (/\d/.test(headName)) c.error(f.headName, '姓名中不应有数字，请核对是否填错了栏目')

  const householdCode = input.householdCode ? toHalfWidth(input.householdCode).replace(/\s+/g, '') || null : null

  // §7.1 — GB 11643, with a W for an ID from outside the county's province.
  let idNo: string | null
  const idInput = toHalfWidth(input.idNo).replace(/\s+/g, '')
  if (current && idInput === maskIdCard(current.idNo)) {
    idNo = current.idNo
  } else {
    const countyCode = getSetting<string>(ctx, 'county.code')
    idNo = c.take(checkIdCard(input.idNo, f.idNo, { required: true, homePrefix: countyCode ? countyCode.slice(0, 2) : undefined }))
  }
  if (idNo) {
    const other = ctx.db
      .prepare(
        `SELECT h.head_name AS headName, coalesce(t.name, '') AS townName, coalesce(v.name, h.village_code) AS villageName
         FROM household h LEFT JOIN region v ON v.code = h.village_code LEFT JOIN region t ON t.code = h.town_code
         WHERE h.id_no = ? AND h.id <> ?`,
      )
      .get(idNo, current?.id ?? 0) as { headName: string; townName: string; villageName: string } | undefined
    if (other) c.error(f.idNo, `该身份证号已登记在${other.townName}${other.villageName}「${other.headName}」户下，同一人只能登记一次`)
  }

  if (!Number.isInteger(input.size) || input.size < 1) c.error(f.size, '家庭人口应为不小于1的整数')

  if (input.attribute.startsWith('监测对象') && input.riskEliminated === null) {
    c.warning(f.riskEliminated, `${input.attribute}应注明是否已风险消除`)
  }
  if (input.exitYear !== null && input.exitYear > new Date().getFullYear()) c.error(f.exitYear, `不能晚于今年（${new Date().getFullYear()}年）`)
  if (input.exitYear !== null && input.attribute === '一般户') c.warning(f.exitYear, '一般户一般没有脱贫年度，请核对农户属性')

  if (householdCode) {
    const dup = ctx.db
      .prepare('SELECT head_name AS headName FROM household WHERE household_code = ? AND id <> ?')
      .get(householdCode, current?.id ?? 0) as { headName: string } | undefined
    if (dup) c.warning(f.householdCode, `与「${dup.headName}」户的户编号相同，请核对`)
  }

  // §7.3 — an active village of the county; the town follows from it.
  const village = ctx.db
    .prepare('SELECT parent_code AS townCode, name FROM region WHERE code = ? AND level = 5 AND active = 1')
    .get(input.villageCode) as { townCode: string; name: string } | undefined
  if (!village) {
    const inactive = ctx.db.prepare('SELECT name, merged_into AS mergedInto FROM region WHERE code = ?').get(input.villageCode) as
      | { name: string; mergedInto: string | null }
      | undefined
    c.error(
      f.villageCode,
      inactive
        ? `「${inactive.name}」已停用${inactive.mergedInto ? '（已合并）' : ''}或不是村（嘎查），请选择在用的村（嘎查）`
        : `区划代码 ${input.villageCode} 不是本旗县的村（嘎查）`,
    )
  }

  // §7.8 — warnings only; the number is kept as typed when odd.
  let phone: string
  if (current && input.phone !== '' && input.phone === maskPhone(current.phone)) phone = current.phone
  else phone = c.take(checkPhone(input.phone, f.phone)) ?? ''
  let bankAccount: string
  if (current && input.bankAccount !== '' && input.bankAccount === maskBankCard(current.bankAccount)) bankAccount = current.bankAccount
  else bankAccount = c.take(checkBankCard(input.bankAccount, f.bankAccount)) ?? ''
  if (bankAccount === '' && input.bankAccount.trim() !== '') bankAccount = input.bankAccount.trim()

  return {
    c,
    values: {
      householdCode,
      headName,
      idNo: idNo ?? '',
      size: input.size,
      attribute: input.attribute,
      riskEliminated: input.riskEliminated,
      exitYear: input.exitYear,
      townCode: village?.townCode ?? '',
      villageCode: input.villageCode,
      groupName: normalizeText(input.groupName),
      phone,
      bankAccount,
    },
  }
}

/** What the household-line rules look up; the import passes a version that loads them in bulk. */
export interface HouseholdLineLookups {
  household(id: number): { headName: string } | undefined
  subtype(code: string): { name: string; active: number } | undefined
  asset(id: number): { code: string; name: string; class: string } | undefined
  /** A stored line of the same household, item, issue date and project (by name, or by code when given), other than `exceptId`. */
  sameLine(line: { householdId: number; item: string; issueDate: string; projectName: string; projectCode: string; exceptId: number }): { id: number } | undefined
  today(): string
}

/** The lookups straight from the database, one query each (forms: one line at a time). */
export function householdLineLookups(ctx: ServiceContext): HouseholdLineLookups {
  return {
    household: (id) => ctx.db.prepare('SELECT head_name AS headName FROM household WHERE id = ?').get(id) as { headName: string } | undefined,
    subtype: (code) => ctx.db.prepare("SELECT name, active FROM dict WHERE type = 'asset_subtype' AND code = ?").get(code) as { name: string; active: number } | undefined,
    asset: (id) => ctx.db.prepare('SELECT code, name, class FROM asset WHERE id = ?').get(id) as { code: string; name: string; class: string } | undefined,
    sameLine: (l) =>
      ctx.db
        .prepare(
          // INDEXED BY: without statistics the planner may prefer hal_item or hal_issue, which match far more lines than a household has.
          `SELECT id FROM household_asset_line INDEXED BY hal_household
           WHERE household_id = ? AND item = ? AND issue_date = ? AND id <> ?
             AND (project_name = ? OR (project_code <> '' AND project_code = ?)) LIMIT 1`,
        )
        .get(l.householdId, l.item, l.issueDate, l.exceptId, l.projectName, l.projectCode) as { id: number } | undefined,
    today: todayIso,
  }
}

export const lineFields = {
  householdId: at('householdId', '农户'),
  assetId: at('assetId', '所属到户类资产'),
  projectName: at('projectName', '项目名称'),
  projectCode: at('projectCode', '项目编号'),
  projectYear: at('projectYear', '项目年度'),
  item: at('item', '扶持内容'),
  subtypeCode: at('subtypeCode', '资产类型'),
  quantity: at('quantity', '数量'),
  standardFen: at('standardFen', '补助标准'),
  amountFen: at('amountFen', '补助金额'),
  fundSource: at('fundSource', '资金来源'),
  issueDate: at('issueDate', '发放日期'),
  currentQuantity: at('currentQuantity', '现存数量'),
} as const

/** Tolerance of 补助金额 = 数量 × 补助标准 (§7.5): 1 元. */
export const AMOUNT_TOLERANCE_FEN = 100

/**
 * All rules of domain.md §7 for a household asset line: the household exists; §7.5 amount = quantity
 * × standard (±1 元, W); §7.4 issue date within the project year ±1 (W) and not in the future (E);
 * fund source and sub-type from their lists (E); the linked asset is a 到户类 asset (E); the same
 * household, item, date and project twice (§7.6, W). Returns the household's head for the audit.
 */
const NON_NEGATIVE = ['quantity', 'standardFen', 'amountFen'] as const

export function checkHouseholdLine(
  ctx: ServiceContext,
  input: HouseholdLineInput,
  current?: { id: number; subtypeCode: string },
  lookups: HouseholdLineLookups = householdLineLookups(ctx),
): { c: Collector; household: { headName: string } | null; values: { projectName: string; item: string; spec: string; projectCode: string } } {
  const c = collector()
  const f = lineFields

  const household = lookups.household(input.householdId)
  if (!household) c.error(f.householdId, `未找到编号为 ${input.householdId} 的农户，可能已被删除，请重新选择`)

  const projectName = normalizeName(input.projectName)
  const item = normalizeName(input.item)
  const spec = normalizeText(input.spec)
  const projectCode = toHalfWidth(input.projectCode).replace(/\s+/g, '')
  if (projectName.includes('项目项目')) c.warning(f.projectName, '名称中“项目项目”重复，请核对')

  // Sub-type from the dictionary, of the 到户类 (H…) branch.
  const subtype = lookups.subtype(input.subtypeCode)
  if (!subtype) c.error(f.subtypeCode, `没有代码为 ${input.subtypeCode} 的资产类型`)
  else if (!input.subtypeCode.startsWith('H')) c.error(f.subtypeCode, `${input.subtypeCode}（${subtype.name}）不是到户类资产的类型`)
  else if (!subtype.active && current?.subtypeCode !== input.subtypeCode) c.error(f.subtypeCode, `「${subtype.name}」已停用，请选择在用的类型`)

  if (!fundSourceTypes.some((t) => t.code === input.fundSource)) {
    c.error(f.fundSource, `没有代码为 ${input.fundSource} 的资金来源，请从列表中选择`)
  }

  // §7.5 — amounts ≥ 0 (the schema already refuses negatives; the service may be called directly).
  for (const key of NON_NEGATIVE) {
    const value = input[key]
    if (!Number.isFinite(value) || value < 0) c.error(f[key], '不能为负数')
  }
  if (input.currentQuantity !== null && input.currentQuantity < 0) c.error(f.currentQuantity, '不能为负数')
  const expected = Math.round(input.quantity * input.standardFen)
  if (Math.abs(input.amountFen - expected) > AMOUNT_TOLERANCE_FEN) {
    c.warning(
      f.amountFen,
      `${yuan(input.amountFen)}与 数量 ${input.quantity} × 补助标准 ${yuan(input.standardFen)} = ${yuan(expected)} 不符（相差 ${yuan(Math.abs(input.amountFen - expected))}）`,
    )
  }

  // §7.4 — a real date, not in the future, within the project year ±1.
  const [y, m, d] = isoParts(input.issueDate)
  const today = lookups.today()
  if (!isValidYmd(y, m, d)) c.error(f.issueDate, `「${input.issueDate}」不是有效日期`)
  else if (input.issueDate > today) c.error(f.issueDate, `不能晚于今天（${today}）`)
  else if (Math.abs(y - input.projectYear) > 1) c.warning(f.issueDate, `${input.issueDate} 不在项目年度 ${input.projectYear} 年前后一年内，请核对发放日期或项目年度`)

  if (input.assetId !== null) {
    const asset = lookups.asset(input.assetId)
    if (!asset) c.error(f.assetId, `未找到编号为 ${input.assetId} 的资产`)
    else if (asset.class !== '到户类') c.error(f.assetId, `「${asset.code} ${asset.name}」是${asset.class}资产，只能关联到户类资产`)
  }

  // §7.6 — (household, item, issue date, project) should be unique.
  if (household) {
    const dup = lookups.sameLine({ householdId: input.householdId, item, issueDate: input.issueDate, projectName, projectCode, exceptId: current?.id ?? 0 })
    if (dup) c.warning(f.item, `「${household.headName}」户在 ${input.issueDate} 已登记过同一项目的「${item}」（第 ${dup.id} 条），请核对是否重复`)
  }

  return { c, household: household ?? null, values: { projectName, item, spec, projectCode } }
}
