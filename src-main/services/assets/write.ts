import type { SaveResult } from '../../api/types/assets'
import type { AssetClass } from '../../domain/asset-enums'
import { todayIso } from '../../domain/dates'
import { AppError } from '../../domain/errors'
import { recordAudit } from '../audit'
import type { ServiceContext } from '../context'
import { enforceFindings } from '../findings'
import { searchKey } from '../search'
import { takeAssetCode } from './codes'
import { refreshCompleteness } from './completeness'
import { getAssetDetail, getAssetMaster } from './read'
import { checkCustodyValues, custodyRef, writeCustody } from './custody'
import { checkAsset, checkCustodyRequired, VOID_STATUS, type AssetInput } from './rules'

const masterColumns = {
  external_code: (i: AssetInput) => i.externalCode,
  name: (i: AssetInput) => i.name,
  class: (i: AssetInput) => i.class,
  subtype_code: (i: AssetInput) => i.subtypeCode,
  form: (i: AssetInput) => i.form,
  property_nature: (i: AssetInput) => i.propertyNature,
  spec: (i: AssetInput) => i.spec,
  unit: (i: AssetInput) => i.unit,
  quantity: (i: AssetInput) => i.quantity,
  original_value: (i: AssetInput) => i.originalValueFen,
  total_investment: (i: AssetInput) => i.totalInvestmentFen,
  acc_depreciation: (i: AssetInput) => i.accDepreciationFen,
  net_value: (i: AssetInput) => i.netValueFen,
  project_name: (i: AssetInput) => i.projectName,
  project_code: (i: AssetInput) => i.projectCode,
  fund_year: (i: AssetInput) => i.fundYear,
  fund_doc_no: (i: AssetInput) => i.fundDocNo,
  town_code: (i: AssetInput) => i.townCode,
  village_code: (i: AssetInput) => i.villageCode,
  group_name: (i: AssetInput) => i.groupName,
  location: (i: AssetInput) => i.location,
  sector_dept: (i: AssetInput) => i.sectorDept,
  impl_unit: (i: AssetInput) => i.implUnit,
  start_date: (i: AssetInput) => i.startDate ?? null,
  completion_date: (i: AssetInput) => i.completionDate ?? null,
  acceptance_date: (i: AssetInput) => i.acceptanceDate ?? null,
  in_use_date: (i: AssetInput) => i.inUseDate ?? null,
  confirm_level: (i: AssetInput) => i.confirmLevel,
  beneficiary_households: (i: AssetInput) => i.beneficiaryHouseholds,
  beneficiary_persons: (i: AssetInput) => i.beneficiaryPersons,
  poor_households: (i: AssetInput) => i.poorHouseholds,
  poor_persons: (i: AssetInput) => i.poorPersons,
  monitor_households: (i: AssetInput) => i.monitorHouseholds,
  monitor_persons: (i: AssetInput) => i.monitorPersons,
  beneficiary_villages: (i: AssetInput) => i.beneficiaryVillages,
  remarks: (i: AssetInput) => i.remarks,
  historic: (i: AssetInput) => (i.historic ? 1 : 0),
  search_key: (i: AssetInput) => searchKey(`${i.name} ${i.projectName}`),
}
const columnNames = Object.keys(masterColumns) as (keyof typeof masterColumns)[]
const values = (input: AssetInput) => columnNames.map((c) => masterColumns[c](input))

