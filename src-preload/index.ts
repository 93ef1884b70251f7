import { contextBridge, ipcRenderer } from 'electron'
import { channelNames, type ApiResult } from '../src-main/api/contract'

const allowed = new Set<string>(channelNames)

/** The only thing the page gets: call a contract channel, and hear progress of long jobs. */
contextBridge.exposeInMainWorld('api', {
  bridge: 'electron',
  invoke(channel: string, input: unknown): Promise<ApiResult<unknown>> {
    if (!allowed.has(channel)) return Promise.resolve({ ok: false, code: 'UNKNOWN_CHANNEL', message: `没有名为「${channel}」的功能接口。` })
    return ipcRenderer.invoke(`api:invoke:${channel}`, input)
  },
  /** Opens an attachment with the system's viewer (the main process finds the file). */
  openAttachment(id: number): Promise<ApiResult<null>> {
    return ipcRenderer.invoke('shell:openAttachment', id)
  },
  /** Files pass as ids only: pick copies the chosen file into the inbox, save copies an outbox file out. */
  files: {
    pick(options: { title?: string; extensions?: string[] }): Promise<ApiResult<unknown>> {
      return ipcRenderer.invoke('files:pick', options)
    },
    save(fileId: string): Promise<ApiResult<unknown>> {
      return ipcRenderer.invoke('files:save', { fileId })
    },
    url(fileId: string): string {
      return `app-file://outbox/${fileId}`
    },
  },
  /** Printing: the main process lays the core's HTML out in a hidden window (PDF to the outbox, or paper). */
  print: {
    pdf(job: unknown): Promise<ApiResult<unknown>> {
      return ipcRenderer.invoke('print:pdf', job)
    },
    print(options: { job: unknown; deviceName?: string; copies?: number }): Promise<ApiResult<unknown>> {
      return ipcRenderer.invoke('print:print', options)
    },
    printers(): Promise<ApiResult<unknown>> {
      return ipcRenderer.invoke('print:printers')
    },
  },
  onProgress(listener: (progress: unknown) => void) {
    const wrapped = (_event: unknown, progress: unknown) => listener(progress)
    ipcRenderer.on('api:progress', wrapped)
    return () => ipcRenderer.removeListener('api:progress', wrapped)
  },
})
