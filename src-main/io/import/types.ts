/**
 * The seam between reading a spreadsheet (read/, table/) and importing one kind of record (kinds/).
 * Reading knows nothing of assets or households; a kind knows nothing of file formats.
 */

/** A cell value as read: text, number, a date (Excel date cells), or empty. */
export type CellValue = string | number | boolean | Date | null

/** One merged range, 0-based inclusive, as in the file. */
export interface MergeRange {
  top: number
  left: number
  bottom: number
  right: number
}

/** One worksheet as read from any format (xlsx, xls, et, csv). */
export interface RawSheet {
  name: string
  /** rows[r][c], 0-based; rows may be ragged. */
  rows: CellValue[][]
  merges: MergeRange[]
}

export type SourceFormat = 'xlsx' | 'xls' | 'et' | 'csv'

export interface RawWorkbook {
  format: SourceFormat
  /** For csv: the encoding detected ('utf-8' | 'gb18030'). */
  encoding?: string
  sheets: RawSheet[]
}

export type MoneyUnit = '元' | '万元'

/** What a kind expects in a column: how its header is spelled, and how its value is read. */
export interface FieldSpec {
  key: string
  /** The standard header text (used in templates and messages). */
  label: string
  /** Other spellings seen in county files; compared after folding (full-width, spaces, brackets, units). */
  synonyms: string[]
  /** A two-level header: the parent header text(s) this column sits under, e.g. ['资金来源'] for 中央. */
  parents?: string[]
  type: 'text' | 'integer' | 'decimal' | 'money' | 'date' | 'year' | 'idCard' | 'phone' | 'enum' | 'region'
  required?: boolean
  /** For type 'enum': the allowed values and the spellings that map onto them. */
  enumValues?: readonly string[]
  enumSynonyms?: Record<string, string>
}

/** A column of the located table. */
export interface TableColumn {
  /** 0-based column index in the sheet. */
  index: number
  /** Header texts from the top level down, merged cells spread, e.g. ['资金来源', '中央']. */
  headerPath: string[]
  /** Unit named in this column's header, e.g. 原值（万元）. */
  unit?: MoneyUnit
}

export interface TableRow {
  /** 1-based row number as Excel/WPS shows it. */
  rowNumber: number
  cells: CellValue[]
}

/** A data table found in a sheet: header located, junk rows skipped. */
export interface LocatedTable {
  sheetName: string
  /** 1-based numbers of the header rows (one or two). */
  headerRows: number[]
  columns: TableColumn[]
  /** Unit from a unit row above the header (单位：万元), applying where a column names none. */
  tableUnit?: MoneyUnit
  rows: TableRow[]
  /** Rows left out, with the reason (空行, 合计行, 分类标题行, 签字行…), for the preview. */
  skipped: { rowNumber: number; reason: string }[]
}

/** The mapping of a kind's fields to table columns (column index), adjustable by the user. */
export type ColumnMapping = Record<string, number | null>

/** A problem with one cell or row, in the user's terms. */
export interface RowMessage {
  rowNumber: number
  /** Header text as in the file (or the field label when the column is missing). */
  column: string
  severity: 'E' | 'W'
  message: string
}
