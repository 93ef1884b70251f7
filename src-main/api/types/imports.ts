/** What the import channels return (see io/import/session.ts). */
export interface ImportRowMessage {
  rowNumber: number
  /** Header text as in the file (or the field's name when the file has no such column). */
  column: string
  severity: 'E' | 'W'
  message: string
}

export interface ImportRow {
  /** Row number as Excel/WPS shows it. */
  rowNumber: number
  label: string
  status: 'ok' | 'W' | 'E'
  messages: ImportRowMessage[]
}

export type ImportRowFilter = 'all' | 'problems' | 'E' | 'W'

export interface ImportPreview {
  sessionId: string
  kind: string
  kindTitle: string
  fileName: string
  format: string
  encoding: string | null
  sheets: { name: string; rows: number }[]
  sheet: string
  headerRows: number[]
  tableUnit: '元' | '万元' | null
  unit: '元' | '万元' | null
  columns: { index: number; letter: string; header: string; unit: '元' | '万元' | null }[]
  fields: { key: string; label: string; required: boolean; type: string; unit: '元' | '万元' | null }[]
  mapping: Record<string, number | null>
  mappingSource: 'suggested' | 'remembered' | 'user'
  fileMessages: string[]
  skipped: { rowNumber: number; reason: string }[]
  counts: { total: number; valid: number; warning: number; error: number }
  /** The first rows of `rowsFilter` (rows with problems when there are any). */
  rows: ImportRow[]
  rowsFilter: ImportRowFilter
}

export interface ImportRowsPage {
  rows: ImportRow[]
  total: number
}

export interface ImportCommitResult {
  batchId: number
  written: number
  notWritten: number
  noun: string
  kindTitle: string
  ms: number
}

export interface ImportTemplateInfo {
  key: string
  title: string
  required: string[]
}
