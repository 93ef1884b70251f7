import type { WindowApi } from '../../src-renderer/src/api'

type Reply = { ok: true; data: unknown } | { ok: false; code: string; message: string; details?: unknown }

/** Installs a fake `window.api` that answers from a table of channel → reply, and records calls. */
export function fakeApi(replies: Record<string, Reply | ((input: unknown) => Reply)>) {
  const calls: { channel: string; input: unknown }[] = []
  const api: WindowApi = {
    bridge: 'web',
    async invoke(channel, input) {
      calls.push({ channel, input })
      const reply = replies[channel]
      if (!reply) return { ok: false, code: 'UNKNOWN_CHANNEL', message: `没有名为「${channel}」的功能接口。` }
      return typeof reply === 'function' ? reply(input) : reply
    },
    openAttachment: async () => ({ ok: true, data: null }),
    files: {
      pick: async (options) => {
        calls.push({ channel: 'files:pick', input: options })
        return { ok: true, data: null }
      },
      save: async (fileId) => {
        calls.push({ channel: 'files:save', input: { fileId } })
        return { ok: true, data: { savedTo: null } }
      },
      url: (fileId) => `/outbox/${fileId}`,
    },
    print: {
      pdf: async (job) => {
        calls.push({ channel: 'print:pdf', input: job })
        const reply = replies['print:pdf']
        return reply ? (typeof reply === 'function' ? reply(job) : reply) : { ok: true, data: { fileId: '00000000-0000-4000-8000-000000000001', fileName: '打印.pdf', bytes: 1 } }
      },
      print: async (options) => {
        calls.push({ channel: 'print:print', input: options })
        return { ok: true, data: { printed: true } }
      },
      printers: async () => ({ ok: true, data: [] }),
    },
    onProgress: () => () => undefined,
  }
  ;(window as unknown as { api: WindowApi }).api = api
  return calls
}
