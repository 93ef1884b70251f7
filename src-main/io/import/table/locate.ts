import { AppError } from '../../../domain/errors'
import { foldKey, foldText } from '../normalise/text'
import type { CellValue, FieldSpec, LocatedTable, MergeRange, RawSheet, RawWorkbook, TableColumn, TableRow } from '../types'
import { headerKey, unitInHeader, unitInNote } from './header-text'

/** How many rows from the top are searched for the header. */
export const HEADER_SEARCH_ROWS = 40

export const SkipReason = {
  blank: '空行',
  columnNumbers: '栏次行（列序号）',
  category: '分类标题行',
  signature: '签字行',
  note: '表尾说明',
  repeatedHeader: '重复的表头行',
  total: (word: string) => `${word}行`,
} as const

/** The fields' header spellings, folded: key → indexes of the fields it names. */
export interface FieldKeys {
  byKey: Map<string, number[]>
  parents: (Set<string> | null)[]
  /** Spellings of at least two characters, longest first, for containment matches. */
  spellings: { key: string; field: number }[]
}

export function fieldKeys(fields: readonly FieldSpec[]): FieldKeys {
  const byKey = new Map<string, number[]>()
  fields.forEach((f, i) => {
    for (const text of [f.label, ...f.synonyms]) {
      const k = headerKey(text)
      if (k === '') continue
      const list = byKey.get(k) ?? []
      if (!list.includes(i)) list.push(i)
      byKey.set(k, list)
    }
  })
  const parents = fields.map((f) => (f.parents?.length ? new Set(f.parents.map(headerKey)) : null))
  const spellings: FieldKeys['spellings'] = []
  for (const [key, list] of byKey) if (key.length >= 2) for (const field of list) spellings.push({ key, field })
  spellings.sort((a, b) => b.key.length - a.key.length)
  return { byKey, parents, spellings }
}

/**
 * Fields a header path names only loosely: its leaf contains a spelling (「资产名称及规模」), or a field
 * with parents is named without its group (a one-level 「中央」). Half weight when scoring a header.
 */
export function looseFieldsOfPath(path: readonly string[], keys: FieldKeys): number[] {
  if (path.length === 0) return []
  const leaf = headerKey(path[path.length - 1])
  if (leaf.length < 2 || leaf.length > 20) return []
  const out = new Set<number>()
  for (const i of keys.byKey.get(leaf) ?? []) if (keys.parents[i] && path.length === 1) out.add(i)
  for (const { key, field } of keys.spellings) {
    if (leaf !== key && leaf.includes(key) && !(keys.parents[field] && path.length === 1)) out.add(field)
  }
  return [...out]
}

/** The fields a header path names: leaf text matched, and for fields with parents, the top text too. */
export function fieldsOfPath(path: readonly string[], keys: FieldKeys): number[] {
  if (path.length === 0) return []
  const leaf = headerKey(path[path.length - 1])
  const top = headerKey(path[0])
  const hits = keys.byKey.get(leaf) ?? []
  const out: number[] = []
  for (const i of hits) {
    const parents = keys.parents[i]
    if (parents === null) out.push(i)
    else if (path.length > 1 && parents.has(top)) out.push(i)
  }
  // A one-level header that writes parent and child together: 「资金来源-中央」「中央资金」 are left to synonyms.
  return out
}

/** Cell texts with merged ranges spread over every cell they cover (header rows only). */
class MergedGrid {
  private readonly cover = new Map<number, MergeRange>()
  constructor(
    private readonly sheet: RawSheet,
    maxRow: number,
  ) {
    for (const m of sheet.merges) {
      if (m.top > maxRow) continue
      const area = (m.bottom - m.top + 1) * (m.right - m.left + 1)
      if (area > 20_000) continue
      for (let r = m.top; r <= Math.min(m.bottom, maxRow); r++) {
        for (let c = m.left; c <= m.right; c++) this.cover.set(r * 20_000 + c, m)
      }
    }
  }
  merge(r: number, c: number): MergeRange | undefined {
    return this.cover.get(r * 20_000 + c)
  }
  text(r: number, c: number): string {
    const m = this.merge(r, c)
    const [rr, cc] = m ? [m.top, m.left] : [r, c]
    return foldText(this.sheet.rows[rr]?.[cc])
  }
  width(rows: number[]): number {
    let w = 0
    for (const r of rows) w = Math.max(w, this.sheet.rows[r]?.length ?? 0)
    for (const m of this.sheet.merges) if (rows.some((r) => r >= m.top && r <= m.bottom)) w = Math.max(w, m.right + 1)
    return w
  }
}

