import type { Migration } from '../migrate'
import { foundation } from './001-foundation'
import { assetsAndHouseholds } from './002-assets-households'
import { householdSearch } from './003-household-search'
import { projects } from './004-projects'
import { importMigration } from './005-import'

/** Every schema change, in order. Append only: a released migration is never edited. */
export const migrations: Migration[] = [foundation, assetsAndHouseholds, householdSearch, projects, importMigration]
