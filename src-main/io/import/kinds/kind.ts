import type { z } from 'zod'
import type { Finding } from '../../../domain/severity'
import type { ServiceContext } from '../../../services/context'
import { normalizeText } from '../../../domain/text'
import { parseCellDate, parseCellInteger, parseCellMoney } from '../normalise'
import { foldText } from '../normalise/text'
import type { CellValue, FieldSpec, MoneyUnit, RowMessage } from '../types'

/**
 * One kind of record that can be imported (a ledger, the household register, …): the columns it
 * expects (FieldSpec: labels and the spellings seen in county files), and how a row of the file
 * becomes the same input the forms send, checked with the same rules as the forms.
 */
export interface ImportKind<I = unknown> {
  key: KindKey
  /** 「公益类资产台账」. */
  title: string
  /** What one row is, for counts: 「资产」「农户」「条明细」. */
  noun: string
  fields: FieldSpec[]
  /** One example row for the template, in field order (display values). */
  example: CellValue[]
  /** Starts converting the rows of one file (lookups loaded once). */
  start(ctx: ServiceContext, env: KindEnv): KindRun<I>
}

export interface KindEnv {
  /** The header text of a field's column as in the file, or the field's label when unmapped. */
  header(fieldKey: string): string
  /** Whether the file has a column for the field. */
  mapped(fieldKey: string): boolean
  /** The money unit of a field's column (its header, else the table's unit row, else 元). */
  unit(fieldKey: string): MoneyUnit
  /** How many rows the file's table has (for choosing between bulk and per-row lookups). */
  rows: number
}

/** Reads one row's cells by field key. */
export interface RowCells {
  rowNumber: number
  get(fieldKey: string): CellValue | undefined
}

/** A pure function of one field's cell (see `memoized`). */
export type CellReader<T> = (row: RowCells) => T

/** Above this many distinct values a field is taken as unique per row (names, ear tags) and no longer memoised. */
const MEMO_LIMIT = 4096

/**
 * Reads a field's cell through a pure function (parse a date, fold a text, convert 万元 to 分),
 * computed once per distinct value: most columns of a roster repeat a few values (project, item,
 * unit, date, amount), so 120,000 rows parse a few hundred distinct cells. A kind makes its readers
 * when it starts on a file. Results are shared: callers must not change them.
 */
export function memoized<T>(fieldKey: string, compute: (v: CellValue | undefined) => T, limit = MEMO_LIMIT): CellReader<T> {
  let cache: Map<unknown, T> | null = new Map()
  return (row) => {
    const v = row.get(fieldKey)
    if (cache === null) return compute(v)
    // Dates by their time, in a key no text cell has (XML forbids U+0000).
    const k = v instanceof Date ? `\u0000date:${v.getTime()}` : v
    const hit = cache.get(k)
    if (hit !== undefined || cache.has(k)) return hit as T
    const result = compute(v)
    if (cache.size >= limit) cache = null
    else cache.set(k, result)
    return result
  }
}

export interface RowOutcome<I> {
  /** The input for the service; null when the row has errors that make it unusable. */
  input: I | null
  messages: RowMessage[]
  /** A short description of the row for the preview: 「福山地村道路」「张三 1504…」. */
  label: string
}

export interface KindRun<I> {
  /** Converts and checks one row (incl. duplicates within the file and against the database). */
  convert(row: RowCells): RowOutcome<I>
  /**
   * Writes the accepted rows (inside the caller's transaction), calling `tick` after each row.
   * Returns the ids written (same order).
   */
  write(rows: { rowNumber: number; input: I }[], tick: (done: number) => void, batchId: number): number[]
}

export type { KindKey } from './keys'
import type { KindKey } from './keys'

