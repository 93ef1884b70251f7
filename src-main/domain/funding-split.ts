import { splitProportionally } from './money'

/**
 * Carries a project's funding breakdown over to the assets it is handed over into, to the 分: the
 * handed-over total is split over the sources in proportion to their amounts; each asset but the last
 * is split by those shares; the last takes what is left of each source. Every asset's lines sum to its
 * value and every source sums exactly over the assets. One function for the wizard's preview and the
 * hand-over itself, so they cannot drift.
 */
export function splitFundingOverAssets(
  sourceAmounts: readonly number[],
  values: readonly number[],
): { ok: true; cells: number[][] } | { ok: false; reason: string } {
  const total = values.reduce((n, v) => n + v, 0)
  const perSource = splitProportionally(total, [...sourceAmounts])
  if (!perSource.ok) return { ok: false, reason: perSource.reason }
  const left = [...perSource.value]
  const cells: number[][] = []
  for (let i = 0; i < values.length; i++) {
    if (i === values.length - 1) {
      cells.push([...left])
      break
    }
    const split = splitProportionally(values[i], perSource.value)
    if (!split.ok) return { ok: false, reason: split.reason }
    cells.push(split.value)
    split.value.forEach((x, j) => (left[j] -= x))
  }
  if (cells.some((row) => row.some((c) => c < 0))) {
    return { ok: false, reason: '最后一项资产价值过小，无法按比例承接资金来源的尾差，请调整资产顺序（把价值较大的放在最后）' }
  }
  return { ok: true, cells }
}
