import { toHalfWidth } from '../../domain/text'
import { CODE_TAIL, ID_TAIL } from './keys'

/** Above every character, so that [text, text + END) is the range of terms starting with text. */
const END = '\u{10FFFF}'
const reverse = (s: string) => [...s].reverse().join('')

/**
 * The text search of the household ledgers: part of a name (「特尔」), pinyin initials (「bte」, or
 * 「btr」 for 巴特尔), the start or the last digits of a household code, the last 4–6 characters of an
 * ID number, or a whole ID number. Every form is a prefix range of `household_term`, so a search
 * costs the households it finds, not the households there are. Returns a SQL condition on
 * household alias `h` and its parameters, or null for an empty q.
 */
export function householdMatch(q: string | undefined, alias = 'h'): { sql: string; params: Record<string, unknown> } | null {
  const text = toHalfWidth(q ?? '')
    .replace(/[\s\u00A0\u200B\uFEFF]+/g, '')
    .toLowerCase()
  if (text === '') return null
  const ranges: [string, string][] = [['qFrom', text]]
  if (/^\d{3,17}[\dx]$/.test(text)) {
    ranges.push(['idFrom', ID_TAIL + reverse(text.toUpperCase())])
    ranges.push(['codeFrom', CODE_TAIL + reverse(text)])
  }
  const params: Record<string, unknown> = {}
  const selects = ranges.map(([name, from]) => {
    params[name] = from
    params[`${name}End`] = from + END
    return `SELECT household_id FROM household_term WHERE term >= @${name} AND term < @${name}End`
  })
  return { sql: `${alias}.id IN (${selects.join(' UNION ALL ')})`, params }
}
