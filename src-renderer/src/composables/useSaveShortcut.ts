/**
 * Ctrl+S (⌘S on a Mac) saves: `isSaveShortcut` tells the key apart, `useSaveShortcut` listens on the
 * whole window while the component is shown (a form page whose button reads 保存（Ctrl+S））.
 */
import { onBeforeUnmount, onMounted } from 'vue'

export const isSaveShortcut = (event: KeyboardEvent) => (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's'

export function useSaveShortcut(save: () => unknown) {
  function onKey(event: KeyboardEvent) {
    if (!isSaveShortcut(event)) return
    event.preventDefault()
    save()
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
