import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// A stand-in for the parts of Electron the file glue touches; the real binary cannot run here.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, input: unknown) => unknown>(),
  schemes: [] as unknown[],
  protocolHandler: null as null | ((request: { url: string }) => unknown),
  openResult: { canceled: true, filePaths: [] as string[] },
  saveResult: { canceled: true, filePath: '' },
  fetched: [] as string[],
  dialogs: [] as { kind: string; options: Record<string, unknown> }[],
}))

vi.mock('electron', () => ({
  app: { getPath: () => '/home/用户/文档' },
  BrowserWindow: { fromWebContents: () => ({}) },
  ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => electron.handlers.set(channel, fn) },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electron.schemes.push(...schemes),
    handle: (_scheme: string, fn: (request: { url: string }) => unknown) => (electron.protocolHandler = fn),
  },
  net: { fetch: (url: string) => (electron.fetched.push(url), 'response') },
  dialog: {
    showOpenDialog: async (_w: unknown, options: Record<string, unknown>) => (electron.dialogs.push({ kind: 'open', options }), electron.openResult),
    showSaveDialog: async (_w: unknown, options: Record<string, unknown>) => (electron.dialogs.push({ kind: 'save', options }), electron.saveResult),
  },
}))

import { registerFileHandlers, registerFileScheme } from '../../src-main/files/electron-files'
import { resolveInbox, writeOutboxFile } from '../../src-main/files/file-box'

const trusted = { sender: {} }
const call = (channel: string, input: unknown, event: unknown = trusted) => electron.handlers.get(channel)!(event, input) as Promise<{ ok: boolean; data?: unknown; code?: string }>

describe('文件对话框与 app-file 协议（Electron 粘合层）', () => {
  let dataDir: string
  beforeEach(() => {
    electron.handlers.clear()
    electron.dialogs.length = 0
    electron.fetched.length = 0
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-efiles-'))
    registerFileHandlers(dataDir, (event) => event === trusted)
  })

  it('registers app-file as a privileged standard scheme (needed for PDF frames)', () => {
    registerFileScheme()
    expect(electron.schemes).toContainEqual(expect.objectContaining({ scheme: 'app-file', privileges: expect.objectContaining({ standard: true, secure: true }) }))
  })

  it('copies the file picked in the open dialog into the inbox and returns only its id', async () => {
    const source = join(mkdtempSync(join(tmpdir(), 'ledger-src-')), '公益类台账.xlsx')
    writeFileSync(source, 'xlsx-bytes')
    electron.openResult = { canceled: false, filePaths: [source] }
    const result = await call('files:pick', { title: '选择导入文件', extensions: ['xlsx', 'xls'] })
    expect(result.ok).toBe(true)
    const picked = result.data as { fileId: string; fileName: string; path?: string }
    expect(picked.fileName).toBe('公益类台账.xlsx')
    expect(picked.path).toBeUndefined()
    expect(readFileSync(resolveInbox(dataDir, picked.fileId).path, 'utf8')).toBe('xlsx-bytes')
    expect(electron.dialogs[0].options).toMatchObject({ title: '选择导入文件', filters: [{ extensions: ['xlsx', 'xls'] }] })
  })

  it('answers null when the user cancels, and refuses untrusted pages and bad options', async () => {
    electron.openResult = { canceled: true, filePaths: [] }
    expect(await call('files:pick', {})).toEqual({ ok: true, data: null })
    expect(await call('files:pick', {}, { sender: 'evil' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('files:pick', { extensions: ['../x'] })).toMatchObject({ ok: false, code: 'INVALID' })
    expect(electron.dialogs).toHaveLength(1)
  })

  it('saves an outbox file where the user chose, suggesting its name in 文档', async () => {
    const made = writeOutboxFile(dataDir, 'R1 统计表.xlsx', 'report')
    const target = join(mkdtempSync(join(tmpdir(), 'ledger-save-')), '上报.xlsx')
    electron.saveResult = { canceled: false, filePath: target }
    expect(await call('files:save', { fileId: made.fileId })).toEqual({ ok: true, data: { savedTo: target } })
    expect(readFileSync(target, 'utf8')).toBe('report')
    expect(String(electron.dialogs[0].options.defaultPath)).toMatch(/R1 统计表\.xlsx$/)
    expect(await call('files:save', { fileId: '../../ledger.db' })).toMatchObject({ ok: false, code: 'INVALID' })
    expect(await call('files:save', { fileId: '11111111-2222-4333-8444-555555555555' })).toMatchObject({ ok: false, code: 'FILE_NOT_FOUND' })
  })

  it('serves app-file://outbox/<id> from the outbox and nothing else', () => {
    const made = writeOutboxFile(dataDir, '卡片.pdf', '%PDF')
    expect(electron.protocolHandler!({ url: `app-file://outbox/${made.fileId}` })).toBe('response')
    expect(electron.fetched[0]).toMatch(/^file:\/\/.*%E5%8D%A1%E7%89%87\.pdf$/)
    const notFound = electron.protocolHandler!({ url: 'app-file://outbox/..%2F..%2Fledger.db' }) as Response
    expect(notFound.status).toBe(404)
    expect((electron.protocolHandler!({ url: `app-file://inbox/${made.fileId}` }) as Response).status).toBe(404)
  })
})
