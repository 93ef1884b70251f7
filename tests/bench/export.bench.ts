/**
 * Export figures (issue 5): a styled .xlsx of 100,000 household lines (the 到户资产花名册 list, every
 * column, borders, number formats, 合计), written by the streaming writer in a process of its own
 * (time and peak RSS of that process), and the same rows converted from CSV to .xlsx by LibreOffice
 * headless for comparison (ours ÷ LibreOffice, LibreOffice's start-up included as a user would see it).
 */
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { ServiceHost } from '../../src-main/core/service-host'
import { generateDemo } from '../../src-main/services/demo/generate'
import { rebuildHouseholdDerived } from '../../src-main/services/households'
import { bundledChild, note, tempDir, type Figure } from './support'

const LINES = 100_000
let fixture: { dir: string; remove: () => void; csv: string } | undefined
const runs: { seconds: number; maxRssMb: number; rows: number }[] = []
process.once('exit', () => fixture?.remove())

async function county100k() {
  if (fixture) return fixture
  const { dir, remove } = tempDir('export100k')
  try {
    fixture = await fill(dir, remove)
  } catch (error) {
    remove()
    throw error
  }
  return fixture
}

async function fill(dir: string, remove: () => void) {
  const host = await ServiceHost.open({ dataDir: dir, resourcesDir: resolve('resources'), appVersion: 'bench' })
  note('生成示例旗县并复制到户资产到 100,000 条 …')
  generateDemo(host.ctx, { scale: 'default' })
  const columns = `household_id, asset_id, project_name, project_code, project_year, item, subtype_code, spec, unit, quantity, standard, amount,
    self_raised, fund_source, issue_method, issue_date, tag_no, current_quantity, current_status, town_code, village_code, head_key, attribute`
  const count = () => host.db.prepare('SELECT count(*) FROM household_asset_line').pluck().get() as number
  while (count() < LINES) {
    host.db.prepare(`INSERT INTO household_asset_line (${columns}) SELECT ${columns} FROM household_asset_line ORDER BY id LIMIT ?`).run(LINES - count())
  }
  rebuildHouseholdDerived(host.db)
  await host.close()
  const csv = join(dir, 'lines.csv')
  const made = JSON.parse(child([dir, csv])) as { rows: number }
  if (made.rows !== LINES) throw new Error(`CSV 有 ${made.rows} 行，应为 ${LINES}`)
  return { dir, remove, csv }
}

function child(args: string[]): string {
  return execFileSync(process.execPath, [bundledChild('tests/bench/export/child.mts'), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 })
}

async function ours() {
  const { dir } = await county100k()
  const result = JSON.parse(child([dir])) as { seconds: number; maxRssMb: number; rows: number; path: string }
  if (result.rows !== LINES) throw new Error(`导出了 ${result.rows} 行，应为 ${LINES}`)
  rmSync(result.path, { force: true })
  runs.push(result)
  return result
}

function libreOffice(): number {
  const { dir, csv } = fixture!
  const out = join(dir, 'lo')
  const started = performance.now()
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'xlsx', '--outdir', out, csv], { stdio: 'pipe', timeout: 600_000 })
  const seconds = (performance.now() - started) / 1000
  rmSync(out, { recursive: true, force: true })
  return seconds
}

export const figures: Figure[] = [
  {
    name: 'export.ledger_100k_s',
    unit: 's',
    setup: async () => {
      await county100k()
    },
    run: async () => (await ours()).seconds,
  },
  {
    name: 'export.peak_rss_mb',
    unit: 'MB',
    run: async () => (runs.length ? Math.max(...runs.map((r) => r.maxRssMb)) : (await ours()).maxRssMb),
  },
  {
    name: 'export.vs_libreoffice',
    unit: 'ratio',
    repeat: 1,
    /**
     * Our export and LibreOffice's conversion in back-to-back pairs (as the import and print ratios),
     * so a slower spell of the machine weighs on both sides of a pair; the median of the pairs.
     */
    run: async () => {
      await county100k()
      libreOffice() // a first start creates LibreOffice's profile; not counted
      const ratios: number[] = []
      for (let i = 0; i < 3; i++) {
        const mine = (await ours()).seconds
        const lo = libreOffice()
        note(`第 ${i + 1} 对：本程序 ${mine.toFixed(2)} s（带格式），LibreOffice CSV→xlsx ${lo.toFixed(2)} s`)
        ratios.push(mine / lo)
      }
      return ratios.sort((a, b) => a - b)[1]
    },
    teardown: () => {
      fixture?.remove()
      fixture = undefined
    },
  },
]
