/**
 * Files in and out of the page. The page never sees a path: it gets file ids. Under Electron the
 * system's open/save dialogs run in the main process; under the test bridge a file input and a
 * download stand in for them.
 */
import type { InboxFile, OutboxFile } from '../../src-main/api/types/files'
import { ApiError } from './api'

export type { InboxFile, OutboxFile }

function unwrap<T>(result: { ok: true; data: unknown } | { ok: false; code: string; message: string; details?: unknown }): T {
  if (!result.ok) throw new ApiError(result.code, result.message, result.details)
  return result.data as T
}

/** Lets the user choose a file; null when they cancel. */
export async function pickFile(options: { title?: string; extensions?: string[] } = {}): Promise<InboxFile | null> {
  return unwrap<InboxFile | null>(await window.api.files.pick(options))
}

/** Lets the user save a file the core made; returns where (null under the bridge or when cancelled). */
export async function saveFile(file: Pick<OutboxFile, 'fileId'>): Promise<string | null> {
  const saved = unwrap<{ savedTo: string | null } | null>(await window.api.files.save(file.fileId))
  return saved?.savedTo ?? null
}

/** A URL the page can show in a frame (PDF preview). */
export const outboxUrl = (file: Pick<OutboxFile, 'fileId'>) => window.api.files.url(file.fileId)
