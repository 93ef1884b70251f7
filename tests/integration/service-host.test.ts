import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ServiceHost } from '../../src-main/core/service-host'
import { openDatabase } from '../../src-main/db/open'
import {
  auditCount,
  autoCleanup,
  BAARIN_LEFT,
  COUNTY_ROW,
  defaultSetup,
  LATEST_VERSION,
  LINDONG,
  openHost,
  resourcesDir,
  setUpHost,
  tempDir,
} from '../support/temp'

autoCleanup()

const options = (dataDir: string) => ({ dataDir, resourcesDir, appVersion: '0.0.0-test' })

describe('ServiceHost.open', () => {
  it('creates and migrates ledger.db in the data folder', async () => {
    const dataDir = tempDir('host')
    const host = await openHost(dataDir)
    expect(host.migration).toEqual({ from: 0, to: LATEST_VERSION, backupFile: undefined })
    expect(host.ctx.paths).toEqual({
      dataDir,
      dbFile: join(dataDir, 'ledger.db'),
      backupsDir: join(dataDir, 'backups'),
      resourcesDir,
    })
    expect(existsSync(join(dataDir, 'ledger.db'))).toBe(true)
    expect(host.ctx.user).toBe('本机用户')
    expect(host.ctx.appVersion).toBe('0.0.0-test')
    expect(host.db.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('reopens an existing file without migrating or backing up', async () => {
    const dataDir = tempDir('host')
    const first = await ServiceHost.open(options(dataDir))
    first.close()
    expect(first.db.open).toBe(false)
    first.close() // closing twice is harmless
    const second = await openHost(dataDir)
    expect(second.migration).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION })
    expect(existsSync(join(dataDir, 'backups'))).toBe(false)
  })

  it('uses a moved data file when given one', async () => {
    const dataDir = tempDir('host')
    const elsewhere = join(tempDir('moved'), 'share', 'ledger.db')
    const host = await ServiceHost.open({ ...options(dataDir), dbFile: elsewhere })
    host.close()
    expect(existsSync(elsewhere)).toBe(true)
    expect(existsSync(join(dataDir, 'ledger.db'))).toBe(false)
  })

  it('refuses a file from a newer program and releases it', async () => {
    const dataDir = tempDir('host')
    const db = openDatabase(join(dataDir, 'ledger.db'))
    db.pragma('user_version = 99')
    db.close()
    await expect(ServiceHost.open(options(dataDir))).rejects.toMatchObject({ code: 'DB_TOO_NEW', message: expect.stringContaining('请升级程序') })
    // the file is untouched and can be opened again
    const again = openDatabase(join(dataDir, 'ledger.db'))
    expect(again.pragma('user_version', { simple: true })).toBe(99)
    again.close()
  })
})

describe('ServiceHost.call', () => {
  it('runs a handler and wraps its result', async () => {
    const host = await openHost()
    const result = await host.call('app.info', {})
    expect(result).toMatchObject({ ok: true, data: { appName: '帮扶项目资产台账', setupDone: false, schemaVersion: LATEST_VERSION } })
    const setup = await host.call('setup.complete', defaultSetup([LINDONG]))
    expect(setup).toMatchObject({ ok: true, data: { countyCode: BAARIN_LEFT, towns: 1 } })
    const backup = await host.call('system.backupNow', {})
    expect(backup).toMatchObject({ ok: true, data: { name: expect.stringMatching(/-manual\.db$/) } })
  })

  it('turns an AppError into {ok:false} with its Chinese message', async () => {
    const host = await openHost()
    expect(await host.call('divisions.county', { countyCode: '150499' })).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: '区划数据中没有代码为 150499 的旗县。',
      details: undefined,
    })
    expect(await host.call('regions.rename', { code: '150422100201', name: '福山村' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('turns a SQLite constraint into CONSTRAINT, and writes nothing', async () => {
    const host = await setUpHost()
    host.db.exec(`CREATE TEMP TRIGGER frozen BEFORE UPDATE ON region BEGIN SELECT RAISE(ABORT, '区划已冻结'); END`)
    const audit = auditCount(host.ctx)
    const result = await host.call('regions.rename', { code: LINDONG, name: '林东街道' })
    expect(result).toEqual({ ok: false, code: 'CONSTRAINT', message: '数据不符合约束，未保存：区划已冻结' })
    expect(auditCount(host.ctx)).toBe(audit)
  })

  it('turns anything else into INTERNAL', async () => {
    const host = await setUpHost()
    host.db.exec('DROP TABLE audit_log')
    const result = await host.call('regions.rename', { code: LINDONG, name: '林东街道' })
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL', message: expect.stringMatching(/^程序内部错误，操作未完成：.*audit_log/) })
    // the rename was rolled back with the failed audit write
    expect(host.db.prepare('SELECT name FROM region WHERE code = ?').pluck().get(LINDONG)).toBe('林东镇')
  })

  it('records the acting user', async () => {
    const host = await openHost(undefined, '王主任')
    await host.call('setup.complete', defaultSetup([LINDONG]))
    await host.call('regions.rename', { code: LINDONG, name: '林东新镇' })
    const audit = await host.call('audit.list', { entity: 'region', page: 1, pageSize: 5 })
    expect(audit).toMatchObject({ ok: true, data: { total: 1, rows: [{ user: '王主任', entityId: LINDONG }] } })
    const tree = await host.call('regions.tree', {})
    expect(tree).toMatchObject({ ok: true, data: [{ code: COUNTY_ROW, children: [{ name: '林东新镇' }] }] })
  })
})
