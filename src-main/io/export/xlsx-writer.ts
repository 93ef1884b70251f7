/**
 * Writes report layouts and their rows as a styled .xlsx with exceljs's streaming WorkbookWriter, so a
 * list of 100k+ rows is written row by row and memory stays flat: centred merged title, unit row,
 * header block with merged cells, thin borders on every table cell, number formats (元 '#,##0.00',
 * 万元 '#,##0.0000'), column widths, frozen header, print setup (paper, landscape, fit to width,
 * repeated header rows), subtotal and total rows computed from the integer 分 of the rows (no
 * formulas: the file shows the same figures in every program, and nothing evaluates).
 *
 * Text is always written as a string cell: a value such as “=HYPERLINK(…)” or “+86…” stays text.
 */
import ExcelJS from 'exceljs'
import { AppError } from '../../domain/errors'
import type { MoneyUnit } from '../../domain/money'
import { defaultTotal, fillText, headerCells, headerDepth, leafColumns, type ColumnFormat, type LayoutColumn, type ReportLayout } from './layout'

export type Row = Record<string, unknown>

export interface SheetInput {
  layout: ReportLayout
  rows: Iterable<Row> | AsyncIterable<Row>
  /** How many rows, when known (progress). */
  rowCount?: number
  /** Placeholder values for the title, unit row and footer ({县}, {年度} …). */
  vars: Record<string, string>
}

export interface WriteOptions {
  unit: MoneyUnit
  /** Called every few thousand rows and at the end of each sheet. */
  onProgress?: (done: number, total: number | undefined, sheet: string) => void
}

export interface SheetSummary {
  sheetName: string
  rows: number
  /** Integer sums of the summed columns (money in 分), as written in the total row. */
  totals: Record<string, number>
  /** 1-based row numbers: first and last header row, first data row. */
  headerRows: [number, number]
  firstDataRow: number
}

const FONT = '宋体'
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } }
const border = { top: thin, left: thin, bottom: thin, right: thin }
const paperSizes = { A4: 9, A3: 8 } as const
const MAX_TEXT = 32_767
/** Rows of one Excel worksheet. */
export const MAX_ROWS = 1_048_576
const tooMany = (sheet: string) =>
  new AppError('TOO_MANY_ROWS', `“${sheet}”超过 Excel 单个工作表 1,048,576 行的上限，请按乡镇（苏木）或年度分开导出。`)

export const moneyFormat = (unit: MoneyUnit) => (unit === '元' ? '#,##0.00' : '#,##0.0000')
const divisorOf = (unit: MoneyUnit) => (unit === '元' ? 100 : 1_000_000)

function numFmtOf(format: ColumnFormat, unit: MoneyUnit): string | undefined {
  switch (format) {
    case 'integer':
      return '#,##0'
    case 'money':
      return moneyFormat(unit)
    case 'percent':
      return '0.00%'
    case 'date':
      return 'yyyy-mm-dd'
    case 'decimal':
      // 'General': 2.5 and 1583 as they are ('#,##0.###' would show Excel's trailing '1,583.')
      return undefined
    case 'year':
      return '0'
    default:
      return '@'
  }
}

/** Width of a text in Excel column units: a CJK or full-width character counts about two. */
export function textWidth(text: string): number {
  let w = 0
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1.1
  return w
}

/** Lines a wrapped text takes in a column of the given width (explicit line breaks count). */
const linesIn = (text: string, width: number) =>
  text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / Math.max(1, width - 1.2))), 0)

/** Points per line of 10 pt 宋体, plus padding. */
const LINE_PT = 13.5

const alignOf = (format: ColumnFormat): 'left' | 'right' | 'center' =>
  format === 'text' ? 'left' : format === 'date' || format === 'year' ? 'center' : 'right'

