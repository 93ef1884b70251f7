import { AppError } from '../domain/errors'
import { backupDatabase } from './backup'
import type { DB } from './open'

export interface Migration {
  version: number
  name: string
  up: string | ((db: DB) => void)
}

export interface MigrationResult {
  from: number
  to: number
  backupFile?: string
}

export const schemaVersion = (db: DB) => db.pragma('user_version', { simple: true }) as number

/**
 * Brings the schema up to the newest migration. A file that already holds data is backed up first.
 * All pending migrations run in one transaction (each in its own savepoint), so a failure leaves
 * the file exactly as it was, at its old version.
 */
export async function migrate(db: DB, migrations: Migration[], backupsDir: string): Promise<MigrationResult> {
  const from = schemaVersion(db)
  const pending = migrations.filter((m) => m.version > from).sort((a, b) => a.version - b.version)
  const newest = migrations.reduce((max, m) => Math.max(max, m.version), 0)
  if (from > newest) {
    throw new AppError(
      'DB_TOO_NEW',
      `数据文件的版本（${from}）比本程序支持的版本（${newest}）新，请升级程序后再打开，以免损坏数据。`,
    )
  }
  if (pending.length === 0) return { from, to: from }

  const backupFile = from > 0 ? await backupDatabase(db, backupsDir, `v${from}-before-migrate`) : undefined
  let current: Migration | undefined
  try {
    db.transaction(() => {
      for (const migration of pending) {
        current = migration
        db.transaction(() => {
          if (typeof migration.up === 'string') db.exec(migration.up)
          else migration.up(db)
        })()
        db.pragma(`user_version = ${migration.version}`)
      }
    })()
  } catch (error) {
    throw new AppError(
      'MIGRATION_FAILED',
      `数据库升级失败（第 ${current?.version} 步「${current?.name}」）：${(error as Error).message}。数据文件未被改动${backupFile ? `，升级前的备份在 ${backupFile}` : ''}。`,
    )
  }
  return { from, to: schemaVersion(db), backupFile }
}
