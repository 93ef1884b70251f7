/**
 * What a record's form page (登记资产, 新建项目) does around saving: asks before leaving with unsaved
 * changes, refuses to send what it can already see is wrong (an amount it cannot read, a required
 * field left blank) and scrolls to the first field marked in red.
 */
import { ElMessage, ElMessageBox } from 'element-plus'
import { nextTick, type Ref } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'

/** Leaving the page (another menu item, 取消, 返回) while `unsaved()` asks first. */
export function useLeaveGuard(unsaved: () => boolean) {
  onBeforeRouteLeave(async () => {
    if (!unsaved()) return true
    return ElMessageBox.confirm('填写的内容尚未保存，确定离开吗？', '未保存', { confirmButtonText: '离开', cancelButtonText: '继续填写', type: 'warning' })
      .then(() => true)
      .catch(() => false)
  })
}

/** Scrolls the first field marked as wrong inside `root` (a CSS selector) into view. */
export async function scrollToFirstError(root: string) {
  await nextTick()
  const marks = ['.is-error', '.cell-error', '.money-error', '.lines-error'].map((m) => `${root} ${m}`).join(', ')
  document.querySelector(marks)?.scrollIntoView({ block: 'center', behavior: 'smooth' })
}

/**
 * The form's own check before it asks the main process: false (with a message, the blanks marked in
 * `errors`) when an amount cannot be read or a required field is blank.
 */
export function readyToSend(guard: { hasInvalid(): boolean }, missing: Record<string, string>, errors: Ref<Record<string, string>>): boolean {
  if (guard.hasInvalid()) {
    ElMessage.error('有金额填写不正确，请按红字提示改正后再保存')
    return false
  }
  const count = Object.keys(missing).length
  if (!count) return true
  errors.value = missing
  ElMessage.error(`还有 ${count} 项必填内容未填写`)
  return false
}
