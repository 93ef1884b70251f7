/** What fills a layout: a dataset is a named function (ctx, params) → rows, with the fields its rows carry. */
import type { MoneyUnit } from '../../../domain/money'
import type { ServiceContext } from '../../../services/context'
import type { Row } from '../xlsx-writer'

export interface ReportParams {
  /** 资金年度 / 项目年度; all years when absent. */
  year?: number
  /** One 乡镇（苏木）; the whole county when absent. */
  townCode?: string
  unit: MoneyUnit
}

export interface DatasetRows {
  rows: Iterable<Row> | AsyncIterable<Row>
  rowCount?: number
}

export interface Dataset {
  id: string
  /** The fields of its rows: what a layout's columns may name. */
  fields: readonly string[]
  rows: (ctx: ServiceContext, params: ReportParams, args: Record<string, string | number>) => DatasetRows
}

const datasets = new Map<string, Dataset>()

export function registerDataset(d: Dataset) {
  datasets.set(d.id, d)
  return d
}
export const getDataset = (id: string) => datasets.get(id)

/** Lets the event loop run (the zip stream flushes, progress goes out) every so many rows. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Rows read in chunks of ids, so no statement stays open while the writer awaits (the core serves
 * other calls meanwhile, and better-sqlite3 allows no query while an iterator is open).
 */
export async function* chunked<T>(ids: number[], read: (ids: number[]) => T[], size = 2000): AsyncGenerator<T> {
  for (let i = 0; i < ids.length; i += size) {
    const rows = read(ids.slice(i, i + size))
    for (const r of rows) yield r
    await breathe()
  }
}

/** A WHERE of the common report parameters on a table alias (fund year column given). */
export function paramWhere(params: ReportParams, alias: string, yearColumn: string) {
  const parts: string[] = []
  const values: Record<string, unknown> = {}
  if (params.year !== undefined) {
    parts.push(`${alias}.${yearColumn} = @year`)
    values.year = params.year
  }
  if (params.townCode) {
    parts.push(`${alias}.town_code = @town`)
    values.town = params.townCode
  }
  return { parts, values }
}
