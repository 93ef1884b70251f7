import type { DB } from '../../../db/open'

/**
 * Runs `load` (many INSERTs into `table`) with the named per-row triggers set aside and, when
 * `dropIndexes`, without the table's secondary indexes, rebuilt afterwards: building an index from
 * sorted rows costs a fraction of updating it at random places row by row, once the batch is about
 * as big as the table. Must run inside a transaction: the DROPs and CREATEs are part of it, so a
 * failure leaves the schema as it was. Triggers and indexes are restored from their own SQL.
 */
export function bulkLoad(db: DB, table: string, opts: { triggers: readonly string[]; dropIndexes: boolean }, load: () => void) {
  if (!db.inTransaction) throw new Error('bulkLoad must run inside a transaction')
  const triggers = opts.triggers.length
    ? (db
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name IN (${opts.triggers.map(() => '?').join(', ')})`)
        .all(table, ...opts.triggers) as { name: string; sql: string }[])
    : []
  // sql IS NULL: the automatic indexes of UNIQUE and PRIMARY KEY constraints, which cannot be dropped.
  const indexes = opts.dropIndexes
    ? (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as { name: string; sql: string }[])
    : []
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`)
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`)
  load()
  for (const i of indexes) db.exec(i.sql)
  for (const t of triggers) db.exec(t.sql)
}
