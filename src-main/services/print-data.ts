/**
 * Reads what the templates print, from the database. Sensitive values (ID numbers, phones, bank
 * accounts) leave here only wrapped in `Sensitive` (public-view.ts), never as plain strings.
 */
import { readFileSync } from 'node:fs'
import { fundSourceTypes, type AssetClass } from '../domain/asset-enums'
import { AppError, notFound } from '../domain/errors'
import type { MoneyUnit } from '../domain/money'
import { todayIso } from '../domain/dates'
import { getAssetDetail } from './assets/read'
import { locateAttachment } from './assets/lifecycle'
import type { AttachmentInfo } from '../api/types/assets'
import type { ServiceContext } from './context'
import { getSetting } from './settings'
import type { PrintHeader } from '../print/blocks'
import { bank, idCard, phone, type Sensitive } from '../print/public-view'
import type { AssetPrintRecord, CardPhoto } from '../print/templates/asset-forms'
import type { ReceiptHousehold } from '../print/templates/household-receipt'
import type { LedgerRowBase } from '../print/templates/ledger'
import { assetJoins, assetOperationJoins, liveAsset, ownerNamesSql } from './assets/ledger'

/** A ledger or a batch bigger than this is refused: print one 乡镇 or 村 at a time. */
export const MAX_LEDGER_ROWS = 20_000
export const MAX_BATCH = 300

export function printHeader(ctx: ServiceContext, date?: string): PrintHeader {
  return {
    countyName: getSetting<string>(ctx, 'county.name'),
    unitName: getSetting<string>(ctx, 'org.unitName'),
    assetLabel: getSetting<string>(ctx, 'display.assetLabel'),
    moneyUnit: getSetting<MoneyUnit>(ctx, 'display.moneyUnit'),
    supervisionPhone: getSetting<string>(ctx, 'org.supervisionPhone'),
    date: date ?? todayIso(),
  }
}

export function regionName(ctx: ServiceContext, code: string | undefined | null): string | null {
  if (!code) return null
  const row = ctx.db.prepare('SELECT name FROM region WHERE code = ?').get(code) as { name: string } | undefined
  if (!row) throw notFound('区划', code)
  return row.name
}

/** The town of a village, for titles and checks. */
export function townOfVillage(ctx: ServiceContext, villageCode: string): string {
  const row = ctx.db.prepare('SELECT parent_code AS p FROM region WHERE code = ?').get(villageCode) as { p: string } | undefined
  if (!row) throw notFound('村（嘎查）', villageCode)
  return row.p
}

const fiscalList = fundSourceTypes
  .filter((t) => t.fiscal)
  .map((t) => `'${t.code}'`)
  .join(', ')

export interface ScopeFilter {
  townCode?: string
  villageCode?: string
}

function scopeWhere(alias: string, scope: ScopeFilter) {
  const parts: string[] = []
  const params: Record<string, unknown> = {}
  if (scope.townCode) {
    parts.push(`${alias}.town_code = @townCode`)
    params.townCode = scope.townCode
  }
  if (scope.villageCode) {
    parts.push(`${alias}.village_code = @villageCode`)
    params.villageCode = scope.villageCode
  }
  return { parts, params }
}

function guardCount(n: number, what: string, max: number) {
  if (n > max) throw new AppError('PRINT_TOO_LARGE', `所选范围共有${n}条${what}，一次最多打印${max}条，请选择一个乡镇（苏木）或村（嘎查）后再打印。`)
}

