/**
 * What a record's own page (项目, 资产) does around its header and tabs: the record of the address's
 * :id loaded again whenever the id changes while `shown(path)` says this page is shown, the tab
 * chosen by ?tab=, and after each action a success message, the 变动记录 and the record reloaded.
 */
import { ElMessage } from 'element-plus'
import { computed, ref, watch, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'

export function useRecordPage<T>(options: {
  fetch: (id: number) => Promise<T>
  /** Whether the address is this page's (a child route such as the hand-over wizard is not). */
  shown: (path: string) => boolean
  /** Runs after each successful load (e.g. the editable copies start again from the record). */
  loaded?: () => void
}) {
  const route = useRoute()
  const router = useRouter()
  const id = computed(() => Number(route.params.id))
  const record = ref(null) as Ref<T | null>
  const error = ref('')
  const loading = ref(false)
  const historyKey = ref(0)
  const tab = ref(typeof route.query.tab === 'string' ? route.query.tab : 'info')

  async function load() {
    loading.value = true
    try {
      record.value = await options.fetch(id.value)
      error.value = ''
      options.loaded?.()
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }
  watch(
    () => route.params.id,
    (v) => v && options.shown(route.path) && load(),
    { immediate: true },
  )
  function onSaved(message: string) {
    ElMessage.success(message)
    historyKey.value++
    load()
  }
  return { route, router, id, record, error, loading, historyKey, tab, load, onSaved }
}
