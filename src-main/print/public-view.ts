/**
 * 公示版 and 内部版 from the same template, the public one masked BY CONSTRUCTION.
 *
 * A print data loader never puts an ID number, a phone, a bank account or a health note into its
 * data as a plain string: it wraps it in a `Sensitive` value. Templates cannot read a `Sensitive`
 * (its content is private to this module); they receive `Projected<T>` data in which every
 * `Sensitive` has already been replaced by a string by `projectFor(variant, data)`:
 *   公示版  ID 1504**********1234, phone 138****5678, bank ***************3445, health dropped ('')
 *   内部版  the full values
 * so a template that forgets the variant still cannot leak a full number on a public sheet.
 */
import { maskBankCard, maskPhone } from '../domain/contact'
import { maskIdCard } from '../domain/id-card'

import type { Variant } from './options'

export { variants, type Variant } from './options'

export type SensitiveKind = 'idCard' | 'phone' | 'bank' | 'health'

const contents = new WeakMap<Sensitive, string>()

export class Sensitive {
  constructor(
    readonly kind: SensitiveKind,
    value: string | null | undefined,
  ) {
    contents.set(this, value ?? '')
    Object.freeze(this)
  }
  /** A Sensitive that slips into a template prints nothing useful. */
  toString() {
    return '[受保护信息]'
  }
  toJSON() {
    return '[受保护信息]'
  }
}

export const idCard = (value: string | null | undefined) => new Sensitive('idCard', value)
export const phone = (value: string | null | undefined) => new Sensitive('phone', value)
export const bank = (value: string | null | undefined) => new Sensitive('bank', value)
export const health = (value: string | null | undefined) => new Sensitive('health', value)

/** The public form of one value. */
export function publicForm(s: Sensitive): string {
  const value = contents.get(s) ?? ''
  if (!value) return ''
  switch (s.kind) {
    case 'idCard':
      return maskIdCard(value)
    case 'phone':
      return maskPhone(value)
    case 'bank':
      return maskBankCard(value)
    case 'health':
      return ''
  }
}

/** Every Sensitive in T replaced by string, recursively. */
export type Projected<T> = T extends Sensitive
  ? string
  : T extends (infer U)[]
    ? Projected<U>[]
    : T extends readonly (infer U)[]
      ? readonly Projected<U>[]
      : T extends object
        ? { [K in keyof T]: Projected<T[K]> }
        : T

function project(value: unknown, reveal: (s: Sensitive) => string): unknown {
  if (value instanceof Sensitive) return reveal(value)
  if (Array.isArray(value)) return value.map((v) => project(v, reveal))
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = project(v, reveal)
    return out
  }
  return value
}

/** The 公示版 projection: masked numbers, no health information. */
export const publicView = <T>(data: T): Projected<T> => project(data, publicForm) as Projected<T>

/** The 内部版 projection: full values (for the office's own files). */
export const internalView = <T>(data: T): Projected<T> => project(data, (s) => contents.get(s) ?? '') as Projected<T>

export const projectFor = <T>(variant: Variant, data: T): Projected<T> => (variant === '内部版' ? internalView(data) : publicView(data))
