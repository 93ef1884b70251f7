import type {
  AssetDetail,
  AssetMaster,
  AttachmentInfo,
  CustodyRecord,
  FundSourceLine,
  HandoverRecord,
  MaintenanceRecord,
  OperationRecord,
  OwnerShare,
  StatusChange,
} from '../../api/types/assets'
import { fundSourceTypes } from '../../domain/asset-enums'
import { notFound } from '../../domain/errors'
import type { ServiceContext } from '../context'
import { problemsOfAsset } from './problems'

/** Asset master columns under their API names, with region and sub-type names joined. */
export const assetMasterSelect = `
  SELECT a.id, a.code, a.external_code AS externalCode, a.name, a.class, a.subtype_code AS subtypeCode,
    coalesce(d.name, a.subtype_code) AS subtypeName, a.form, a.property_nature AS propertyNature, a.spec, a.unit,
    a.quantity, a.original_value AS originalValueFen, a.total_investment AS totalInvestmentFen,
    a.acc_depreciation AS accDepreciationFen, a.net_value AS netValueFen, a.project_name AS projectName,
    a.project_code AS projectCode, a.fund_year AS fundYear, a.fund_doc_no AS fundDocNo, a.town_code AS townCode,
    t.name AS townName, a.village_code AS villageCode, v.name AS villageName, a.group_name AS groupName, a.location,
    a.sector_dept AS sectorDept, a.impl_unit AS implUnit, a.start_date AS startDate, a.completion_date AS completionDate,
    a.acceptance_date AS acceptanceDate, a.in_use_date AS inUseDate, a.handover_date AS handoverDate,
    a.handover_doc_no AS handoverDocNo, a.confirm_level AS confirmLevel, a.confirm_date AS confirmDate, a.cert_no AS certNo,
    a.status, a.status_note AS statusNote, a.revitalize_measures AS revitalizeMeasures,
    a.beneficiary_households AS beneficiaryHouseholds, a.beneficiary_persons AS beneficiaryPersons,
    a.poor_households AS poorHouseholds, a.poor_persons AS poorPersons, a.monitor_households AS monitorHouseholds,
    a.monitor_persons AS monitorPersons, a.beneficiary_villages AS beneficiaryVillages, a.remarks, a.historic,
    a.completeness, a.created_at AS createdAt, a.updated_at AS updatedAt
  FROM asset a
  LEFT JOIN region t ON t.code = a.town_code
  LEFT JOIN region v ON v.code = a.village_code
  LEFT JOIN dict d ON d.type = 'asset_subtype' AND d.code = a.subtype_code`

export function getAssetMaster(ctx: ServiceContext, id: number): AssetMaster {
  const row = ctx.db.prepare(`${assetMasterSelect} WHERE a.id = ?`).get(id) as (Omit<AssetMaster, 'historic'> & { historic: number }) | undefined
  if (!row) throw notFound('资产', id)
  return { ...row, historic: !!row.historic }
}

const orgColumns = (alias: string) =>
  `json_object('id', ${alias}.id, 'name', ${alias}.name, 'orgType', ${alias}.org_type, 'uscc', ${alias}.uscc, 'regionCode', ${alias}.region_code)`

