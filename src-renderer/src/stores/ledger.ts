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
    /** The setting asset.startYear (资产起始年度): year pickers start there. */
    startYear: null as number | null,
  }),
  getters: {
    /** The ledgers' money unit: the user's last choice, else the county's default. */
    unit(state): MoneyUnit {
      return state.unitChoice ?? useAppStore().info?.moneyUnit ?? '万元'
    },
    /** The years a picker offers: next year down to the setting asset.startYear. */
    years(state): number[] {
      const next = new Date().getFullYear() + 1
      const first = Math.min(state.startYear ?? 2012, next)
      return Array.from({ length: next - first + 1 }, (_, i) => next - i)
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
    /** Reads asset.startYear once (the settings screen may change it: `force` reads again). */
    async loadStartYear(force = false) {
      if (this.startYear !== null && !force) return
      const setting = (await call('settings.list', {})).find((s) => s.key === 'asset.startYear')
      this.startYear = typeof setting?.value === 'number' ? setting.value : 2012
    },
    async loadSubtypes(assetClass: AssetClass) {
      this.subtypes[assetClass] = await call('dicts.subtypes', { class: assetClass })
    },
    villagesOf(townCode: string | null | undefined): RegionNode[] {
      return this.towns.find((t) => t.code === townCode)?.children ?? []
    },
  },
})
