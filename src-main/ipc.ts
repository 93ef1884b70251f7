import { ipcMain, shell, type IpcMainInvokeEvent } from 'electron'
import { channelNames } from './api/contract'
import { createGateway } from './api/gateway'
import type { CoreClient } from './core/core-client'

export const INVOKE_CHANNEL = 'api:invoke'
export const PROGRESS_CHANNEL = 'api:progress'
export const OPEN_ATTACHMENT_CHANNEL = 'shell:openAttachment'

/**
 * Registers the contract with Electron: one `ipcMain.handle` per contract channel. Every input is
 * validated here in the main process before it reaches the core worker.
 */
export function registerIpc(core: CoreClient, isTrustedSender: (event: IpcMainInvokeEvent) => boolean) {
  const handle = createGateway(core)
  for (const channel of channelNames) {
    ipcMain.handle(`${INVOKE_CHANNEL}:${channel}`, (event, input: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, code: 'FORBIDDEN', message: '拒绝来自非本程序页面的请求。' }
      return handle(channel, input)
    })
  }
  ipcMain.handle(OPEN_ATTACHMENT_CHANNEL, async (event, id: unknown) => {
    if (!isTrustedSender(event)) return { ok: false, code: 'FORBIDDEN', message: '拒绝来自非本程序页面的请求。' }
    const located = await handle('attachments.locate', { id })
    if (!located.ok) return located
    const failure = await shell.openPath((located.data as { path: string }).path)
    return failure ? { ok: false, code: 'OPEN_FAILED', message: `无法打开附件：${failure}` } : { ok: true, data: null }
  })
}