function writeFundSources(ctx: ServiceContext, assetId: number, input: AssetInput) {
  ctx.db.prepare('DELETE FROM asset_fund_source WHERE asset_id = ?').run(assetId)
  const insert = ctx.db.prepare(
    `INSERT INTO asset_fund_source (asset_id, source_type, level, task_line, integrated, amount, doc_no, fund_year, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const f of input.fundSources) {
    insert.run(assetId, f.sourceType, f.level, f.taskLine, f.integrated ? 1 : 0, f.amountFen, f.docNo, f.fundYear, f.note)
  }
}

/** The audit snapshot of an asset: its master fields and funding lines. */
const snapshot = (ctx: ServiceContext, id: number) => {
  const detail = getAssetDetail(ctx, id)
  const { problems: _p, attachments: _a, statusHistory: _s, maintenance: _m, handovers: _h, custody: _c, operations: _o, owners: _w, ...rest } = detail
  return rest
}

/** The custody part of an audit snapshot. */
const custodySnapshot = (ctx: ServiceContext, id: number) =>
  getAssetDetail(ctx, id)
    .custody.filter((c) => c.active)
    .map((c) => ({ custodian: c.custodian.name, person: c.person, phone: c.phone, mode: c.mode, isPublicPost: c.isPublicPost, budgetPerYearFen: c.budgetPerYearFen, fromDate: c.fromDate }))

export function createAsset(ctx: ServiceContext, input: AssetInput): SaveResult {
  return ctx.db.transaction(() => {
    const c = checkAsset(ctx, input)
    // A new asset is registered 正常 (in use): §7.7 wants its custody with it.
    const custody = input.custody ?? null
    const custodyFrom = custody?.fromDate ?? input.inUseDate ?? input.acceptanceDate ?? todayIso()
    if (custody) checkCustodyValues(c, input.class, custody, custodyFrom, 'custody')
    checkCustodyRequired(c, { class: input.class, status: '正常', historic: input.historic }, !!custody, custodyRef('custody', 'custodian', '管护主体'))
    const findings = enforceFindings(c.findings(), input.acceptWarnings)
    const code = takeAssetCode(ctx, input.class as AssetClass, input.fundYear)
    const info = ctx.db
      .prepare(`INSERT INTO asset (code, created_by, ${columnNames.join(', ')}) VALUES (?, ?, ${columnNames.map(() => '?').join(', ')})`)
      .run(code, ctx.user, ...values(input))
    const id = Number(info.lastInsertRowid)
    writeFundSources(ctx, id, input)
    if (custody) writeCustody(ctx, id, custody, custodyFrom)
    ctx.db
      .prepare("INSERT INTO asset_status_history (asset_id, from_status, to_status, change_date, reason, user) VALUES (?, NULL, '正常', ?, '登记', ?)")
      .run(id, input.inUseDate ?? input.acceptanceDate ?? todayIso(), ctx.user)
    refreshCompleteness(ctx, id)
    recordAudit(ctx, { entity: 'asset', entityId: id, entityName: `${code} ${input.name}`, action: 'create', summary: `登记${input.class}资产「${input.name}」`, after: { ...snapshot(ctx, id), custody: custodySnapshot(ctx, id) } })
    return { id, code, findings }
  })()
}

export function updateAsset(ctx: ServiceContext, input: AssetInput & { id: number }): SaveResult {
  return ctx.db.transaction(() => {
    const current = getAssetMaster(ctx, input.id)
    refuseVoided(current)
    if (current.class !== input.class) {
      throw new AppError('INVALID', `资产类别不能由${current.class}改为${input.class}：类别决定资产编号和所在台账，请作废后重新登记。`, [
        { level: 'E', field: 'class', label: '资产类别', message: '不能修改' },
      ])
    }
    const findings = enforceFindings(checkAsset(ctx, input).findings(), input.acceptWarnings)
    const before = snapshot(ctx, input.id)
    ctx.db
      .prepare(`UPDATE asset SET ${columnNames.map((c) => `${c} = ?`).join(', ')}, updated_at = datetime('now', 'localtime') WHERE id = ?`)
      .run(...values(input), input.id)
    writeFundSources(ctx, input.id, input)
    refreshCompleteness(ctx, input.id)
    const after = snapshot(ctx, input.id)
    recordAudit(ctx, { entity: 'asset', entityId: input.id, entityName: `${current.code} ${input.name}`, action: 'update', summary: `修改资产信息`, before, after })
    return { id: input.id, code: current.code, findings }
  })()
}

/** A voided asset is kept as it was: nothing more is registered on it. */
export function refuseVoided(asset: { code: string; status: string; statusNote?: string }) {
  if (asset.status === VOID_STATUS) throw new AppError('INVALID', `资产 ${asset.code} 已作废，不能再修改或办理业务。`, [{ level: 'E', field: 'id', label: '资产', message: '已作废' }])
}

/**
 * 作废: for a record registered by mistake (a duplicate, a wrong class). The record and its code stay
 * (codes are never reused), its status becomes 已作废 with the reason, in the status history and the
 * audit log; the ledgers, totals, overview and problem list leave it out (see ledgerWhere, problems.ts).
 */
export function voidAsset(ctx: ServiceContext, input: { id: number; reason: string }): SaveResult {
  return ctx.db.transaction(() => {
    const asset = getAssetMaster(ctx, input.id)
    refuseVoided(asset)
    const lines = (ctx.db.prepare('SELECT count(*) AS n FROM household_asset_line WHERE asset_id = ?').get(asset.id) as { n: number }).n
    if (lines > 0) {
      throw new AppError('INVALID', `资产 ${asset.code} 下挂有 ${lines} 条到户资产明细，不能作废；请先删除这些明细或改挂到其他资产。`, [
        { level: 'E', field: 'id', label: '资产', message: `下挂 ${lines} 条到户资产明细` },
      ])
    }
    ctx.db
      .prepare('INSERT INTO asset_status_history (asset_id, from_status, to_status, change_date, reason, user) VALUES (?, ?, ?, ?, ?, ?)')
      .run(asset.id, asset.status, VOID_STATUS, todayIso(), input.reason, ctx.user)
    ctx.db.prepare("UPDATE asset SET status = ?, status_note = ?, updated_at = datetime('now', 'localtime') WHERE id = ?").run(VOID_STATUS, input.reason, asset.id)
    recordAudit(ctx, {
      entity: 'asset',
      entityId: asset.id,
      entityName: `${asset.code} ${asset.name}`,
      action: 'update',
      summary: `作废资产：${input.reason}`,
      before: { status: asset.status, statusNote: asset.statusNote },
      after: { status: VOID_STATUS, statusNote: input.reason },
    })
    return { id: asset.id, code: asset.code, findings: [] }
  })()
}
