import ExcelJS from 'exceljs'
import { randomUUID } from 'node:crypto'
import type { ImportCommitResult, ImportPreview, ImportRow, ImportRowFilter, ImportRowsPage, ImportTemplateInfo } from '../../api/types/imports'
import type { OutboxFile } from '../../api/types/files'
import { AppError } from '../../domain/errors'
import { recordAudit } from '../../services/audit'
import type { ServiceContext } from '../../services/context'
import { outboxFile, outboxPath, resolveInbox } from '../../services/files'
import { kindOf, importKinds } from './kinds'
import { severityOf, type ImportKind, type KindEnv } from './kinds/kind'
import { readWorkbook } from './read'
import { locateBestTable, locateTable } from './table/locate'
import { layoutSignature, suggestMapping } from './table/mapping'
import type { CellValue, ColumnMapping, LocatedTable, MoneyUnit, RawWorkbook, RowMessage } from './types'

/**
 * The import flow (issue 5): preview a file as one kind of record — its table located, columns
 * mapped (adjustable, remembered per layout), every row converted and checked with the forms'
 * rules — then commit all usable rows in ONE transaction, or none; the rows that were not
 * imported can be saved as an xlsx with a 错误原因 column, and each kind has a template.
 *
 * Sessions live in the core's memory for SESSION_TTL_MS after their last use.
 */

export const SESSION_TTL_MS = 60 * 60 * 1000
const PREVIEW_PAGE = 50
const PROGRESS_EVERY = 2000
/** Page cache for a large commit, in KiB. */
const COMMIT_CACHE_KIB = 32 * 1024

interface RowResult {
  /** Index into table.rows. */
  at: number
  rowNumber: number
  label: string
  status: 'ok' | 'W' | 'E'
  input: unknown
  messages: RowMessage[]
}

interface Session {
  id: string
  kind: ImportKind
  fileId: string
  fileName: string
  /** What the workbook held (the cells themselves are not kept: memory stays with the rows that matter). */
  book: { format: RawWorkbook['format']; encoding?: string; sheets: { name: string; rows: number }[] }
  table: LocatedTable
  mapping: ColumnMapping
  unit?: MoneyUnit
  results: RowResult[]
  /** Messages about the file as a whole (missing required columns). */
  fileMessages: string[]
  committed: { batchId: number; written: number; acceptWarnings: boolean } | null
  touched: number
}

const sessions = new Map<string, Session>()

function sweep(now = Date.now()) {
  for (const [id, s] of sessions) if (now - s.touched > SESSION_TTL_MS) sessions.delete(id)
}

function session(id: string): Session {
  sweep()
  const s = sessions.get(id)
  if (!s) throw new AppError('IMPORT_EXPIRED', '导入预览已过期（超过1小时未操作）或程序已重启，请重新选择文件。')
  s.touched = Date.now()
  return s
}

/** For tests: forget every session. */
export function clearImportSessions() {
  sessions.clear()
}

const columnLetter = (index: number) => {
  let s = ''
  let n = index + 1
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}
const headerText = (path: string[]) => path.join('/')

function rememberedMapping(ctx: ServiceContext, kind: string, signature: string): ColumnMapping | null {
  const row = ctx.db.prepare('SELECT mapping_json AS json FROM import_mapping WHERE kind = ? AND signature = ?').get(kind, signature) as { json: string } | undefined
  if (!row) return null
  try {
    return JSON.parse(row.json) as ColumnMapping
  } catch {
    return null
  }
}

/** Keeps only known fields and existing columns; refuses one column for two fields. */
function cleanMapping(kind: ImportKind, table: LocatedTable, given: Record<string, number | null>): ColumnMapping {
  const columns = new Set(table.columns.map((c) => c.index))
  const out: ColumnMapping = {}
  const usedBy = new Map<number, string>()
  for (const f of kind.fields) {
    const v = Object.hasOwn(given, f.key) ? given[f.key] : null
    const index = typeof v === 'number' && columns.has(v) ? v : null
    if (index !== null) {
      const other = usedBy.get(index)
      if (other) {
        const header = headerText(table.columns.find((c) => c.index === index)!.headerPath)
        throw new AppError('INVALID', `「${other}」和「${f.label}」都对应到了第 ${columnLetter(index)} 列（${header}），一列只能对应一项，请调整对应关系。`)
      }
      usedBy.set(index, f.label)
    }
    Object.defineProperty(out, f.key, { value: index, writable: true, enumerable: true, configurable: true })
  }
  return out
}

