import { pinyin } from 'pinyin-pro'

/** What a text is found by: the text itself and the pinyin initials of its Chinese characters, lower-case. */
export function searchKey(text: string): string {
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('')
  return `${text} ${initials}`.toLowerCase()
}

/**
 * `searchKey` for a person's name: surnames read as surnames (单 shan, 曾 zeng, 解 xie), and a name
 * with an 「er」 syllable (尔, 儿) is also found by 「r」 in its place, as people abbreviate it:
 * 巴特尔 → 「巴特尔 bte btr」.
 */
export function personSearchKey(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed', surname: 'head' }).map((s) => s.toLowerCase())
  const initials = syllables.map((s) => s[0] ?? '').join('')
  const erVariant = syllables.includes('er') ? syllables.map((s) => (s === 'er' ? 'r' : (s[0] ?? ''))).join('') : ''
  return [name, initials, erVariant].filter(Boolean).join(' ').toLowerCase()
}

/**
 * A key that sorts names as Chinese users expect (by pinyin, syllable by syllable, as WPS and Excel
 * do), with the name itself after a tab so that names reading alike still sort in a fixed order:
 * 「王芳」 → 「wang fang\t王芳」.
 */
export function pinyinSortKey(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', surname: 'head' })
  return `${syllables.join(' ').toLowerCase()}\t${name}`
}
