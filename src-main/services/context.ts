import type { DB } from '../db/open'

export interface DataPaths {
  dataDir: string
  dbFile: string
  backupsDir: string
  resourcesDir: string
}

/** What every service function receives: the open database, who is acting, and where files live. */
export interface ServiceContext {
  db: DB
  user: string
  paths: DataPaths
  appVersion: string
  /** Reports progress of a long job (import, export, print preparation) to the window. */
  progress?: (event: { job: string; done: number; total: number; label: string }) => void
}