function envOf(kind: ImportKind, table: LocatedTable, mapping: ColumnMapping, unit?: MoneyUnit): KindEnv {
  const byIndex = new Map(table.columns.map((c) => [c.index, c]))
  const labels = new Map(kind.fields.map((f) => [f.key, f.label]))
  return {
    header(key) {
      const index = mapping[key]
      const col = index === null || index === undefined ? undefined : byIndex.get(index)
      return col ? headerText(col.headerPath) : (labels.get(key) ?? key)
    },
    mapped: (key) => mapping[key] !== null && mapping[key] !== undefined,
    unit(key) {
      const index = mapping[key]
      const col = index === null || index === undefined ? undefined : byIndex.get(index)
      return col?.unit ?? unit ?? table.tableUnit ?? '元'
    },
    rows: table.rows.length,
  }
}

function convertAll(ctx: ServiceContext, s: Pick<Session, 'kind' | 'table' | 'mapping' | 'unit'>): { results: RowResult[]; fileMessages: string[] } {
  const { kind, table, mapping } = s
  const env = envOf(kind, table, mapping, s.unit)
  const missing = kind.fields.filter((f) => f.required && !env.mapped(f.key)).map((f) => f.label)
  const fileMessages = missing.length ? [`文件中没有找到这些必填列：${missing.join('、')}。请在“列对应”中指定，或在原表中补上这些列。`] : []
  const run = kind.start(ctx, env)
  const results: RowResult[] = []
  const total = table.rows.length
  // One reader for every row in turn (kinds do not keep it past `convert`).
  let cells: CellValue[] = []
  const current = {
    rowNumber: 0,
    get(key: string) {
      const index = mapping[key]
      return index === null || index === undefined ? undefined : cells[index]
    },
  }
  table.rows.forEach((row, at) => {
    current.rowNumber = row.rowNumber
    cells = row.cells
    const outcome = run.convert(current)
    const status = outcome.input === null ? 'E' : severityOf(outcome.messages)
    results.push({ at, rowNumber: row.rowNumber, label: outcome.label, status, input: outcome.input, messages: outcome.messages })
    if ((at + 1) % PROGRESS_EVERY === 0) ctx.progress?.({ job: 'import', done: at + 1, total, label: `正在检查：${(at + 1).toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')} 行` })
  })
  return { results, fileMessages }
}

const counts = (results: RowResult[]) => {
  let valid = 0
  let warning = 0
  let error = 0
  for (const r of results) {
    if (r.status === 'ok') valid++
    else if (r.status === 'W') warning++
    else error++
  }
  return { total: results.length, valid, warning, error }
}

const toRow = (r: RowResult): ImportRow => ({ rowNumber: r.rowNumber, label: r.label, status: r.status, messages: r.messages })

function filterRows(results: RowResult[], filter: ImportRowFilter): RowResult[] {
  if (filter === 'all') return results
  if (filter === 'problems') return results.filter((r) => r.status !== 'ok')
  return results.filter((r) => r.status === filter)
}

function describe(s: Session, mappingSource: ImportPreview['mappingSource']): ImportPreview {
  const { kind, table } = s
  const env = envOf(kind, table, s.mapping, s.unit)
  const problems = filterRows(s.results, 'problems')
  return {
    sessionId: s.id,
    kind: kind.key,
    kindTitle: kind.title,
    fileName: s.fileName,
    format: s.book.format,
    encoding: s.book.encoding ?? null,
    sheets: s.book.sheets,
    sheet: table.sheetName,
    headerRows: table.headerRows,
    tableUnit: table.tableUnit ?? null,
    unit: s.unit ?? null,
    columns: table.columns.map((c) => ({ index: c.index, letter: columnLetter(c.index), header: headerText(c.headerPath), unit: c.unit ?? null })),
    fields: kind.fields.map((f) => ({
      key: f.key,
      label: f.label,
      required: !!f.required,
      type: f.type,
      unit: f.type === 'money' && env.mapped(f.key) ? env.unit(f.key) : null,
    })),
    mapping: { ...s.mapping },
    mappingSource,
    fileMessages: s.fileMessages,
    skipped: table.skipped,
    counts: counts(s.results),
    rows: (problems.length ? problems : s.results).slice(0, PREVIEW_PAGE).map(toRow),
    rowsFilter: problems.length ? 'problems' : 'all',
  }
}

