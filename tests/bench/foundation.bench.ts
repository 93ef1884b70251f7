/**
 * Foundation figures: opening and migrating a data file, first-run setup of a county, the region tree,
 * a round trip through the real core worker, and building the national division data.
 * Every database lives in a fresh folder under the OS temp dir and is removed afterwards.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { createGateway } from '../../src-main/api/gateway'
import { startCore, type CoreClient } from '../../src-main/core/core-client'
import { ServiceHost, type CoreOptions } from '../../src-main/core/service-host'
import { countyDivisions } from '../../src-main/services/divisions'
import { regionTree, type RegionNode } from '../../src-main/services/regions'
import { completeSetup, type SetupInput } from '../../src-main/services/setup'
import { median, note, tempDir, timeMs, type Figure } from './support'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const resourcesDir = join(root, 'resources')
const divisionsDir = join(resourcesDir, 'divisions')
const coreFile = join(root, 'out', 'main', 'core.js')

const BAARIN_LEFT = '150422' // 巴林左旗

const options = (dataDir: string): CoreOptions => ({ dataDir, resourcesDir, appVersion: 'bench' })

/** First-run input choosing every town of the county. */
function setupInput(countyCode: string): SetupInput {
  const { county, towns } = countyDivisions(resourcesDir, countyCode)
  return {
    countyCode,
    townCodes: towns.map((t) => t.code),
    unitName: `${county.name}农牧局`,
    moneyUnit: '万元',
    assetLabel: '帮扶项目资产',
    startYear: 2016,
  }
}

let largest: { code: string; name: string; villages: number } | undefined

/**
 * The county with the most village-level units (村、嘎查 and 社区 alike: first-run setup loads them
 * all) in the shipped division data.
 */
function largestCounty() {
  if (largest) return largest
  const index = JSON.parse(readFileSync(join(divisionsDir, 'index.json'), 'utf8')) as { counties: [string, string][] }
  const counts = new Map<string, number>()
  for (const file of readdirSync(divisionsDir).filter((f) => f.endsWith('.json.gz'))) {
    const data = JSON.parse(gunzipSync(readFileSync(join(divisionsDir, file))).toString('utf8')) as { villages: [string, string][] }
    for (const [code] of data.villages) counts.set(code.slice(0, 6), (counts.get(code.slice(0, 6)) ?? 0) + 1)
  }
  const names = new Map(index.counties)
  let best: { code: string; name: string; villages: number } | undefined
  for (const [code, villages] of counts) {
    if (names.has(code) && (!best || villages > best.villages)) best = { code, name: names.get(code)!, villages }
  }
  if (!best) throw new Error('区划数据中没有村级单位')
  note(`最大的旗县：${best.name}（${best.code}），${best.villages} 个村级单位`)
  largest = best
  return best
}

/** Times completeSetup of a county with all its towns on a fresh data file. */
async function timeSetup(countyCode: string): Promise<number> {
  const input = setupInput(countyCode)
  const { dir, remove } = tempDir('setup')
  try {
    const host = await ServiceHost.open(options(dir))
    try {
      let villages = 0
      const ms = await timeMs(() => {
        villages = completeSetup(host.ctx, input).villages
      })
      if (villages === 0) throw new Error(`${countyCode} 首次设置没有载入任何村`)
      return ms
    } finally {
      host.close()
    }
  } finally {
    remove()
  }
}

const countVillages = (nodes: RegionNode[]): number =>
  nodes.reduce((n, node) => n + (node.level === 5 ? 1 : 0) + countVillages(node.children), 0)

// State shared between setup, run and teardown of a figure.
let treeHost: { host: ServiceHost; remove: () => void; villages: number } | undefined
let ipc: { core: CoreClient; handle: ReturnType<typeof createGateway>; remove: () => void } | undefined

function buildCoreIfMissing() {
  if (existsSync(coreFile)) return
  note('没有 out/main/core.js，先运行 electron-vite build …')
  // The build's output goes to stderr: stdout is kept for the result table.
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' })
  if (build.status !== 0 || !existsSync(coreFile)) throw new Error('electron-vite build 失败，无法测量后台线程的往返时间')
}

