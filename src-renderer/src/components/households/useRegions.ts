/** The county's active towns and villages for the filters and the village pickers. */
import { computed, ref } from 'vue'
import type { RegionNode } from '../../../../src-main/services/regions'
import { call } from '../../api'

export function useRegions() {
  const towns = ref<RegionNode[]>([])
  const error = ref('')
  async function load() {
    try {
      towns.value = ((await call('regions.tree', {}))[0]?.children ?? []).filter((t) => t.active)
      error.value = ''
    } catch (e) {
      error.value = (e as Error).message
    }
  }
  const villagesOf = (townCode: string | undefined) =>
    (townCode ? towns.value.filter((t) => t.code === townCode) : towns.value).flatMap((t) => t.children.filter((v) => v.active))
  const townOfVillage = computed(() => {
    const map = new Map<string, string>()
    for (const t of towns.value) for (const v of t.children) map.set(v.code, t.code)
    return map
  })
  return { towns, error, load, villagesOf, townOfVillage }
}