/**
 * A title merged across the whole table above a one-row header is not a group header: when every
 * column sits under the same top text, that level is dropped (「2021年花名册」/户主姓名 → 户主姓名).
 */
function withoutTitleGroup(table: LocatedTable): LocatedTable {
  if (table.headerRows.length !== 2 || table.columns.length < 3) return table
  const top = table.columns[0].headerPath[0]
  if (!table.columns.every((c) => c.headerPath.length === 2 && c.headerPath[0] === top)) return table
  return { ...table, headerRows: [table.headerRows[1]], columns: table.columns.map((c) => ({ ...c, headerPath: c.headerPath.slice(1) })) }
}

async function loadBook(ctx: ServiceContext, fileId: string): Promise<{ book: RawWorkbook; fileName: string }> {
  const { path, fileName } = resolveInbox(ctx, fileId)
  ctx.progress?.({ job: 'import', done: 0, total: 0, label: `正在读取“${fileName}”` })
  return { book: await readWorkbook(path), fileName }
}

/**
 * Reads a file from the inbox as `kind` and checks every row. With `mapping`, the user's column
 * mapping is used and remembered for files of the same layout; without it a remembered one is used
 * when the layout is known, else the suggested one. A new session (the old one of the same file
 * is replaced).
 */
export async function previewImport(
  ctx: ServiceContext,
  input: { fileId: string; kind: string; sheet?: string; mapping?: Record<string, number | null>; unit?: MoneyUnit },
): Promise<ImportPreview> {
  const kind = kindOf(input.kind)
  const { book, fileName } = await loadBook(ctx, input.fileId)
  let table: LocatedTable
  if (input.sheet !== undefined) {
    const sheet = book.sheets.find((s) => s.name === input.sheet)
    if (!sheet) throw new AppError('INVALID', `文件中没有名为“${input.sheet}”的工作表`)
    table = locateTable(sheet, kind.fields)
  } else table = locateBestTable(book, kind.fields)
  table = withoutTitleGroup(table)

  const signature = layoutSignature(table)
  let mapping: ColumnMapping
  let source: ImportPreview['mappingSource']
  if (input.mapping) {
    mapping = cleanMapping(kind, table, input.mapping)
    source = 'user'
    ctx.db
      .prepare(
        `INSERT INTO import_mapping (kind, signature, mapping_json) VALUES (?, ?, ?)
         ON CONFLICT (kind, signature) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = datetime('now', 'localtime')`,
      )
      .run(kind.key, signature, JSON.stringify(mapping))
  } else {
    const remembered = rememberedMapping(ctx, kind.key, signature)
    if (remembered) {
      mapping = cleanMapping(kind, table, remembered)
      source = 'remembered'
    } else {
      mapping = cleanMapping(kind, table, suggestMapping(table, kind.fields))
      source = 'suggested'
    }
  }

  for (const [id, old] of sessions) if (old.fileId === input.fileId && !old.committed) sessions.delete(id)
  const base = { kind, table, mapping, unit: input.unit }
  const { results, fileMessages } = convertAll(ctx, base)
  // Only the cells of rows with problems are kept (for the error-rows file); valid rows keep their converted input.
  for (const r of results) if (r.status === 'ok') table.rows[r.at] = { rowNumber: r.rowNumber, cells: [] }
  const summary = { format: book.format, encoding: book.encoding, sheets: book.sheets.map((sh) => ({ name: sh.name, rows: sh.rows.length })) }
  const s: Session = { id: randomUUID(), ...base, fileId: input.fileId, fileName, book: summary, results, fileMessages, committed: null, touched: Date.now() }
  sessions.set(s.id, s)
  ctx.progress?.({ job: 'import', done: results.length, total: results.length, label: '检查完成' })
  return describe(s, source)
}