function hashDivisions(): Map<string, string> {
  return new Map(
    readdirSync(divisionsDir).map((f) => [f, createHash('sha256').update(readFileSync(join(divisionsDir, f))).digest('hex')]),
  )
}

export const figures: Figure[] = [
  {
    name: 'db.open_migrate_ms',
    unit: 'ms',
    async run() {
      const { dir, remove } = tempDir('open')
      try {
        let host: ServiceHost | undefined
        const ms = await timeMs(async () => {
          host = await ServiceHost.open(options(dir))
        })
        host?.close()
        return ms
      } finally {
        remove()
      }
    },
  },
  {
    name: `setup.county_ms@${BAARIN_LEFT}`,
    unit: 'ms',
    run: () => timeSetup(BAARIN_LEFT),
  },
  {
    name: 'setup.county_ms@largest',
    unit: 'ms',
    run: () => timeSetup(largestCounty().code),
  },
  {
    name: 'regions.tree_ms@largest',
    unit: 'ms',
    repeat: 5,
    async setup() {
      const county = largestCounty()
      const { dir, remove } = tempDir('tree')
      const host = await ServiceHost.open(options(dir)).catch((error) => {
        remove()
        throw error
      })
      treeHost = { host, remove, villages: 0 }
      treeHost.villages = completeSetup(host.ctx, setupInput(county.code)).villages
    },
    async run() {
      const { host, villages } = treeHost!
      let tree: RegionNode[] = []
      const ms = await timeMs(() => {
        tree = regionTree(host.ctx, {})
      })
      const found = countVillages(tree)
      if (found !== villages) throw new Error(`区划树中有 ${found} 个村，应为 ${villages} 个`)
      return ms
    },
    teardown() {
      treeHost?.host.close()
      treeHost?.remove()
      treeHost = undefined
    },
  },
  {
    name: 'ipc.roundtrip_ms',
    unit: 'ms',
    async setup() {
      buildCoreIfMissing()
      const { dir, remove } = tempDir('ipc')
      const core = await startCore(coreFile, options(dir)).catch((error) => {
        remove()
        throw error
      })
      ipc = { core, handle: createGateway(core), remove }
      // Warm up the worker, the validator and the JIT before measuring.
      for (let i = 0; i < 20; i++) await ipc.handle('app.info', {})
    },
    // Each run is itself the median of 200 sequential calls; the figure is the median of three runs.
    async run() {
      const { handle } = ipc!
      const latencies: number[] = []
      for (let i = 0; i < 200; i++) {
        const start = performance.now()
        const result = await handle('app.info', {})
        latencies.push(performance.now() - start)
        if (!result.ok) throw new Error(`app.info 调用失败：${result.message}`)
      }
      return median(latencies)
    },
    async teardown() {
      if (!ipc) return
      await ipc.core.close()
      ipc.remove()
      ipc = undefined
    },
  },
  {
    name: 'divisions.build_s',
    unit: 's',
    async run() {
      const stamp = join(divisionsDir, 'VERSION')
      const original = readFileSync(stamp, 'utf8')
      const before = hashDivisions()
      rmSync(stamp)
      const start = performance.now()
      const build = spawnSync(process.execPath, [join(root, 'build', 'scripts', 'build-divisions.mjs')], { cwd: root, encoding: 'utf8' })
      const seconds = (performance.now() - start) / 1000
      // Without a stamp the next `npm run divisions` rebuilds: leave it missing if the build failed.
      if (build.status !== 0) throw new Error(`build-divisions.mjs 失败（退出码 ${build.status}）：${build.stderr}`)
      if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== original) writeFileSync(stamp, original)
      const after = hashDivisions()
      const changed = [...before].filter(([f, h]) => after.get(f) !== h).map(([f]) => f)
      if (changed.length || after.size !== before.size) note(`注意：重新生成的区划文件与原来不同：${changed.join('、') || '文件数不同'}`)
      return seconds
    },
  },
]
