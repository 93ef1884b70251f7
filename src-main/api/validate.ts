import { z } from 'zod'
import { contract, isChannel, type ApiFailure, type Channel, type ParsedInput } from './contract'

/** Finds the Chinese label (`.describe(...)`) of the field an issue points at. */
function labelAt(schema: z.ZodType, path: PropertyKey[]): string | undefined {
  let current: unknown = schema
  let label: string | undefined
  for (const key of path) {
    let inner = current as z.ZodType & { unwrap?: () => z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType }
    while (inner && typeof inner.unwrap === 'function' && !inner.shape) inner = inner.unwrap() as typeof inner
    if (inner?.shape && typeof key === 'string') current = inner.shape[key]
    else if (inner?.element && typeof key === 'number') current = inner.element
    else return label
    label = describedAs(current) ?? label
  }
  return label
}

/** A field's own label, or that of the schema it wraps (`regionCode.optional()` keeps 「区划代码」). */
function describedAs(schema: unknown): string | undefined {
  let current = schema as (z.ZodType & { unwrap?: () => z.ZodType }) | undefined
  for (let depth = 0; current && depth < 8; depth++) {
    if (current.description) return current.description
    current = typeof current.unwrap === 'function' ? current.unwrap() : undefined
  }
  return undefined
}

/** Validates a call's input against the contract; failures carry a Chinese message per field. */
export function validateInput<C extends Channel>(
  name: C | string,
  raw: unknown,
): { ok: true; channel: C; input: ParsedInput<C> } | ApiFailure {
  if (!isChannel(name)) return { ok: false, code: 'UNKNOWN_CHANNEL', message: `没有名为「${String(name)}」的功能接口。` }
  const schema = contract[name].input as z.ZodType
  const parsed = schema.safeParse(raw ?? {})
  if (parsed.success) return { ok: true, channel: name as C, input: parsed.data as ParsedInput<C> }
  const details = parsed.error.issues.map((issue) => {
    const field = issue.path.join('.')
    const label = labelAt(schema, issue.path) ?? (field || '输入')
    return { field, label, message: issue.message }
  })
  return {
    ok: false,
    code: 'INVALID_INPUT',
    message: `输入有误：${details.map((d) => `「${d.label}」${d.message}`).join('；')}`,
    details,
  }
}