/** A page of a session's rows: all, those with problems, errors only, or warnings only. */
export function importRows(ctx: ServiceContext, input: { sessionId: string; filter: ImportRowFilter; page: number; pageSize: number }): ImportRowsPage {
  void ctx
  const s = session(input.sessionId)
  const rows = filterRows(s.results, input.filter)
  const from = (input.page - 1) * input.pageSize
  return { rows: rows.slice(from, from + input.pageSize).map(toRow), total: rows.length }
}

/**
 * Writes every usable row — valid rows, and rows with warnings when `acceptWarnings` — in ONE
 * transaction with one audit row for the batch besides the services' per-record rows. Any failure
 * leaves the database as it was. `failAtRow` (tests only) throws after that many rows.
 */
export function commitImport(
  ctx: ServiceContext,
  input: { sessionId: string; acceptWarnings: boolean },
  testing: { failAtRow?: number } = {},
): ImportCommitResult {
  const s = session(input.sessionId)
  if (s.committed) throw new AppError('IMPORT_DONE', `这个文件已导入过（批次 ${s.committed.batchId}，${s.committed.written} ${s.kind.noun}），请勿重复导入。`)
  const rows = s.results.filter((r) => r.status === 'ok' || (input.acceptWarnings && r.status === 'W'))
  if (rows.length === 0) {
    const c = counts(s.results)
    throw new AppError(
      'NOTHING_TO_IMPORT',
      c.warning && !input.acceptWarnings
        ? `没有无问题的行；有 ${c.warning} 行带警告，确认警告后可导入。`
        : '没有可导入的行：所有行都有错误。请下载错误行，改正后重新导入。',
    )
  }
  const env = envOf(s.kind, s.table, s.mapping, s.unit)
  const total = rows.length
  const started = Date.now()
  // A large batch touches every index of its table at random places: a bigger page cache for the
  // write saves most of the re-reads (given back afterwards).
  const cacheSize = ctx.db.pragma('cache_size', { simple: true }) as number
  if (total > 5000) ctx.db.pragma(`cache_size = ${-COMMIT_CACHE_KIB}`)
  try {
    return commitRows(ctx, s, rows, env, input.acceptWarnings, testing, started)
  } finally {
    if (total > 5000) ctx.db.pragma(`cache_size = ${cacheSize}`)
  }
}

function commitRows(
  ctx: ServiceContext,
  s: Session,
  rows: RowResult[],
  env: KindEnv,
  acceptWarnings: boolean,
  testing: { failAtRow?: number },
  started: number,
): ImportCommitResult {
  const input = { acceptWarnings }
  const total = rows.length
  const result = ctx.db.transaction(() => {
    const batchId = Number(
      ctx.db
        .prepare('INSERT INTO import_batch (kind, file_name, sheet_name, warnings_accepted, user) VALUES (?, ?, ?, ?, ?)')
        .run(s.kind.key, s.fileName, s.table.sheetName, input.acceptWarnings ? 1 : 0, ctx.user).lastInsertRowid,
    )
    const run = s.kind.start(ctx, env)
    const ids = run.write(
      rows.map((r) => ({ rowNumber: r.rowNumber, input: r.input })),
      (done) => {
        if (testing.failAtRow !== undefined && done >= testing.failAtRow) throw new AppError('TEST_FAILURE', `模拟故障：写到第 ${done} 行时中断`)
        if (done % PROGRESS_EVERY === 0) ctx.progress?.({ job: 'import', done, total, label: `正在写入：${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')} ${s.kind.noun}` })
      },
      batchId,
    )
    ctx.db.prepare('UPDATE import_batch SET rows_written = ? WHERE id = ?').run(ids.length, batchId)
    const c = counts(s.results)
    recordAudit(ctx, {
      entity: 'import_batch',
      entityId: batchId,
      entityName: s.fileName,
      action: 'create',
      summary: `从“${s.fileName}”导入${s.kind.title} ${ids.length} ${s.kind.noun}（未导入：错误 ${c.error} 行${input.acceptWarnings ? '' : `、警告 ${c.warning} 行`}）`,
      after: { kind: s.kind.key, fileName: s.fileName, sheet: s.table.sheetName, written: ids.length, rows: rows.map((r) => r.rowNumber).slice(0, 1000), firstId: ids[0], lastId: ids[ids.length - 1] },
    })
    return { batchId, written: ids.length }
  })()
  s.committed = { ...result, acceptWarnings: input.acceptWarnings }
  // The converted rows are not needed any more (a session commits once): give the memory back.
  for (const r of s.results) r.input = null
  ctx.progress?.({ job: 'import', done: total, total, label: '导入完成' })
  const c = counts(s.results)
  return {
    batchId: result.batchId,
    written: result.written,
    notWritten: c.total - result.written,
    noun: s.kind.noun,
    kindTitle: s.kind.title,
    ms: Date.now() - started,
  }
}

