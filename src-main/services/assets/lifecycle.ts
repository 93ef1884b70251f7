import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SaveResult } from '../../api/types/assets'
import { disposalStatuses, statusNeedsMeasures, statusNeedsNote } from '../../domain/asset-enums'
import { AppError } from '../../domain/errors'
import { formatFen } from '../../domain/money'
import { collector, type FieldRef } from '../../domain/severity'
import { recordAudit } from '../audit'
import { getSetting } from '../settings'
import type { ServiceContext } from '../context'
import { enforceFindings } from '../findings'
import { refreshCompleteness } from './completeness'
import { checkOrgInput, getOrg, resolveOrg, type OrgInput } from './orgs'
import { getAssetDetail, getAssetMaster } from './read'
import { todayIso } from '../../domain/dates'
import { checkCustodyValues, hasActiveCustody, writeCustody, type CustodyValues } from './custody'
import { checkCustodyRequired } from './rules'
import { refuseVoided } from './write'

const at = (field: string, label: string): FieldRef => ({ field, label })
const getCountyCode = (ctx: ServiceContext) => getSetting<string>(ctx, 'county.code')
const yuan = (fen: number) => `${formatFen(fen, '元')} 元`

function notFuture(c: ReturnType<typeof collector>, date: string, ref: FieldRef) {
  if (date > todayIso()) c.error(ref, `不能晚于今天（${todayIso()}）`)
}

/** Runs one lifecycle step: checks, writes, refreshes completeness and records the audit row, in one transaction. */
function step<T extends { id: number; acceptWarnings?: boolean }>(
  ctx: ServiceContext,
  input: T,
  what: string,
  work: (asset: ReturnType<typeof getAssetMaster>, c: ReturnType<typeof collector>) => (() => void) | void,
  pick: (d: ReturnType<typeof getAssetDetail>) => unknown,
): SaveResult {
  return ctx.db.transaction(() => {
    const asset = getAssetMaster(ctx, input.id)
    refuseVoided(asset)
    const c = collector()
    const write = work(asset, c)
    const findings = enforceFindings(c.findings(), input.acceptWarnings ?? false)
    const before = pick(getAssetDetail(ctx, asset.id))
    write?.()
    ctx.db.prepare("UPDATE asset SET updated_at = datetime('now', 'localtime') WHERE id = ?").run(asset.id)
    refreshCompleteness(ctx, asset.id)
    recordAudit(ctx, { entity: 'asset', entityId: asset.id, entityName: `${asset.code} ${asset.name}`, action: 'update', summary: what, before, after: pick(getAssetDetail(ctx, asset.id)) })
    return { id: asset.id, code: asset.code, findings }
  })()
}

export function confirmOwnership(
  ctx: ServiceContext,
  input: { id: number; confirmLevel: string; confirmDate: string; certNo: string; owners: { owner: OrgInput; shareBp: number; shareAmountFen: number }[]; acceptWarnings: boolean },
): SaveResult {
  const ownersText = (d: ReturnType<typeof getAssetDetail>) => ({
    confirmLevel: d.confirmLevel,
    confirmDate: d.confirmDate,
    certNo: d.certNo,
    owners: d.owners.map((o) => `${o.owner.name} ${(o.shareBp / 100).toFixed(2)}% ${formatFen(o.shareAmountFen, '元')}元`),
  })
  return step(ctx, input, '确权登记', (asset, c) => {
    if (asset.class === '到户类') c.error(at('owners', '所有权人'), '到户类资产归农户所有，在到户资产花名册中登记，无需确权')
    notFuture(c, input.confirmDate, at('confirmDate', '确权日期'))
    if (asset.acceptanceDate && input.confirmDate < asset.acceptanceDate) c.warning(at('confirmDate', '确权日期'), `早于验收日期 ${asset.acceptanceDate}（历史资产可忽略）`)
    const bp = input.owners.reduce((n, o) => n + o.shareBp, 0)
    const amount = input.owners.reduce((n, o) => n + o.shareAmountFen, 0)
    if (bp !== 10000) c.error(at('owners', '所有权人·份额'), `份额合计 ${(bp / 100).toFixed(2)}%，应为 100%`)
    if (amount !== asset.originalValueFen) c.error(at('owners', '所有权人·份额金额'), `份额金额合计 ${yuan(amount)}，应等于资产原值 ${yuan(asset.originalValueFen)}`)
    if (c.hasErrors()) return
    input.owners.forEach((o, i) => checkOrgInput(c, o.owner, at(`owners.${i}.owner`, `所有权人第${i + 1}行`), getCountyCode(ctx)))
    if (c.hasErrors()) return
    const owners = input.owners.map((o) => ({ ...o, org: resolveOrg(ctx, o.owner) }))
    const ids = owners.map((o) => o.org.id)
    if (new Set(ids).size !== ids.length) c.error(at('owners', '所有权人'), '同一所有权人不能重复列出')
    return () => {
      ctx.db.prepare('DELETE FROM asset_owner_share WHERE asset_id = ?').run(asset.id)
      const insert = ctx.db.prepare('INSERT INTO asset_owner_share (asset_id, owner_org_id, share_bp, share_amount) VALUES (?, ?, ?, ?)')
      for (const o of owners) insert.run(asset.id, o.org.id, o.shareBp, o.shareAmountFen)
      ctx.db.prepare('UPDATE asset SET confirm_level = ?, confirm_date = ?, cert_no = ? WHERE id = ?').run(input.confirmLevel, input.confirmDate, input.certNo || null, asset.id)
    }
  }, ownersText)
}

