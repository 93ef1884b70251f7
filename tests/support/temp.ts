/**
 * Shared helpers for node-side tests: fresh data folders in the OS temp dir, a ServiceHost on them,
 * the 巴林左旗 first-run setup, and small SQL counters.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach } from 'vitest'
import { ServiceHost } from '../../src-main/core/service-host'
import { migrations } from '../../src-main/db/migrations'
import type { DB } from '../../src-main/db/open'
import type { ServiceContext } from '../../src-main/services/context'
import { completeSetup, type SetupInput } from '../../src-main/services/setup'

export const resourcesDir = resolve('resources')

/** The schema version a new data file gets: the newest shipped migration. */
export const LATEST_VERSION = Math.max(...migrations.map((m) => m.version))

/** 巴林左旗 and some of its towns, as they are in the shipped division data. */
export const BAARIN_LEFT = '150422'
export const LINDONG = '150422100000' // 林东镇
export const LONGCHANG = '150422101000' // 隆昌镇
export const CHAGANHADA = '150422200000' // 查干哈达苏木
export const COUNTY_ROW = '150422000000'

const cleanups: (() => void | Promise<void>)[] = []

/** Registers an afterEach hook in the calling test file that closes hosts and removes temp dirs. */
export function autoCleanup() {
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!()
  })
}

export function onCleanup(fn: () => void | Promise<void>) {
  cleanups.push(fn)
}

/** A new empty folder under the OS temp dir, removed after the test. */
export function tempDir(label = 'test'): string {
  const dir = mkdtempSync(join(tmpdir(), `ledger-${label}-`))
  onCleanup(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Opens the services on a data folder (a fresh one unless given); closed after the test. */
export async function openHost(dataDir = tempDir('host'), user?: string): Promise<ServiceHost> {
  const host = await ServiceHost.open({ dataDir, resourcesDir, appVersion: '0.0.0-test', user })
  onCleanup(() => host.close())
  return host
}

export const defaultSetup = (townCodes: string[] = [LINDONG, LONGCHANG, CHAGANHADA]): SetupInput => ({
  countyCode: BAARIN_LEFT,
  townCodes,
  unitName: '巴林左旗农牧局',
  moneyUnit: '万元',
  assetLabel: '帮扶项目资产',
  startYear: 2016,
})

/** A host on a fresh folder whose first-run setup chose 林东镇, 隆昌镇 and 查干哈达苏木 of 巴林左旗. */
export async function setUpHost(townCodes?: string[]) {
  const host = await openHost()
  completeSetup(host.ctx, defaultSetup(townCodes))
  return host
}

export const count = (db: DB, table: string, where = '1', ...params: unknown[]) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n

export const auditCount = (ctx: ServiceContext) => count(ctx.db, 'audit_log')

/** Every row of a table, for before/after comparisons. */
export const dump = (db: DB, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()

/** Opens a file read-only with a plain connection, as a second program would. */
export function openReadOnly(file: string): DB {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  onCleanup(() => {
    if (db.open) db.close()
  })
  return db
}

export const hasTable = (db: DB, name: string) =>
  !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name)
