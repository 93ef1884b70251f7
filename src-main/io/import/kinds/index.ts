import { AppError } from '../../../domain/errors'
import { assetKinds } from './assets'
import { fundAllocationKind } from './fund-allocations'
import { fundDocKind } from './fund-docs'
import { fundPaymentKind } from './fund-payments'
import { householdLineKind } from './household-lines'
import { householdKind } from './households'
import { projectKind } from './projects'
import type { ImportKind } from './kind'

export type { ImportKind, KindKey } from './kind'

/** Every kind that can be imported, in the order the import view lists them. */
export const importKinds: ImportKind[] = [...assetKinds, householdKind, householdLineKind, projectKind, fundDocKind, fundAllocationKind, fundPaymentKind] as ImportKind[]

export { kindKeys } from './keys'

export function kindOf(key: string): ImportKind {
  const kind = importKinds.find((k) => k.key === key)
  if (!kind) throw new AppError('INVALID', `没有“${key}”这种导入类型`)
  return kind
}
