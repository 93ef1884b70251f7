/**
 * What a paged list whose filters live in the address (项目库, 三本账) does around its table: reads
 * the filters, page, page size and sort from the query, changes them with `setQuery` (a new filter
 * goes back to page 1), the search box (debounced, Enter searches at once) and one page of rows
 * fetched from the main process with a stale answer dropped when a newer request was made.
 */
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue'
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router'

export function useAddressList<K extends string>(sorts: readonly K[], defaultSortKey: K) {
  const route = useRoute()
  const router = useRouter()
  const str = (key: string) => {
    const v = route.query[key]
    return typeof v === 'string' && v !== '' ? v : undefined
  }
  const int = (key: string) => {
    const v = Number(str(key))
    return Number.isInteger(v) && v > 0 ? v : undefined
  }
  const page = computed(() => int('page') ?? 1)
  const pageSize = computed(() => ([50, 100, 200].includes(int('pageSize') ?? 0) ? int('pageSize')! : 50))
  const sort = computed<K>(() => sorts.find((s) => s === str('sort')) ?? defaultSortKey)
  const order = computed<'asc' | 'desc'>(() => (str('order') === 'desc' ? 'desc' : 'asc'))

  /** Changes the address: a new filter goes back to page 1. */
  function setQuery(patch: LocationQueryRaw, keepPage = false) {
    const next: LocationQueryRaw = { ...route.query, ...patch }
    if (!keepPage) delete next.page
    for (const [k, v] of Object.entries(next)) if (v === undefined || v === null || v === '') delete next[k]
    router.replace({ query: next })
  }
  /** The pager: page 1 and 50 rows are the address without them. */
  const setPage = (p: number) => setQuery({ page: p > 1 ? String(p) : undefined }, true)
  const setPageSize = (size: number) => setQuery({ pageSize: size === 50 ? undefined : String(size) })

  // ---- the search box: debounced, Enter searches at once ----
  const searchText = ref(str('q') ?? '')
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(searchText, (text) => {
    clearTimeout(timer)
    timer = setTimeout(() => text.trim() !== (str('q') ?? '') && setQuery({ q: text.trim() }), 350)
  })
  function searchNow() {
    clearTimeout(timer)
    setQuery({ q: searchText.value.trim() })
  }
  onBeforeUnmount(() => clearTimeout(timer))
  function reset() {
    searchText.value = ''
    router.replace({ query: {} })
  }

  function onSort({ prop, order: o }: { prop: string | null; order: string | null }) {
    setQuery(o && prop ? { sort: prop, order: o === 'descending' ? 'desc' : 'asc' } : { sort: undefined, order: undefined })
  }
  const defaultSort = computed(() => ({ prop: sort.value, order: order.value === 'desc' ? ('descending' as const) : ('ascending' as const) }))

  return { route, router, str, int, page, pageSize, sort, order, setQuery, setPage, setPageSize, searchText, searchNow, reset, onSort, defaultSort }
}

/**
 * One page of rows (and something fetched with it, e.g. the totals), reloaded whenever the address
 * changes while `active()` says the list is shown; a stale answer is dropped.
 */
export function useAddressPage<Row, Extra>(
  fetch: () => Promise<{ rows: Row[]; total: number; extra: Extra }>,
  initialExtra: Extra,
  active: () => boolean,
) {
  const route = useRoute()
  const rows = ref([]) as Ref<Row[]>
  const total = ref(0)
  const extra = ref(initialExtra) as Ref<Extra>
  const loading = ref(false)
  const error = ref('')
  let ticket = 0
  async function load() {
    const mine = ++ticket
    loading.value = true
    try {
      const result = await fetch()
      if (mine !== ticket) return
      rows.value = result.rows
      total.value = result.total
      extra.value = result.extra
      error.value = ''
    } catch (e) {
      if (mine === ticket) error.value = (e as Error).message
    } finally {
      if (mine === ticket) loading.value = false
    }
  }
  watch(
    () => route.fullPath,
    () => active() && load(),
    { immediate: true },
  )
  return { rows, total, extra, loading, error, load }
}
