import { blank, error, isBlank, warning, type Checked, type FieldRef, type Finding } from './severity'

/**
 * Text as users type or paste it (Excel, WPS, Word, chat apps): full-width letters and digits,
 * ideographic spaces, no-break spaces, zero-width characters.
 */

/** Full-width punctuation that is the normal form in Chinese prose and stays full-width in `normalizeText`. */
const chinesePunctuation = new Set(['，', '：', '；', '！', '？', '（', '）'])
/** Zero-width space/joiners, word joiner, BOM, soft hyphen. */
const invisible = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g
/** Every kind of space except line breaks: tab, NBSP, ideographic space, en/em/thin spaces … */
const spaces = /[ \t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g

const foldChar = (c: string) => {
  const code = c.charCodeAt(0)
  if (code === 0x3000) return ' '
  if (code === 0xffe5) return '¥'
  return String.fromCharCode(code - 0xfee0)
}

/**
 * Folds every full-width ASCII character (U+FF01–FF5E, incl. ，：（）), the ideographic space and ￥ to
 * half-width. For codes, numbers and dates, where only the half-width form means anything.
 */
export const toHalfWidth = (s: string) => s.replace(/[\uFF01-\uFF5E\u3000\uFFE5]/g, foldChar)

/**
 * Normalises free text: removes invisible characters, folds full-width letters, digits, spaces and
 * ASCII symbols to half-width but keeps the Chinese punctuation ，：；！？（） as typed, collapses runs of
 * spaces to one, and trims. Line breaks become spaces unless `multiline` (then each line is trimmed,
 * CRLF becomes LF, and blank lines at both ends are dropped).
 */
/**
 * A character or spacing `normalizeText` would change; text without one is returned as it is. The
 * full-width range leaves out the punctuation kept as typed (！（），：；？): a name such as
 * 「…项目（第1批）」 needs nothing done.
 */
const NEEDS_NORMALIZING =
  /[\u200B-\u200D\u2060\uFEFF\u00AD\uFF02-\uFF07\uFF0A\uFF0B\uFF0D-\uFF19\uFF1C-\uFF1E\uFF20-\uFF5E\u3000\uFFE5\r\n\u2028\u2029\t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F]| {2}|^ | $/

export function normalizeText(input: string, opts?: { multiline?: boolean }): string {
  if (!NEEDS_NORMALIZING.test(input)) return input
  const folded = input
    .replace(invisible, '')
    .replace(/[\uFF01-\uFF5E\u3000\uFFE5]/g, (c) => (chinesePunctuation.has(c) ? c : foldChar(c)))
  if (!opts?.multiline) return folded.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(spaces, ' ').trim()
  return folded
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => line.replace(spaces, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
}

/**
 * Normalises a name (资产名称, 项目名称, 单位名称 …) per domain.md §7.6: `normalizeText`, then the
 * brackets in their Chinese full-width form （）, with no spaces just inside them.
 */
export const normalizeName = (input: string) => {
  const text = normalizeText(input)
  if (!/[()]|（ | ）/.test(text)) return text
  return text.replace(/\(/g, '（').replace(/\)/g, '）').replace(/（ /g, '（').replace(/ ）/g, '）')
}

/**
 * Checks a name: normalised by `normalizeName`; longer than `maxLength` (default 100, §2.1) → E;
 * a doubled 「项目项目」 → W. Empty input: nothing to check, or an E when `required` (see `blank`).
 */
export function checkName(
  input: string | null | undefined,
  at: FieldRef,
  opts: { maxLength?: number; required?: boolean } = {},
): Checked<string> {
  const value = isBlank(input) ? '' : normalizeName(input)
  if (value === '') return blank(at, opts.required)
  const maxLength = opts.maxLength ?? 100
  const findings: Finding[] = []
  const length = [...value].length
  if (length > maxLength) findings.push(error(at, `不能超过${maxLength}个字，当前${length}个字`))
  if (value.includes('项目项目')) findings.push(warning(at, '名称中“项目项目”重复，请核对'))
  return { value, findings }
}

/**
 * True when a spreadsheet would read the text as a formula (CSV/formula injection): it starts with
 * = + - @, or with a tab or carriage return, after any leading spaces.
 */
export const isFormulaLike = (s: string) => /^[ \u00A0\u3000]*[=+\-@\t\r]/.test(s)

/** Text safe to export into a CSV cell: formula-like text gets a leading apostrophe. */
export const escapeFormula = (s: string) => (isFormulaLike(s) ? `'${s}` : s)

/** True for numbers that Excel wrote in scientific notation, e.g. 「1.50422E+17」: digits already lost. */
export const looksLikeScientific = (s: string) => /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/.test(s.trim())
