import { existsSync, mkdirSync, statSync } from 'node:fs'
import { AppError } from '../domain/errors'
import { join } from 'node:path'
import { backupDatabase, listBackups } from '../db/backup'
import { schemaVersion } from '../db/migrate'
import type { ServiceContext } from './context'
import { getSetting } from './settings'
import { isSetupDone } from './setup'

export interface AppInfo {
  appName: string
  version: string
  dataDir: string
  dbFile: string
  backupsDir: string
  schemaVersion: number
  setupDone: boolean
  county: { code: string; name: string; fullName: string } | null
  unitName: string
  moneyUnit: '元' | '万元'
  assetLabel: string
}

export interface BackupInfo {
  file: string
  name: string
  sizeBytes: number
}

export function appInfo(ctx: ServiceContext): AppInfo {
  const setupDone = isSetupDone(ctx)
  return {
    appName: '帮扶项目资产台账',
    version: ctx.appVersion,
    dataDir: ctx.paths.dataDir,
    dbFile: ctx.paths.dbFile,
    backupsDir: ctx.paths.backupsDir,
    schemaVersion: schemaVersion(ctx.db),
    setupDone,
    county: setupDone
      ? { code: getSetting(ctx, 'county.code'), name: getSetting(ctx, 'county.name'), fullName: getSetting(ctx, 'county.fullName') }
      : null,
    unitName: getSetting(ctx, 'org.unitName'),
    moneyUnit: getSetting(ctx, 'display.moneyUnit'),
    assetLabel: getSetting(ctx, 'display.assetLabel'),
  }
}

const describe = (dir: string, name: string): BackupInfo => {
  const file = join(dir, name)
  return { file, name, sizeBytes: statSync(file).size }
}

export async function backupNow(ctx: ServiceContext): Promise<BackupInfo> {
  const file = await backupDatabase(ctx.db, ctx.paths.backupsDir, 'manual')
  return describe(ctx.paths.backupsDir, file.slice(ctx.paths.backupsDir.length + 1))
}

export const backups = (ctx: ServiceContext): BackupInfo[] =>
  listBackups(ctx.paths.backupsDir)
    .reverse()
    .map((name) => describe(ctx.paths.backupsDir, name))

/** Copies the live database into another folder (the “move data” setting); the caller switches to it. */
export async function copyDataTo(ctx: ServiceContext, targetDir: string): Promise<{ dbFile: string }> {
  const target = join(targetDir, 'ledger.db')
  if (existsSync(target)) throw new AppError('EXISTS', `目标文件夹中已有数据文件 ${target}，为防止覆盖，请换一个空文件夹。`)
  mkdirSync(targetDir, { recursive: true })
  await ctx.db.backup(target)
  return { dbFile: target }
}