const TEXT_FORMAT = '@'

function writeCell(cell: ExcelJS.Cell, v: CellValue | undefined) {
  if (v === null || v === undefined) return
  if (v instanceof Date) {
    cell.value = v
    cell.numFmt = 'yyyy-mm-dd'
  } else if (typeof v === 'number' || typeof v === 'boolean') cell.value = v
  else {
    // Text stays text: a value starting with = + - @ is written as a string, never a formula.
    cell.value = String(v).slice(0, 32_000)
    cell.numFmt = TEXT_FORMAT
  }
}

/** Writes a header block: one row, or two with the groups merged (资金来源 → 中央/自治区/…). */
function writeHeader(ws: ExcelJS.Worksheet, paths: string[][], extra: string[]) {
  const depth = paths.some((p) => p.length > 1) ? 2 : 1
  const all = [...paths, ...extra.map((e) => [e])]
  const bold = { bold: true }
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }
  all.forEach((p, i) => {
    const col = i + 1
    const top = ws.getCell(1, col)
    top.value = p[0] ?? ''
    if (depth === 2) {
      const below = ws.getCell(2, col)
      if (p.length > 1) below.value = p[1]
      else ws.mergeCells(1, col, 2, col)
    }
  })
  if (depth === 2) {
    // Merge runs of the same group text on the first row.
    let i = 0
    while (i < all.length) {
      let j = i
      while (all[i].length > 1 && j + 1 < all.length && all[j + 1].length > 1 && all[j + 1][0] === all[i][0]) j++
      if (j > i) ws.mergeCells(1, i + 1, 1, j + 1)
      i = j + 1
    }
  }
  for (let r = 1; r <= depth; r++) {
    const row = ws.getRow(r)
    row.font = bold
    for (let c = 1; c <= all.length; c++) {
      const cell = ws.getCell(r, c)
      cell.border = border
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } }
    }
  }
  all.forEach((p, i) => (ws.getColumn(i + 1).width = Math.min(40, Math.max(10, [...(p[p.length - 1] ?? '')].length * 2 + 2))))
  return depth
}

/**
 * The rows that were not imported (errors; with `includeWarnings`, warning rows too, as when they
 * were not accepted) as an xlsx in the outbox: the file's own columns, 原行号, and 错误原因, ready
 * to be corrected and imported again.
 */
export async function errorRowsFile(ctx: ServiceContext, input: { sessionId: string; includeWarnings: boolean }): Promise<OutboxFile> {
  const s = session(input.sessionId)
  const include = s.committed ? (s.committed.acceptWarnings ? ['E'] : ['E', 'W']) : input.includeWarnings ? ['E', 'W'] : ['E']
  const rows = s.results.filter((r) => include.includes(r.status))
  if (rows.length === 0) throw new AppError('NOTHING_TO_EXPORT', '没有错误行需要下载。')
  const base = s.fileName.replace(/\.[^.]+$/, '')
  const slot = outboxPath(ctx, `${base}-错误行.xlsx`)
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: slot.path, useStyles: true, useSharedStrings: true })
  const ws = wb.addWorksheet('错误行', { views: [{ state: 'frozen', ySplit: s.table.columns.some((c) => c.headerPath.length > 1) ? 2 : 1 }] })
  const cols = s.table.columns
  const depth = writeHeader(ws, cols.map((c) => c.headerPath), ['原行号', '错误原因'])
  const reasonCol = cols.length + 2
  ws.getColumn(reasonCol).width = 60
  for (let r = 1; r <= depth; r++) ws.getRow(r).commit()
  for (const r of rows) {
    const cells = s.table.rows[r.at].cells
    const row = ws.addRow([])
    cols.forEach((c, i) => writeCell(row.getCell(i + 1), cells[c.index]))
    row.getCell(cols.length + 1).value = r.rowNumber
    const reason = row.getCell(reasonCol)
    reason.value = r.messages
      .filter((m) => include.includes(m.severity))
      .map((m) => `${m.severity === 'E' ? '【错误】' : '【警告】'}${m.column}：${m.message}`)
      .join('；')
    reason.font = { color: { argb: 'FFC00000' } }
    reason.alignment = { wrapText: true, vertical: 'top' }
    row.commit()
  }
  ws.commit()
  await wb.commit()
  return outboxFile(ctx, slot.fileId)
}

