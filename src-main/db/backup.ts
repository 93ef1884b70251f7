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
  const stamp = backupStamp()
  // Backups made within the same second, whatever their reason, are numbered -2, -3 … in the order
  // they were made, so that listBackups (and pruning) sorts them by age.
  const sameSecond = listBackups(backupsDir)
    .filter((f) => f.startsWith(`${stem}-${stamp}-`))
    .map(backupSequence)
  const n = sameSecond.length ? Math.max(...sameSecond) + 1 : 1
  const target = join(backupsDir, `${stem}-${stamp}-${reason}${n > 1 ? `-${n}` : ''}.db`)
  await db.backup(target)
  pruneBackups(backupsDir, keep)
  return target
}

/** `<stem>-<yyyymmdd-hhmmss>-<reason>[-<n>].db`: the stamp and the same-second sequence number. */
const backupName = /^.*-(\d{8}-\d{6})-.*?(?:-(\d+))?\.db$/
const backupSequence = (name: string) => Number(backupName.exec(name)?.[2] ?? 1)

function byAge(a: string, b: string) {
  const stampA = backupName.exec(a)?.[1] ?? ''
  const stampB = backupName.exec(b)?.[1] ?? ''
  if (stampA !== stampB) return stampA < stampB ? -1 : 1
  return backupSequence(a) - backupSequence(b) || (a < b ? -1 : a > b ? 1 : 0)
}

/** Backup file names, oldest first. */
export function listBackups(backupsDir: string): string[] {
  try {
    return readdirSync(backupsDir).filter((f) => f.endsWith('.db')).sort(byAge)
  } catch {
    return []
  }
}

function pruneBackups(backupsDir: string, keep: number) {
  const files = listBackups(backupsDir)
  for (const file of files.slice(0, Math.max(0, files.length - keep))) rmSync(join(backupsDir, file), { force: true })
}
