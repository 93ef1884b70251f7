/** The renderer's Content Security Policy: only the app's own files, no remote content, no eval. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Element Plus and ECharts set inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // PDF previews of outbox files: same origin under the test bridge, app-file:// under Electron.
  "frame-src 'self' app-file:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Web preferences every window of the app uses. */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
} as const

/** Only the app's own pages may load: the dev server in development, the packaged files otherwise. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  if (devServerUrl && url.startsWith(devServerUrl)) return true
  return url.startsWith('file://')
}