/** The standard template of a kind: its header (two levels where the kind has groups), one example row, and a 填写说明 sheet. */
export async function templateFile(ctx: ServiceContext, input: { kind: string }): Promise<OutboxFile> {
  const kind = kindOf(input.kind)
  // A title like 「资金拨付/支出明细」 names a file and a sheet: no path or sheet-name characters there.
  const plainTitle = kind.title.replace(/[\\/*?:[\]]/g, '、')
  const slot = outboxPath(ctx, `${plainTitle}导入模板.xlsx`)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(plainTitle.slice(0, 31), { views: [{ state: 'frozen', ySplit: kind.fields.some((f) => f.parents?.length) ? 2 : 1 }] })
  const label = (f: ImportKind['fields'][number]) => `${f.required ? '*' : ''}${f.label}${f.type === 'money' && !f.parents ? '（元）' : ''}`
  const paths = kind.fields.map((f) => (f.parents?.length ? [`${f.parents[0]}（元）`, f.label] : [label(f)]))
  const depth = writeHeader(ws, paths, [])
  const example = ws.getRow(depth + 1)
  kind.fields.forEach((f, i) => {
    const v = kind.example[i]
    const cell = example.getCell(i + 1)
    if (f.type === 'text' || f.type === 'idCard' || f.type === 'phone' || f.type === 'region' || f.type === 'enum') ws.getColumn(i + 1).numFmt = TEXT_FORMAT
    if (f.type === 'date') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd'
    if (v !== undefined && v !== null) writeCell(cell, f.type === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v)
    if (f.type === 'enum' && f.enumValues && f.enumValues.join(',').length < 250) {
      for (let r = depth + 1; r <= depth + 2000; r++) ws.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${f.enumValues.join(',')}"`] }
    }
  })
  const help = wb.addWorksheet('填写说明')
  help.columns = [
    { header: '列名', width: 22 },
    { header: '是否必填', width: 10 },
    { header: '填写要求', width: 80 },
  ]
  help.getRow(1).font = { bold: true }
  for (const f of kind.fields) {
    const rule =
      f.type === 'money'
        ? '金额，单位元（表头写“（万元）”或表上方写“单位：万元”时按万元），最多精确到分'
        : f.type === 'date'
          ? '日期，如 2021-07-28、2021.7.28、2021年7月28日'
          : f.type === 'year'
            ? '4位年份，如 2021'
            : f.type === 'idCard'
              ? '18位身份证号；请将该列设为“文本”，否则 Excel 会丢失后几位'
              : f.type === 'enum' && f.enumValues
                ? `可选：${f.enumValues.join('、')}`
                : f.type === 'region'
                  ? '本旗县在用的乡镇（苏木）或村（嘎查）名称，可带或不带“镇/乡/苏木/村/嘎查”'
                  : f.type === 'integer'
                    ? '整数'
                    : f.type === 'decimal'
                      ? '数字'
                      : '文字'
    const synonyms = f.synonyms.length ? `；也可写作：${f.synonyms.slice(0, 6).join('、')}` : ''
    help.addRow([f.parents?.length ? `${f.parents[0]}-${f.label}` : f.label, f.required ? '必填' : '', rule + synonyms])
  }
  await wb.xlsx.writeFile(slot.path)
  return outboxFile(ctx, slot.fileId)
}

/** The kinds that can be imported, for the view. */
export function listImportKinds(): ImportTemplateInfo[] {
  return importKinds.map((k) => ({ key: k.key, title: k.title, required: k.fields.filter((f) => f.required).map((f) => f.label) }))
}
