/**
 * Report layouts as DATA (DESIGN.md "Export", domain.md §5): a layout is a plain object — title with
 * placeholders, unit row, a one- or two-level header tree (the merged cells are computed from the
 * tree), columns with key / width / format, subtotal rows by a group key, a total row, the signature
 * footer, and the print setup. No functions inside, so a layout can be kept as JSON and a county can
 * register its own (`registerLayout`) over any dataset the program fills.
 *
 * Rows are plain records keyed by column key. Money is integer 分 in the rows; the writer shows it in
 * 元 (2 decimals) or 万元 (4 decimals) and computes subtotals and totals from the integer 分.
 */
import { AppError } from '../../domain/errors'

/** How a column's values are written and shown. */
export type ColumnFormat =
  /** Plain text, always a string cell (never a formula, whatever it starts with). */
  | 'text'
  /** Whole number, '#,##0'. */
  | 'integer'
  /** Integer 分 in the row; shown in the report's unit: '#,##0.00' for 元, '#,##0.0000' for 万元. */
  | 'money'
  /** A ratio (0.25 = 25%), '0.00%'. */
  | 'percent'
  /** 'YYYY-MM-DD' in the row; a real date cell shown as yyyy-mm-dd. */
  | 'date'
  /** A quantity with up to 3 decimals ('#,##0.###'). */
  | 'decimal'
  /** A year or another number shown without separators ('0'). */
  | 'year'

/** What a subtotal or total row shows in a column. */
export type ColumnTotal = 'sum' | 'none' | { ratio: [numerator: string, denominator: string] }

export interface LayoutColumn {
  key: string
  /** Header text; `{unit}` becomes the report's money unit (元 / 万元). */
  label: string
  format: ColumnFormat
  /** Width in characters (Excel's column width). */
  width?: number
  /** Default: 'sum' for integer, money and decimal columns, 'none' otherwise. */
  total?: ColumnTotal
  /** Wrap long text in the cell (names, remarks). */
  wrap?: boolean
}

export interface HeaderGroup {
  label: string
  children: HeaderNode[]
}

export type HeaderNode = LayoutColumn | HeaderGroup

export type PaperSize = 'A4' | 'A3'

export interface PrintSetup {
  paper: PaperSize
  orientation: 'landscape' | 'portrait'
  /** Fit all columns on the page width (fitToWidth 1, fitToHeight 0 = as many pages as needed). */
  fitToWidth: boolean
  /** Inches, as Excel stores them. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number }
}

export interface ReportLayout {
  /** Unique id, e.g. 'R1', 'R2-公益类', 'list.assets', or a county's own 'county.R1-简表'. */
  id: string
  /** Which dataset fills it (see datasets in reports/index.ts); a county layout may reuse any dataset. */
  dataset: string
  /** Fixed arguments for the dataset (plain values), e.g. { class: '公益类' } for one ledger's sheet. */
  datasetArgs?: Record<string, string | number>
  /** Title; placeholders {县} {年度} {乡镇} {填报单位} {单位} {截止日期}. */
  title: string
  /** Excel sheet name (≤ 31 characters, no []:*?/\). */
  sheetName: string
  /** The row under the title: left part (e.g. 填报单位（盖章）：{填报单位}) and right part (单位：{单位}). */
  unitRow: { left: string; right: string }
  header: HeaderNode[]
  /** A 序号 column in front, numbering the data rows. */
  indexColumn?: boolean
  /** A subtotal row after each run of equal `key` values; its label ('{group}小计') goes into `labelKey`. */
  subtotal?: { key: string; labelKey: string; label: string }
  /** The 合计 row, at the top (under the header, as many county tables put it) or at the bottom. */
  total?: { label: string; labelKey: string; position: 'top' | 'bottom' }
  /** Signature line under the table; empty for none. */
  footer: string[]
  print: PrintSetup
  /** Columns kept in view when scrolling sideways (besides the frozen header rows). */
  freezeColumns?: number
}

export const standardFooter = ['单位负责人：', '审核人：', '填报人：', '联系电话：', '填报日期：{填报日期}']
export const standardUnitRow = { left: '填报单位（盖章）：{填报单位}', right: '单位：{单位}' }
/** The unit row of a table of counts and amounts. */
export const countUnitRow = { left: standardUnitRow.left, right: '单位：个、{单位}' }

// ---- the header tree ----

export const isGroup = (node: HeaderNode): node is HeaderGroup => Array.isArray((node as HeaderGroup).children)

/** The leaf columns of a header tree, left to right. */
export function leafColumns(header: HeaderNode[]): LayoutColumn[] {
  const out: LayoutColumn[] = []
  const walk = (nodes: HeaderNode[]) => nodes.forEach((n) => (isGroup(n) ? walk(n.children) : out.push(n)))
  walk(header)
  return out
}

/** Header rows the tree needs: 1 for a flat header, 2 for one level of groups. */
export function headerDepth(header: HeaderNode[]): number {
  const depth = (n: HeaderNode): number => (isGroup(n) ? 1 + Math.max(0, ...n.children.map(depth)) : 1)
  return Math.max(1, ...header.map(depth))
}

/** One header cell: text, position (1-based within the header block and the columns), and its span. */
export interface HeaderCell {
  label: string
  row: number
  col: number
  rowSpan: number
  colSpan: number
}

/**
 * The header block's cells with their merges: a group spans its leaves horizontally; a leaf that is
 * not at the deepest level spans down to the last header row. `offset` shifts columns (the 序号 column).
 */
