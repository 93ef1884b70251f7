import { AppError } from '../domain/errors'
import { formatFinding, type Finding } from '../domain/severity'

/**
 * Applies the E/W protocol to a save: errors refuse it; warnings refuse it too unless the user
 * confirmed them (acceptWarnings), so that nothing questionable is saved without being seen.
 * Returns the findings to report with a successful save.
 */
export function enforceFindings(findings: Finding[], acceptWarnings: boolean): Finding[] {
  const errors = findings.filter((f) => f.level === 'E')
  if (errors.length) {
    throw new AppError('INVALID', `有 ${errors.length} 处错误，未保存：${errors.map(formatFinding).join('；')}`, findings)
  }
  const warnings = findings.filter((f) => f.level === 'W')
  if (warnings.length && !acceptWarnings) {
    throw new AppError('NEEDS_CONFIRMATION', `有 ${warnings.length} 条需要确认的提示：${warnings.map(formatFinding).join('；')}`, findings)
  }
  return findings
}
