import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// A stand-in for the parts of Electron the glue touches; the real binary cannot run here.
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, input: unknown) => unknown>()
  const windows: { options: Record<string, unknown>; listeners: Map<string, (...args: unknown[]) => void>; openHandler?: (d: { url: string }) => unknown }[] = []
  const exposed: Record<string, unknown> = {}
  const invoked: { channel: string; input: unknown }[] = []
  const opened: string[] = []
  return { handlers, windows, exposed, invoked, opened }
})

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>
    constructor(options: Record<string, unknown>) {
      const record = { options, listeners: new Map<string, (...args: unknown[]) => void>(), openHandler: undefined as undefined | ((d: { url: string }) => unknown) }
      electron.windows.push(record)
      this.webContents = {
        on: (name: string, fn: (...args: unknown[]) => void) => record.listeners.set(name, fn),
        setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => (record.openHandler = fn),
      }
    }
    once() {}
    loadURL() {
      return Promise.resolve()
    }
    loadFile() {
      return Promise.resolve()
    }
  }
  return {
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => electron.handlers.set(channel, fn) },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => (electron.invoked.push({ channel, input }), Promise.resolve({ ok: true, data: null })),
      on: () => undefined,
      removeListener: () => undefined,
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (electron.exposed[key] = value) },
    session: { defaultSession: { webRequest: { onHeadersReceived: () => undefined }, setPermissionRequestHandler: () => undefined } },
    shell: { openExternal: vi.fn(), openPath: async (p: string) => (electron.opened.push(p), '') },
  }
})

import { channelNames } from '../../src-main/api/contract'
import { registerIpc } from '../../src-main/ipc'
import { contentSecurityPolicy, isAppUrl } from '../../src-main/security'
import { createMainWindow } from '../../src-main/window'

describe('ipc.ts', () => {
  beforeEach(() => electron.handlers.clear())

  it('registers exactly one handler per contract channel, plus opening attachments', () => {
    registerIpc({ call: vi.fn() } as never, () => true)
    expect([...electron.handlers.keys()].sort()).toEqual([...channelNames.map((c) => `api:invoke:${c}`), 'shell:openAttachment'].sort())
  })

  it('opens an attachment with the system viewer after locating it through the core', async () => {
    const call = vi.fn(async () => ({ ok: true, data: { path: '/data/attachments/ab/abc-验收报告.pdf', fileName: '验收报告.pdf' } }))
    registerIpc({ call } as never, () => true)
    const open = electron.handlers.get('shell:openAttachment')!
    expect(await open({}, 7)).toEqual({ ok: true, data: null })
    expect(call).toHaveBeenCalledWith('attachments.locate', { id: 7 })
    expect(electron.opened).toEqual(['/data/attachments/ab/abc-验收报告.pdf'])
    const bad = (await open({}, '../../etc/passwd')) as { ok: boolean; code: string }
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(electron.opened).toHaveLength(1)
  })

  it('validates input in the main process before it reaches the core', async () => {
    const call = vi.fn(async () => ({ ok: true, data: 'renamed' }))
    registerIpc({ call } as never, () => true)
    const rename = electron.handlers.get('api:invoke:regions.rename')!
    const bad = (await rename({}, { code: '15', name: '' })) as { ok: boolean; message: string }
    expect(bad.ok).toBe(false)
    expect(bad.message).toContain('「区划代码」')
    expect(call).not.toHaveBeenCalled()
    const good = await rename({}, { code: '150422100201', name: ' 福山村 ' })
    expect(good).toEqual({ ok: true, data: 'renamed' })
    expect(call).toHaveBeenCalledWith('regions.rename', { code: '150422100201', name: '福山村' })
  })

  it('refuses calls from frames that are not the app', async () => {
    const call = vi.fn()
    registerIpc({ call } as never, () => false)
    const result = (await electron.handlers.get('api:invoke:app.info')!({}, {})) as { ok: boolean; code: string }
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(call).not.toHaveBeenCalled()
  })
})

describe('window.ts and security.ts', () => {
  it('opens the window isolated, sandboxed, without Node integration, with the preload', () => {
    createMainWindow('/app/resources/icon.png')
    const prefs = electron.windows.at(-1)!.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.js$/)
    // the built-in PDF viewer, for the print preview's <iframe>
    expect(prefs.plugins).toBe(true)
  })

  it('blocks navigation away from the app and every window.open', () => {
    createMainWindow('/app/resources/icon.png')
    const win = electron.windows.at(-1)!
    const navigate = win.listeners.get('will-navigate')!
    const external = { preventDefault: vi.fn() }
    navigate(external, 'https://example.com/')
    expect(external.preventDefault).toHaveBeenCalled()
    const internal = { preventDefault: vi.fn() }
    navigate(internal, 'file:///app/out/renderer/index.html#/home')
    expect(internal.preventDefault).not.toHaveBeenCalled()
    expect(win.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(win.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
  })

  it('has a strict CSP, the same in the header and in the page', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'")
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval/)
    expect(contentSecurityPolicy).toContain("object-src 'none'")
    const html = readFileSync('src-renderer/index.html', 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1]
    for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "object-src 'none'"]) {
      expect(meta).toContain(directive)
    }
    expect(isAppUrl('http://localhost:5173/#/home', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://evil.example/', 'http://localhost:5173')).toBe(false)
  })
})

describe('preload', () => {
  it('exposes only window.api, which forwards contract channels and refuses others', async () => {
    await import('../../src-preload/index')
    expect(Object.keys(electron.exposed)).toEqual(['api'])
    const api = electron.exposed.api as { invoke: (c: string, i: unknown) => Promise<{ ok: boolean; code?: string }> }
    await api.invoke('app.info', {})
    expect(electron.invoked).toEqual([{ channel: 'api:invoke:app.info', input: {} }])
    const refused = await api.invoke('fs.readFile', { path: '/etc/passwd' })
    expect(refused).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' })
    expect(electron.invoked).toHaveLength(1)
  })
})
