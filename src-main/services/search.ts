import { pinyin } from 'pinyin-pro'

/** What a text is found by: the text itself and the pinyin initials of its Chinese characters, lower-case. */
export function searchKey(text: string): string {
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('')
  return `${text} ${initials}`.toLowerCase()
}