export function headerCells(header: HeaderNode[], offset = 0): HeaderCell[] {
  const depth = headerDepth(header)
  const cells: HeaderCell[] = []
  let col = 1 + offset
  const walk = (nodes: HeaderNode[], row: number) => {
    for (const n of nodes) {
      if (isGroup(n)) {
        const width = leafColumns(n.children).length
        cells.push({ label: n.label, row, col, rowSpan: 1, colSpan: width })
        walk(n.children, row + 1)
      } else {
        cells.push({ label: n.label, row, col, rowSpan: depth - row + 1, colSpan: 1 })
        col++
      }
    }
  }
  walk(header, 1)
  return cells
}

export const defaultTotal = (c: LayoutColumn): ColumnTotal =>
  c.total ?? (c.format === 'integer' || c.format === 'money' || c.format === 'decimal' ? 'sum' : 'none')

/** Fills {placeholders}; unknown ones become empty, so a missing value never shows as “{年度}”. */
export function fillText(template: string, vars: Record<string, string>): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => vars[name] ?? '')
}

// ---- checking a layout (a county's own one comes from outside the code) ----

const SHEET_NAME_BAD = /[[\]:*?/\\]/

export function checkLayout(layout: ReportLayout, datasetFields?: readonly string[]): string[] {
  const problems: string[] = []
  if (!layout.id) problems.push('缺少报表编号')
  if (!layout.title) problems.push('缺少标题')
  if (!layout.sheetName || layout.sheetName.length > 31 || SHEET_NAME_BAD.test(layout.sheetName)) problems.push('工作表名称应为1至31个字，且不含 [ ] : * ? / \\')
  const leaves = leafColumns(layout.header ?? [])
  if (leaves.length === 0) problems.push('表头没有列')
  const keys = new Set<string>()
  for (const c of leaves) {
    if (keys.has(c.key)) problems.push(`列“${c.label}”的键 ${c.key} 重复`)
    keys.add(c.key)
    if (!['text', 'integer', 'money', 'percent', 'date', 'decimal', 'year'].includes(c.format)) problems.push(`列“${c.label}”的格式 ${String(c.format)} 无效`)
    if (datasetFields && !datasetFields.includes(c.key)) problems.push(`列“${c.label}”的键 ${c.key} 不是数据集 ${layout.dataset} 的字段`)
    const t = c.total
    if (t && typeof t === 'object' && datasetFields) {
      for (const k of t.ratio) if (!datasetFields.includes(k)) problems.push(`列“${c.label}”的比率取自 ${k}，不是数据集字段`)
    }
  }
  if (headerDepth(layout.header ?? []) > 3) problems.push('表头最多三层')
  for (const part of [layout.subtotal, layout.total]) {
    if (part && !keys.has(part.labelKey)) problems.push(`小计/合计的标签列 ${part.labelKey} 不在表中`)
  }
  if (layout.subtotal && datasetFields && !datasetFields.includes(layout.subtotal.key) && !keys.has(layout.subtotal.key))
    problems.push(`小计分组键 ${layout.subtotal.key} 不是数据集字段`)
  return problems
}

// ---- the registry ----

const registry = new Map<string, ReportLayout>()

/** Adds (or replaces) a layout; a county layout is checked against its dataset's fields. */
export function registerLayout(layout: ReportLayout, datasetFields?: readonly string[]): ReportLayout {
  const problems = checkLayout(layout, datasetFields)
  if (problems.length) throw new AppError('LAYOUT_INVALID', `报表格式“${layout.title || layout.id}”有误：${problems.join('；')}`, problems)
  // Layouts are data: keep a deep copy, so a caller's later change cannot alter a registered one.
  const copy = structuredClone(layout)
  registry.set(layout.id, copy)
  return copy
}

export function getLayout(id: string): ReportLayout {
  const layout = registry.get(id)
  if (!layout) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的报表格式。`)
  return structuredClone(layout)
}

export const hasLayout = (id: string) => registry.has(id)
export const allLayouts = () => [...registry.values()].map((l) => structuredClone(l))

/** A copy of a layout with only the given leaf columns (in the layout's order); empty groups drop out. */
export function selectColumns(layout: ReportLayout, keys: readonly string[] | undefined): ReportLayout {
  if (!keys || keys.length === 0) return layout
  const keep = new Set(keys)
  const prune = (nodes: HeaderNode[]): HeaderNode[] =>
    nodes.flatMap((n): HeaderNode[] => {
      if (!isGroup(n)) return keep.has(n.key) ? [n] : []
      const children = prune(n.children)
      return children.length ? [{ ...n, children }] : []
    })
  const header = prune(layout.header)
  if (leafColumns(header).length === 0) throw new AppError('INVALID', '没有可导出的列，请至少选择一列。')
  const labelKeyOk = (k: string | undefined) => (k ? keep.has(k) : false)
  // A subtotal whose label column is hidden is dropped; the total's label then goes to the 序号 or first column (see the writer).
  return { ...layout, header, subtotal: layout.subtotal && labelKeyOk(layout.subtotal.labelKey) ? layout.subtotal : undefined }
}

export const landscapeA4: PrintSetup = { paper: 'A4', orientation: 'landscape', fitToWidth: true }
export const landscapeA3: PrintSetup = { paper: 'A3', orientation: 'landscape', fitToWidth: true }
