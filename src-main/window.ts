import { BrowserWindow, session, shell } from 'electron'
import { join } from 'node:path'
import { contentSecurityPolicy, isAppUrl, secureWebPreferences } from './security'

export function createMainWindow(iconFile: string): BrowserWindow {
  const devServerUrl = process.env['ELECTRON_RENDERER_URL']
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } })
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))

  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    title: '帮扶项目资产台账',
    icon: iconFile,
    // plugins: Electron shows a PDF in an <iframe> (the print preview of an outbox file) only with its
    // built-in PDF viewer enabled, which this flag does; there are no other plugins in Electron.
    webPreferences: { ...secureWebPreferences, plugins: true, preload: join(__dirname, '../preload/index.js') },
  })
  window.once('ready-to-show', () => window.show())

  // No navigation away from the app and no new windows; http(s) links open in the system browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  })
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())

  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadFile(join(__dirname, '../renderer/index.html'))
  return window
}
