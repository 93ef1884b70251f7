/**
 * What the asset screens share: the county's towns and villages, the sub-type dictionary per class,
 * and the money unit the ledgers display (remembered). Rows of the ledger are never held here: each
 * page of the ledger is fetched from the main process (DESIGN.md, lists at scale).
 */
import { defineStore } from 'pinia'
import type { AssetClass } from '../../../src-main/domain/asset-enums'
import type { MoneyUnit } from '../../../src-main/domain/money'
import type { RegionNode } from '../../../src-main/services/regions'
import { call } from '../api'
import { useAppStore } from './app'

export interface Subtype {
  code: string
  name: string
  unit: string
  active: boolean
}

const UNIT_KEY = 'ledger.moneyUnit'

export const useLedgerStore = defineStore('ledger', {
  state: () => ({
    towns: [] as RegionNode[],
    subtypes: {} as Partial<Record<AssetClass, Subtype[]>>,
    unitChoice: (localStorage.getItem(UNIT_KEY) as MoneyUnit | null) ?? null,
  }),
  getters: {
    /** The ledgers' money unit: the user's last choice, else the county's default. */
    unit(state): MoneyUnit {
      return state.unitChoice ?? useAppStore().info?.moneyUnit ?? '万元'
    },
  },
  actions: {
    setUnit(unit: MoneyUnit) {
      this.unitChoice = unit
      localStorage.setItem(UNIT_KEY, unit)
    },
    /** Loads the active towns (with their active villages); throws ApiError on failure. */
    async loadRegions() {
      const tree = await call('regions.tree', {})
      this.towns = (tree[0]?.children ?? []).filter((t) => t.active).map((t) => ({ ...t, children: t.children.filter((v) => v.active) }))
    },
    async loadSubtypes(assetClass: AssetClass) {
      this.subtypes[assetClass] = await call('dicts.subtypes', { class: assetClass })
    },
    villagesOf(townCode: string | null | undefined): RegionNode[] {
      return this.towns.find((t) => t.code === townCode)?.children ?? []
    },
  },
})
