import { Worker } from 'node:worker_threads'
import type { ApiFailure, ApiResult, Channel, ParsedInput } from '../api/contract'
import type { MigrationResult } from '../db/migrate'
import type { CoreReply, CoreRequest } from './protocol'
import type { CoreOptions, ProgressEvent } from './service-host'

export interface CoreClient {
  migration: MigrationResult
  call<C extends Channel>(channel: C, input: ParsedInput<C>): Promise<ApiResult<unknown>>
  onProgress(listener: (p: ProgressEvent) => void): () => void
  close(): Promise<void>
}

/**
 * Starts the core worker and waits until the database is open and migrated.
 * `workerFile` is out/main/core.js under Electron, or src-main/core.ts with tsx for the bridge.
 */
export function startCore(workerFile: string, options: CoreOptions, execArgv?: string[]): Promise<CoreClient> {
  const worker = new Worker(workerFile, { workerData: options, execArgv })
  const pending = new Map<number, (r: ApiResult<unknown>) => void>()
  const listeners = new Set<(p: ProgressEvent) => void>()
  let nextId = 1
  let closed: (() => void) | null = null
  // Once the worker has exited, a call or close would wait forever for a reply: answer at once.
  let stopped = false
  const crashed = (message: string): ApiFailure => ({ ok: false, code: 'CORE_STOPPED', message })

  return new Promise((resolve, reject) => {
    worker.on('error', (error) => {
      for (const settle of pending.values()) settle(crashed(`后台服务异常停止：${error.message}`))
      pending.clear()
      reject(error)
    })
    worker.on('exit', () => {
      stopped = true
      for (const settle of pending.values()) settle(crashed('后台服务已停止，请重新启动程序。'))
      pending.clear()
      closed?.()
    })
    worker.on('message', (reply: CoreReply) => {
      switch (reply.type) {
        case 'ready':
          resolve({
            migration: reply.migration,
            call(channel, input) {
              if (stopped) return Promise.resolve(crashed('后台服务已停止，请重新启动程序。'))
              const id = nextId++
              return new Promise((settle) => {
                pending.set(id, settle)
                worker.postMessage({ type: 'call', id, channel, input } satisfies CoreRequest)
              })
            },
            onProgress(listener) {
              listeners.add(listener)
              return () => listeners.delete(listener)
            },
            close() {
              if (stopped) return Promise.resolve()
              return new Promise<void>((done) => {
                closed = () => done()
                worker.postMessage({ type: 'close' } satisfies CoreRequest)
              }).then(() => undefined)
            },
          })
          break
        case 'failed':
          reject(Object.assign(new Error(reply.failure.ok ? '' : reply.failure.message), { failure: reply.failure }))
          void worker.terminate()
          break
        case 'result':
          pending.get(reply.id)?.(reply.result)
          pending.delete(reply.id)
          break
        case 'progress':
          for (const listener of listeners) listener(reply.progress)
          break
        case 'closed':
          void worker.terminate()
          break
      }
    })
  })
}
