import { compareIso, isValidYmd, todayIso } from './dates'
import { fail, ok, type Result } from './result'
import { blank, error, isBlank, warning, type Checked, type FieldRef, type Finding } from './severity'
import { looksLikeScientific, toHalfWidth } from './text'

/**
 * Resident ID numbers (公民身份号码, GB 11643-1999; domain.md §7.1): 6-digit address code, 8-digit
 * birth date, 3-digit sequence (odd = male), check character.
 */
export interface IdCardInfo {
  /** The normalised 18-character number (upper-case X; a 15-digit number converted). */
  id: string
  /** 「yyyy-mm-dd」. */
  birthDate: string
  sex: '男' | '女'
  /** The 6-digit address code (区划 of first registration). */
  addressCode: string
  /** Chinese warnings that do not make the number unusable (15-digit conversion, trailing 000). */
  warnings: string[]
}

export interface IdCardOptions {
  /** Today as 「yyyy-mm-dd」 (for the future-birth-date rule); defaults to the local date. */
  today?: string
  /** The county's own prefix, e.g. 「15」 or 「150422」: a different address code is a W in `checkIdCard`. */
  homePrefix?: string
  /** For `checkIdCard`: an empty input is an E instead of nothing to check. */
  required?: boolean
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** Province-level codes of GB/T 2260 (incl. 71 台湾, 81 香港, 82 澳门). */
export const provinceCodes: ReadonlySet<string> = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '),
)

/** The check character for the first 17 digits. */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('身份证号前17位必须是数字')
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

/** Converts a legacy 15-digit number (yyMMdd birth date, no check character) to 18 characters. */
export function convertIdCard15(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`
  return first17 + idCardCheckChar(first17)
}

const MANGLED_HINT = '请在 Excel 中把这一列设为“文本”格式，再按原始证件重新录入'

/**
 * Parses and validates an ID number. Accepts spaces, full-width digits, lower-case x, a leading
 * apostrophe (Excel's text marker) and legacy 15-digit numbers (converted, with a warning). Detects
 * numbers Excel already damaged: scientific notation (「1.50422E+17」), a value passed as a JS number
 * beyond 15 digits, and 18 digits ending in 000 that fail the checksum.
 */
export function parseIdCard(input: string | number, opts: IdCardOptions = {}): Result<IdCardInfo> {
  if (typeof input === 'number') {
    if (!Number.isSafeInteger(input) || input >= 1e15) {
      return fail(`身份证号被当成数字保存（${input}），超过15位的部分已丢失，无法还原。${MANGLED_HINT}`)
    }
    input = String(input)
  }
  if (typeof input !== 'string') return fail('身份证号格式不正确')
  const text = toHalfWidth(input).replace(/[\s\u00A0\u200B\uFEFF]/g, '').replace(/^'/, '')
  if (text === '') return fail('身份证号不能为空')
  if (looksLikeScientific(text)) {
    return fail(`身份证号被 Excel 转成了科学计数法（${text}），后几位已丢失，无法还原。${MANGLED_HINT}`)
  }
  let id = text.toUpperCase()
  const warnings: string[] = []
  if (/^\d{15}$/.test(id)) {
    id = convertIdCard15(id)
    warnings.push(`15位旧身份证号已按规则转换为18位（${id}），请与本人证件核对`)
  } else if (id.length !== 18) {
    return fail(`身份证号应为18位，填写的是${id.length}位`)
  } else if (!/^\d{17}[\dX]$/.test(id)) {
    return fail('身份证号只能由数字组成，最后一位可以是X')
  }

  if (!provinceCodes.has(id.slice(0, 2))) return fail(`身份证号前两位（${id.slice(0, 2)}）不是有效的省级行政区划代码`)

  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  if (!isValidYmd(y, m, d)) return fail(`身份证号中的出生日期（${id.slice(6, 14)}）不是有效日期`)
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  if (y < 1900) return fail(`身份证号中的出生年份（${y}）早于1900年`)
  if (compareIso(birthDate, opts.today ?? todayIso()) > 0) return fail(`身份证号中的出生日期（${birthDate}）晚于今天`)

  if (idCardCheckChar(id.slice(0, 17)) !== id[17]) {
    if (id.endsWith('000')) {
      return fail(`身份证号末三位是000且校验位不符，很可能被 Excel 当成数字保存后丢失了末尾几位（Excel 只保留15位有效数字）。${MANGLED_HINT}`)
    }
    return fail('身份证号校验位不符，可能有数字录错或前后颠倒，请与证件核对')
  }
  if (id.endsWith('000')) warnings.push('身份证号末三位是000，请核对是否被 Excel 截断')

  return ok({ id, birthDate, sex: Number(id[16]) % 2 === 1 ? '男' : '女', addressCode: id.slice(0, 6), warnings })
}

/**
 * `parseIdCard` as a check: a failure is E; its warnings are W; an address code outside
 * `homePrefix` is W (people move, so it never blocks). Empty input: see `blank`.
 */
export function checkIdCard(input: string | number | null | undefined, at: FieldRef, opts: IdCardOptions = {}): Checked<string> {
  if (isBlank(input)) return blank(at, opts.required)
  const parsed = parseIdCard(input, opts)
  if (!parsed.ok) return { value: null, findings: [error(at, parsed.reason)] }
  const findings: Finding[] = parsed.value.warnings.map((w) => warning(at, w))
  if (opts.homePrefix && !parsed.value.id.startsWith(opts.homePrefix)) {
    findings.push(warning(at, `地址码（${parsed.value.addressCode}）不属于本地（${opts.homePrefix}），请确认是否为外地户籍`))
  }
  return { value: parsed.value.id, findings }
}

/**
 * Masks an ID number for display and public sheets as issue #3 and domain.md §3.4 show it (first 4
 * + last 4: the county is not given away in a village of few households):
 * 「150422199001011234」 → 「1504**********1234」. `keepStart`/`keepEnd` change how much shows.
 * A value too short to keep both ends with at least 4 hidden is masked entirely.
 */
export function maskIdCard(id: string | null | undefined, opts: { keepStart?: number; keepEnd?: number } = {}): string {
  const s = toHalfWidth(id ?? '').replace(/\s+/g, '').toUpperCase()
  const keepStart = opts.keepStart ?? 4
  const keepEnd = opts.keepEnd ?? 4
  if (s.length < keepStart + keepEnd + 4) return '*'.repeat(s.length)
  return s.slice(0, keepStart) + '*'.repeat(s.length - keepStart - keepEnd) + s.slice(s.length - keepEnd)
}