/** Header paths of each column for a header block of one row (r) or two rows (r, r+1). */
function headerPaths(grid: MergedGrid, r: number, depth: 1 | 2): string[][] {
  const rows = depth === 1 ? [r] : [r, r + 1]
  const width = grid.width(rows)
  const paths: string[][] = []
  for (let c = 0; c < width; c++) {
    let t1 = grid.text(r, c)
    if (depth === 1) {
      paths.push(t1 ? [t1] : [])
      continue
    }
    const m1 = grid.merge(r, c)
    // A title or unit line above the header is not a group header.
    if (t1 && (isTitleLike(t1) || (m1 && m1.top === m1.bottom && m1.right - m1.left + 1 >= Math.max(3, width * 0.6)))) t1 = ''
    const t2 = grid.text(r + 1, c)
    if (m1 && m1.bottom >= r + 1) paths.push(t1 ? [t1] : [])
    else if (t2 === '') paths.push(t1 ? [t1] : [])
    else if (t1 === '') {
      // A group header written once without a merge (CSV, careless sheets): carry it to the right.
      let parent = ''
      for (let k = c - 1; k >= 0; k--) {
        const left = grid.text(r, k)
        if (left !== '') {
          if (grid.text(r + 1, k) !== '' && !grid.merge(r, k)) parent = left
          break
        }
      }
      paths.push(parent ? [parent, t2] : [t2])
    } else if (t1 === t2) paths.push([t1])
    else paths.push([t1, t2])
  }
  return paths
}

/** Text of a title, unit or filler line, never a column group: 「单位：万元」「填报单位：…」「表一」. */
const isTitleLike = (t: string) => /单位[:：]|填报|制表|日期[:：]|^表[一二三四五六七八九十\d]+$|[表册账]$/.test(t.replace(/ /g, '')) && t.length > 1

interface Candidate {
  row: number
  depth: 1 | 2
  paths: string[][]
  matched: Set<number>
  /** Exact matches count 1, loose ones ½. */
  score: number
  structured: boolean
}

function scoreBlock(grid: MergedGrid, sheet: RawSheet, r: number, depth: 1 | 2, keys: FieldKeys): Candidate {
  const paths = headerPaths(grid, r, depth)
  const matched = new Set<number>()
  const loose = new Set<number>()
  for (const p of paths) {
    for (const i of fieldsOfPath(p, keys)) matched.add(i)
    for (const i of looseFieldsOfPath(p, keys)) loose.add(i)
  }
  for (const i of matched) loose.delete(i)
  const score = matched.size + loose.size / 2
  // A two-row block is a real two-level header when merges shape it (a group over children, or
  // cells spanning both rows).
  const width = paths.length
  const structured =
    depth === 2 &&
    sheet.merges.some(
      (m) =>
        (m.top === r && m.bottom === r && m.right > m.left && m.right - m.left + 1 < Math.max(3, width * 0.6) && !isTitleLike(grid.text(r, m.left))) ||
        (m.top <= r && m.bottom >= r + 1 && m.bottom <= r + 1),
    )
  return { row: r, depth, paths, matched, score, structured }
}

const better = (a: Candidate, b: Candidate | null) => {
  if (!b) return true
  if (a.score !== b.score) return a.score > b.score
  if (a.structured !== b.structured) return a.structured
  // Two two-level blocks that read alike: the lower one (the upper one has a title line on top).
  if (a.depth === 2 && b.depth === 2) return a.row > b.row
  // Without merges to say so, a second header row is not assumed (a title row is not a group).
  return a.depth < b.depth
}

const BLANK = /^[\s\u00A0\u3000\u200B-\u200D\u2060\uFEFF]*$/

/**
 * Non-empty cells of a row, with their column and, for strings, a cheap text (trimmed, not folded:
 * the row tests below look for Chinese words and full-width forms themselves). Runs on every data
 * row, so it must stay cheap: the text of a number or date is made only when a test needs it
 * (`cellText`).
 */
function filled(cells: readonly CellValue[]): FilledCell[] {
  const out: FilledCell[] = []
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c]
    if (v === null || v === undefined) continue
    if (typeof v === 'string') {
      const text = filledText(v)
      if (text !== null) out.push({ c, v, text })
    } else out.push({ c, v, text: '' })
  }
  return out
}

