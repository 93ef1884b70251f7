import { join } from 'node:path'
import { handlers } from '../api/handlers'
import type { ApiResult, Channel, ParsedInput } from '../api/contract'
import { migrate, type MigrationResult } from '../db/migrate'
import { migrations } from '../db/migrations'
import { openDatabase, type DB } from '../db/open'
import { AppError } from '../domain/errors'
import type { DataPaths, ServiceContext } from '../services/context'
import { tidyFileBoxes } from '../files/file-box'

export interface CoreOptions {
  dataDir: string
  resourcesDir: string
  appVersion: string
  user?: string
  /** A database file elsewhere than dataDir/ledger.db (the “move data file” setting). */
  dbFile?: string
}

export interface ProgressEvent {
  job: string
  done: number
  total: number
  label: string
}

export const resolvePaths = (o: CoreOptions): DataPaths => ({
  dataDir: o.dataDir,
  dbFile: o.dbFile ?? join(o.dataDir, 'ledger.db'),
  backupsDir: join(o.dataDir, 'backups'),
  resourcesDir: o.resourcesDir,
})

/** Maps anything a service throws to the `{ ok: false }` shape, with a Chinese message. */
export function toFailure(error: unknown): ApiResult<never> {
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message, details: error.details }
  const e = error as { code?: string; message?: string }
  if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT')) {
    return { ok: false, code: 'CONSTRAINT', message: `数据不符合约束，未保存：${e.message}` }
  }
  if (e?.code === 'SQLITE_BUSY') return { ok: false, code: 'BUSY', message: '数据文件正被占用，请稍后再试。' }
  return { ok: false, code: 'INTERNAL', message: `程序内部错误，操作未完成：${e?.message ?? String(error)}` }
}

/** The services with their database: what the core worker runs, and what tests call directly. */
export class ServiceHost {
  private constructor(
    readonly db: DB,
    readonly ctx: ServiceContext,
    readonly migration: MigrationResult,
  ) {}

  static async open(options: CoreOptions, onProgress?: (p: ProgressEvent) => void): Promise<ServiceHost> {
    const paths = resolvePaths(options)
    const db = openDatabase(paths.dbFile)
    try {
      const migration = await migrate(db, migrations, paths.backupsDir)
      tidyFileBoxes(paths.dataDir)
      const ctx: ServiceContext = { db, user: options.user ?? '本机用户', paths, appVersion: options.appVersion, progress: onProgress }
      return new ServiceHost(db, ctx, migration)
    } catch (error) {
      db.close()
      throw error
    }
  }

  /** Runs one already-validated call. */
  async call<C extends Channel>(channel: C, input: ParsedInput<C>): Promise<ApiResult<unknown>> {
    try {
      const handler = handlers[channel] as (ctx: ServiceContext, input: ParsedInput<C>) => unknown
      return { ok: true, data: await handler(this.ctx, input) }
    } catch (error) {
      return toFailure(error)
    }
  }

  close() {
    if (this.db.open) this.db.close()
  }
}
