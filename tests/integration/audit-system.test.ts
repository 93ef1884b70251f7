import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listBackups } from '../../src-main/db/backup'
import { listAudit, recordAudit } from '../../src-main/services/audit'
import { appInfo, backupNow, backups, copyDataTo } from '../../src-main/services/system'
import { completeSetup } from '../../src-main/services/setup'
import { autoCleanup, BAARIN_LEFT, count, defaultSetup, LATEST_VERSION, openHost, openReadOnly, setUpHost, tempDir } from '../support/temp'

autoCleanup()

describe('listAudit', () => {
  async function hostWithEntries() {
    const host = await openHost(undefined, '李会计')
    for (let i = 1; i <= 5; i++) {
      recordAudit(host.ctx, { entity: 'region', entityId: `15042210020${i}`, entityName: `第${i}村`, action: 'update', summary: `第${i}次`, before: { n: i - 1 }, after: { n: i } })
    }
    recordAudit(host.ctx, { entity: 'setting', entityId: 'asset.startYear', action: 'update', before: { value: 2012 }, after: { value: 2016 } })
    recordAudit(host.ctx, { entity: 'region', entityId: '150422100201', action: 'create' })
    return host
  }

  it('pages newest first with the total', async () => {
    const host = await hostWithEntries()
    const first = listAudit(host.ctx, { page: 1, pageSize: 3 })
    expect(first.total).toBe(7)
    expect(first.rows).toHaveLength(3)
    const ids = first.rows.map((r) => r.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect(first.rows[0]).toMatchObject({ entity: 'region', entityId: '150422100201', action: 'create', before: null, after: null, summary: null, entityName: null })
    expect(first.rows[1]).toMatchObject({ entity: 'setting', before: { value: 2012 }, after: { value: 2016 } })
    const second = listAudit(host.ctx, { page: 2, pageSize: 3 })
    expect(second.rows.map((r) => r.id)).toEqual(ids.map((id) => id - 3))
    const third = listAudit(host.ctx, { page: 3, pageSize: 3 })
    expect(third.rows).toHaveLength(1)
    expect(third.rows[0]).toMatchObject({ summary: '第1次', entityName: '第1村', user: '李会计', before: { n: 0 }, after: { n: 1 } })
    expect(third.rows[0].at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/)
    expect(listAudit(host.ctx, { page: 4, pageSize: 3 })).toEqual({ total: 7, rows: [] })
  })

  it('filters by entity and by record', async () => {
    const host = await hostWithEntries()
    const settings = listAudit(host.ctx, { entity: 'setting', page: 1, pageSize: 50 })
    expect(settings.total).toBe(1)
    expect(settings.rows.map((r) => r.entityId)).toEqual(['asset.startYear'])
    const village = listAudit(host.ctx, { entity: 'region', entityId: '150422100201', page: 1, pageSize: 50 })
    expect(village.total).toBe(2)
    expect(village.rows.map((r) => r.action)).toEqual(['create', 'update'])
    expect(listAudit(host.ctx, { entityId: '150422100201', page: 1, pageSize: 1 })).toMatchObject({ total: 2, rows: [{ action: 'create' }] })
    expect(listAudit(host.ctx, { entity: 'asset', page: 1, pageSize: 50 })).toEqual({ total: 0, rows: [] })
  })

  it('refuses an action the schema does not know', async () => {
    const host = await openHost()
    expect(() => recordAudit(host.ctx, { entity: 'region', entityId: 1, action: 'rename' as 'update' })).toThrow(/CHECK constraint failed/)
    expect(count(host.db, 'audit_log')).toBe(0)
  })
})

describe('appInfo', () => {
  it('describes a new data file', async () => {
    const host = await openHost()
    expect(appInfo(host.ctx)).toEqual({
      appName: '帮扶项目资产台账',
      version: '0.0.0-test',
      dataDir: host.ctx.paths.dataDir,
      dbFile: join(host.ctx.paths.dataDir, 'ledger.db'),
      backupsDir: join(host.ctx.paths.dataDir, 'backups'),
      schemaVersion: LATEST_VERSION,
      setupDone: false,
      county: null,
      unitName: '',
      moneyUnit: '万元',
      assetLabel: '帮扶项目资产',
    })
  })

  it('describes a set-up data file', async () => {
    const host = await openHost()
    completeSetup(host.ctx, { ...defaultSetup(), moneyUnit: '元', assetLabel: '扶贫项目资产' })
    expect(appInfo(host.ctx)).toMatchObject({
      setupDone: true,
      county: { code: BAARIN_LEFT, name: '巴林左旗', fullName: '内蒙古自治区赤峰市' },
      unitName: '巴林左旗农牧局',
      moneyUnit: '元',
      assetLabel: '扶贫项目资产',
    })
  })
})

describe('backups of the data file', () => {
  it('backs up now into the backups folder, with the data', async () => {
    const host = await setUpHost()
    const info = await backupNow(host.ctx)
    expect(info.file).toBe(join(host.ctx.paths.backupsDir, info.name))
    expect(info.name).toMatch(/^ledger-\d{8}-\d{6}-manual\.db$/)
    expect(info.sizeBytes).toBe(statSync(info.file).size)
    expect(info.sizeBytes).toBeGreaterThan(0)
    const copy = openReadOnly(info.file)
    expect(count(copy, 'region')).toBe(count(host.db, 'region'))
    expect(copy.prepare("SELECT value FROM setting WHERE key = 'county.code'").pluck().get()).toBe(JSON.stringify(BAARIN_LEFT))
  })

  it('lists backups newest first', async () => {
    const host = await openHost()
    expect(backups(host.ctx)).toEqual([])
    const first = await backupNow(host.ctx)
    const second = await backupNow(host.ctx)
    const third = await backupNow(host.ctx)
    expect(new Set([first.name, second.name, third.name]).size).toBe(3)
    const listed = backups(host.ctx)
    expect(listed.map((b) => b.name)).toEqual([third.name, second.name, first.name])
    expect(listed[0]).toEqual(third)
    expect(listBackups(host.ctx.paths.backupsDir)).toHaveLength(3)
  })
})

describe('copyDataTo', () => {
  it('copies the live data into a new folder', async () => {
    const host = await setUpHost()
    const target = join(tempDir('copy'), 'U盘', '台账数据')
    const result = await copyDataTo(host.ctx, target)
    expect(result).toEqual({ dbFile: join(target, 'ledger.db') })
    const copy = openReadOnly(result.dbFile)
    expect(count(copy, 'region')).toBe(count(host.db, 'region'))
    expect(count(copy, 'audit_log')).toBe(count(host.db, 'audit_log'))
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    // the live file is still in use
    expect(host.db.open).toBe(true)
    expect(existsSync(host.ctx.paths.dbFile)).toBe(true)
  })

  it('refuses a folder that already holds a data file, and leaves that file alone', async () => {
    const host = await setUpHost()
    const target = tempDir('copy')
    mkdirSync(target, { recursive: true })
    writeFileSync(join(target, 'ledger.db'), '别人的数据')
    const error = (await copyDataTo(host.ctx, target).then(
      () => null,
      (e: unknown) => e,
    )) as { code: string; message: string }
    expect(error).toMatchObject({ code: 'EXISTS' })
    expect(error.message).toBe(`目标文件夹中已有数据文件 ${join(target, 'ledger.db')}，为防止覆盖，请换一个空文件夹。`)
    expect(readFileSync(join(target, 'ledger.db'), 'utf8')).toBe('别人的数据')
  })

  it('refuses its own folder', async () => {
    const host = await setUpHost()
    await expect(copyDataTo(host.ctx, host.ctx.paths.dataDir)).rejects.toMatchObject({ code: 'EXISTS' })
    expect(basename(host.ctx.paths.dbFile)).toBe('ledger.db')
    expect(count(host.db, 'region')).toBeGreaterThan(0)
  })
})
