import Database from 'better-sqlite3'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { backupDatabase, backupStamp, listBackups } from '../../src-main/db/backup'
import { migrate, schemaVersion, type Migration } from '../../src-main/db/migrate'
import { migrations } from '../../src-main/db/migrations'
import { foundation } from '../../src-main/db/migrations/001-foundation'
import { openDatabase, type DB } from '../../src-main/db/open'
import { AppError } from '../../src-main/domain/errors'
import { autoCleanup, count, dump, hasTable, LATEST_VERSION, onCleanup, openReadOnly, tempDir } from '../support/temp'

autoCleanup()

/** Opens a ledger file and closes it after the test. */
function open(file: string): DB {
  const db = openDatabase(file)
  onCleanup(() => {
    if (db.open) db.close()
  })
  return db
}

/** A ledger at schema version 1 (the foundation) holding a county, a town, a village and a setting. */
async function fileAtVersion1(dir: string) {
  const file = join(dir, 'ledger.db')
  const db = open(file)
  await migrate(db, [foundation], join(dir, 'backups'))
  db.exec(`
    INSERT INTO region (code, parent_code, level, name, kind) VALUES ('150422000000', NULL, 3, '巴林左旗', '旗县');
    INSERT INTO region (code, parent_code, level, name, kind) VALUES ('150422100000', '150422000000', 4, '林东镇', '镇');
    INSERT INTO region (code, parent_code, level, name, kind) VALUES ('150422100201', '150422100000', 5, '福山地村', '村');
    INSERT INTO setting (key, value) VALUES ('county.code', '"150422"');
    INSERT INTO audit_log (user, entity, entity_id, action, summary) VALUES ('测试', 'county', '150422', 'create', '首次设置');
  `)
  db.close()
  return file
}

const v2: Migration = {
  version: 2,
  name: '测试：资产表',
  up: `
    CREATE TABLE asset (id INTEGER PRIMARY KEY, village_code TEXT REFERENCES region(code), name TEXT NOT NULL);
    ALTER TABLE region ADD COLUMN note TEXT NOT NULL DEFAULT '';
    UPDATE region SET note = '升级时写入';
  `,
}

describe('openDatabase', () => {
  it('creates the folder and opens with WAL, synchronous FULL, foreign keys and a busy timeout', () => {
    const file = join(tempDir('open'), 'nested', 'deeper', 'ledger.db')
    const db = open(file)
    expect(existsSync(file)).toBe(true)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
  })

  it('leaves the file in WAL mode for other connections', () => {
    const file = join(tempDir('open'), 'ledger.db')
    open(file).exec('CREATE TABLE t (x)')
    const plain = new Database(file)
    expect(plain.pragma('journal_mode', { simple: true })).toBe('wal')
    plain.close()
  })

  it('enforces foreign keys and the region code check', async () => {
    const dir = tempDir('open')
    const db = open(join(dir, 'ledger.db'))
    await migrate(db, migrations, join(dir, 'backups'))
    const insert = db.prepare('INSERT INTO region (code, parent_code, level, name, kind) VALUES (?, ?, ?, ?, ?)')
    expect(() => insert.run('150422100201', '150422100000', 5, '福山地村', '村')).toThrow(/FOREIGN KEY constraint failed/)
    expect(() => insert.run('1504221002', null, 5, '福山地村', '村')).toThrow(/CHECK constraint failed/)
    expect(() => insert.run('15042210020a', null, 5, '福山地村', '村')).toThrow(/CHECK constraint failed/)
    expect(() => insert.run('150422100201', null, 5, '   ', '村')).toThrow(/CHECK constraint failed/)
    expect(() => insert.run('150422100201', null, 6, '福山地村', '村')).toThrow(/CHECK constraint failed/)
    expect(count(db, 'region')).toBe(0)
  })
})

