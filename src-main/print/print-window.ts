/**
 * The one hidden window print jobs are laid out in, kept between jobs. A new window starts a cold
 * renderer that loads the CJK fonts again, which made a 2,000-line ledger 20–30 % slower (measured
 * on the test bridge's Chromium, which keeps one tab the same way). Jobs take turns; the window is
 * emptied after each job, closed after some idle minutes, after a failed job (its state is
 * unknown) and when the renderer crashes.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebContents } from 'electron'

export interface PrintWindowKeeper {
  /** Loads `file` into the kept window (opening one if needed) and runs `use` on it, after the jobs before it. */
  run<T>(file: string, use: (contents: WebContents) => Promise<T>): Promise<T>
  /** Closes the window now (the app is quitting, or the main window closed). */
  close(): void
}

export const PRINT_WINDOW_IDLE_MS = 3 * 60_000

export function createPrintWindowKeeper(options: BrowserWindowConstructorOptions, idleMs = PRINT_WINDOW_IDLE_MS): PrintWindowKeeper {
  let window: BrowserWindow | null = null
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  let queue: Promise<unknown> = Promise.resolve()

  function open(): BrowserWindow {
    const opened = new BrowserWindow(options)
    opened.webContents.on('will-navigate', (event) => event.preventDefault())
    opened.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
    opened.webContents.on('render-process-gone', () => window === opened && close())
    return opened
  }

  function close() {
    clearTimeout(idleTimer)
    const closing = window
    window = null
    if (closing && !closing.isDestroyed()) closing.destroy()
  }

  function current(): BrowserWindow {
    if (!window || window.isDestroyed()) window = open()
    return window
  }

  function run<T>(file: string, use: (contents: WebContents) => Promise<T>): Promise<T> {
    const job = queue.then(async () => {
      clearTimeout(idleTimer)
      const used = current()
      try {
        await used.loadFile(file)
        const result = await use(used.webContents)
        // let go of the job's DOM (a big ledger holds tens of MB) but keep the renderer and its fonts
        used.webContents.loadURL('about:blank').catch(() => undefined)
        idleTimer = setTimeout(close, idleMs)
        idleTimer.unref?.()
        return result
      } catch (error) {
        if (window === used) close()
        throw error
      }
    })
    queue = job.catch(() => undefined)
    return job
  }

  return { run, close }
}
