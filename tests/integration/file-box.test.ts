import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inboxPath, isFileId, outboxFile, outboxPath, putInboxFile, resolveInbox, resolveOutbox, safeFileName, tidyFileBoxes, writeOutboxFile } from '../../src-main/files/file-box'
import { AppError } from '../../src-main/domain/errors'
import { autoCleanup, openHost, tempDir } from '../support/temp'
import * as files from '../../src-main/services/files'

autoCleanup()

describe('文件收发箱', () => {
  it('writes an outbox file under a random id and finds it again by that id only', () => {
    const dir = tempDir('box')
    const file = writeOutboxFile(dir, '巴林左旗 R1 统计表.xlsx', Buffer.from('内容'))
    expect(isFileId(file.fileId)).toBe(true)
    expect(file).toMatchObject({ fileName: '巴林左旗 R1 统计表.xlsx', bytes: Buffer.byteLength('内容') })
    const found = resolveOutbox(dir, file.fileId)
    expect(readFileSync(found.path, 'utf8')).toBe('内容')
    expect(found.path.startsWith(join(dir, 'outbox', file.fileId))).toBe(true)
  })

  it('describes a file written to a reserved outbox path', () => {
    const dir = tempDir('box')
    const slot = outboxPath(dir, '台账.pdf')
    writeFileSync(slot.path, 'x'.repeat(10))
    expect(outboxFile(dir, slot.fileId)).toEqual({ fileId: slot.fileId, fileName: '台账.pdf', bytes: 10 })
  })

  it('refuses ids that are not its own, so no path can be smuggled in', () => {
    const dir = tempDir('box')
    for (const bad of ['../ledger.db', '..', '', 'a'.repeat(36), '00000000-0000-0000-0000-000000000000/../../x']) {
      expect(() => resolveOutbox(dir, bad)).toThrow(AppError)
    }
    expect(() => resolveOutbox(dir, '11111111-2222-4333-8444-555555555555')).toThrow(/已不存在/)
  })

  it('keeps file names inside their folder and legal on Windows', () => {
    expect(safeFileName('..\\..\\boot.ini')).toBe('boot.ini')
    expect(safeFileName('../../etc/passwd')).toBe('passwd')
    expect(safeFileName('报表:2024年?.xlsx')).toBe('报表_2024年_.xlsx')
    expect(safeFileName('...')).toBe('文件')
    expect(safeFileName('长'.repeat(300) + '.xlsx').length).toBeLessThanOrEqual(120)
    expect(safeFileName('长'.repeat(300) + '.xlsx').endsWith('.xlsx')).toBe(true)
  })

  it('copies a chosen file into the inbox and resolves it', () => {
    const dir = tempDir('box')
    const source = join(tempDir('src'), '花名册.xlsx')
    writeFileSync(source, 'abc')
    const file = putInboxFile(dir, source)
    expect(file).toMatchObject({ fileName: '花名册.xlsx', bytes: 3 })
    expect(readFileSync(resolveInbox(dir, file.fileId).path, 'utf8')).toBe('abc')
    expect(() => resolveOutbox(dir, file.fileId)).toThrow(AppError) // inbox ids are not outbox ids
    expect(inboxPath(dir, 'a.csv').path).toContain(join(dir, 'inbox'))
  })

  it('tidies folders older than three days and keeps newer ones', () => {
    const dir = tempDir('box')
    const old = writeOutboxFile(dir, 'old.xlsx', 'x')
    const fresh = writeOutboxFile(dir, 'new.xlsx', 'y')
    const oldDir = join(dir, 'outbox', old.fileId)
    const past = new Date(Date.now() - 4 * 24 * 3600 * 1000)
    utimesSync(oldDir, past, past)
    mkdirSync(join(dir, 'inbox'), { recursive: true })
    tidyFileBoxes(dir)
    expect(existsSync(oldDir)).toBe(false)
    expect(resolveOutbox(dir, fresh.fileId).fileName).toBe('new.xlsx')
  })

  it('is bound to the data folder for services, and tidied when the services open', async () => {
    const dataDir = tempDir('host')
    const old = writeOutboxFile(dataDir, 'old.xlsx', 'x')
    const past = new Date(Date.now() - 5 * 24 * 3600 * 1000)
    utimesSync(join(dataDir, 'outbox', old.fileId), past, past)
    const host = await openHost(dataDir)
    expect(existsSync(join(dataDir, 'outbox', old.fileId))).toBe(false)
    const made = files.writeOutboxFile(host.ctx, 'R1.xlsx', 'data')
    expect(files.resolveOutbox(host.ctx, made.fileId).path.startsWith(dataDir)).toBe(true)
  })
})
