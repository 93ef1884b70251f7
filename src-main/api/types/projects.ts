/**
 * Output types of the fund project library (issue 4; domain.md §4). Money is integer 分; a rate is
 * a fraction 0…1 computed once from the integer sums (null when its denominator is 0) — round it
 * for display only (e.g. `(rate * 100).toFixed(1) + '%'`).
 */
import type { FundSourceLine, OrgRef, SaveResult } from './assets'
import type { RuleFinding } from './rules'

export type { SaveResult }

export interface ProjectTypeEntry {
  code: string
  name: string
  /** First and last year (inclusive) this classification is used; null = open. */
  validFromYear: number
  validToYear: number | null
  /** Counts as 产业发展 in the compliance monitor (old 产业类 too). */
  isIndustry: boolean
  /** Counts as 项目管理费 in the compliance monitor. */
  isManagementFee: boolean
  /** 是 / 否 / 视情况: whether projects of this type usually form assets. */
  formsAsset: '是' | '否' | '视情况'
  subtypes: string[]
  sort: number
}

export interface RegionRef {
  code: string
  name: string
  /** 脱贫村 (原贫困村). */
  isFormerPoor: boolean
}

/** What the list shows per project. */
export interface ProjectRow {
  id: number
  code: string
  name: string
  year: number
  typeCode: string
  typeName: string
  subtype: string
  townCode: string
  townName: string
  villageNames: string[]
  sectorDept: string
  implUnit: string
  status: string
  totalInvestmentFen: number
  /** Σ allocations from fund documents to this project. */
  allocatedFen: number
  paidFen: number
  spentFen: number
  /** paid / allocated, spent / allocated. */
  paymentRate: number | null
  expenditureRate: number | null
  formsAsset: boolean
  assetCount: number
  householdLineCount: number
  planStart: string | null
  planEnd: string | null
  actualStart: string | null
  actualEnd: string | null
  acceptanceDate: string | null
  /** Expenditure behind the milestone target for today (or the board's date). */
  behind: boolean
}

export interface ProjectTransitionRecord {
  id: number
  action: string
  fromStatus: string | null
  toStatus: string
  date: string
  docNo: string
  actor: string
  note: string
  user: string
  createdAt: string
}

export interface PublicityRecord {
  id: number
  projectId: number
  stage: string
  startDate: string
  endDate: string
  /** endDate − startDate + 1. */
  days: number
  place: string
  objections: string
  note: string
  /** days below publicity.projectMinDays. */
  tooShort: boolean
}

export interface AdjustmentRecord {
  id: number
  projectId: number
  changeType: string
  /** Field key → value before / after (only the changed fields). */
  before: Record<string, unknown>
  after: Record<string, unknown>
  /** Field key → Chinese label, for display. */
  labels: Record<string, string>
  approvalOrg: string
  approvalDocNo: string
  approvalDate: string
  reason: string
  user: string
  createdAt: string
}

export interface IndicatorRecord {
  id: number
  level1: string
  level2: string
  name: string
  operator: string
  targetValue: string
  unit: string
  actualValue: string | null
  weight: number | null
  score: number | null
}

export interface MoneySummary {
  /** For a project: Σ allocated to it (its issued money). For a document/level: Σ issued. */
  issuedFen: number
  allocatedFen: number
  paidFen: number
  spentFen: number
  /** allocated / issued (1 for a project with allocations). */
  allocationRate: number | null
  /** paid / issued (project: paid / allocated). */
  paymentRate: number | null
  /** spent / issued (project: spent / allocated). */
  expenditureRate: number | null
}

export interface MilestoneStatus {
  /** The date the target applies to. */
  asOf: string
  /** Target expenditure rate (0…1) for that date from funds.milestones; null before the first milestone. */
  targetRate: number | null
  actualRate: number | null
  behind: boolean
}

export interface AllocationRecord {
  id: number
  fundDocId: number
  docNo: string
  docLevel: string
  projectId: number
  projectCode: string
  projectName: string
  amountFen: number
  allocDate: string | null
  note: string
}

export interface PaymentRecord {
  id: number
  kind: '拨付' | '支出'
  projectId: number
  projectCode: string
  projectName: string
  fundDocId: number | null
  docNo: string | null
  date: string
  amountFen: number
  payee: string
  voucherNo: string
  note: string
}

export interface ProjectAssetLink {
  id: number
  code: string
  name: string
  class: string
  originalValueFen: number
  status: string
}

