/**
 * HTML building with escaping by construction: every value interpolated into `h\`…\`` is escaped
 * unless it is itself the result of `h` (or `raw`, for the few fixed strings of this module's
 * callers). Asset names, org names and notes come from users and imports: `<script>` in an asset
 * name must print as text.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value
  }
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export const esc = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => entities[c])

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  if (value === null || value === undefined || value === false) return ''
  return esc(value)
}

/** Tagged template: `h\`<td>${name}</td>\`` escapes `name`; nested `h` results and arrays of them pass through. */
export function h(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]
  return new SafeHtml(out)
}

/** Trusted markup written in this code base (CSS, fixed fragments). Never pass data here. */
export const raw = (markup: string) => new SafeHtml(markup)

/** Text with line breaks kept (notes, clauses). */
export const lines = (text: string | null | undefined) =>
  new SafeHtml(
    String(text ?? '')
      .split(/\r?\n/)
      .map(esc)
      .join('<br>'),
  )
