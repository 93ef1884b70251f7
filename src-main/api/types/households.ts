export interface HouseholdRow {
  id: number
  householdCode: string | null
  headName: string
  /** Masked (1504**********1234) in lists; full only from `households.get` with `reveal: true`. */
  idNo: string
  size: number
  attribute: string
  riskEliminated: boolean | null
  exitYear: number | null
  townCode: string
  townName: string
  villageCode: string
  villageName: string
  groupName: string
  /** Masked (138****5678) unless revealed. */
  phone: string
  lineCount: number
  amountFen: number
}

export interface HouseholdLineRow {
  id: number
  householdId: number
  headName: string
  /** Masked. */
  idNo: string
  attribute: string
  townName: string
  villageName: string
  groupName: string
  assetId: number | null
  projectName: string
  projectCode: string
  projectYear: number
  item: string
  subtypeCode: string
  spec: string
  unit: string
  quantity: number
  standardFen: number
  amountFen: number
  selfRaisedFen: number
  fundSource: string
  issueMethod: string
  issueDate: string
  tagNo: string
  currentQuantity: number | null
  currentStatus: string
}