export interface ProjectDetail {
  id: number
  code: string
  externalCode: string | null
  name: string
  year: number
  libraryYear: number
  batch: string
  typeCode: string
  typeName: string
  subtype: string
  nature: string
  townCode: string
  townName: string
  villages: RegionRef[]
  content: string
  subsidyStandard: string
  totalInvestmentFen: number
  fundSources: FundSourceLine[]
  sectorDept: string
  implUnit: string
  responsiblePerson: string
  responsiblePhone: string
  beneficiaryTargets: string[]
  beneficiaryVillages: number
  beneficiaryPoorVillages: number
  beneficiaryHouseholds: number
  beneficiaryPersons: number
  poorHouseholds: number
  poorPersons: number
  monitorHouseholds: number
  monitorPersons: number
  jobs: number | null
  linkMechanism: string
  performanceGoal: string
  planStart: string | null
  planEnd: string | null
  formsAsset: boolean
  expectedAssetClass: string
  expectedOwner: string
  landUse: string
  necessity: string
  opinionCollectedDate: string | null
  villagerMeetingDate: string | null
  settledAmountFen: number | null
  auditedAmountFen: number | null
  remarks: string
  status: string
  /** Set by transitions. */
  libraryDocNo: string
  planDocNo: string
  actualStart: string | null
  actualEnd: string | null
  acceptanceDate: string | null
  handoverDate: string | null
  createdAt: string
  updatedAt: string

  /** The actions allowed from the current status, for the buttons. */
  allowedActions: { action: string; toStatus: string }[]
  transitions: ProjectTransitionRecord[]
  publicity: PublicityRecord[]
  adjustments: AdjustmentRecord[]
  indicators: IndicatorRecord[]
  money: MoneySummary
  milestone: MilestoneStatus
  allocations: AllocationRecord[]
  payments: PaymentRecord[]
  expenditures: PaymentRecord[]
  assets: ProjectAssetLink[]
  householdLines: { count: number; amountFen: number }
  /** Non-blocking findings on the stored project (e.g. publicity too short, dates out of order). */
  findings: RuleFinding[]
}

export interface FundDocRow {
  id: number
  docNo: string
  title: string
  docDate: string
  fundYear: number
  level: string
  fundType: string
  fundTypeName: string
  taskLine: string
  integrated: boolean
  isAdvance: boolean
  amountFen: number
  money: MoneySummary
  milestone: MilestoneStatus
  projectCount: number
  note: string
}

export interface FundDocDetail extends FundDocRow {
  allocations: AllocationRecord[]
  payments: PaymentRecord[]
  expenditures: PaymentRecord[]
}

export interface BehindRow {
  id: number
  code: string
  name: string
  townName: string
  typeName: string
  status: string
  allocatedFen: number
  spentFen: number
  expenditureRate: number | null
  targetRate: number | null
  /** Chinese reason, e.g. 「支出率 20.0%，低于进度目标 50%」 or 「计划开工已过仍未开工」. */
  reason: string
}

export interface BoardLevelMoney extends MoneySummary {
  level: string
}

export interface BoardMonth {
  /** 1…12 */
  month: number
  /** Cumulative to the month's end. */
  started: number
  completed: number
  accepted: number
  startRate: number | null
  completionRate: number | null
  issuedFen: number
  allocatedFen: number
  paidFen: number
  spentFen: number
  allocationRate: number | null
  paymentRate: number | null
  expenditureRate: number | null
  /** Milestone target at the month's end (0…1), null when none applies. */
  targetRate: number | null
}

export interface ProjectBoard {
  year: number
  asOf: string
  counts: {
    total: number
    /** Reached 入库 (or beyond, excluding 出库/终止). */
    inLibrary: number
    planned: number
    started: number
    completed: number
    accepted: number
    handedOver: number
    terminated: number
  }
  /** Denominator: projects in the year's plan (planned). */
  rates: {
    startRate: number | null
    completionRate: number | null
    acceptanceRate: number | null
    handoverRate: number | null
  }
  money: { total: MoneySummary; byLevel: BoardLevelMoney[] }
  milestone: MilestoneStatus
  behind: BehindRow[]
  monthly: BoardMonth[]
}

export interface ComplianceItem {
  key: 'industryShare' | 'nonPoorVillageShare' | 'managementFeeShare'
  label: string
  numeratorFen: number
  denominatorFen: number
  rate: number | null
  /** Threshold from settings as a fraction 0…1. */
  threshold: number
  comparator: '≥' | '≤'
  crossed: boolean
  projectIds: number[]
}

export interface ComplianceResult {
  year: number
  level: string
  /** Σ issued 衔接资金 (fund type XJ, and ZX before 2021) of the year at the level: the denominator. */
  totalFen: number
  allocatedFen: number
  items: ComplianceItem[]
  /** R8: allocations by project type. */
  byType: { typeCode: string; typeName: string; amountFen: number; share: number | null; projectIds: number[] }[]
  poorVillageFen: number
  nonPoorVillageFen: number
}

export interface HandoverResult {
  projectId: number
  assetIds: number[]
  householdLineIds: number[]
  findings: RuleFinding[]
}

export interface ProjectFilterOptions {
  years: number[]
  sectorDepts: string[]
  implUnits: string[]
}

export type { OrgRef }
