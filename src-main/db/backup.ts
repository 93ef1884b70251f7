import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import type { DB } from './open'

const pad = (n: number) => String(n).padStart(2, '0')
export const backupStamp = (d = new Date()) =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`

/** Copies the live database with SQLite's online backup API and keeps only the newest `keep` copies. */
export async function backupDatabase(db: DB, backupsDir: string, reason: string, keep = 30): Promise<string> {
  mkdirSync(backupsDir, { recursive: true })
  const stem = basename(db.name, extname(db.name))
  let target = join(backupsDir, `${stem}-${backupStamp()}-${reason}.db`)
  for (let n = 2; listBackups(backupsDir).includes(basename(target)); n++) {
    target = join(backupsDir, `${stem}-${backupStamp()}-${reason}-${n}.db`)
  }
  await db.backup(target)
  pruneBackups(backupsDir, keep)
  return target
}

export function listBackups(backupsDir: string): string[] {
  try {
    return readdirSync(backupsDir).filter((f) => f.endsWith('.db')).sort()
  } catch {
    return []
  }
}

function pruneBackups(backupsDir: string, keep: number) {
  const files = listBackups(backupsDir)
  for (const file of files.slice(0, Math.max(0, files.length - keep))) rmSync(join(backupsDir, file), { force: true })
}