/** A string cell's trimmed text, or null when it holds only spaces and invisible characters. */
function filledText(v: string): string | null {
  const first = v.charCodeAt(0)
  // Most cells start with a printable ASCII or a CJK character: no space test needed.
  if ((first > 0x20 && first < 0x7f) || (first > 0x3000 && first < 0xfeff)) return v.trim()
  if (v.length === 0 || (v.length < 64 && BLANK.test(v))) return null
  const text = v.trim()
  return text === '' && BLANK.test(v) ? null : text
}

interface FilledCell {
  c: number
  v: CellValue
  /** The trimmed text of a string cell; '' for other cells (see cellText). */
  text: string
}

const cellText = (cell: FilledCell) => (typeof cell.v === 'string' ? cell.text : typeof cell.v === 'number' ? String(cell.v) : foldText(cell.v))

const TOTAL = /^(本页|本村|本镇|本乡|全旗|全县|全市)?(小计|合计|总计|共计|累计|总合计)/
const TOTAL_END = /(小计|合计|总计|共计)$/
const CATEGORY = /^([一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十百]+[)）]|第[一二三四五六七八九十百]+[类部分]|其中[:：])/
/**
 * A signature-line cell: a role label followed by a colon (「审核人：李四」「单位（盖章）：」), a bare role
 * label (「填报人」 with the name in the next cell), or a seal/sign mark (「（盖章）」). Never a word
 * inside a remark (「已签字确认」 is data).
 */
const SIGNATURE_ROLE = '(单位负责人|主要负责人|分管领导|负责人|填报人|填表人|制表人|审核人|复核人|审批人|经办人|联系人|联系电话|填报日期|填表日期|制表日期|报送日期|填报单位|报送单位|单位|日期)'
const SIGNATURE = new RegExp(`^${SIGNATURE_ROLE}[(（]?(签字|签名|盖章|签章)?[)）]?\\s*[:：]|^${SIGNATURE_ROLE}[(（]?(签字|签名|盖章)?[)）]?$|[(（](盖章|签字|签名|签章)[)）]`)
const NOTE = /^(注|备注|说明|填表说明|附注)[:：]/

function totalWord(cells: FilledCell[]): string | null {
  for (const { v, text } of cells) {
    // Every total word has 计 in it: one indexOf before any regex.
    if (typeof v !== 'string' || text.length > 24 || text.indexOf('计') < 0) continue
    const k = foldText(text).replace(/ /g, '')
    const m = TOTAL.exec(k) ?? TOTAL_END.exec(k)
    if (m) return m[0].match(/小计|合计|总计|共计|累计/)?.[0] ?? '合计'
  }
  return null
}

function isColumnNumberRow(cells: FilledCell[]): boolean {
  if (cells.length < 3) return false
  let last = -Infinity
  for (const cell of cells) {
    const v = cell.v
    const text = foldText(cellText(cell))
    if (/^[甲乙丙丁戊己庚辛壬癸]$|^栏次$|^序号$/.test(text)) continue
    const n = typeof v === 'number' ? v : /^\d{1,3}$/.test(text) ? Number(text) : NaN
    if (!Number.isInteger(n) || n <= last || n > 300) return false
    last = n
  }
  return last > -Infinity
}

/**
 * Finds the data table in a sheet for a kind's fields: the header row (or two-level header with
 * merged group cells, e.g. 资金来源 → 中央/自治区/盟市/旗县) below any title and unit rows, scored by
 * how many fields its texts name; the unit of the table (「单位：万元」 above the header) and of each
 * column (「原值（万元）」); the data rows, leaving out — with the reason — blank rows, a column-number
 * row, category headings (「一、公益类」), 小计/合计/总计 rows, repeated headers and the signature lines
 * under the table. Throws AppError NO_HEADER, naming the expected headers, when no header is found.
 */
