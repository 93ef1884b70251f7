/**
 * The outbox and the inbox: the only way files pass between the page and the core. The page never
 * names a filesystem path; it holds a random file id, and each id maps to one folder
 *   <dataDir>/outbox/<fileId>/<fileName>   files the core made (exports, PDFs)
 *   <dataDir>/inbox/<fileId>/<fileName>    files the user chose (imports)
 * Plain fs functions of the data folder, so the core, the Electron main process and the test bridge
 * share them.
 */
import { randomUUID } from 'node:crypto'
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { InboxFile, OutboxFile } from '../api/types/files'
import { AppError } from '../domain/errors'

export type Box = 'outbox' | 'inbox'

const FILE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
/** Files older than this are removed when the folders are tidied (at start). */
const KEEP_MS = 3 * 24 * 3600 * 1000

export const isFileId = (value: unknown): value is string => typeof value === 'string' && FILE_ID.test(value)

/** A name safe on Windows and Linux: no folders, no reserved characters, not empty, ≤ 120 chars. */
export function safeFileName(name: string): string {
  const cleaned = basename(name.replaceAll('\\', '/'))
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
  const trimmed = cleaned.length > 120 ? cleaned.slice(0, 80) + cleaned.slice(-40) : cleaned
  return trimmed || '文件'
}

function newSlot(dataDir: string, box: Box, fileName: string) {
  const fileId = randomUUID()
  const dir = join(dataDir, box, fileId)
  mkdirSync(dir, { recursive: true })
  const name = safeFileName(fileName)
  return { fileId, fileName: name, path: join(dir, name) }
}

function locate(dataDir: string, box: Box, fileId: string) {
  if (!isFileId(fileId)) throw new AppError('FILE_NOT_FOUND', '文件编号无效。')
  const dir = join(dataDir, box, fileId)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    throw new AppError('FILE_NOT_FOUND', '文件已不存在（临时文件保留3天），请重新生成或重新选择。')
  }
  if (names.length !== 1) throw new AppError('FILE_NOT_FOUND', '文件已不存在，请重新生成或重新选择。')
  const path = join(dir, names[0])
  return { fileId, fileName: names[0], path, bytes: statSync(path).size }
}

/** A fresh outbox path to write a file to (e.g. exceljs writeFile); describe it afterwards with `outboxFile`. */
export function outboxPath(dataDir: string, fileName: string): { fileId: string; fileName: string; path: string } {
  return newSlot(dataDir, 'outbox', fileName)
}

/** Describes a file written to an `outboxPath` slot, for returning to the page. */
export function outboxFile(dataDir: string, fileId: string): OutboxFile {
  const { fileName, bytes } = locate(dataDir, 'outbox', fileId)
  return { fileId, fileName, bytes }
}

export function writeOutboxFile(dataDir: string, fileName: string, bytes: Buffer | Uint8Array | string): OutboxFile {
  const slot = newSlot(dataDir, 'outbox', fileName)
  writeFileSync(slot.path, bytes)
  return outboxFile(dataDir, slot.fileId)
}

export const resolveOutbox = (dataDir: string, fileId: string) => locate(dataDir, 'outbox', fileId)

/** Copies a file the user chose into the inbox. */
export function putInboxFile(dataDir: string, sourcePath: string, fileName = basename(sourcePath)): InboxFile {
  const slot = newSlot(dataDir, 'inbox', fileName)
  copyFileSync(sourcePath, slot.path)
  return { fileId: slot.fileId, fileName: slot.fileName, bytes: statSync(slot.path).size }
}

/** An empty inbox slot for a file that arrives as a stream (the test bridge's upload). */
export const inboxPath = (dataDir: string, fileName: string) => newSlot(dataDir, 'inbox', fileName)

export const resolveInbox = (dataDir: string, fileId: string) => locate(dataDir, 'inbox', fileId)

/** Removes outbox and inbox folders older than three days. */
export function tidyFileBoxes(dataDir: string, now = Date.now()) {
  for (const box of ['outbox', 'inbox'] as const) {
    let ids: string[]
    try {
      ids = readdirSync(join(dataDir, box))
    } catch {
      continue
    }
    for (const id of ids) {
      const dir = join(dataDir, box, id)
      try {
        if (now - statSync(dir).mtimeMs > KEEP_MS) rmSync(dir, { recursive: true, force: true })
      } catch {
        // a folder removed meanwhile is fine
      }
    }
  }
}
