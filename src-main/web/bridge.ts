/**
 * Test web bridge (test and dev tooling, never packaged): serves the built renderer at `/` and the
 * contract at `POST /api/<channel>` with the real services on a database in --data DIR.
 *   npm run web -- --port 5199 --data DIR
 */
import { createReadStream, createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { contract, channelNames } from '../api/contract'
import { createGateway } from '../api/gateway'
import { startCore } from '../core/core-client'
import { inboxPath, resolveOutbox } from '../files/file-box'
import { closePrintBrowser, printPdfRoute } from './bridge-print'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..', '..')
const MAX_BODY = 20 * 1024 * 1024
const MAX_UPLOAD = 300 * 1024 * 1024

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        fail(new Error('too large'))
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')))
    req.on('error', fail)
  })
}

/** Serves an outbox file: inline for a preview frame, as a download with ?download. */
function sendOutboxFile(res: ServerResponse, dataDir: string, fileId: string, download: boolean) {
  let file: ReturnType<typeof resolveOutbox>
  try {
    file = resolveOutbox(dataDir, fileId)
  } catch (error) {
    return sendJson(res, 404, { ok: false, code: 'FILE_NOT_FOUND', message: (error as Error).message })
  }
  res.writeHead(200, {
    'content-type': types[extname(file.fileName).toLowerCase()] ?? 'application/octet-stream',
    'content-length': file.bytes,
    'content-disposition': `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'cache-control': 'no-store',
  })
  createReadStream(file.path).pipe(res)
}

/** The browser's stand-in for Electron's open dialog: the page uploads the chosen file into the inbox. */
async function receiveUpload(req: IncomingMessage, dataDir: string, name: string) {
  const slot = inboxPath(dataDir, name)
  let size = 0
  try {
    await pipeline(
      req,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length
          if (size > MAX_UPLOAD) throw new Error('too large')
          yield chunk
        }
      },
      createWriteStream(slot.path),
    )
  } catch {
    rmSync(slot.path, { force: true })
    return { ok: false, code: 'UPLOAD_FAILED', message: '文件上传失败，或超过 300 MB。' }
  }
  return { ok: true, data: { fileId: slot.fileId, fileName: slot.fileName, bytes: size } }
}

export function describeApi() {
  return {
    channels: channelNames.map((name) => ({
      name,
      input: z.toJSONSchema(contract[name].input as z.ZodType, { io: 'input', unrepresentable: 'any' }),
    })),
  }
}

export async function startBridge(options: { port: number; dataDir: string; rendererDir?: string }) {
  const rendererDir = resolve(options.rendererDir ?? join(root, 'out', 'renderer'))
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  // The same built core worker Electron runs (out/main/core.js), under plain Node.
  const coreFile = join(root, 'out', 'main', 'core.js')
  if (!existsSync(coreFile) || !existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('找不到构建产物 out/，请先运行 npm run build')
  }
  const core = await startCore(coreFile, {
    dataDir: resolve(options.dataDir),
    resourcesDir: join(root, 'resources'),
    appVersion: pkg.version,
    user: '测试用户',
  })
  const handle = createGateway(core)
  const bridgeScript = readFileSync(join(here, 'bridge-client.js'))

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    try {
      if (url.pathname === '/api' && req.method === 'GET') return sendJson(res, 200, describeApi())
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, code: 'METHOD', message: '接口只接受 POST 请求。' })
        let input: unknown
        try {
          const text = await readBody(req)
          input = text.trim() ? JSON.parse(text) : {}
        } catch {
          return sendJson(res, 400, { ok: false, code: 'BAD_REQUEST', message: '请求内容不是合法的 JSON，或超过 20 MB。' })
        }
        return sendJson(res, 200, await handle(decodeURIComponent(url.pathname.slice(5)), input))
      }
      const outbox = /^\/outbox\/([0-9a-f-]{36})$/.exec(url.pathname)
      if (outbox && req.method === 'GET') return sendOutboxFile(res, options.dataDir, outbox[1], url.searchParams.has('download'))
      if (url.pathname === '/print/pdf' && req.method === 'POST') return sendJson(res, 200, await printPdfRoute(handle, options.dataDir, await readBody(req)))
      if (url.pathname === '/inbox' && req.method === 'POST') return sendJson(res, 200, await receiveUpload(req, options.dataDir, url.searchParams.get('name') ?? '上传文件'))
      const attachment = /^\/attachment\/(\d+)$/.exec(url.pathname)
      if (attachment && req.method === 'GET') {
        const located = await handle('attachments.locate', { id: Number(attachment[1]) })
        if (!located.ok) return sendJson(res, 404, located)
        const { path, fileName } = located.data as { path: string; fileName: string }
        res.writeHead(200, {
          'content-type': types[extname(fileName).toLowerCase()] ?? 'application/octet-stream',
          'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        })
        return res.end(readFileSync(path))
      }
      if (url.pathname === '/__bridge.js') {
        res.writeHead(200, { 'content-type': types['.js'] })
        return res.end(bridgeScript)
      }
      const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '')
      const file = normalize(join(rendererDir, relative))
      if (!file.startsWith(rendererDir + sep)) return sendJson(res, 403, { ok: false, message: '禁止访问' })
      let body: Buffer
      try {
        body = readFileSync(file)
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        return res.end('未找到')
      }
      if (relative === 'index.html') {
        body = Buffer.from(body.toString('utf8').replace('<script', '<script src="/__bridge.js"></script>\n    <script'))
      }
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
      res.end(body)
    } catch (error) {
      sendJson(res, 500, { ok: false, code: 'INTERNAL', message: `桥接服务出错：${(error as Error).message}` })
    }
  })

  await new Promise<void>((done) => server.listen(options.port, '127.0.0.1', done))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((done) => server.close(() => done()))
      await core.close()
      await closePrintBrowser()
    },
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '5199' }, data: { type: 'string' }, renderer: { type: 'string' } },
  })
  if (!values.data) {
    console.error('用法：npm run web -- --port 5199 --data 数据目录')
    process.exit(2)
  }
  startBridge({ port: Number(values.port), dataDir: values.data, rendererDir: values.renderer }).then(
    (bridge) => {
      console.log(`listening on ${bridge.url}`)
      const stop = () => void bridge.close().then(() => process.exit(0))
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    },
    (error) => {
      console.error(`桥接服务启动失败：${error.message}`)
      process.exit(1)
    },
  )
}