export function locateTable(sheet: RawSheet, fields: readonly FieldSpec[]): LocatedTable {
  const keys = fieldKeys(fields)
  const searchRows = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS)
  const grid = new MergedGrid(sheet, HEADER_SEARCH_ROWS + 1)
  let best: Candidate | null = null
  for (let r = 0; r < searchRows; r++) {
    const one = scoreBlock(grid, sheet, r, 1, keys)
    if (better(one, best)) best = one
    if (r + 1 < sheet.rows.length) {
      const two = scoreBlock(grid, sheet, r, 2, keys)
      if (better(two, best)) best = two
    }
  }
  const needed = Math.min(2, fields.length)
  if (!best || best.score < needed || best.matched.size === 0) throw noHeader(sheet, fields)

  const headerTop = best.row
  const headerBottom = best.row + best.depth - 1

  let tableUnit: LocatedTable['tableUnit']
  for (let r = 0; r < headerTop && !tableUnit; r++) {
    for (const cell of filled(sheet.rows[r] ?? [])) {
      tableUnit = unitInNote(cellText(cell))
      if (tableUnit) break
    }
  }

  const columns: TableColumn[] = []
  best.paths.forEach((path, index) => {
    if (path.length === 0) return
    let unit = unitInHeader(path[path.length - 1])
    for (let i = path.length - 2; i >= 0 && !unit; i--) unit = unitInHeader(path[i])
    columns.push(unit ? { index, headerPath: path, unit } : { index, headerPath: path })
  })

  const headerFieldCount = best.matched.size
  // A header repeated inside the table (printed page by page) repeats the header cells' own texts.
  const headerTexts: Set<string>[] = []
  for (let r = headerTop; r <= headerBottom; r++) {
    ;(sheet.rows[r] ?? []).forEach((v, c) => {
      if (typeof v !== 'string' || v.trim() === '') return
      ;(headerTexts[c] ??= new Set()).add(v.trim())
    })
  }
  // Only a header text that starts like a number or a date can equal the text of a number or date cell.
  const numericHeader = headerTexts.map((texts) => [...texts].some((t) => /^[-+.\d]/.test(t)))
  const sameAsHeader = (cell: FilledCell) =>
    !!headerTexts[cell.c] && (typeof cell.v === 'string' || typeof cell.v === 'boolean' || numericHeader[cell.c]) && headerTexts[cell.c].has(cellText(cell))
  const repeatsHeader = (same: number) => same >= Math.max(2, Math.ceil(headerFieldCount / 2))

  /**
   * Whether a row is plainly data, decided without listing its cells: at least 3 filled cells, not
   * all of them text (or more than 8), no text with 计 in it, a first cell that is not a category
   * heading, and not a repeated header. Every row the tests below would skip fails this; the rest
   * take the long way.
   */
  const plainlyData = (cellsRow: readonly CellValue[]): boolean => {
    let count = 0
    let allText = true
    let firstIsString = false
    let same = 0
    for (let c = 0; c < cellsRow.length; c++) {
      const v = cellsRow[c]
      if (v === null || v === undefined) continue
      if (typeof v === 'string') {
        const text = filledText(v)
        if (text === null) continue
        if (text.indexOf('计') >= 0) return false
        if (count === 0) {
          if (CATEGORY.test(foldText(text))) return false
          firstIsString = true
        }
        if (headerTexts[c]?.has(text)) same++
      } else {
        if (!(v instanceof Date)) allText = false
        if (headerTexts[c] && (typeof v === 'boolean' || numericHeader[c])) return false
      }
      count++
    }
    if (count < 3 || (allText && count <= 8)) return false
    return !(headerFieldCount >= 2 && firstIsString && repeatsHeader(same))
  }
  const rows: TableRow[] = []
  const skipped: LocatedTable['skipped'] = []
  let pendingBlank: number[] = []
  let afterSignature = false
  const width = Math.max(1, columns.length ? columns[columns.length - 1].index + 1 : 1)

  // Cells merged down over several data rows (a 乡镇 written once for its villages) hold their value
  // in the top cell only: give it to every row the merge covers.
  const fillDown = new Map<number, { col: number; value: CellValue }[]>()
  for (const m of sheet.merges) {
    if (m.top <= headerBottom || m.bottom <= m.top || m.bottom - m.top > 100_000) continue
    const value = sheet.rows[m.top]?.[m.left] ?? null
    if (value === null) continue
    for (let r = m.top + 1; r <= m.bottom; r++) {
      const list = fillDown.get(r) ?? []
      list.push({ col: m.left, value })
      fillDown.set(r, list)
    }
  }

  for (let r = headerBottom + 1; r < sheet.rows.length; r++) {
    let cellsRow = sheet.rows[r] ?? []
    const fills = fillDown.get(r)
    if (fills) {
      cellsRow = [...cellsRow]
      for (const { col, value } of fills) {
        while (cellsRow.length <= col) cellsRow.push(null)
        if (cellsRow[col] === null || cellsRow[col] === undefined) cellsRow[col] = value
      }
    }
    const rowNumber = r + 1
    if (r > headerBottom + 1 && plainlyData(cellsRow)) {
      for (const n of pendingBlank) skipped.push({ rowNumber: n, reason: SkipReason.blank })
      pendingBlank = []
      rows.push({ rowNumber, cells: cellsRow })
      continue
    }
    const cells = filled(cellsRow)
    if (cells.length === 0) {
      pendingBlank.push(rowNumber)
      continue
    }
    for (const n of pendingBlank) skipped.push({ rowNumber: n, reason: SkipReason.blank })
    pendingBlank = []
    const skip = (reason: string) => skipped.push({ rowNumber, reason })

    if (r === headerBottom + 1 && isColumnNumberRow(cells)) {
      skip(SkipReason.columnNumbers)
      continue
    }
    const total = totalWord(cells)
    if (total) {
      skip(SkipReason.total(total))
      continue
    }
    const first = foldText(cellText(cells[0]))
    const allText = cells.length <= 8 && cells.every((x) => typeof x.v === 'string' || x.v instanceof Date)
    if (allText && cells.some((x) => typeof x.v === 'string' && SIGNATURE.test(x.text.replace(/\s+/g, '')))) {
      skip(SkipReason.signature)
      afterSignature = true
      continue
    }
    if (cells.length <= 2 && NOTE.test(first)) {
      skip(SkipReason.note)
      continue
    }
    if (afterSignature && cells.length <= 2) {
      skip(SkipReason.note)
      continue
    }
    if (CATEGORY.test(first) && typeof cells[0].v === 'string') {
      skip(SkipReason.category)
      continue
    }
    if (cells.length === 1 && typeof cells[0].v === 'string') {
      const m = sheet.merges.find((mm) => mm.top <= r && mm.bottom >= r && mm.left <= cells[0].c && mm.right >= cells[0].c)
      const spans = m ? m.right - m.left + 1 : 1
      if (spans >= Math.min(3, width) || /[类:：]$/.test(first)) {
        skip(SkipReason.category)
        continue
      }
    }
    if (headerFieldCount >= 2 && cells.length >= 2 && typeof cells[0].v === 'string') {
      let same = 0
      for (const cell of cells) if (sameAsHeader(cell)) same++
      if (repeatsHeader(same)) {
        skip(SkipReason.repeatedHeader)
        continue
      }
    }
    rows.push({ rowNumber, cells: cellsRow })
  }

  const headerRows = best.depth === 1 ? [headerTop + 1] : [headerTop + 1, headerTop + 2]
  const table: LocatedTable = { sheetName: sheet.name, headerRows, columns, rows, skipped }
  if (tableUnit) table.tableUnit = tableUnit
  return table
}

