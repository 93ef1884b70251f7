import type { Migration } from '../migrate'
import { foundation } from './001-foundation'
import { assetsAndHouseholds } from './002-assets-households'
import { householdSearch } from './003-household-search'

/** Every schema change, in order. Append only: a released migration is never edited. */
export const migrations: Migration[] = [foundation, assetsAndHouseholds, householdSearch]
