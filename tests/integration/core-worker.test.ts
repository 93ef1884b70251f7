/**
 * The real core worker (out/main/core.js, built by `npx electron-vite build`) behind the gateway:
 * what ipc.ts and the test bridge do for every call.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createGateway } from '../../src-main/api/gateway'
import { startCore, type CoreClient } from '../../src-main/core/core-client'
import { openDatabase } from '../../src-main/db/open'
import {
  autoCleanup,
  BAARIN_LEFT,
  count,
  defaultSetup,
  dump,
  LATEST_VERSION,
  LINDONG,
  onCleanup,
  openReadOnly,
  resourcesDir,
  tempDir,
} from '../support/temp'

const workerFile = resolve('out/main/core.js')

autoCleanup()

async function start(dataDir = tempDir('core')) {
  const client: CoreClient = await startCore(workerFile, { dataDir, resourcesDir, appVersion: '0.0.0-test' })
  // closed before its folder is removed (cleanups run last-registered first)
  onCleanup(() => client.close())
  return { client, api: createGateway(client), dataDir, dbFile: join(dataDir, 'ledger.db') }
}

beforeAll(() => {
  if (!existsSync(workerFile)) throw new Error('缺少 out/main/core.js：请先运行 npx electron-vite build')
})

type Result = { ok: boolean; code?: string; message?: string; data?: unknown; details?: { field: string; label: string }[] }

describe('core worker through the gateway', () => {
  it('starts, migrates a new file and answers a valid call', async () => {
    const { client, api, dbFile } = await start()
    // a mismatch here means out/main/core.js is older than src-main: rebuild it
    expect(client.migration).toEqual({ from: 0, to: LATEST_VERSION })
    expect(existsSync(dbFile)).toBe(true)
    const info = (await api('app.info', {})) as Result
    expect(info).toMatchObject({ ok: true, data: { appName: '帮扶项目资产台账', version: '0.0.0-test', setupDone: false } })
    const provinces = (await api('divisions.children', {})) as Result
    expect(provinces.ok).toBe(true)
    expect(provinces.data).toHaveLength(31)
  })

  it('a malformed call returns {ok:false} in Chinese and changes nothing', async () => {
    const { api, dbFile } = await start()
    expect(((await api('setup.complete', defaultSetup())) as Result).ok).toBe(true)

    const snapshot = () => {
      const db = openReadOnly(dbFile)
      const state = { regions: dump(db, 'region'), audit: count(db, 'audit_log'), settings: dump(db, 'setting') }
      db.close()
      return state
    }
    const before = snapshot()
    const auditBefore = ((await api('audit.list', {})) as { data: { total: number } }).data.total
    expect(auditBefore).toBe(before.audit)

    const badCode = (await api('regions.rename', { code: '1504', name: '' })) as Result
    expect(badCode).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(badCode.message).toBe('输入有误：「区划代码」应为12位数字区划代码；「名称」不能为空')
    const badSetup = (await api('setup.complete', { ...defaultSetup(), countyCode: '15042' })) as Result
    expect(badSetup.message).toBe('输入有误：「旗县」应为6位旗县代码')
    const wrongType = (await api('settings.update', { values: 'abc' })) as Result
    expect(wrongType).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(wrongType.message).toContain('「参数」')
    const notObject = (await api('regions.merge', 42)) as Result
    expect(notObject).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const unknown = (await api('regions.dropAll', {})) as Result
    expect(unknown).toEqual({ ok: false, code: 'UNKNOWN_CHANNEL', message: '没有名为「regions.dropAll」的功能接口。' })
    // valid input that a service refuses
    const duplicate = (await api('regions.rename', { code: '150422100201', name: '福山村' })) as Result
    expect(duplicate).toMatchObject({ ok: false, code: 'DUPLICATE' })
    expect(duplicate.message).toMatch(/^同一上级下已有名为「福山村」的区划/)
    const readOnly = (await api('settings.update', { values: { 'county.code': '150423' } })) as Result
    expect(readOnly).toMatchObject({ ok: false, code: 'READ_ONLY' })
    const again = (await api('setup.complete', defaultSetup())) as Result
    expect(again).toMatchObject({ ok: false, code: 'ALREADY_SET_UP' })

    expect(snapshot()).toEqual(before)
    expect(((await api('audit.list', {})) as { data: { total: number } }).data.total).toBe(auditBefore)
  })

  it('a valid change is saved with its audit row', async () => {
    const { api, dbFile } = await start()
    await api('setup.complete', defaultSetup([LINDONG]))
    const renamed = (await api('regions.rename', { code: '150422100201', name: '  福山地新村 ' })) as Result
    expect(renamed).toMatchObject({ ok: true, data: { code: '150422100201', name: '福山地新村' } })
    const history = (await api('audit.list', { entity: 'region', entityId: '150422100201' })) as Result
    expect(history).toMatchObject({ ok: true, data: { total: 1, rows: [{ summary: '更名：福山地村 → 福山地新村' }] } })
    const reader = openReadOnly(dbFile)
    expect(reader.prepare('SELECT name FROM region WHERE code = ?').pluck().get('150422100201')).toBe('福山地新村')
    reader.close()
  })

  it('answers concurrent calls each with its own result', async () => {
    const { api } = await start()
    const results = (await Promise.all([
      api('divisions.county', { countyCode: BAARIN_LEFT }),
      api('divisions.children', { parent: '1504' }),
      api('divisions.county', { countyCode: '150499' }),
      api('app.info', {}),
    ])) as Result[]
    expect(results[0]).toMatchObject({ ok: true, data: { county: { name: '巴林左旗' } } })
    expect(results[1]).toMatchObject({ ok: true, data: expect.arrayContaining([{ code: BAARIN_LEFT, name: '巴林左旗' }]) })
    expect(results[2]).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(results[3]).toMatchObject({ ok: true, data: { appName: '帮扶项目资产台账' } })
  })

  it('close() ends the worker and closes the database', async () => {
    const { client, api, dbFile } = await start()
    await api('setup.complete', defaultSetup([LINDONG]))
    expect(existsSync(`${dbFile}-wal`)).toBe(true)
    await client.close()
    // the last connection to a WAL file checkpoints and removes the -wal file when it closes
    expect(existsSync(`${dbFile}-wal`)).toBe(false)
    expect(await client.call('app.info', {})).toMatchObject({ ok: false, code: 'CORE_STOPPED', message: '后台服务已停止，请重新启动程序。' })
    await client.close() // a second close returns too
    // everything written is in the main file
    const reader = openReadOnly(dbFile)
    expect(count(reader, 'region', 'level = 4')).toBe(1)
    reader.close()
  })

  it('reopens the data with a new worker', async () => {
    const first = await start()
    await first.api('setup.complete', defaultSetup([LINDONG]))
    await first.client.close()
    const second = await start(first.dataDir)
    expect(second.client.migration).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION })
    expect(await second.api('app.info', {})).toMatchObject({ ok: true, data: { setupDone: true, county: { name: '巴林左旗' } } })
  })

  it('fails to start on a file from a newer program, with the Chinese reason', async () => {
    const dataDir = tempDir('core')
    const db = openDatabase(join(dataDir, 'ledger.db'))
    db.pragma('user_version = 999')
    db.close()
    const failure = await startCore(workerFile, { dataDir, resourcesDir, appVersion: '0.0.0-test' }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(Error)
    expect((failure as Error).message).toBe(
      `数据文件的版本（999）比本程序支持的版本（${LATEST_VERSION}）新，请升级程序后再打开，以免损坏数据。`,
    )
    expect((failure as { failure: { code: string } }).failure).toMatchObject({ ok: false, code: 'DB_TOO_NEW' })
  })
})
