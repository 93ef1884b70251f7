/**
 * What a paged list of the household ledgers (农户登记, 到户资产花名册) does around its table: one
 * page of rows fetched from the main process (paging, sorting and filtering happen there), the
 * filters with the village reset when the town changes, the text search debounced, a stale answer
 * dropped when a newer request was made, and deleting a row after a confirmation box.
 */
import { ElMessage, ElMessageBox } from 'element-plus'
import { computed, onBeforeUnmount, reactive, ref, watch, type Ref, type WatchSource } from 'vue'

export interface LedgerFilters {
  townCode: string
  villageCode: string
  q: string
}
export type SortOrder = 'asc' | 'desc'
export interface Paging<K extends string> {
  sort: K
  order: SortOrder
  page: number
  pageSize: number
}

export function useLedgerList<Row, K extends string, F extends LedgerFilters, Extra = undefined, V extends { code: string } = { code: string; name: string }>(options: {
  filters: F
  defaultSort: { key: K; order: SortOrder }
  /** One page (and anything fetched with it, e.g. the totals) for the current filters. */
  fetch: (paging: Paging<K>) => Promise<{ rows: Row[]; total: number; extra?: Extra }>
  /** The villages of a town: a village filter outside the chosen town is cleared. */
  villagesOf: (townCode: string | undefined) => V[]
  /** More things that start again from page 1 when they change (e.g. a household from the address). */
  also?: WatchSource[]
  pageSize?: number
}) {
  const { filters } = options
  const rows = ref([]) as Ref<Row[]>
  const total = ref(0)
  const extra = ref<Extra | null>(null) as Ref<Extra | null>
  const error = ref('')
  const loading = ref(false)
  const sort = reactive<{ key: K; order: SortOrder }>({ ...options.defaultSort }) as { key: K; order: SortOrder }
  const page = ref(1)
  const pageSize = ref(options.pageSize ?? 50)
  const villages = computed(() => options.villagesOf(filters.townCode || undefined))

  let seq = 0
  async function load() {
    const mine = ++seq
    loading.value = true
    try {
      const result = await options.fetch({ sort: sort.key, order: sort.order, page: page.value, pageSize: pageSize.value })
      if (mine !== seq) return
      rows.value = result.rows
      total.value = result.total
      extra.value = result.extra ?? null
      error.value = ''
    } catch (e) {
      if (mine === seq) error.value = (e as Error).message
    } finally {
      if (mine === seq) loading.value = false
    }
  }
  function refilter() {
    page.value = 1
    load()
  }

  watch(
    () => filters.townCode,
    () => {
      if (filters.villageCode && !villages.value.some((v) => v.code === filters.villageCode)) filters.villageCode = ''
    },
  )
  // Every filter but the search text starts again at once; the text waits for a pause in typing.
  // (reads only the other keys' values, so typing does not touch this watcher)
  const others = () => (Object.keys(filters) as (keyof F)[]).filter((k) => k !== 'q').map((k) => filters[k])
  watch([others, ...(options.also ?? [])], refilter)
  let typing: ReturnType<typeof setTimeout> | undefined
  watch(
    () => filters.q,
    () => {
      clearTimeout(typing)
      typing = setTimeout(refilter, 300)
    },
  )
  onBeforeUnmount(() => clearTimeout(typing))

  function onSort({ prop, order }: { prop: string | null; order: 'ascending' | 'descending' | null }) {
    if (!prop || !order) Object.assign(sort, options.defaultSort)
    else Object.assign(sort, { key: prop as K, order: order === 'ascending' ? 'asc' : 'desc' })
    refilter()
  }
  function onPage(p: number) {
    page.value = p
    load()
  }
  function onPageSize(size: number) {
    pageSize.value = size
    refilter()
  }

  /**
   * Deletes a row after a confirmation box; the main process refuses with a Chinese reason (shown)
   * when the row may not go. Resolves true when it was deleted and the page reloaded.
   */
  async function confirmDelete(question: string, title: string, remove: () => Promise<unknown>, done: string): Promise<boolean> {
    try {
      await ElMessageBox.confirm(question, title, { confirmButtonText: '删除', cancelButtonText: '取消', type: 'warning', confirmButtonClass: 'el-button--danger' })
    } catch {
      return false
    }
    try {
      await remove()
    } catch (e) {
      ElMessage.error((e as Error).message)
      return false
    }
    ElMessage.success(done)
    // the last row of a later page: go back one page
    if (rows.value.length === 1 && page.value > 1) page.value--
    await load()
    return true
  }

  return { rows, total, extra, error, loading, sort, page, pageSize, villages, load, refilter, onSort, onPage, onPageSize, confirmDelete }
}
