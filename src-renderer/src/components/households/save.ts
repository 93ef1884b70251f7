/**
 * The save protocol of the household forms (and any form with E/W findings): errors come back per
 * field; warnings (NEEDS_CONFIRMATION) are listed in a confirm dialog and, on 确认保存, the save is
 * sent again with acceptWarnings.
 */
import { ElMessageBox } from 'element-plus'
import { h } from 'vue'
import type { RuleFinding } from '../../../../src-main/api/types/rules'
import { ApiError } from '../../api'

export type Findings = Pick<RuleFinding, 'field' | 'label' | 'message'> & { level?: RuleFinding['level'] }

/** The findings carried by a failed call (schema failures have no level: they are errors). */
export const findingsOf = (error: unknown): Findings[] =>
  error instanceof ApiError && Array.isArray(error.details) ? (error.details as Findings[]).filter((d) => d && typeof d.message === 'string') : []

/** Error messages per field path (first one wins), for `el-form-item :error`. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of findingsOf(error)) if ((f.level ?? 'E') === 'E' && f.field && !out[f.field]) out[f.field] = f.message
  return out
}

/** Asks the user to confirm the warnings; resolves true on 确认保存. */
export async function confirmWarnings(findings: Findings[]): Promise<boolean> {
  const warnings = findings.filter((f) => f.level === 'W')
  const message = h('div', { class: 'warning-list', 'data-testid': 'warning-list' }, [
    h('p', { style: 'margin: 0 0 6px' }, '保存前请确认以下提示：'),
    h(
      'ul',
      { style: 'margin: 0; padding-left: 18px; line-height: 1.7' },
      warnings.map((w) => h('li', [h('b', `${w.label}：`), w.message])),
    ),
  ])
  return ElMessageBox.confirm(message, '需要确认', { confirmButtonText: '确认保存', cancelButtonText: '返回修改', type: 'warning' })
    .then(() => true)
    .catch(() => false)
}

/**
 * Sends a save; on NEEDS_CONFIRMATION shows the warnings and resends with acceptWarnings: true.
 * Resolves to the result, or null when the user chose 返回修改. Other failures are thrown.
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
