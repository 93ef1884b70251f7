import { classLetter, type AssetClass } from '../../domain/asset-enums'
import type { ServiceContext } from '../context'

/** The editable sub-type dictionary (domain.md §1.2), for one class or all. */
export function listSubtypes(ctx: ServiceContext, assetClass?: AssetClass) {
  const letter = assetClass ? classLetter[assetClass] : ''
  const rows = ctx.db
    .prepare("SELECT code, name, extra, active FROM dict WHERE type = 'asset_subtype' AND code LIKE ? ORDER BY sort, code")
    .all(`${letter}%`) as { code: string; name: string; extra: string | null; active: number }[]
  return rows.map((r) => ({ code: r.code, name: r.name, unit: r.extra ? (JSON.parse(r.extra) as { unit: string }).unit : '', active: !!r.active }))
}