/** One shared style object per column and row kind: exceljs dedupes styles by object identity. */
function columnStyles(columns: LayoutColumn[], unit: MoneyUnit) {
  const make = (c: LayoutColumn, bold: boolean): Partial<ExcelJS.Style> => ({
    font: { name: FONT, size: 10, bold },
    border,
    alignment: { vertical: 'middle', horizontal: alignOf(c.format), wrapText: !!c.wrap },
    numFmt: numFmtOf(c.format, unit),
  })
  return {
    data: columns.map((c) => make(c, false)),
    sum: columns.map((c) => make(c, true)),
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The cell value of a row value in a column's format; text stays a string (never a formula). */
export function cellValue(value: unknown, format: ColumnFormat, unit: MoneyUnit): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null
  switch (format) {
    case 'money':
      return typeof value === 'number' ? value / divisorOf(unit) : String(value)
    case 'integer':
    case 'decimal':
    case 'percent':
    case 'year':
      return typeof value === 'number' && Number.isFinite(value) ? value : String(value)
    case 'date': {
      const m = typeof value === 'string' ? DATE.exec(value) : null
      return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : String(value)
    }
    default: {
      const text = typeof value === 'string' ? value : typeof value === 'boolean' ? (value ? '是' : '否') : String(value)
      return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text
    }
  }
}

/**
 * Backpressure for exceljs's streaming writer, which writes a sheet's XML into the zip without waiting
 * for the compressor: past a few MB of queued output, wait until the zip entry has drained, so memory
 * stays flat however many rows are written. (Reaches into exceljs 4.4's StreamBuf: `stream.pipes`.)
 */
const QUEUE_LIMIT = 4 * 1024 * 1024
async function drained(sheet: ExcelJS.Worksheet) {
  type Target = NodeJS.WritableStream & { writableLength?: number; _writableState?: { length?: number } }
  const target = (sheet as unknown as { stream?: { pipes?: Target[] } }).stream?.pipes?.[0]
  // archiver's PassThrough comes from readable-stream 2, which has no `writableLength`.
  const queued = (t: Target) => t.writableLength ?? t._writableState?.length ?? 0
  if (!target || queued(target) < QUEUE_LIMIT) return
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, 2000) // never hang on a stream that does not say 'drain'
    function done() {
      clearTimeout(timer)
      target!.removeListener('drain', done)
      resolve()
    }
    target!.once('drain', done)
  })
}

async function* iterate(rows: Iterable<Row> | AsyncIterable<Row>): AsyncGenerator<Row> {
  for await (const row of rows as AsyncIterable<Row>) yield row
}

/** Sums of the summed columns and the ratio parts, from the rows' integer values. */
class Sums {
  readonly values: Record<string, number> = {}
  constructor(private readonly keys: string[]) {
    for (const k of keys) this.values[k] = 0
  }
  add(row: Row) {
    for (const k of this.keys) {
      const v = row[k]
      if (typeof v === 'number' && Number.isFinite(v)) this.values[k] += v
    }
  }
  reset() {
    for (const k of this.keys) this.values[k] = 0
  }
}

const roundQuantity = (n: number) => Math.round(n * 1e6) / 1e6

function summedKeys(columns: LayoutColumn[]): string[] {
  const keys = new Set<string>()
  for (const c of columns) {
    const t = defaultTotal(c)
    if (t === 'sum') keys.add(c.key)
    else if (typeof t === 'object') t.ratio.forEach((k) => keys.add(k))
  }
  return [...keys]
}

/** A subtotal or total row's values: sums, ratios of sums, blanks. */
function totalRow(columns: LayoutColumn[], sums: Record<string, number>): Row {
  const row: Row = {}
  for (const c of columns) {
    const t = defaultTotal(c)
    if (t === 'sum') row[c.key] = c.format === 'decimal' ? roundQuantity(sums[c.key]) : sums[c.key]
    else if (typeof t === 'object') {
      const den = sums[t.ratio[1]]
      row[c.key] = den ? sums[t.ratio[0]] / den : null
    }
  }
  return row
}

