/** Electron lifecycle only: single instance, the core worker, the window, the menu. */
import { app, BrowserWindow, dialog, shell, type IpcMainInvokeEvent } from 'electron'
import { join } from 'node:path'
import { dataDirFor, writeLocalConfig } from './config'
import { startCore, type CoreClient } from './core/core-client'
import { registerFileHandlers, registerFileScheme } from './files/electron-files'
import { registerIpc } from './ipc'
import { registerPrintHandlers } from './print/electron-pdf'
import { buildAppMenu } from './menu'
import { createMainWindow } from './window'

let mainWindow: BrowserWindow | null = null
let core: CoreClient | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  registerFileScheme()
  app.whenReady().then(start, (error) => fatal(error))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => void core?.close())
}

function resourcesDir() {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources')
}

function fatal(error: unknown) {
  const failure = (error as { failure?: { message: string } }).failure
  dialog.showErrorBox('帮扶项目资产台账无法启动', failure?.message ?? (error as Error).message)
  app.exit(1)
}

async function start() {
  const userData = app.getPath('userData')
  const dataDir = dataDirFor(userData)
  try {
    core = await startCore(join(__dirname, 'core.js'), {
      dataDir,
      resourcesDir: resourcesDir(),
      appVersion: app.getVersion(),
      user: process.env.USERNAME ?? process.env.USER ?? '本机用户',
    })
  } catch (error) {
    return fatal(error)
  }
  const activeCore = core
  const isTrustedSender = (event: IpcMainInvokeEvent) => event.senderFrame?.url.startsWith(process.env['ELECTRON_RENDERER_URL'] ?? 'file://') ?? false
  registerIpc(activeCore, isTrustedSender)
  registerFileHandlers(dataDir, isTrustedSender)
  const printing = registerPrintHandlers(activeCore, dataDir, isTrustedSender)
  activeCore.onProgress((progress) => mainWindow?.webContents.send('api:progress', progress))

  buildAppMenu({
    openDataFolder: () => void shell.openPath(dataDir),
    about: () =>
      void dialog.showMessageBox({ title: '关于', message: `帮扶项目资产台账 ${app.getVersion()}`, detail: `数据位置：${dataDir}` }),
    changeDataLocation: async () => {
      const picked = await dialog.showOpenDialog({ title: '选择新的数据文件夹', properties: ['openDirectory', 'createDirectory'] })
      if (picked.canceled || !picked.filePaths[0]) return
      const result = await activeCore.call('system.copyDataTo', { targetDir: picked.filePaths[0] })
      if (!result.ok) return void dialog.showErrorBox('更改数据位置失败', result.message)
      writeLocalConfig(userData, { dataDir: picked.filePaths[0] })
      await dialog.showMessageBox({ message: '数据已复制到新位置，程序将重新启动并使用新位置。原位置的文件保留未删。' })
      app.relaunch()
      app.exit(0)
    },
  })
  mainWindow = createMainWindow(join(resourcesDir(), 'icon.png'))
  // the hidden print window is kept between jobs (print-window.ts): it must not keep the app open
  mainWindow.on('closed', () => {
    mainWindow = null
    printing.close()
    app.quit()
  })
}
