/** The asset form's draft: what the clerk types, and its conversion to and from the contract. */
import type { Input } from '../../../../src-main/api/contract'
import type { AssetDetail, FundSourceLine } from '../../../../src-main/api/types/assets'
import { fundLevels, fundSourceTypes, type AssetClass } from '../../../../src-main/domain/asset-enums'

export interface FundLineDraft {
  /** A local key for v-for (rows are added and removed). */
  key: number
  sourceType: string
  level: string | null
  taskLine: string
  integrated: boolean
  /** null: not filled in (or not a valid amount). */
  amountFen: number | null
  docNo: string
  fundYear: number | null
  note: string
}

let nextKey = 1
export const emptyLine = (patch: Partial<FundLineDraft> = {}): FundLineDraft => ({
  key: nextKey++,
  sourceType: '',
  level: null,
  taskLine: '',
  integrated: false,
  amountFen: null,
  docNo: '',
  fundYear: null,
  note: '',
  ...patch,
})
export const lineFromSaved = (f: FundSourceLine): FundLineDraft => emptyLine({ ...f, key: undefined })

/** A single blank funding line takes the whole investment (most records have one source). */
export function fillSingleLine(d: { fundSources: FundLineDraft[]; totalInvestmentFen: number | null }) {
  const lines = d.fundSources
  if (lines.length === 1 && lines[0].amountFen === null && d.totalInvestmentFen !== null) lines[0].amountFen = d.totalInvestmentFen
}
export const sourceType = (code: string) => fundSourceTypes.find((t) => t.code === code)
export const sourceName = (code: string) => sourceType(code)?.name ?? code
export const needsLevel = (code: string) => !!sourceType(code)?.levels

export type AssetInputDraft = Omit<Input<'assets.create'>, 'originalValueFen' | 'totalInvestmentFen' | 'fundSources' | 'fundYear' | 'accDepreciationFen' | 'netValueFen' | 'quantity' | 'class'> & {
  class: AssetClass
  originalValueFen: number | null
  totalInvestmentFen: number | null
  accDepreciationFen: number | null
  netValueFen: number | null
  quantity: number | null
  fundYear: number | null
  fundSources: FundLineDraft[]
}

export function emptyDraft(assetClass: AssetClass): AssetInputDraft {
  return {
    externalCode: null,
    name: '',
    class: assetClass,
    subtypeCode: '',
    form: assetClass === '到户类' ? '生物资产' : '固定资产',
    propertyNature: assetClass === '到户类' ? '农户私有' : '集体资产',
    spec: '',
    unit: '',
    quantity: null,
    originalValueFen: null,
    totalInvestmentFen: null,
    accDepreciationFen: null,
    netValueFen: null,
    projectName: '',
    projectCode: '',
    fundYear: new Date().getFullYear(),
    fundDocNo: '',
    townCode: '',
    villageCode: null,
    groupName: '',
    location: '',
    sectorDept: '',
    implUnit: '',
    startDate: null,
    completionDate: null,
    acceptanceDate: null,
    inUseDate: null,
    confirmLevel: assetClass === '到户类' ? '户' : '村（嘎查）级',
    beneficiaryHouseholds: 0,
    beneficiaryPersons: 0,
    poorHouseholds: 0,
    poorPersons: 0,
    monitorHouseholds: 0,
    monitorPersons: 0,
    beneficiaryVillages: null,
    remarks: '',
    historic: false,
    fundSources: [emptyLine({ sourceType: 'XJ', level: '中央' })],
  }
}

export function draftFromDetail(d: AssetDetail): AssetInputDraft {
  return {
    externalCode: d.externalCode,
    name: d.name,
    class: d.class,
    subtypeCode: d.subtypeCode,
    form: d.form as AssetInputDraft['form'],
    propertyNature: d.propertyNature as AssetInputDraft['propertyNature'],
    spec: d.spec,
    unit: d.unit,
    quantity: d.quantity,
    originalValueFen: d.originalValueFen,
    totalInvestmentFen: d.totalInvestmentFen,
    accDepreciationFen: d.accDepreciationFen,
    netValueFen: d.netValueFen,
    projectName: d.projectName,
    projectCode: d.projectCode,
    fundYear: d.fundYear,
    fundDocNo: d.fundDocNo,
    townCode: d.townCode,
    villageCode: d.villageCode,
    groupName: d.groupName,
    location: d.location,
    sectorDept: d.sectorDept,
    implUnit: d.implUnit,
    startDate: d.startDate,
    completionDate: d.completionDate,
    acceptanceDate: d.acceptanceDate,
    inUseDate: d.inUseDate,
    confirmLevel: d.confirmLevel as AssetInputDraft['confirmLevel'],
    beneficiaryHouseholds: d.beneficiaryHouseholds,
    beneficiaryPersons: d.beneficiaryPersons,
    poorHouseholds: d.poorHouseholds,
    poorPersons: d.poorPersons,
    monitorHouseholds: d.monitorHouseholds,
    monitorPersons: d.monitorPersons,
    beneficiaryVillages: d.beneficiaryVillages,
    remarks: d.remarks,
    historic: d.historic,
    fundSources: d.fundSources.length ? d.fundSources.map(lineFromSaved) : [emptyLine()],
  }
}

/**
 * Fields the form itself must refuse (a blank where the contract wants a number) before asking the
 * main process, with the same field paths the main process uses. Everything else the server judges.
 */
export function missingFields(d: AssetInputDraft): Record<string, string> {
  const out: Record<string, string> = {}
  if (d.quantity === null) out.quantity = '请填写数量'
  if (d.originalValueFen === null) out.originalValueFen = '请填写资产原值'
  if (d.totalInvestmentFen === null) out.totalInvestmentFen = '请填写项目总投资'
  if (d.fundYear === null) out.fundYear = '请选择资金年度'
  if (!d.townCode) out.townCode = '请选择所在乡镇（苏木）'
  if (!d.subtypeCode) out.subtypeCode = '请选择资产类型'
  d.fundSources.forEach((l, i) => {
    if (!l.sourceType) out[`fundSources.${i}.sourceType`] = '请选择资金来源'
    if (l.amountFen === null) out[`fundSources.${i}.amountFen`] = '请填写金额'
  })
  return out
}

/** The contract input of a complete draft (call `missingFields` first). */
export function toInput(d: AssetInputDraft, acceptWarnings: boolean): Input<'assets.create'> {
  return {
    ...d,
    quantity: d.quantity ?? 0,
    originalValueFen: d.originalValueFen ?? 0,
    totalInvestmentFen: d.totalInvestmentFen ?? 0,
    accDepreciationFen: d.accDepreciationFen ?? 0,
    netValueFen: d.netValueFen,
    fundYear: d.fundYear ?? 0,
    fundSources: d.fundSources.map(({ key: _k, ...l }) => ({ ...l, amountFen: l.amountFen ?? 0, level: needsLevel(l.sourceType) ? (l.level as (typeof fundLevels)[number] | null) : null })),
    acceptWarnings,
  }
}
