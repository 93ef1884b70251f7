/**
 * The core worker: owns the database connection and runs every service off the main thread,
 * so a long import or export never freezes the window.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { CoreOptions } from './core/service-host'
import { ServiceHost, toFailure } from './core/service-host'
import type { CoreReply, CoreRequest } from './core/protocol'

if (!parentPort) throw new Error('core.ts must run as a worker thread')
const port = parentPort

const ready = ServiceHost.open(workerData as CoreOptions, (progress) => port.postMessage({ type: 'progress', progress } satisfies CoreReply))
ready.then(
  (host) => port.postMessage({ type: 'ready', migration: host.migration } satisfies CoreReply),
  (error) => port.postMessage({ type: 'failed', failure: toFailure(error) } satisfies CoreReply),
)

port.on('message', async (request: CoreRequest) => {
  if (request.type === 'close') {
    const host = await ready.catch(() => null)
    host?.close()
    port.postMessage({ type: 'closed' } satisfies CoreReply)
    return
  }
  try {
    const host = await ready
    const result = await host.call(request.channel, request.input as never)
    port.postMessage({ type: 'result', id: request.id, result } satisfies CoreReply)
  } catch (error) {
    port.postMessage({ type: 'result', id: request.id, result: toFailure(error) } satisfies CoreReply)
  }
})