export function getAssetDetail(ctx: ServiceContext, id: number): AssetDetail {
  const master = getAssetMaster(ctx, id)
  const all = <T>(sql: string) => ctx.db.prepare(sql).all(id) as T[]
  const fundSources = all<Omit<FundSourceLine, 'integrated'> & { integrated: number }>(
    `SELECT id, source_type AS sourceType, level, task_line AS taskLine, integrated, amount AS amountFen, doc_no AS docNo,
       fund_year AS fundYear, note FROM asset_fund_source WHERE asset_id = ? ORDER BY id`,
  ).map((f) => ({ ...f, integrated: !!f.integrated }))
  const fiscalCodes = new Set<string>(fundSourceTypes.filter((t) => t.fiscal).map((t) => t.code))
  const owners = all<{ owner: string; shareBp: number; shareAmountFen: number }>(
    `SELECT ${orgColumns('o')} AS owner, s.share_bp AS shareBp, s.share_amount AS shareAmountFen
     FROM asset_owner_share s JOIN org o ON o.id = s.owner_org_id WHERE s.asset_id = ? ORDER BY s.share_bp DESC, s.id`,
  ).map((r): OwnerShare => ({ ...r, owner: JSON.parse(r.owner) }))
  const handovers = all<Record<string, string>>(
    `SELECT h.id, h.handover_date AS handoverDate, h.from_unit AS fromUnit, ${orgColumns('o')} AS toOrg,
       h.supervisor_unit AS supervisorUnit, h.doc_no AS docNo, h.items_json AS items, h.documents_json AS documents, h.note
     FROM asset_handover h JOIN org o ON o.id = h.to_org_id WHERE h.asset_id = ? ORDER BY h.handover_date, h.id`,
  ).map((r) => ({ ...r, toOrg: JSON.parse(r.toOrg), items: JSON.parse(r.items), documents: JSON.parse(r.documents) }) as unknown as HandoverRecord)
  const custody = all<Record<string, unknown>>(
    `SELECT c.id, ${orgColumns('o')} AS custodian, c.person, c.phone, c.is_public_post AS isPublicPost, c.mode,
       c.budget_per_year AS budgetPerYearFen, c.budget_source AS budgetSource, c.from_date AS fromDate, c.to_date AS toDate, c.active
     FROM asset_custody c JOIN org o ON o.id = c.custodian_org_id WHERE c.asset_id = ? ORDER BY c.active DESC, c.from_date DESC, c.id DESC`,
  ).map((r) => ({ ...r, custodian: JSON.parse(r.custodian as string), isPublicPost: !!r.isPublicPost, active: !!r.active }) as CustodyRecord)
  const operations = all<Record<string, unknown>>(
    `SELECT p.id, ${orgColumns('o')} AS operator, p.mode, p.decision_type AS decisionType, p.decision_date AS decisionDate,
       p.filed_with AS filedWith, p.contract_no AS contractNo, p.contract_start AS contractStart, p.contract_end AS contractEnd,
       p.agreed_income AS agreedIncomeFen, p.collateral, p.equity_bp AS equityBp, p.claim_principal AS claimPrincipalFen,
       p.claim_due_date AS claimDueDate, p.link_mechanism AS linkMechanism, p.jobs, p.active
     FROM asset_operation p JOIN org o ON o.id = p.operator_org_id WHERE p.asset_id = ? ORDER BY p.active DESC, p.id DESC`,
  ).map((r) => ({ ...r, operator: JSON.parse(r.operator as string), active: !!r.active }) as OperationRecord)
  const statusHistory = all<StatusChange>(
    `SELECT id, from_status AS fromStatus, to_status AS toStatus, change_date AS changeDate, reason, measures, doc_no AS docNo,
       user, created_at AS createdAt FROM asset_status_history WHERE asset_id = ? ORDER BY change_date DESC, id DESC`,
  )
  const maintenance = all<MaintenanceRecord>(
    `SELECT id, record_date AS recordDate, kind, content, cost AS costFen, payer, person
     FROM asset_maintenance WHERE asset_id = ? ORDER BY record_date DESC, id DESC`,
  )
  const attachments = all<AttachmentInfo>(
    `SELECT id, category, file_name AS fileName, sha256, size_bytes AS sizeBytes, doc_no AS docNo, doc_date AS docDate,
       created_at AS createdAt FROM attachment WHERE entity = 'asset' AND entity_id = ? ORDER BY id`,
  )
  return {
    ...master,
    fundSources,
    fiscalFen: fundSources.filter((f) => fiscalCodes.has(f.sourceType)).reduce((n, f) => n + f.amountFen, 0),
    owners,
    handovers,
    custody,
    operations,
    statusHistory,
    maintenance,
    attachments,
    problems: problemsOfAsset(ctx, id),
  }
}
