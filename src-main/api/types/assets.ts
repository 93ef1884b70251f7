import type { RuleFinding } from './rules'

export type AssetClassName = '公益类' | '经营类' | '到户类'

export interface FundSourceLine {
  id?: number
  sourceType: string
  level: string | null
  taskLine: string
  integrated: boolean
  amountFen: number
  docNo: string
  fundYear: number | null
  note: string
}

export interface OrgRef {
  id: number
  name: string
  orgType: string
  uscc: string | null
  regionCode: string | null
}

export interface OwnerShare {
  owner: OrgRef
  shareBp: number
  shareAmountFen: number
}

export interface HandoverRecord {
  id: number
  handoverDate: string
  fromUnit: string
  toOrg: OrgRef
  supervisorUnit: string
  docNo: string
  items: { name: string; spec: string; unit: string; quantity: number; amountFen: number; note: string }[]
  documents: string[]
  note: string
}

export interface CustodyRecord {
  id: number
  custodian: OrgRef
  person: string
  phone: string
  isPublicPost: boolean
  mode: string
  budgetPerYearFen: number | null
  budgetSource: string
  fromDate: string
  toDate: string | null
  active: boolean
}

export interface OperationRecord {
  id: number
  operator: OrgRef
  mode: string
  decisionType: string
  decisionDate: string | null
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
  active: boolean
}

export interface StatusChange {
  id: number
  fromStatus: string | null
  toStatus: string
  changeDate: string
  reason: string
  measures: string
  docNo: string
  user: string
  createdAt: string
}

export interface MaintenanceRecord {
  id: number
  recordDate: string
  kind: '巡查' | '维修' | '养护'
  content: string
  costFen: number
  payer: string
  person: string
}

export interface AttachmentInfo {
  id: number
  category: string
  fileName: string
  sha256: string
  sizeBytes: number
  docNo: string
  docDate: string | null
  createdAt: string
}

/** The master fields of an asset as stored (domain.md §2.1). */
export interface AssetMaster {
  id: number
  code: string
  externalCode: string | null
  name: string
  class: AssetClassName
  subtypeCode: string
  subtypeName: string
  form: string
  propertyNature: string
  spec: string
  unit: string
  quantity: number
  originalValueFen: number
  totalInvestmentFen: number
  accDepreciationFen: number
  netValueFen: number | null
  projectName: string
  projectCode: string
  fundYear: number
  fundDocNo: string
  townCode: string
  townName: string
  villageCode: string | null
  villageName: string | null
  groupName: string
  location: string
  sectorDept: string
  implUnit: string
  startDate: string | null
  completionDate: string | null
  acceptanceDate: string | null
  inUseDate: string | null
  handoverDate: string | null
  handoverDocNo: string | null
  confirmLevel: string
  confirmDate: string | null
  certNo: string | null
  status: string
  statusNote: string
  revitalizeMeasures: string
  beneficiaryHouseholds: number
  beneficiaryPersons: number
  poorHouseholds: number
  poorPersons: number
  monitorHouseholds: number
  monitorPersons: number
  beneficiaryVillages: number | null
  remarks: string
  historic: boolean
  completeness: number
  createdAt: string
  updatedAt: string
}

export interface AssetDetail extends AssetMaster {
  fundSources: FundSourceLine[]
  /** Σ of the fiscal source lines (其中：财政资金), derived. */
  fiscalFen: number
  owners: OwnerShare[]
  handovers: HandoverRecord[]
  custody: CustodyRecord[]
  operations: OperationRecord[]
  statusHistory: StatusChange[]
  maintenance: MaintenanceRecord[]
  attachments: AttachmentInfo[]
  /** Open problems of this asset (same kinds as the county problem list). */
  problems: { kind: string; message: string }[]
}

/** One ledger row: what the list views show, computed in SQL. */
export interface AssetLedgerRow {
  id: number
  code: string
  name: string
  class: AssetClassName
  subtypeName: string
  townName: string
  villageName: string | null
  fundYear: number
  unit: string
  quantity: number
  originalValueFen: number
  status: string
  ownerNames: string
  custodianName: string | null
  custodianPerson: string | null
  confirmDate: string | null
  handoverDate: string | null
  completeness: number
}

export interface LedgerTotals {
  count: number
  originalValueFen: number
  /** With 显示已作废: how many of `count` are voided (not in `originalValueFen`). */
  voidedCount?: number
}

export interface SaveResult {
  id: number
  code: string
  /** Warnings (W) and infos (I) that did not block the save. */
  findings: RuleFinding[]
}

export type ProblemKind = '无管护主体' | '已确权未移交' | '闲置无盘活措施' | '资金来源与原值不符' | '日期顺序' | '无所有权人' | '应登记未登记'

export interface ProblemRow {
  kind: ProblemKind
  assetId: number
  /** 应登记未登记 rows name a project (assetId 0; assetCode/assetName are the project's code/name). */
  projectId?: number
  assetCode: string
  assetName: string
  class: AssetClassName
  townName: string
  villageName: string | null
  message: string
}

export interface OverviewData {
  byClass: { class: AssetClassName; count: number; originalValueFen: number }[]
  byTown: { townCode: string; townName: string; count: number; originalValueFen: number }[]
  byYear: { year: number; count: number; originalValueFen: number }[]
  byStatus: { status: string; count: number; originalValueFen: number }[]
  progress: { total: number; confirmed: number; handedOver: number; inCustody: number }
  problems: { kind: ProblemKind; count: number }[]
  households: { count: number; lines: number; amountFen: number }
}
