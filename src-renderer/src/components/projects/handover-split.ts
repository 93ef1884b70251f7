/**
 * The hand-over wizard's preview: how the project's funding breakdown is carried over to each new
 * asset, to the 分 — the same split the main process makes on 确认移交 (services/projects/handover.ts
 * splitSources): the handed-over total is first split over the project's sources in proportion to
 * their amounts (splitProportionally: half up, remainder to the last source); each asset but the last
 * is split by those shares; the last asset takes what is left of each source. So every asset's lines
 * sum exactly to its value and every source sums exactly over the assets (to the project's own line
 * when the assets add up to the project's funding).
 */
import { splitFundingOverAssets } from '../../../../src-main/domain/funding-split'

export interface SplitLine {
  amountFen: number
}
export interface SplitResult {
  /** [asset][source] in 分. */
  cells: number[][]
  /** Σ per asset (equals its value). */
  rowSums: number[]
  /** Σ per source over the assets. */
  colSums: number[]
  /** Σ of the asset values − Σ of the project's sources. */
  difference: number
  /** The split could be made (no negative line). */
  ok: boolean
  /** Why not, or why the total differs from the project's (a warning the main process asks to confirm). */
  message: string
}

export function splitFunding(lines: readonly SplitLine[], values: readonly number[]): SplitResult {
  const amounts = lines.map((l) => l.amountFen)
  const projectTotal = amounts.reduce((a, b) => a + b, 0)
  const valueTotal = values.reduce((a, b) => a + b, 0)
  const failed = (message: string): SplitResult => ({
    cells: values.map(() => lines.map(() => 0)),
    rowSums: values.map(() => 0),
    colSums: lines.map(() => 0),
    difference: valueTotal - projectTotal,
    ok: false,
    message,
  })
  if (!lines.length || projectTotal <= 0) return failed('项目没有资金来源，无法结转资金构成')
  if (!values.length) return failed('请至少定义一项资产')
  if (values.some((v) => !Number.isSafeInteger(v) || v <= 0)) return failed('每项资产的价值都应大于0')

  const split = splitFundingOverAssets(amounts, values)
  if (!split.ok) return failed(split.reason)
  const cells = split.cells
  const rowSums = cells.map((row) => row.reduce((a, b) => a + b, 0))
  const colSums = lines.map((_, j) => cells.reduce((s, row) => s + row[j], 0))
  const difference = valueTotal - projectTotal
  return {
    cells,
    rowSums,
    colSums,
    difference,
    ok: true,
    message: difference === 0 ? '' : difference > 0 ? '资产价值合计超过项目资金合计' : '资产价值合计少于项目资金合计',
  }
}
