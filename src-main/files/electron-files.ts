/**
 * Electron glue for the file boxes: the open dialog copies the chosen file into the inbox, the save
 * dialog copies an outbox file where the user wants it, and the app-file:// scheme lets the page show
 * an outbox file (a PDF preview) without ever learning its path.
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, type IpcMainInvokeEvent } from 'electron'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import { isFileId, putInboxFile, resolveOutbox } from './file-box'

export const PICK_FILE_CHANNEL = 'files:pick'
export const SAVE_FILE_CHANNEL = 'files:save'
export const FILE_SCHEME = 'app-file'

const pickOptions = z.object({
  title: z.string().max(60).default('选择文件'),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,6}$/i)).max(10).default([]),
})
const saveOptions = z.object({ fileId: z.string().refine(isFileId) })

const forbidden = { ok: false, code: 'FORBIDDEN', message: '拒绝来自非本程序页面的请求。' } as const
const invalid = { ok: false, code: 'INVALID', message: '参数不正确。' } as const

/** Must run before the app is ready. */
export function registerFileScheme() {
  protocol.registerSchemesAsPrivileged([{ scheme: FILE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }])
}

export function registerFileHandlers(dataDir: string, isTrustedSender: (event: IpcMainInvokeEvent) => boolean) {
  // app-file://outbox/<fileId> → the one file in that outbox folder
  protocol.handle(FILE_SCHEME, (request) => {
    const url = new URL(request.url)
    const fileId = url.pathname.replace(/^\/+/, '')
    if (url.hostname !== 'outbox' || !isFileId(fileId)) return new Response('未找到', { status: 404 })
    try {
      return net.fetch(pathToFileURL(resolveOutbox(dataDir, fileId).path).toString())
    } catch {
      return new Response('未找到', { status: 404 })
    }
  })

  ipcMain.handle(PICK_FILE_CHANNEL, async (event, raw: unknown) => {
    if (!isTrustedSender(event)) return forbidden
    const options = pickOptions.safeParse(raw ?? {})
    if (!options.success) return invalid
    const window = BrowserWindow.fromWebContents(event.sender)
    const filters = options.data.extensions.length ? [{ name: '表格文件', extensions: options.data.extensions }] : []
    const picked = await dialog.showOpenDialog(window!, { title: options.data.title, properties: ['openFile'], filters })
    if (picked.canceled || !picked.filePaths[0]) return { ok: true, data: null }
    try {
      return { ok: true, data: putInboxFile(dataDir, picked.filePaths[0]) }
    } catch (error) {
      return { ok: false, code: 'READ_FAILED', message: `无法读取所选文件：${(error as Error).message}` }
    }
  })

  ipcMain.handle(SAVE_FILE_CHANNEL, async (event, raw: unknown) => {
    if (!isTrustedSender(event)) return forbidden
    const options = saveOptions.safeParse(raw)
    if (!options.success) return invalid
    let source: ReturnType<typeof resolveOutbox>
    try {
      source = resolveOutbox(dataDir, options.data.fileId)
    } catch (error) {
      return { ok: false, code: 'FILE_NOT_FOUND', message: (error as Error).message }
    }
    const window = BrowserWindow.fromWebContents(event.sender)
    const target = await dialog.showSaveDialog(window!, { title: '保存文件', defaultPath: join(app.getPath('documents'), source.fileName) })
    if (target.canceled || !target.filePath) return { ok: true, data: null }
    try {
      copyFileSync(source.path, target.filePath)
      return { ok: true, data: { savedTo: target.filePath } }
    } catch (error) {
      return { ok: false, code: 'WRITE_FAILED', message: `无法保存文件（可能正被 Excel/WPS 打开）：${(error as Error).message}` }
    }
  })
}
