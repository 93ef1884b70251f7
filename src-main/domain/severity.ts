import type { Result } from './result'

/**
 * Findings of validation rules (domain.md §7): E = 错误 (blocks the save), W = 警告 (kept, shown in
 * the data-quality report), I = 提示. Structurally the same as `RuleFinding` in api/types/rules.ts.
 */
export type Level = 'E' | 'W' | 'I'

export interface Finding {
  level: Level
  /** Field path in the input, e.g. `idNo` or `fundSources.1.amountFen`. */
  field: string
  /** Chinese field label, e.g. 「身份证号」. */
  label: string
  /** Chinese message. */
  message: string
}

/** Where a finding belongs: the field path and its Chinese label. */
export interface FieldRef {
  field: string
  label: string
}

/** What a `check…` function returns: the normalised value (null when unusable) and its findings. */
export interface Checked<T> {
  value: T | null
  findings: Finding[]
}

export const levelNames: Record<Level, string> = { E: '错误', W: '警告', I: '提示' }
const rank: Record<Level, number> = { E: 0, W: 1, I: 2 }

export const finding = (level: Level, at: FieldRef, message: string): Finding => ({
  level,
  field: at.field,
  label: at.label,
  message,
})
export const error = (at: FieldRef, message: string) => finding('E', at, message)
export const warning = (at: FieldRef, message: string) => finding('W', at, message)
export const info = (at: FieldRef, message: string) => finding('I', at, message)

/**
 * Null, undefined, or text of nothing but spaces: an empty cell. (As a type guard it removes null and
 * undefined from the other branch; a string stays a string.)
 */
export const isBlank = (input: unknown): input is null | undefined | '' =>
  input === null || input === undefined || (typeof input === 'string' && /^[\s\u00A0\u3000\u200B\uFEFF]*$/.test(input))

/**
 * What every `check…` function returns for an empty input: nothing to check, or an E 「不能为空」
 * when `required`. Whether a field is required is the caller's rule, not the format's.
 */
export const blank = <T>(at: FieldRef, required = false): Checked<T> => ({
  value: null,
  findings: required ? [error(at, '不能为空')] : [],
})

/** A parser's result as a check: a failure becomes one finding of `level` (E unless told). */
export function fromResult<T>(result: Result<T>, at: FieldRef, level: Level = 'E'): Checked<T> {
  return result.ok ? { value: result.value, findings: [] } : { value: null, findings: [finding(level, at, result.reason)] }
}

export const hasErrors = (findings: readonly Finding[]) => findings.some((f) => f.level === 'E')

/** The most severe level present, or null when there are no findings. */
export function worstLevel(findings: readonly Finding[]): Level | null {
  let worst: Level | null = null
  for (const f of findings) if (worst === null || rank[f.level] < rank[worst]) worst = f.level
  return worst
}

/** E before W before I; the order within a level is kept. */
export const sortByLevel = (findings: readonly Finding[]): Finding[] =>
  findings.length < 2 ? findings.slice() : [...findings].sort((a, b) => rank[a.level] - rank[b.level]) // sort is stable (ES2019)

/** One line for a list or an 错误原因 column: 「【错误】身份证号：校验位不符…」. */
export const formatFinding = (f: Finding) => `【${levelNames[f.level]}】${f.label}：${f.message}`

/**
 * Puts findings of a sub-record under its parent, e.g. nest(fs, { field: 'fundSources.1',
 * label: '资金来源第2行' }) turns `amountFen`/「金额」 into `fundSources.1.amountFen`/「资金来源第2行·金额」.
 */
export const nest = (findings: readonly Finding[], parent: FieldRef): Finding[] =>
  findings.map((f) => ({ ...f, field: `${parent.field}.${f.field}`, label: `${parent.label}·${f.label}` }))

/** Collects findings while a record is checked; `take` keeps a check's findings and returns its value. */
export class Collector {
  private readonly list: Finding[] = []
  add(...findings: Finding[]) {
    this.list.push(...findings)
  }
  error(at: FieldRef, message: string) {
    this.list.push(error(at, message))
  }
  warning(at: FieldRef, message: string) {
    this.list.push(warning(at, message))
  }
  info(at: FieldRef, message: string) {
    this.list.push(info(at, message))
  }
  take<T>(checked: Checked<T>): T | null {
    this.list.push(...checked.findings)
    return checked.value
  }
  hasErrors() {
    return hasErrors(this.list)
  }
  /** A copy, most severe first. */
  findings() {
    return sortByLevel(this.list)
  }
}

/** A new collector (a class, not closures: an import checks a record per row). */
export const collector = () => new Collector()
