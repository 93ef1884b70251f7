/**
 * The save protocol of every form (domain.md §7): errors (INVALID, INVALID_INPUT) come back
 * with a message and per-field findings; warnings refuse the save with NEEDS_CONFIRMATION until the
 * user has seen them: they are listed in a confirm dialog and, on 确认保存, the save is sent again
 * with acceptWarnings: true.
 */
import { ElMessage, ElMessageBox } from 'element-plus'
import { h, ref } from 'vue'
import type { RuleFinding } from '../../src-main/api/types/rules'
import { ApiError } from './api'

/** A finding as it comes back; schema failures (INVALID_INPUT) carry no level: they are errors. */
export type Finding = Pick<RuleFinding, 'field' | 'label' | 'message'> & { level?: RuleFinding['level'] }

export const findingsOf = (error: unknown): Finding[] =>
  error instanceof ApiError && Array.isArray(error.details) ? (error.details as Finding[]).filter((d) => d && typeof d.message === 'string') : []

/** Error messages per field path (the first per field), for `el-form-item :error`. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of findingsOf(error)) if ((f.level ?? 'E') === 'E' && f.field && !out[f.field]) out[f.field] = f.message
  return out
}

/** The first error at `path` or below it (`owners` finds `owners.1.owner.uscc`). */
export function errorAt(errors: Record<string, string>, path: string): string {
  if (errors[path]) return errors[path]
  const key = Object.keys(errors).find((k) => k.startsWith(`${path}.`))
  return key ? errors[key] : ''
}

/** Lists the warnings (each 「label」message) and resolves true on 确认保存. */
export async function confirmWarnings(findings: Finding[]): Promise<boolean> {
  const warnings = findings.filter((f) => f.level === 'W')
  const message = h('div', { class: 'warning-list', 'data-testid': 'warning-list' }, [
    h('p', { style: 'margin: 0 0 6px' }, '以下情况请核实，确认无误后再保存：'),
    h(
      'ul',
      { style: 'margin: 0; padding-left: 18px; line-height: 1.7' },
      warnings.map((w) => h('li', [h('b', `「${w.label}」`), w.message])),
    ),
  ])
  return ElMessageBox.confirm(message, '请确认', { confirmButtonText: '确认保存', cancelButtonText: '返回修改', type: 'warning' })
    .then(() => true)
    .catch(() => false)
}

/**
 * Sends a save; on NEEDS_CONFIRMATION shows the warnings and, when confirmed, sends it again with
 * acceptWarnings: true. Resolves to the result, or null when the user chose 返回修改.
 */
export async function saveWithConfirm<T>(send: (acceptWarnings: boolean) => Promise<T>): Promise<T | null> {
  try {
    return await send(false)
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'NEEDS_CONFIRMATION') throw error
    if (!(await confirmWarnings(findingsOf(error)))) return null
    return send(true)
  }
}

/** Shows a failure: the message as a toast (long enough to read), the field errors to the caller. */
export function showFailure(error: unknown) {
  ElMessage({ type: 'error', message: (error as Error).message, duration: 8000, showClose: true })
}

/**
 * One form's save state: `run(send)` applies the protocol, fills `errors` (per field path) on a
 * refusal and shows its message; resolves to the result or null.
 */
export function useSave() {
  const saving = ref(false)
  const errors = ref<Record<string, string>>({})
  async function run<T>(send: (acceptWarnings: boolean) => Promise<T>): Promise<T | null> {
    if (saving.value) return null
    saving.value = true
    errors.value = {}
    try {
      const result = await saveWithConfirm(send)
      // An earlier refusal's message no longer applies once the save went through.
      if (result !== null) ElMessage.closeAll('error')
      return result
    } catch (error) {
      errors.value = fieldErrorsOf(error)
      showFailure(error)
      return null
    } finally {
      saving.value = false
    }
  }
  const err = (path: string) => errorAt(errors.value, path)
  return { saving, errors, run, err }
}
