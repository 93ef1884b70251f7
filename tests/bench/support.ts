/**
 * What a benchmark file exports, and small helpers for writing one. A file `tests/bench/<topic>.bench.ts`
 * exports `figures: Figure[]`; `npm run bench` (tests/bench/run.ts) finds and runs them.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { buildSync } from 'esbuild'
import { performance } from 'node:perf_hooks'

export type Unit = 'ms' | 's' | 'MB' | 'ratio' | 'count'

export interface Figure {
  /** Shown in the table and used as the key in the JSON file, e.g. `db.open_migrate_ms`. */
  name: string
  unit: Unit
  /** One measurement. Only the part it times should count: it returns the number, not the wall time of the call. */
  run: () => Promise<number>
  /** How many times `run` is called; the figure is the median. Default: 3 for ms and s, 1 otherwise. */
  repeat?: number
  /** Untimed preparation before the first run (a database to query, a started worker …). */
  setup?: () => Promise<void> | void
  /** Untimed clean-up after the last run, also after a failure. */
  teardown?: () => Promise<void> | void
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of nothing')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Milliseconds taken by `fn` (awaited when it returns a promise). */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

/** A new empty folder under the OS temp dir, and a function that removes it. */
export function tempDir(label: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `ledger-bench-${label}-`))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Progress and notes go to stderr, so stdout holds only the result table. */
export const note = (message: string) => process.stderr.write(`  ${message}\n`)

/**
 * The benchmarks race LibreOffice; CI does not install it, so the bench does: apt-get when missing
 * (as root), or a clear message.
 */
export function ensureLibreOffice() {
  const has = () => spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0
  if (has()) return
  if (process.getuid?.() === 0) {
    console.error('安装 LibreOffice Calc（基准测试的对比对象）…')
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'libreoffice-calc'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  }
  if (!has()) throw new Error('需要 LibreOffice（soffice）作对比：请先运行 apt-get install libreoffice-calc')
}

/**
 * A child process's script bundled into one file (packages left external), as electron-vite bundles
 * the core the app runs: measured under tsx, the same code was about 10 % slower and 20–40 MB bigger
 * (transpiled modules and their source maps). Built once per bench run into out/bench/.
 */
export function bundledChild(entry: string): string {
  // tests/bench/import/child.mts → out/bench/import-child.mjs (every bench's child is called child)
  const outfile = resolve('out', 'bench', `${basename(dirname(resolve(entry)))}-${basename(entry).replace(/\.[cm]?ts$/, '')}.mjs`)
  if (!bundled.has(outfile)) {
    buildSync({ entryPoints: [resolve(entry)], bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', outfile, logLevel: 'warning' })
    bundled.add(outfile)
  }
  return outfile
}
const bundled = new Set<string>()
