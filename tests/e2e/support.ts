import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startBridge } from '../../src-main/web/bridge'

export const screenshotDir = resolve('test-output', 'screenshots')
mkdirSync(screenshotDir, { recursive: true })

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface AppUnderTest {
  url: string
  dataDir: string
  browser: Browser
  page: Page
  /** Calls a contract channel over the bridge, as the page does. */
  api: <T = unknown>(channel: string, input?: unknown) => Promise<{ ok: boolean; data?: T; code?: string; message?: string }>
  shot: (name: string) => Promise<string>
  close: () => Promise<void>
}

/** Starts the test web bridge on a fresh data folder and opens the real renderer in Debian's Chromium. */
export async function openApp(label: string): Promise<AppUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), `ledger-e2e-${label}-`))
  const bridge = await startBridge({ port: 0, dataDir })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs })
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(bridge.url)
  return {
    url: bridge.url,
    dataDir,
    browser,
    page,
    api: async (channel, input = {}) => {
      const res = await fetch(`${bridge.url}/api/${channel}`, { method: 'POST', body: JSON.stringify(input) })
      return res.json()
    },
    shot: async (name) => {
      const file = join(screenshotDir, `${name}.png`)
      await page.screenshot({ path: file, fullPage: false })
      return file
    },
    close: async () => {
      await browser.close()
      await bridge.close()
      if (pageErrors.length) throw new Error(`页面脚本错误：${pageErrors.join('; ')}`)
    },
  }
}

/** Picks an option of an Element Plus select by its visible text. */
export async function pickOption(page: Page, selectTestId: string, text: string) {
  await page.getByTestId(selectTestId).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

/** Opens the home screen again after the county was set up behind the page's back (API, demo load). */
export async function reopenHome(app: AppUnderTest) {
  await app.page.goto(`${app.url}/#/home`)
  await app.page.reload()
  await app.page.locator('.el-menu-item').first().waitFor()
}

/** Runs the first-run setup for 巴林左旗 through the UI and waits for the home screen. */
export async function setupBaarinLeft(page: Page) {
  await pickOption(page, 'pick-province', '内蒙古自治区')
  await pickOption(page, 'pick-city', '赤峰市')
  await pickOption(page, 'pick-county', '巴林左旗')
  await page.getByTestId('town-list').waitFor()
  await page.getByTestId('setup-submit').click()
  await page.getByTestId('town-table').waitFor()
}