export function handOver(
  ctx: ServiceContext,
  input: {
    id: number
    handoverDate: string
    fromUnit: string
    toOrg: OrgInput
    supervisorUnit: string
    docNo: string
    items: { name: string; spec: string; unit: string; quantity: number; amountFen: number; note: string }[]
    documents: string[]
    note: string
    acceptWarnings: boolean
  },
): SaveResult {
  const toName = 'id' in input.toOrg ? getOrg(ctx, input.toOrg.id).name : input.toOrg.name
  return step(ctx, input, `移交：${input.fromUnit} → ${toName}`, (asset, c) => {
    if (asset.class === '到户类') c.error(at('toOrg', '接收单位'), '到户类资产直接发放到户，无需办理移交')
    notFuture(c, input.handoverDate, at('handoverDate', '移交日期'))
    if (asset.acceptanceDate && input.handoverDate < asset.acceptanceDate) c.warning(at('handoverDate', '移交日期'), `早于验收日期 ${asset.acceptanceDate}（历史资产可忽略）`)
    checkOrgInput(c, input.toOrg, at('toOrg', '接收单位'))
    if (c.hasErrors()) return
    const to = resolveOrg(ctx, input.toOrg)
    const items = input.items.length
      ? input.items
      : [{ name: asset.name, spec: asset.spec, unit: asset.unit, quantity: asset.quantity, amountFen: asset.originalValueFen, note: '' }]
    return () => {
      ctx.db
        .prepare(
          `INSERT INTO asset_handover (asset_id, handover_date, from_unit, to_org_id, supervisor_unit, doc_no, items_json, documents_json, note)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(asset.id, input.handoverDate, input.fromUnit, to.id, input.supervisorUnit, input.docNo, JSON.stringify(items), JSON.stringify(input.documents), input.note)
      // The asset shows its latest hand-over.
      ctx.db
        .prepare(
          `UPDATE asset SET (handover_date, handover_doc_no) = (SELECT handover_date, doc_no FROM asset_handover WHERE asset_id = ? ORDER BY handover_date DESC, id DESC LIMIT 1) WHERE id = ?`,
        )
        .run(asset.id, asset.id)
    }
  }, (d) => ({ handoverDate: d.handoverDate, handoverDocNo: d.handoverDocNo, handovers: d.handovers.length }))
}

export function setCustodian(
  ctx: ServiceContext,
  input: CustodyValues & { id: number; fromDate: string; acceptWarnings: boolean },
): SaveResult {
  return step(ctx, input, `指定管护：${input.person}`, (asset, c) => {
    checkCustodyValues(c, asset.class, input, input.fromDate)
    if (c.hasErrors()) return
    return () => writeCustody(ctx, asset.id, input, input.fromDate)
  }, (d) => d.custody.filter((x) => x.active).map((x) => ({ custodian: x.custodian.name, person: x.person, phone: x.phone, mode: x.mode, fromDate: x.fromDate })))
}

export function setOperation(
  ctx: ServiceContext,
  input: {
    id: number
    operator: OrgInput
    mode: string
    decisionType: string
    decisionDate: string
    filedWith: string
    contractNo: string
    contractStart: string | null
    contractEnd: string | null
    agreedIncomeFen: number | null
    collateral: string
    equityBp: number | null
    claimPrincipalFen: number | null
    claimDueDate: string | null
    linkMechanism: string
    jobs: number | null
    acceptWarnings: boolean
  },
): SaveResult {
  return step(ctx, input, `登记运营：${input.mode}`, (asset, c) => {
    if (asset.class !== '经营类') c.error(at('operator', '经营主体'), '只有经营类资产登记运营情况')
    notFuture(c, input.decisionDate, at('decisionDate', '决策日期'))
    if (input.contractStart && input.contractEnd && input.contractStart > input.contractEnd) c.error(at('contractEnd', '合同止'), `不能早于合同起 ${input.contractStart}`)
    if (input.mode !== '自主经营' && (!input.contractNo || !input.contractEnd)) c.warning(at('contractNo', '合同编号'), `${input.mode}应签订经营合同，请填写合同编号和起止日期`)
    if (input.contractEnd && input.contractEnd < todayIso()) c.warning(at('contractEnd', '合同止'), `合同已于 ${input.contractEnd} 到期`)
    if (asset.form === '无形资产（股权）' && input.equityBp === null) c.warning(at('equityBp', '持股比例'), '股权类资产应填写持股比例')
    if (asset.form === '无形资产（债权）' && input.claimPrincipalFen === null) c.warning(at('claimPrincipalFen', '债权本金'), '债权类资产应填写债权本金和到期日')
    checkOrgInput(c, input.operator, at('operator', '经营主体'))
    if (c.hasErrors()) return
    const operator = resolveOrg(ctx, input.operator)
    return () => {
      ctx.db.prepare('UPDATE asset_operation SET active = 0 WHERE asset_id = ? AND active = 1').run(asset.id)
      ctx.db
        .prepare(
          `INSERT INTO asset_operation (asset_id, operator_org_id, mode, decision_type, decision_date, filed_with, contract_no, contract_start,
             contract_end, agreed_income, collateral, equity_bp, claim_principal, claim_due_date, link_mechanism, jobs)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          asset.id, operator.id, input.mode, input.decisionType, input.decisionDate, input.filedWith, input.contractNo, input.contractStart,
          input.contractEnd, input.agreedIncomeFen, input.collateral, input.equityBp, input.claimPrincipalFen, input.claimDueDate, input.linkMechanism, input.jobs,
        )
    }
  }, (d) => d.operations.filter((x) => x.active).map((x) => ({ operator: x.operator.name, mode: x.mode, contractNo: x.contractNo, contractEnd: x.contractEnd })))
}