function noHeader(sheet: RawSheet, fields: readonly FieldSpec[]): AppError {
  const expected = fields.filter((f) => f.required).map((f) => f.label)
  const list = (expected.length ? expected : fields.map((f) => f.label)).slice(0, 12)
  const empty = sheet.rows.every((r) => r.every((v) => foldKey(v) === ''))
  const where = `工作表「${sheet.name}」`
  const message = empty
    ? `${where}是空的，没有找到表头和数据。`
    : `在${where}的前 ${HEADER_SEARCH_ROWS} 行中没有找到可识别的表头。应有这些列：${list.join('、')}${fields.length > list.length ? ' 等' : ''}。请确认选对了文件和工作表，或把表头改成模板中的写法后重新导入。`
  return new AppError('NO_HEADER', message, { sheet: sheet.name, expected: list })
}

/**
 * The sheet of a workbook whose table fits the fields best (most fields recognised in its header),
 * located. Throws NO_HEADER (for the first sheet with data) when no sheet has a recognisable header.
 */
export function locateBestTable(book: RawWorkbook, fields: readonly FieldSpec[]): LocatedTable {
  let best: { table: LocatedTable; score: number } | null = null
  let firstError: unknown = null
  const keys = fieldKeys(fields)
  for (const sheet of book.sheets) {
    try {
      const table = locateTable(sheet, fields)
      const matched = new Set<number>()
      for (const col of table.columns) for (const i of fieldsOfPath(col.headerPath, keys)) matched.add(i)
      if (!best || matched.size > best.score) best = { table, score: matched.size }
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      if (!firstError && sheet.rows.length > 0) firstError = e
    }
  }
  if (best) return best.table
  throw firstError ?? noHeader(book.sheets[0] ?? { name: 'Sheet1', rows: [], merges: [] }, fields)
}