describe('migrate', () => {
  it('creates the foundation on a new file without a backup', async () => {
    const dir = tempDir('migrate')
    const db = open(join(dir, 'ledger.db'))
    const result = await migrate(db, migrations, join(dir, 'backups'))
    expect(result).toEqual({ from: 0, to: LATEST_VERSION, backupFile: undefined })
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    for (const table of ['region', 'setting', 'audit_log']) expect(hasTable(db, table), table).toBe(true)
    expect(listBackups(join(dir, 'backups'))).toEqual([])
  })

  it('does nothing, and makes no backup, when the file is current', async () => {
    const dir = tempDir('migrate')
    const file = await fileAtVersion1(dir)
    const db = open(file)
    const result = await migrate(db, [foundation], join(dir, 'backups'))
    expect(result).toEqual({ from: 1, to: 1 })
    expect(listBackups(join(dir, 'backups'))).toEqual([])
    expect(count(db, 'region')).toBe(3)
  })

  it('upgrades a file with data, keeps the data, and backs up the old version first', async () => {
    const dir = tempDir('migrate')
    const file = await fileAtVersion1(dir)
    const db = open(file)
    const regionsBefore = dump(db, 'region')
    const result = await migrate(db, [foundation, v2], join(dir, 'backups'))

    expect(result.from).toBe(1)
    expect(result.to).toBe(2)
    expect(schemaVersion(db)).toBe(2)
    expect(hasTable(db, 'asset')).toBe(true)
    const regions = db.prepare('SELECT code, name, note FROM region ORDER BY code').all()
    expect(regions).toEqual([
      { code: '150422000000', name: '巴林左旗', note: '升级时写入' },
      { code: '150422100000', name: '林东镇', note: '升级时写入' },
      { code: '150422100201', name: '福山地村', note: '升级时写入' },
    ])
    expect(count(db, 'setting')).toBe(1)
    expect(count(db, 'audit_log')).toBe(1)

    // the backup is a complete copy of the file as it was at version 1
    expect(result.backupFile).toBeDefined()
    expect(existsSync(result.backupFile!)).toBe(true)
    expect(result.backupFile!.startsWith(join(dir, 'backups'))).toBe(true)
    expect(basename(result.backupFile!)).toMatch(/^ledger-\d{8}-\d{6}-v1-before-migrate\.db$/)
    expect(listBackups(join(dir, 'backups'))).toEqual([basename(result.backupFile!)])
    const backup = openReadOnly(result.backupFile!)
    expect(schemaVersion(backup)).toBe(1)
    expect(hasTable(backup, 'asset')).toBe(false)
    expect(dump(backup, 'region')).toEqual(regionsBefore)
    expect(backup.prepare("SELECT value FROM setting WHERE key = 'county.code'").pluck().get()).toBe('"150422"')
  })

  it('survives closing: the upgraded file reopens at the new version', async () => {
    const dir = tempDir('migrate')
    const file = await fileAtVersion1(dir)
    const db = open(file)
    await migrate(db, [foundation, v2], join(dir, 'backups'))
    db.close()
    const again = openReadOnly(file)
    expect(schemaVersion(again)).toBe(2)
    expect(hasTable(again, 'asset')).toBe(true)
    expect(count(again, 'region')).toBe(3)
  })

  it('runs pending migrations in version order, whatever order the list is in', async () => {
    const dir = tempDir('migrate')
    const db = open(join(dir, 'ledger.db'))
    const order: number[] = []
    const step = (version: number): Migration => ({
      version,
      name: `第${version}步`,
      up: (d) => {
        order.push(version)
        d.exec(`CREATE TABLE t${version} (x)`)
      },
    })
    const result = await migrate(db, [step(3), foundation, step(2)], join(dir, 'backups'))
    expect(order).toEqual([2, 3])
    expect(result).toMatchObject({ from: 0, to: 3 })
    expect(hasTable(db, 't2') && hasTable(db, 't3')).toBe(true)
  })

  it('a failing migration leaves the file exactly as it was, at its old version', async () => {
    const dir = tempDir('migrate')
    const file = await fileAtVersion1(dir)
    const before = openReadOnly(file)
    const regionsBefore = dump(before, 'region')
    const settingsBefore = dump(before, 'setting')
    const auditBefore = dump(before, 'audit_log')
    before.close()

    const db = open(file)
    const v3: Migration = { version: 3, name: '测试：写错的语句', up: 'CREATE TABL broken (x)' }
    const failure = await migrate(db, [foundation, v2, v3], join(dir, 'backups')).then(
      () => null,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(AppError)
    const error = failure as AppError
    expect(error.code).toBe('MIGRATION_FAILED')
    expect(error.message).toMatch(/^数据库升级失败（第 3 步「测试：写错的语句」）：/)
    expect(error.message).toContain('数据文件未被改动')
    expect(error.message).toContain('升级前的备份在')
    expect(schemaVersion(db)).toBe(1)
    db.close()

    // read it back from disk with a fresh connection
    const after = openReadOnly(file)
    expect(schemaVersion(after)).toBe(1)
    expect(hasTable(after, 'asset')).toBe(false)
    const columns = after.prepare('PRAGMA table_info(region)').all() as { name: string }[]
    expect(columns.map((c) => c.name)).not.toContain('note')
    expect(dump(after, 'region')).toEqual(regionsBefore)
    expect(dump(after, 'setting')).toEqual(settingsBefore)
    expect(dump(after, 'audit_log')).toEqual(auditBefore)
    // the backup taken before the attempt is still there
    expect(listBackups(join(dir, 'backups'))).toHaveLength(1)
  })

  it('rolls back data changes of a function migration that throws halfway', async () => {
    const dir = tempDir('migrate')
    const file = await fileAtVersion1(dir)
    const db = open(file)
    const v2Function: Migration = {
      version: 2,
      name: '测试：半途出错',
      up: (d) => {
        d.exec(`UPDATE region SET name = '改坏了'`)
        d.exec(`DELETE FROM audit_log`)
        throw new Error('第二步出错')
      },
    }
    await expect(migrate(db, [foundation, v2Function], join(dir, 'backups'))).rejects.toMatchObject({
      code: 'MIGRATION_FAILED',
      message: expect.stringContaining('第二步出错'),
    })
    db.close()
    const after = openReadOnly(file)
    expect(schemaVersion(after)).toBe(1)
    expect(after.prepare('SELECT name FROM region ORDER BY code').pluck().all()).toEqual(['巴林左旗', '林东镇', '福山地村'])
    expect(count(after, 'audit_log')).toBe(1)
  })

  it('a failure while creating a new file leaves it empty at version 0, without a backup', async () => {
    const dir = tempDir('migrate')
    const file = join(dir, 'ledger.db')
    const db = open(file)
    const bad: Migration = { version: 2, name: '坏', up: 'SELECT * FROM no_such_table' }
    await expect(migrate(db, [foundation, bad], join(dir, 'backups'))).rejects.toMatchObject({ code: 'MIGRATION_FAILED' })
    expect(schemaVersion(db)).toBe(0)
    expect(hasTable(db, 'region')).toBe(false)
    expect(listBackups(join(dir, 'backups'))).toEqual([])
  })

  it('refuses a file made by a newer program, without touching it', async () => {
    const dir = tempDir('migrate')
    const file = await fileAtVersion1(dir)
    const db = open(file)
    db.pragma('user_version = 7')
    const failure = await migrate(db, [foundation, v2], join(dir, 'backups')).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(AppError)
    expect((failure as AppError).code).toBe('DB_TOO_NEW')
    expect((failure as AppError).message).toBe('数据文件的版本（7）比本程序支持的版本（2）新，请升级程序后再打开，以免损坏数据。')
    expect(schemaVersion(db)).toBe(7)
    expect(count(db, 'region')).toBe(3)
    expect(listBackups(join(dir, 'backups'))).toEqual([])
  })

  it('the shipped migration list is numbered 1, 2, 3 … without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
    for (const m of migrations) expect(m.name).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('backups', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('copies the live database, including writes still in the WAL', async () => {
    const dir = tempDir('backup')
    const db = open(join(dir, 'ledger.db'))
    db.exec('CREATE TABLE t (x TEXT)')
    const insert = db.prepare('INSERT INTO t VALUES (?)')
    for (let i = 0; i < 100; i++) insert.run(`第${i}行`)
    expect(existsSync(join(dir, 'ledger.db-wal'))).toBe(true)
    const file = await backupDatabase(db, join(dir, 'backups'), 'manual')
    expect(basename(file)).toMatch(/^ledger-\d{8}-\d{6}-manual\.db$/)
    const copy = openReadOnly(file)
    expect(count(copy, 't')).toBe(100)
    expect(copy.prepare('SELECT x FROM t WHERE rowid = 100').pluck().get()).toBe('第99行')
  })

  it('stamps names with the local time', () => {
    expect(backupStamp(new Date(2024, 0, 5, 7, 8, 9))).toBe('20240105-070809')
    expect(backupStamp(new Date(2025, 11, 31, 23, 59, 59))).toBe('20251231-235959')
  })

  it('lists only .db files, oldest first, and an absent folder as empty', () => {
    const dir = tempDir('backup')
    expect(listBackups(join(dir, 'nothing-here'))).toEqual([])
    writeFileSync(join(dir, 'ledger-20240102-000000-manual.db'), '')
    writeFileSync(join(dir, 'ledger-20240101-000000-manual.db'), '')
    writeFileSync(join(dir, 'readme.txt'), '')
    writeFileSync(join(dir, 'ledger-20240101-000000-manual.db-wal'), '')
    expect(listBackups(dir)).toEqual(['ledger-20240101-000000-manual.db', 'ledger-20240102-000000-manual.db'])
  })

  it('orders backups of the same second by their sequence number, whatever the reason', () => {
    const dir = tempDir('backup')
    const names = [
      'ledger-20240101-000000-manual-10.db',
      'ledger-20240101-000000-auto-2.db',
      'ledger-20240101-000001-manual.db',
      'ledger-20231231-235959-v1-before-migrate.db',
      'ledger-20240101-000000-manual.db',
      'ledger-20240101-000000-manual-3.db',
    ]
    for (const name of names) writeFileSync(join(dir, name), '')
    expect(listBackups(dir)).toEqual([
      'ledger-20231231-235959-v1-before-migrate.db',
      'ledger-20240101-000000-manual.db',
      'ledger-20240101-000000-auto-2.db',
      'ledger-20240101-000000-manual-3.db',
      'ledger-20240101-000000-manual-10.db',
      'ledger-20240101-000001-manual.db',
    ])
  })

  it('keeps the newest 30 of 35 backups taken over time; the oldest go', async () => {
    const dir = tempDir('backup')
    const backupsDir = join(dir, 'backups')
    const db = open(join(dir, 'ledger.db'))
    db.exec('CREATE TABLE t (x INTEGER)')
    vi.useFakeTimers({ toFake: ['Date'] })
    const made: string[] = []
    for (let i = 0; i < 35; i++) {
      vi.setSystemTime(new Date(2024, 0, 1 + i, 9, 30, 0))
      db.prepare('INSERT INTO t VALUES (?)').run(i)
      made.push(basename(await backupDatabase(db, backupsDir, 'manual')))
    }
    const kept = readdirSync(backupsDir).filter((f) => f.endsWith('.db')).sort()
    expect(kept).toHaveLength(30)
    expect(kept).toEqual(made.slice(5).sort())
    for (const gone of made.slice(0, 5)) expect(existsSync(join(backupsDir, gone)), gone).toBe(false)
    // the newest backup holds all 35 rows, the oldest kept one 6
    expect(count(openReadOnly(join(backupsDir, made[34])), 't')).toBe(35)
    expect(count(openReadOnly(join(backupsDir, made[5])), 't')).toBe(6)
  })

  it('keeps the newest 30 even when many backups fall in the same second', async () => {
    const dir = tempDir('backup')
    const backupsDir = join(dir, 'backups')
    const db = open(join(dir, 'ledger.db'))
    db.exec('CREATE TABLE t (x INTEGER)')
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2024, 5, 1, 12, 0, 0))
    const made: string[] = []
    for (let i = 0; i < 35; i++) {
      db.prepare('INSERT INTO t VALUES (?)').run(i)
      made.push(basename(await backupDatabase(db, backupsDir, i % 2 ? 'manual' : 'auto')))
    }
    expect(new Set(made).size).toBe(35)
    // listBackups orders them as they were made
    expect(listBackups(backupsDir)).toEqual(made.slice(5))
    for (const gone of made.slice(0, 5)) expect(existsSync(join(backupsDir, gone)), gone).toBe(false)
    const newest = listBackups(backupsDir).at(-1)!
    expect(count(openReadOnly(join(backupsDir, newest)), 't')).toBe(35)
  })

  it('honours a smaller keep count', async () => {
    const dir = tempDir('backup')
    const db = open(join(dir, 'ledger.db'))
    vi.useFakeTimers({ toFake: ['Date'] })
    for (let i = 0; i < 4; i++) {
      vi.setSystemTime(new Date(2024, 0, 1, 0, 0, i))
      await backupDatabase(db, join(dir, 'backups'), 'manual', 2)
    }
    expect(listBackups(join(dir, 'backups'))).toEqual(['ledger-20240101-000002-manual.db', 'ledger-20240101-000003-manual.db'])
  })
})