async function writeSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, input: SheetInput, options: WriteOptions): Promise<SheetSummary> {
  const { layout, vars } = input
  if (input.rowCount !== undefined && input.rowCount > MAX_ROWS - 20) throw tooMany(layout.sheetName)
  const unit = options.unit
  const allVars = { ...vars, 单位: vars['单位'] ?? unit }
  const columns = leafColumns(layout.header).map((c) => ({ ...c, label: c.label.replaceAll('{unit}', unit) }))
  const header = layout.header
  const index = layout.indexColumn ? 1 : 0
  const width = columns.length + index
  const depth = headerDepth(header)
  const headerStart = 3
  const headerEnd = headerStart + depth - 1
  const print = layout.print
  const sheet = book.addWorksheet(layout.sheetName, {
    pageSetup: {
      paperSize: paperSizes[print.paper] as never,
      orientation: print.orientation,
      ...(print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false }),
      horizontalCentered: true,
      margins: print.margins ?? { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerStart}:${headerEnd}`,
    },
    views: [{ state: 'frozen', xSplit: index + (layout.freezeColumns ?? 0), ySplit: headerEnd, showGridLines: false }],
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  })
  sheet.columns = [...(index ? [{ width: 6 }] : []), ...columns.map((c) => ({ width: c.width ?? 12 }))]

  // Title and unit row.
  const title = sheet.getRow(1)
  title.height = 34
  const titleCell = title.getCell(1)
  titleCell.value = fillText(layout.title, allVars)
  titleCell.style = { font: { name: '黑体', size: 18 }, alignment: { horizontal: 'center', vertical: 'middle' } }
  sheet.mergeCells(1, 1, 1, width)
  title.commit()
  const unitRow = sheet.getRow(2)
  unitRow.height = 20
  const half = Math.max(1, Math.floor(width / 2))
  const left = unitRow.getCell(1)
  left.value = fillText(layout.unitRow.left, allVars)
  left.style = { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'middle' } }
  const right = unitRow.getCell(width > 1 ? half + 1 : 1)
  if (width > 1) {
    right.value = fillText(layout.unitRow.right, allVars)
    right.style = { font: { name: FONT, size: 10 }, alignment: { horizontal: 'right', vertical: 'middle' } }
    if (half > 1) sheet.mergeCells(2, 1, 2, half)
    if (width > half + 1) sheet.mergeCells(2, half + 1, 2, width)
  } else {
    left.value = `${left.value as string}　${fillText(layout.unitRow.right, allVars)}`
  }
  unitRow.commit()

  // Header block: every cell of the block is bordered (also those a merge covers).
  const headStyle: Partial<ExcelJS.Style> = {
    font: { name: FONT, size: 10, bold: true },
    border,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  }
  const cells = headerCells(header, index)
  const widths = [...(index ? [6] : []), ...columns.map((c) => c.width ?? 12)]
  // Each header row as high as its longest label needs (a label spanning rows shares their height).
  const need = Array.from({ length: depth }, () => 1)
  for (const h of cells) {
    const span = widths.slice(h.col - 1, h.col - 1 + h.colSpan).reduce((a, b) => a + b, 0)
    const lines = linesIn(h.label.replaceAll('{unit}', unit), span)
    const per = Math.ceil(lines / h.rowSpan)
    for (let k = 0; k < h.rowSpan; k++) need[h.row - 1 + k] = Math.max(need[h.row - 1 + k], per)
  }
  for (let r = headerStart; r <= headerEnd; r++) {
    const row = sheet.getRow(r)
    row.height = Math.max(depth > 1 ? 20 : 28, need[r - headerStart] * LINE_PT + 6)
    for (let c = 1; c <= width; c++) row.getCell(c).style = headStyle
  }
  if (index) sheet.getCell(headerStart, 1).value = '序号'
  for (const h of cells) sheet.getCell(headerStart + h.row - 1, h.col).value = h.label.replaceAll('{unit}', unit)
  if (index && depth > 1) sheet.mergeCells(headerStart, 1, headerEnd, 1)
  for (const h of cells) {
    if (h.rowSpan > 1 || h.colSpan > 1) sheet.mergeCells(headerStart + h.row - 1, h.col, headerStart + h.row - 1 + h.rowSpan - 1, h.col + h.colSpan - 1)
  }
  for (let r = headerStart; r <= headerEnd; r++) sheet.getRow(r).commit()

  // Data, subtotal and total rows.
  const styles = columnStyles(columns, unit)
  const indexStyle: Partial<ExcelJS.Style> = { font: { name: FONT, size: 10 }, border, alignment: { horizontal: 'center', vertical: 'middle' }, numFmt: '0' }
  const labelStyle: Partial<ExcelJS.Style> = { font: { name: FONT, size: 10, bold: true }, border, alignment: { horizontal: 'center', vertical: 'middle' } }
  const sumKeys = summedKeys(columns)
  const grand = new Sums(sumKeys)
  const group = new Sums(sumKeys)
  let rowNo = headerEnd + 1
  const labelColumn = (key: string | undefined) => {
    const at = key ? columns.findIndex((c) => c.key === key) : -1
    return at >= 0 ? at + index + 1 : 1
  }
  const put = (values: Row, kind: 'data' | 'sum', serial?: number, label?: { col: number; text: string }) => {
    if (rowNo > MAX_ROWS - 3) throw tooMany(layout.sheetName)
    const row = sheet.getRow(rowNo++)
    if (index) {
      const cell = row.getCell(1)
      cell.value = serial ?? null
      cell.style = kind === 'data' ? indexStyle : labelStyle
    }
    let lines = 1
    columns.forEach((c, i) => {
      const cell = row.getCell(i + index + 1)
      const v = cellValue(values[c.key], c.format, unit)
      cell.value = v
      cell.style = kind === 'data' ? styles.data[i] : styles.sum[i]
      // Rows are not auto-fitted when the file is opened: size the row to its longest wrapped text.
      if (c.wrap && typeof v === 'string' && v.length > 4) lines = Math.max(lines, linesIn(v, c.width ?? 12))
    })
    if (lines > 1) row.height = Math.min(409, lines * LINE_PT + 3)
    if (label) {
      const cell = row.getCell(label.col)
      cell.value = label.text
      cell.style = labelStyle
    }
    row.commit()
  }
  const totalLabel = layout.total ? { col: labelColumn(layout.total.labelKey), text: layout.total.label } : undefined

  let source: Iterable<Row> | AsyncIterable<Row> = input.rows
  if (layout.total?.position === 'top') {
    // The total goes above the rows: sum them first (reports small enough to hold).
    const held: Row[] = []
    for await (const r of iterate(input.rows)) held.push(r)
    for (const r of held) grand.add(r)
    put(totalRow(columns, grand.values), 'sum', undefined, totalLabel)
    source = held
  }
  const top = layout.total?.position === 'top'
  const sub = layout.subtotal
  let currentGroup: unknown = undefined
  let groupRows = 0
  let count = 0
  const flushGroup = () => {
    if (!sub || groupRows === 0) return
    put(totalRow(columns, group.values), 'sum', undefined, { col: labelColumn(sub.labelKey), text: fillText(sub.label, { group: String(currentGroup ?? '') }) })
    group.reset()
    groupRows = 0
  }
  for await (const r of iterate(source)) {
    if (sub && groupRows > 0 && r[sub.key] !== currentGroup) flushGroup()
    if (sub) currentGroup = r[sub.key]
    put(r, 'data', ++count)
    if (!top) grand.add(r)
    group.add(r)
    groupRows++
    if (count % 1000 === 0) await drained(sheet)
    if (options.onProgress && count % 5000 === 0) options.onProgress(count, input.rowCount, layout.sheetName)
  }
  flushGroup()
  if (layout.total && !top) put(totalRow(columns, grand.values), 'sum', undefined, totalLabel)

  // Footer: the signature items spread over the width, one blank row below the table.
  if (layout.footer.length) {
    rowNo++
    const row = sheet.getRow(rowNo++)
    row.height = 24
    const n = layout.footer.length
    const style: Partial<ExcelJS.Style> = { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'middle' } }
    const texts = layout.footer.map((t) => fillText(t, allVars))
    if (width < n) {
      const cell = row.getCell(1)
      cell.value = texts.join('　　')
      cell.style = style
    } else {
      texts.forEach((text, i) => {
        const cell = row.getCell(Math.floor((i * width) / n) + 1)
        cell.value = text
        cell.style = style
      })
    }
    row.commit()
  }
  options.onProgress?.(count, input.rowCount ?? count, layout.sheetName)
  await sheet.commit()
  const totals: Record<string, number> = {}
  for (const c of columns) if (defaultTotal(c) === 'sum') totals[c.key] = c.format === 'decimal' ? roundQuantity(grand.values[c.key]) : grand.values[c.key]
  return { sheetName: layout.sheetName, rows: count, totals, headerRows: [headerStart, headerEnd], firstDataRow: headerEnd + 1 + (top ? 1 : 0) }
}

/** Writes the sheets to `path` (streamed); returns per-sheet row counts and totals. */
export async function writeWorkbook(path: string, sheets: SheetInput[], options: WriteOptions): Promise<SheetSummary[]> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true })
  book.creator = '帮扶项目资产台账'
  book.created = new Date()
  const summaries: SheetSummary[] = []
  try {
    for (const s of sheets) summaries.push(await writeSheet(book, s, options))
    await book.commit()
  } catch (error) {
    // Close the half-written file (the caller removes it).
    ;(book as unknown as { stream?: { destroy?: () => void } }).stream?.destroy?.()
    throw error
  }
  return summaries
}