/** Rows of the 公益类 / 经营类 ledger, ordered by town, village and code. */
export function loadAssetLedgerRows(ctx: ServiceContext, cls: Exclude<AssetClass, '到户类'>, scope: ScopeFilter): LedgerRowBase[] {
  const { parts, params } = scopeWhere('a', scope)
  parts.unshift('a.class = @class', liveAsset('a'))
  params.class = cls
  const where = `WHERE ${parts.join(' AND ')}`
  guardCount((ctx.db.prepare(`SELECT count(*) AS n FROM asset a ${where}`).get(params) as { n: number }).n, '资产', MAX_LEDGER_ROWS)
  const rows = ctx.db
    .prepare(
      `SELECT a.code, a.name, coalesce(d.name, a.subtype_code) AS subtypeName, a.spec, a.unit, a.quantity,
         a.original_value AS originalValueFen,
         coalesce((SELECT sum(f.amount) FROM asset_fund_source f WHERE f.asset_id = a.id AND f.source_type IN (${fiscalList})), 0) AS fiscalFen,
         a.fund_year AS fundYear, a.town_code AS townCode, t.name AS townName, a.village_code AS villageCode, v.name AS villageName,
         ${ownerNamesSql} AS ownerNames,
         co.name AS custodianName, c.person AS custodianPerson, c.phone AS custodianPhone,
         oo.name AS operatorName, op.mode AS operatingMode, op.contract_start AS contractStart, op.contract_end AS contractEnd,
         op.agreed_income AS agreedIncomeFen, a.handover_date AS handoverDate, a.confirm_date AS confirmDate, a.status, a.remarks
       FROM asset a
       ${assetJoins}
       ${assetOperationJoins}
       ${where}
       ORDER BY t.sort, a.town_code, v.sort IS NULL, v.sort, a.village_code, a.code`,
    )
    .all(params) as (LedgerRowBase & { custodianPhone: string | null; contractStart: string | null; contractEnd: string | null })[]
  return rows.map(({ custodianPhone, contractStart, contractEnd, ...r }) => ({
    ...r,
    custodianPhone: phone(custodianPhone) as Sensitive,
    contractPeriod: contractStart || contractEnd ? `${contractStart ?? ''}至${contractEnd ?? ''}` : '',
  }))
}

/** Rows of the 到户类 ledger (one per household per item, §2.5), ordered by town, village, household. */
export function loadHouseholdLedgerRows(ctx: ServiceContext, scope: ScopeFilter & { projectYear?: number }): LedgerRowBase[] {
  const { parts, params } = scopeWhere('l', scope)
  if (scope.projectYear) {
    parts.push('l.project_year = @projectYear')
    params.projectYear = scope.projectYear
  }
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : ''
  guardCount((ctx.db.prepare(`SELECT count(*) AS n FROM household_asset_line l ${where}`).get(params) as { n: number }).n, '到户资产', MAX_LEDGER_ROWS)
  const rows = ctx.db
    .prepare(
      `SELECT h.head_name AS headName, h.id_no AS idNo, h.attribute, h.size, h.group_name AS groupName, h.phone, h.bank_account AS bankAccount,
         l.project_name AS projectName, l.item, l.spec, l.unit, l.quantity, l.standard AS standardFen, l.amount AS amountFen,
         l.issue_method AS issueMethod, l.issue_date AS issueDate, l.current_status AS currentStatus,
         l.town_code AS townCode, t.name AS townName, l.village_code AS villageCode, v.name AS villageName
       FROM household_asset_line l
       JOIN household h ON h.id = l.household_id
       LEFT JOIN region t ON t.code = l.town_code
       LEFT JOIN region v ON v.code = l.village_code
       ${where}
       ORDER BY t.sort, l.town_code, v.sort, l.village_code, h.group_name, h.head_name, h.id, l.project_year, l.id`,
    )
    .all(params) as (LedgerRowBase & { idNo: string; phone: string; bankAccount: string })[]
  return rows.map((r) => ({ ...r, idNo: idCard(r.idNo), phone: phone(r.phone), bankAccount: bank(r.bankAccount) }))
}

/** Full records of the assets a form is printed for: one asset, or every asset of a village (a batch). */
export function loadAssetRecords(ctx: ServiceContext, scope: { assetId?: number; villageCode?: string; townCode?: string; class?: AssetClass }): AssetPrintRecord[] {
  let ids: number[]
  if (scope.assetId) ids = [scope.assetId]
  else if (scope.villageCode || scope.townCode) {
    const { parts, params } = scopeWhere('a', scope)
    if (scope.class) {
      parts.push('a.class = @class')
      params.class = scope.class
    } else parts.push("a.class <> '到户类'")
    parts.push(liveAsset('a'))
    const where = `WHERE ${parts.join(' AND ')}`
    ids = (ctx.db.prepare(`SELECT a.id FROM asset a ${where} ORDER BY a.village_code, a.code`).all(params) as { id: number }[]).map((r) => r.id)
    guardCount(ids.length, '资产', MAX_BATCH)
  } else throw new AppError('INVALID', '请选择一项资产，或选择一个村（嘎查）批量打印。')
  const sourceNames = Object.fromEntries(fundSourceTypes.map((t) => [t.code, t.name]))
  return ids.map((id) => {
    const { custody, attachments, problems: _problems, ...detail } = getAssetDetail(ctx, id)
    return {
      ...detail,
      attachmentCount: attachments.length,
      photos: cardPhotos(ctx, attachments),
      custody: custody.map((c) => ({ ...c, phone: phone(c.phone) })),
      fundSourceNames: sourceNames,
      regionCode: detail.villageCode ?? detail.townCode,
    }
  })
}

