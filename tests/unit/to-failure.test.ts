import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { resolvePaths, toFailure } from '../../src-main/core/service-host'
import { AppError, invalid, notFound } from '../../src-main/domain/errors'

describe('toFailure', () => {
  it('passes an AppError through with its code, message and details', () => {
    const error = new AppError('DUPLICATE', '同一上级下已有名为「福山村」的区划。', { field: 'name' })
    expect(toFailure(error)).toEqual({ ok: false, code: 'DUPLICATE', message: '同一上级下已有名为「福山村」的区划。', details: { field: 'name' } })
    expect(toFailure(notFound('区划', '150422100299'))).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: '未找到区划（150422100299），可能已被删除或合并。',
      details: undefined,
    })
    expect(toFailure(invalid('不对', [1]))).toMatchObject({ ok: false, code: 'INVALID', message: '不对', details: [1] })
  })

  it('maps a real SQLite constraint error to CONSTRAINT with a Chinese message', () => {
    const db = new Database(':memory:')
    db.exec('CREATE TABLE t (x INTEGER UNIQUE, y TEXT NOT NULL)')
    db.prepare('INSERT INTO t VALUES (1, ?)').run('a')
    let unique: unknown
    try {
      db.prepare('INSERT INTO t VALUES (1, ?)').run('b')
    } catch (error) {
      unique = error
    }
    let notNull: unknown
    try {
      db.prepare('INSERT INTO t VALUES (2, NULL)').run()
    } catch (error) {
      notNull = error
    }
    db.close()
    expect((unique as { code: string }).code).toBe('SQLITE_CONSTRAINT_UNIQUE')
    const failure = toFailure(unique)
    expect(failure).toMatchObject({ ok: false, code: 'CONSTRAINT' })
    expect(failure.ok === false && failure.message).toMatch(/^数据不符合约束，未保存：UNIQUE constraint failed: t\.x/)
    expect(toFailure(notNull)).toMatchObject({ ok: false, code: 'CONSTRAINT' })
  })

  it('maps SQLITE_BUSY to a Chinese "try later"', () => {
    expect(toFailure(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toEqual({
      ok: false,
      code: 'BUSY',
      message: '数据文件正被占用，请稍后再试。',
    })
  })

  it('maps anything else to INTERNAL with a Chinese prefix', () => {
    expect(toFailure(new Error('boom'))).toEqual({ ok: false, code: 'INTERNAL', message: '程序内部错误，操作未完成：boom' })
    expect(toFailure(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }))).toMatchObject({ code: 'INTERNAL' })
    expect(toFailure('plain string')).toEqual({ ok: false, code: 'INTERNAL', message: '程序内部错误，操作未完成：plain string' })
    expect(toFailure(undefined)).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(toFailure(null)).toMatchObject({ ok: false, code: 'INTERNAL' })
  })
})

describe('resolvePaths', () => {
  it('puts the ledger and its backups in the data folder unless the file was moved', () => {
    const paths = resolvePaths({ dataDir: '/data', resourcesDir: '/res', appVersion: '1' })
    expect(paths).toEqual({ dataDir: '/data', dbFile: '/data/ledger.db', backupsDir: '/data/backups', resourcesDir: '/res' })
    expect(resolvePaths({ dataDir: '/data', resourcesDir: '/res', appVersion: '1', dbFile: '/mnt/share/ledger.db' }).dbFile).toBe(
      '/mnt/share/ledger.db',
    )
  })
})