export function changeStatus(
  ctx: ServiceContext,
  input: { id: number; status: string; changeDate: string; note: string; measures: string; docNo: string; acceptWarnings?: boolean },
): SaveResult {
  return step(ctx, input, `状态变动为「${input.status}」`, (asset, c) => {
    if (input.status === asset.status) c.error(at('status', '资产状态'), `资产已是「${asset.status}」状态`)
    if ((disposalStatuses as readonly string[]).includes(input.status)) c.error(at('status', '资产状态'), `「${input.status}」须经资产处置审批后登记，不能直接修改`)
    notFuture(c, input.changeDate, at('changeDate', '变动日期'))
    if (statusNeedsNote(input.status) && !input.note) c.error(at('note', '状态说明'), `状态为「${input.status}」时必须填写状态说明`)
    if (statusNeedsMeasures(input.status) && !input.measures) c.error(at('measures', '盘活措施'), `状态为「${input.status}」时必须填写盘活措施`)
    // §7.7: into an in-use status only with a custodian (E; W for historic records).
    checkCustodyRequired(c, { class: asset.class, status: input.status, historic: asset.historic }, hasActiveCustody(ctx, asset.id), at('status', '资产状态'))
    return () => {
      ctx.db
        .prepare('INSERT INTO asset_status_history (asset_id, from_status, to_status, change_date, reason, measures, doc_no, user) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(asset.id, asset.status, input.status, input.changeDate, input.note, input.measures, input.docNo, ctx.user)
      ctx.db.prepare('UPDATE asset SET status = ?, status_note = ?, revitalize_measures = ? WHERE id = ?').run(input.status, input.note, input.measures, asset.id)
    }
  }, (d) => ({ status: d.status, statusNote: d.statusNote, revitalizeMeasures: d.revitalizeMeasures }))
}

export function addMaintenance(
  ctx: ServiceContext,
  input: { id: number; recordDate: string; kind: string; content: string; costFen: number; payer: string; person: string },
): SaveResult {
  return step(ctx, input, `${input.kind}记录：${input.content.slice(0, 30)}`, (asset, c) => {
    notFuture(c, input.recordDate, at('recordDate', '日期'))
    if (asset.inUseDate && input.recordDate < asset.inUseDate) c.error(at('recordDate', '日期'), `不能早于建成投用日期 ${asset.inUseDate}`)
    return () => {
      ctx.db
        .prepare('INSERT INTO asset_maintenance (asset_id, record_date, kind, content, cost, payer, person) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(asset.id, input.recordDate, input.kind, input.content, input.costFen, input.payer, input.person)
    }
  }, (d) => ({ maintenance: d.maintenance.length }))
}

const MAX_ATTACHMENT = 20 * 1024 * 1024

/** Copies an attachment into the data folder (attachments/ab/<sha256>-<name>) and records it with its hash. */
export function addAttachment(
  ctx: ServiceContext,
  input: { id: number; category: string; fileName: string; contentBase64: string; docNo: string; docDate: string | null },
): { id: number; sha256: string } {
  const content = Buffer.from(input.contentBase64, 'base64')
  if (content.length === 0) throw new AppError('INVALID', `附件「${input.fileName}」是空文件。`, [{ level: 'E', field: 'contentBase64', label: '文件内容', message: '空文件' }])
  if (content.length > MAX_ATTACHMENT) throw new AppError('INVALID', `附件「${input.fileName}」超过 20 MB。`)
  const sha256 = createHash('sha256').update(content).digest('hex')
  const relative = join('attachments', sha256.slice(0, 2), `${sha256}-${input.fileName}`)
  return ctx.db.transaction(() => {
    const asset = getAssetMaster(ctx, input.id)
    mkdirSync(join(ctx.paths.dataDir, 'attachments', sha256.slice(0, 2)), { recursive: true })
    writeFileSync(join(ctx.paths.dataDir, relative), content)
    const info = ctx.db
      .prepare(
        `INSERT INTO attachment (entity, entity_id, category, file_name, stored_path, sha256, size_bytes, doc_no, doc_date)
         VALUES ('asset', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(asset.id, input.category, input.fileName, relative, sha256, content.length, input.docNo, input.docDate)
    refreshCompleteness(ctx, asset.id)
    recordAudit(ctx, { entity: 'asset', entityId: asset.id, entityName: `${asset.code} ${asset.name}`, action: 'update', summary: `上传附件「${input.fileName}」（${input.category}）`, after: { fileName: input.fileName, sha256, sizeBytes: content.length } })
    return { id: Number(info.lastInsertRowid), sha256 }
  })()
}

/** Where an attachment's file is, for opening it with the system's viewer. */
export function locateAttachment(ctx: ServiceContext, id: number): { path: string; fileName: string } {
  const row = ctx.db.prepare('SELECT stored_path AS storedPath, file_name AS fileName FROM attachment WHERE id = ?').get(id) as
    | { storedPath: string; fileName: string }
    | undefined
  if (!row) throw new AppError('NOT_FOUND', `未找到编号为 ${id} 的附件。`)
  return { path: join(ctx.paths.dataDir, row.storedPath), fileName: row.fileName }
}
