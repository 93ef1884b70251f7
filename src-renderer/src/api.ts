import type { ApiResult, Channel, Input, Output } from '../../src-main/api/contract'

/** What preload (Electron) or the test bridge (browser) puts on `window.api`. */
export interface WindowApi {
  bridge: 'electron' | 'web'
  invoke(channel: string, input: unknown): Promise<ApiResult<unknown>>
  /** Opens an attachment with the system's viewer (a new tab under the test bridge). */
  openAttachment(id: number): Promise<ApiResult<null>>
  files: {
    pick(options: { title?: string; extensions?: string[] }): Promise<ApiResult<unknown>>
    save(fileId: string): Promise<ApiResult<unknown>>
    url(fileId: string): string
  }
  /** Print jobs (print/electron-pdf.ts under Electron, web/bridge-print.ts under the test bridge). */
  print: {
    pdf(job: unknown): Promise<ApiResult<unknown>>
    print(options: { job: unknown; deviceName?: string; copies?: number }): Promise<ApiResult<unknown>>
    printers(): Promise<ApiResult<unknown>>
  }
  onProgress(listener: (progress: { job: string; done: number; total: number; label: string }) => void): () => void
}

declare global {
  interface Window {
    api: WindowApi
  }
}

type HasRequiredKeys<T> = string extends keyof T ? false : { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T] extends never ? false : true

/** A failed call: carries the main process's Chinese message and field details. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
  /** Field-level messages, keyed by field path, for showing beside form items. */
  get fieldErrors(): Record<string, string> {
    const list = Array.isArray(this.details) ? (this.details as { field?: string; message?: string }[]) : []
    return Object.fromEntries(list.filter((d) => d.field).map((d) => [d.field!, d.message ?? '']))
  }
}

/** The typed client: `call('regions.rename', { code, name })` returns the channel's output or throws ApiError. */
export async function call<C extends Channel>(channel: C, ...args: HasRequiredKeys<Input<C>> extends true ? [Input<C>] : [Input<C>?]): Promise<Output<C>> {
  if (!window.api) throw new ApiError('NO_API', '程序未正确启动：缺少与后台的连接。')
  const result = await window.api.invoke(channel, args[0] ?? {})
  if (!result.ok) throw new ApiError(result.code, result.message, result.details)
  return result.data as Output<C>
}