/** Largest photo embedded in a card; a bigger one is left to the attachment list. */
const MAX_PHOTO_BYTES = 8 * 1048576
const PHOTO_CATEGORY = '照片'

/** JPEG or PNG by the file's first bytes (the name may lie); null for anything else. */
function imageType(head: Buffer): 'image/jpeg' | 'image/png' | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  return null
}

/**
 * The card's photos (§6.1 ⑧): the first two JPEG/PNG attachments, those of category 照片 first,
 * read from the data folder and embedded; a missing or unreadable file is skipped.
 */
function cardPhotos(ctx: ServiceContext, attachments: AttachmentInfo[]): CardPhoto[] {
  const candidates = [...attachments]
    .filter((a) => a.sizeBytes <= MAX_PHOTO_BYTES && /\.(jpe?g|png)$/i.test(a.fileName))
    .sort((x, y) => Number(y.category === PHOTO_CATEGORY) - Number(x.category === PHOTO_CATEGORY) || x.id - y.id)
  const photos: CardPhoto[] = []
  for (const a of candidates) {
    if (photos.length === 2) break
    let bytes: Buffer
    try {
      bytes = readFileSync(locateAttachment(ctx, a.id).path)
    } catch {
      continue
    }
    const type = imageType(bytes)
    if (type) photos.push({ fileName: a.fileName, dataUri: `data:${type};base64,${bytes.toString('base64')}` })
  }
  return photos
}

/** Households with their issued items: one household, or every household of a village (optionally one year). */
export function loadReceiptHouseholds(ctx: ServiceContext, scope: { householdId?: number; villageCode?: string; projectYear?: number }): ReceiptHousehold[] {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (scope.householdId) {
    where.push('h.id = @householdId')
    params.householdId = scope.householdId
  } else if (scope.villageCode) {
    where.push('h.village_code = @villageCode')
    params.villageCode = scope.villageCode
  } else throw new AppError('INVALID', '请选择一户，或选择一个村（嘎查）批量打印。')
  const yearCond = scope.projectYear ? 'AND l.project_year = @projectYear' : ''
  if (scope.projectYear) params.projectYear = scope.projectYear
  const households = ctx.db
    .prepare(
      `SELECT h.id, h.head_name AS headName, h.id_no AS idNo, h.phone, h.bank_account AS bankAccount, h.attribute, h.size,
         t.name AS townName, v.name AS villageName, h.group_name AS groupName
       FROM household h LEFT JOIN region t ON t.code = h.town_code LEFT JOIN region v ON v.code = h.village_code
       WHERE ${where.join(' AND ')} AND EXISTS (SELECT 1 FROM household_asset_line l WHERE l.household_id = h.id ${yearCond})
       ORDER BY h.group_name, h.head_name, h.id`,
    )
    .all(params) as { id: number; idNo: string; phone: string; bankAccount: string; headName: string; attribute: string; size: number; townName: string; villageName: string; groupName: string }[]
  if (scope.householdId && !households.length) {
    const exists = ctx.db.prepare('SELECT 1 FROM household WHERE id = ?').get(scope.householdId)
    if (!exists) throw notFound('农户', scope.householdId)
  }
  guardCount(households.length, '农户', MAX_BATCH)
  const linesOf = ctx.db.prepare(
    `SELECT l.project_name AS projectName, l.project_year AS projectYear, l.item, l.spec, l.unit, l.quantity, l.standard AS standardFen,
       l.amount AS amountFen, l.self_raised AS selfRaisedFen, l.issue_method AS issueMethod, l.issue_date AS issueDate, l.tag_no AS tagNo
     FROM household_asset_line l WHERE l.household_id = @id ${yearCond} ORDER BY l.issue_date, l.id`,
  )
  return households.map(({ id, idNo, phone: tel, bankAccount, ...h }) => ({
    ...h,
    idNo: idCard(idNo),
    phone: phone(tel),
    bankAccount: bank(bankAccount),
    lines: linesOf.all(scope.projectYear ? { id, projectYear: scope.projectYear } : { id }) as ReceiptHousehold['lines'],
  }))
}
