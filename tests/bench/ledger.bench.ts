/**
 * Ledger figures at scale (issue 3): the demo county generated with 1,000,000 household asset lines,
 * then the household roster paged with two filters and a sort, and the totals of a filtered set,
 * through the same contract calls the window makes (validated input, real services).
 */
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { validateInput } from '../../src-main/api/validate'
import { ServiceHost } from '../../src-main/core/service-host'
import { generateDemo } from '../../src-main/services/demo/generate'
import { note, tempDir, type Figure } from './support'

let fixture: { host: ServiceHost; remove: () => void; towns: string[]; generateSeconds: number } | undefined

async function county1m() {
  if (fixture) return fixture
  const { dir, remove } = tempDir('ledger1m')
  const host = await ServiceHost.open({ dataDir: dir, resourcesDir: resolve('resources'), appVersion: 'bench' })
  note('生成 1,000,000 条到户资产的示例旗县 …')
  const started = performance.now()
  generateDemo(host.ctx, { scale: '1m' })
  const generateSeconds = (performance.now() - started) / 1000
  const towns = (host.db.prepare('SELECT code FROM region WHERE level = 4 AND active = 1 ORDER BY code').all() as { code: string }[]).map((r) => r.code)
  fixture = { host, remove, towns, generateSeconds }
  return fixture
}

async function call(channel: string, input: unknown) {
  const { host } = await county1m()
  const checked = validateInput(channel, input)
  if (!checked.ok) throw new Error(checked.message)
  const result = await host.call(checked.channel, checked.input as never)
  if (!result.ok) throw new Error(result.message)
  return result.data
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** Varied realistic queries: a town and a year, sorted by amount, issue date or head name. */
function pageQueries(towns: string[]) {
  const sorts = ['amountFen', 'issueDate', 'headName'] as const
  return Array.from({ length: 60 }, (_, i) => ({
    townCode: towns[i % towns.length],
    projectYear: 2016 + (i % 10),
    sort: sorts[i % sorts.length],
    order: i % 2 ? 'desc' : 'asc',
    page: 1 + (i % 5),
    pageSize: 50,
  }))
}

export const figures: Figure[] = [
  {
    name: 'demo.generate_s@1m',
    unit: 's',
    repeat: 1,
    run: async () => (await county1m()).generateSeconds,
  },
  {
    name: 'ledger.page_p95_ms@1m',
    unit: 'ms',
    repeat: 1,
    run: async () => {
      const { towns } = await county1m()
      const timings: number[] = []
      for (const q of pageQueries(towns)) {
        const start = performance.now()
        const page = (await call('householdLines.list', q)) as { rows: unknown[] }
        timings.push(performance.now() - start)
        if (page.rows.length === 0) throw new Error('查询没有返回数据，示例数据可能不完整')
      }
      note(`60 次翻页：中位数 ${percentile(timings, 50).toFixed(1)} ms，最慢 ${Math.max(...timings).toFixed(1)} ms`)
      return percentile(timings, 95)
    },
  },
  {
    name: 'ledger.totals_ms@1m',
    unit: 'ms',
    repeat: 1,
    run: async () => {
      const { towns } = await county1m()
      const timings: number[] = []
      for (let i = 0; i < 30; i++) {
        const start = performance.now()
        await call('householdLines.totals', { townCode: towns[i % towns.length], projectYear: 2016 + (i % 10) })
        timings.push(performance.now() - start)
      }
      return percentile(timings, 95)
    },
    teardown: () => {
      fixture?.host.close()
      fixture?.remove()
      fixture = undefined
    },
  },
]
