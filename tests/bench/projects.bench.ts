/**
 * Project library figures (issue 4): the 调度 board for a year of the demo county (default scale,
 * ~400 projects with their fund documents, allocations, payments and expenditures), through the
 * contract call the window makes; the median of several runs with varied filters.
 */
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { validateInput } from '../../src-main/api/validate'
import { ServiceHost } from '../../src-main/core/service-host'
import { generateDemo } from '../../src-main/services/demo/generate'
import { generateDemoProjects } from '../../src-main/services/demo/projects'
import { median, note, tempDir, type Figure } from './support'

let fixture: { host: ServiceHost; towns: string[] } | undefined

async function demoCounty() {
  if (fixture) return fixture
  const { dir } = tempDir('projects')
  const host = await ServiceHost.open({ dataDir: dir, resourcesDir: resolve('resources'), appVersion: 'bench' })
  note('生成示例旗县（含项目库）…')
  generateDemo(host.ctx, { scale: 'default' })
  const towns = (host.db.prepare('SELECT code FROM region WHERE level = 4 AND active = 1 ORDER BY code').all() as { code: string }[]).map((r) => r.code)
  fixture = { host, towns }
  return fixture
}

async function call(channel: string, input: unknown) {
  const { host } = await demoCounty()
  const checked = validateInput(channel, input)
  if (!checked.ok) throw new Error(checked.message)
  const result = await host.call(checked.channel, checked.input as never)
  if (!result.ok) throw new Error(result.message)
  return result.data
}

export const figures: Figure[] = [
  {
    name: 'projects.board_ms@demo',
    unit: 'ms',
    repeat: 1,
    run: async () => {
      const { towns } = await demoCounty()
      await call('projects.board', { year: 2025 }) // warm the statement cache
      const timings: number[] = []
      for (let i = 0; i < 15; i++) {
        const input = i % 3 === 0 ? { year: 2016 + (i % 10) } : i % 3 === 1 ? { year: 2025, townCode: towns[i % towns.length] } : { year: 2024 + (i % 2) }
        const start = performance.now()
        const board = (await call('projects.board', input)) as { counts: { total: number } }
        timings.push(performance.now() - start)
        if (i % 3 !== 1 && board.counts.total === 0) throw new Error('调度看板没有项目，示例数据可能不完整')
      }
      note(`15 次调度看板：中位数 ${median(timings).toFixed(1)} ms，最慢 ${Math.max(...timings).toFixed(1)} ms`)
      return median(timings)
    },
  },
  {
    name: 'demo.projects_s@default',
    unit: 's',
    repeat: 1,
    run: async () => {
      // the project library's share of 载入示例数据: generated again on a copy of the county without projects
      const { dir, remove } = tempDir('projects-gen')
      const host = await ServiceHost.open({ dataDir: dir, resourcesDir: resolve('resources'), appVersion: 'bench' })
      generateDemo(host.ctx, { scale: 'default' })
      host.db.exec(`UPDATE asset SET project_id = NULL; UPDATE household_asset_line SET project_id = NULL;
        DELETE FROM fund_payment; DELETE FROM fund_allocation; DELETE FROM fund_doc; DELETE FROM project;`)
      const start = performance.now()
      host.db.transaction(() => generateDemoProjects(host.ctx, 20_250_422))()
      const seconds = (performance.now() - start) / 1000
      host.close()
      remove()
      return seconds
    },
  },
]
