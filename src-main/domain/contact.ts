import { fail, ok, type Result } from './result'
import { blank, isBlank, warning, type Checked, type FieldRef } from './severity'
import { looksLikeScientific, toHalfWidth } from './text'

/** Phone numbers and bank cards (domain.md §7.8). Both rules are warnings: odd numbers are kept. */

export interface Phone {
  kind: 'mobile' | 'landline'
  /** Mobile: 11 digits. Landline: 「区号-号码」 when the input separated them, else the digits as typed. */
  value: string
}

const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/

const clean = (s: string) => toHalfWidth(s).replace(/[\s\u00A0\u200B\uFEFF]/g, '')

/**
 * Parses a mobile (`^1[3-9]\d{9}$`, spaces/hyphens and a +86 prefix allowed) or a landline
 * (`^0\d{2,3}-?\d{7,8}$`; 「(0476)8221234」 and 「0476 8221234」 become 「0476-8221234」).
 */
export function parsePhone(input: string | number): Result<Phone> {
  const raw = typeof input === 'number' ? String(input) : typeof input === 'string' ? toHalfWidth(input).trim() : ''
  if (raw === '') return fail('电话号码不能为空')
  const digits = clean(raw).replace(/[-()（）]/g, '').replace(/^(?:\+86|0086)/, '')
  if (MOBILE.test(digits)) return ok({ kind: 'mobile', value: digits })
  if (/^86\d{11}$/.test(digits) && MOBILE.test(digits.slice(2))) return ok({ kind: 'mobile', value: digits.slice(2) })
  const landline = raw
    .replace(/^[(（]\s*(0\d{2,3})\s*[)）]\s*/, '$1-')
    .replace(/^(0\d{2,3})\s+(?=\d)/, '$1-')
    .replace(/\s+/g, '')
  if (LANDLINE.test(landline)) return ok({ kind: 'landline', value: landline })
  return fail('不是有效的手机号（11位，1开头）或固定电话（区号-号码）')
}

/**
 * `parsePhone` as a check: anything that is neither a mobile nor a landline is a W, kept as typed.
 * Empty input: nothing to check, or an E when `required` (see `blank`).
 */
export function checkPhone(input: string | number | null | undefined, at: FieldRef, opts: { required?: boolean } = {}): Checked<string> {
  if (isBlank(input)) return blank(at, opts.required)
  const parsed = parsePhone(input)
  if (parsed.ok) return { value: parsed.value.value, findings: [] }
  return { value: typeof input === 'number' ? String(input) : clean(input), findings: [warning(at, parsed.reason)] }
}

/** True when the digits pass the Luhn (mod 10) check used by bank card numbers. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

export interface BankCard {
  /** Digits only. */
  value: string
  luhnOk: boolean
}

/**
 * Parses a bank card number: spaces and hyphens removed, 12–19 digits. A failed Luhn check is not a
 * failure (some passbook and 社保卡 account numbers do not follow it) but is reported by `luhnOk`.
 * A number Excel already rounded (scientific notation, or a JS number beyond 15 digits) fails.
 */
export function parseBankCard(input: string | number): Result<BankCard> {
  if (typeof input === 'number') {
    if (!Number.isSafeInteger(input) || input >= 1e15) {
      return fail(`银行卡号被当成数字保存（${input}），超过15位的部分已丢失，请把这一列设为“文本”格式后重新录入`)
    }
    input = String(input)
  }
  if (typeof input !== 'string') return fail('银行卡号格式不正确')
  const s = clean(input).replace(/^'/, '')
  if (s === '') return fail('银行卡号不能为空')
  if (looksLikeScientific(s)) return fail(`银行卡号被 Excel 转成了科学计数法（${s}），后几位已丢失，请把这一列设为“文本”格式后重新录入`)
  const digits = s.replace(/-/g, '')
  if (!/^\d+$/.test(digits)) return fail('银行卡号只能由数字组成')
  if (digits.length < 12 || digits.length > 19) return fail(`银行卡号应为12–19位数字，填写的是${digits.length}位`)
  return ok({ value: digits, luhnOk: luhnValid(digits) })
}

/**
 * `parseBankCard` as a check: every problem (format or Luhn) is a W; the digits are kept when present.
 * Empty input: nothing to check, or an E when `required` (see `blank`).
 */
export function checkBankCard(input: string | number | null | undefined, at: FieldRef, opts: { required?: boolean } = {}): Checked<string> {
  if (isBlank(input)) return blank(at, opts.required)
  const parsed = parseBankCard(input)
  if (!parsed.ok) {
    // A rounded number is useless; a typed text is kept for the user to correct.
    return { value: typeof input === 'number' ? null : clean(input), findings: [warning(at, parsed.reason)] }
  }
  const findings = parsed.value.luhnOk ? [] : [warning(at, '银行卡号校验不通过（Luhn），可能有数字录错，请与存折或卡面核对')]
  return { value: parsed.value.value, findings }
}

/**
 * Masks a phone number (domain.md §3.4): mobile 「13812345678」 → 「138****5678」; landline
 * 「0476-8221234」 → 「0476-***1234」; anything else keeps its last 4 characters if it has 8 or more.
 */
export function maskPhone(phone: string | null | undefined): string {
  const s = clean(phone ?? '')
  const parsed = parsePhone(s)
  if (parsed.ok && parsed.value.kind === 'mobile') return `${parsed.value.value.slice(0, 3)}****${parsed.value.value.slice(7)}`
  if (parsed.ok) {
    const m = /^(0\d{2,3})-(\d+)$/.exec(parsed.value.value)
    if (m) return `${m[1]}-${'*'.repeat(m[2].length - 4)}${m[2].slice(-4)}`
  }
  return s.length >= 8 ? '*'.repeat(s.length - 4) + s.slice(-4) : '*'.repeat(s.length)
}

/** Masks a bank card number, keeping only the last 4 digits: 「6222020200112233445」 → 「***************3445」. */
export function maskBankCard(card: string | null | undefined): string {
  const s = clean(card ?? '').replace(/-/g, '')
  return s.length >= 8 ? '*'.repeat(s.length - 4) + s.slice(-4) : '*'.repeat(s.length)
}