/** Collects a row's messages against the file's column headers. */
export class RowMessages {
  readonly list: RowMessage[] = []
  constructor(
    readonly rowNumber: number,
    private readonly env: KindEnv,
  ) {}
  error(fieldKey: string, message: string) {
    this.list.push({ rowNumber: this.rowNumber, column: this.env.header(fieldKey), severity: 'E', message })
  }
  warning(fieldKey: string, message: string) {
    this.list.push({ rowNumber: this.rowNumber, column: this.env.header(fieldKey), severity: 'W', message })
  }
  /** A message about the row as a whole (a duplicate, a failed total). */
  rowError(column: string, message: string) {
    this.list.push({ rowNumber: this.rowNumber, column, severity: 'E', message })
  }
  get hasErrors() {
    return this.list.some((m) => m.severity === 'E')
  }
  /** Findings of a form rule (checkAsset …): the field path is turned into the file's column. */
  findings(findings: readonly Finding[], columnOf: (field: string) => string | null) {
    for (const f of findings) {
      if (f.level === 'I') continue
      const key = columnOf(f.field)
      const column = key ? this.env.header(key) : f.label
      const message = key && this.env.header(key) !== f.label ? `${f.label}：${f.message}` : f.message
      this.list.push({ rowNumber: this.rowNumber, column, severity: f.level, message })
    }
  }
  /** Zod issues of the channel schema, named by their Chinese field label. */
  schemaIssues(error: { issues: readonly z.core.$ZodIssue[] }, labelOf: (path: PropertyKey[]) => string, columnOf: (field: string) => string | null) {
    for (const issue of error.issues) {
      const field = issue.path.map(String).join('.')
      const key = columnOf(field)
      const column = key ? this.env.header(key) : labelOf(issue.path)
      this.list.push({ rowNumber: this.rowNumber, column, severity: 'E', message: issue.message })
    }
  }
}

const textOf = (v: CellValue | undefined) => normalizeText(foldText(v))

/**
 * Readers of a row's cells by field key (text, money, integer, date), memoised per field for the
 * whole file; a cell that does not parse is an error of its column. Made once per file:
 * `cellReaders(env)(row, m)` gives the readers of that row, which stay the row's until the next call
 * (the same readers each time: none are made per row).
 */
export function cellReaders(env: KindEnv) {
  const texts = new Map<string, CellReader<string>>()
  const moneys = new Map<string, CellReader<ReturnType<typeof parseCellMoney>>>()
  const ints = new Map<string, CellReader<ReturnType<typeof parseCellInteger>>>()
  const dates = new Map<string, CellReader<ReturnType<typeof parseCellDate>>>()
  // A field's reader is made the first time the field is read (`??`: no function made on later reads).
  const add = <T>(readers: Map<string, CellReader<T>>, key: string, compute: (v: CellValue | undefined) => T): CellReader<T> => {
    const reader = memoized(key, compute)
    readers.set(key, reader)
    return reader
  }
  let row: RowCells
  let m: RowMessages
  const readers = {
    text: (key: string) => (texts.get(key) ?? add(texts, key, textOf))(row),
    money: (key: string) => {
      const r = (moneys.get(key) ?? add(moneys, key, (v) => parseCellMoney(v, env.unit(key))))(row)
      if (r.error) m.error(key, r.error)
      return r.fen
    },
    int: (key: string) => {
      const r = (ints.get(key) ?? add(ints, key, parseCellInteger))(row)
      if (r.error) m.error(key, r.error)
      return r.value
    },
    date: (key: string) => {
      const r = (dates.get(key) ?? add(dates, key, parseCellDate))(row)
      if (r.error) m.error(key, r.error)
      return r.value ?? null
    },
  }
  return (ofRow: RowCells, messages: RowMessages) => {
    row = ofRow
    m = messages
    return readers
  }
}

/**
 * A kind's `write` through its form service, one record at a time: `save` gets each row's input
 * with its warnings accepted (the user accepted them in the preview) and returns the new id.
 */
export const writeEach =
  <I>(save: (input: I) => { id: number }) =>
  (rows: { rowNumber: number; input: I }[], tick: (done: number) => void): number[] =>
    rows.map((r, i) => {
      const { id } = save({ ...r.input, acceptWarnings: true })
      tick(i + 1)
      return id
    })

/** A field spec with less typing. */
export const field = (key: string, label: string, type: FieldSpec['type'], synonyms: string[] = [], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  key,
  label,
  type,
  synonyms,
  ...extra,
})

/** Counts messages of a row. */
export const severityOf = (messages: readonly RowMessage[]): 'E' | 'W' | 'ok' =>
  messages.some((m) => m.severity === 'E') ? 'E' : messages.some((m) => m.severity === 'W') ? 'W' : 'ok'
