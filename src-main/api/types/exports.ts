import type { OutboxFile } from './files'

/** An exported workbook in the outbox, with what it holds. */
export interface ExportResult extends OutboxFile {
  /** Data rows written (without header, subtotal and total rows), per sheet. */
  sheets: { sheetName: string; rows: number }[]
}

export interface ReportInfo {
  id: string
  name: string
  yearLabel: '资金年度' | '项目年度' | '计划年度' | null
  town: boolean
  /** 'invalid': a county's own format file with mistakes (listed in `note`). */
  status: 'ready' | 'later' | 'invalid'
  note: string
  sheets: string[]
  sheetTitles: { sheetName: string; title: string }[]
}
