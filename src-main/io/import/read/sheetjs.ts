import * as XLSX from 'xlsx'
import type { CellValue, MergeRange, RawSheet } from '../types'

const DAY_MS = 86_400_000

/** Excel's error codes as stored in a cell (t: 'e'). */
const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
}

/**
 * An Excel serial of a date-formatted cell as a Date whose UTC fields are the date and time Excel
 * shows (no time-zone shift). Serial 60 (the phantom 1900-02-29) and serials below 1 (times only)
 * stay numbers.
 */
export function serialToDate(serial: number, date1904 = false): Date | number {
  const s = date1904 ? serial + 1462 : serial
  if (!Number.isFinite(s) || s < 1 || s > 2_958_466 || Math.floor(s) === 60) return serial
  const base = s < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)
  return new Date(base + Math.round(s * DAY_MS))
}

function cellValue(cell: XLSX.CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null
  switch (cell.t) {
    case 's':
      return cell.v === undefined || cell.v === '' ? null : String(cell.v)
    case 'n': {
      const v = cell.v as number
      if (typeof v !== 'number') return null
      if (cell.z && typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) return serialToDate(v, date1904)
      return v
    }
    case 'b':
      return Boolean(cell.v)
    case 'd':
      return cell.v instanceof Date ? cell.v : null
    case 'e':
      return typeof cell.w === 'string' ? cell.w : (ERROR_TEXT[cell.v as number] ?? '#VALUE!')
    case 'z':
      return null
    default:
      if (cell.v === undefined && cell.f) return `=${cell.f}`
      return null
  }
}

/** Options for parsing with SheetJS; values are never evaluated (no formula engine). */
export function sheetJsOptions(maxRows?: number, raw = false): XLSX.ParsingOptions {
  return {
    dense: true,
    cellDates: false,
    cellNF: true,
    cellFormula: true,
    cellHTML: false,
    cellText: false,
    cellStyles: false,
    raw,
    sheetRows: maxRows && maxRows > 0 ? maxRows : 0,
  }
}

/** The sheets of a workbook SheetJS has parsed, as plain rows (arrays, never objects keyed by header). */
export function sheetsOf(wb: XLSX.WorkBook): RawSheet[] {
  const date1904 = !!wb.Workbook?.WBProps?.date1904
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name]
    const rows: CellValue[][] = []
    const merges: MergeRange[] = (ws?.['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }))
    const data = (ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] } | undefined)?.['!data']
    if (data) {
      for (let r = 0; r < data.length; r++) {
        const source = data[r]
        if (!source) {
          rows.push([])
          continue
        }
        const row: CellValue[] = new Array(source.length)
        let last = -1
        for (let c = 0; c < source.length; c++) {
          const v = cellValue(source[c], date1904)
          row[c] = v
          if (v !== null) last = c
        }
        row.length = last + 1
        rows.push(row)
      }
    }
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop()
    return { name, rows, merges }
  })
}
