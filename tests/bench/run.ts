/**
 * Benchmark runner (not part of `npm test`):
 *   npm run bench                          every figure of every tests/bench/*.bench.ts, as a table
 *   npm run bench -- --only setup.         only figures whose name contains the text (repeatable)
 *   npm run bench -- --json bench.json     also write { "<figure>": { "value": n, "unit": "ms" } }
 * Each figure is measured `repeat` times (3 for timings unless the figure says otherwise) and the
 * median is reported. Exits non-zero when a figure fails; the other figures are still measured.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { ensureLibreOffice, median, type Figure, type Unit } from './support'

const benchDir = dirname(fileURLToPath(import.meta.url))

interface Result {
  name: string
  unit: Unit
  value?: number
  samples: number[]
  error?: string
}

function usage(message?: string): never {
  if (message) console.error(message)
  console.error('用法：npm run bench -- [--only 名称片段 …] [--json 文件]')
  process.exit(2)
}

function parseCli() {
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        json: { type: 'string' },
        only: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    })
    if (values.help) usage()
    return { json: values.json, only: values.only ?? [] }
  } catch (error) {
    usage((error as Error).message)
  }
}

async function loadFigures(): Promise<{ file: string; figures: Figure[] }[]> {
  const files = readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()
  const loaded = []
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(benchDir, file)).href)) as { figures?: unknown }
    if (!Array.isArray(mod.figures)) throw new Error(`${file} 没有导出 figures 数组`)
    loaded.push({ file, figures: mod.figures as Figure[] })
  }
  return loaded
}

const defaultRepeat = (unit: Unit) => (unit === 'ms' || unit === 's' ? 3 : 1)

async function measure(figure: Figure): Promise<Result> {
  const result: Result = { name: figure.name, unit: figure.unit, samples: [] }
  const repeat = Math.max(1, figure.repeat ?? defaultRepeat(figure.unit))
  try {
    await figure.setup?.()
    for (let i = 0; i < repeat; i++) {
      const value = await figure.run()
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`第 ${i + 1} 次测量得到的不是有限数值：${String(value)}`)
      result.samples.push(value)
    }
    result.value = median(result.samples)
  } catch (error) {
    result.error = (error as Error)?.stack ?? String(error)
  } finally {
    try {
      await figure.teardown?.()
    } catch (error) {
      result.error ??= `清理失败：${(error as Error)?.message ?? String(error)}`
    }
  }
  return result
}

function format(value: number, unit: Unit): string {
  switch (unit) {
    case 'count':
      return Math.round(value).toLocaleString('en-US')
    case 'ratio':
      return value.toFixed(3)
    case 'MB':
      return value.toFixed(1)
    case 's':
      return value.toFixed(2)
    case 'ms':
      return value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(2) : value.toFixed(1)
  }
}

function printTable(results: Result[]) {
  const rows = results.map((r) => [r.name, r.value === undefined ? '失败' : format(r.value, r.unit), r.unit])
  const header = ['figure', 'value', 'unit']
  // Terminal columns: CJK characters take two.
  const width = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0)
  const pad = (text: string, w: number, left: boolean) => {
    const fill = ' '.repeat(Math.max(0, w - width(text)))
    return left ? fill + text : text + fill
  }
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i]))))
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i === 1)).join('  ').trimEnd()
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows) console.log(line(row))
}

async function main() {
  const cli = parseCli()
  const files = await loadFigures()
  const selected = files.flatMap(({ file, figures }) =>
    figures.filter((f) => cli.only.length === 0 || cli.only.some((s) => f.name.includes(s))).map((figure) => ({ file, figure })),
  )
  const names = selected.map((s) => s.figure.name)
  const duplicate = names.find((n, i) => names.indexOf(n) !== i)
  if (duplicate) usage(`有两个同名的基准数据：${duplicate}`)
  if (selected.length === 0) usage(cli.only.length ? `没有名称包含 ${cli.only.join('、')} 的基准数据。` : '没有找到 tests/bench/*.bench.ts。')

  const results: Result[] = []
  // Figures that race LibreOffice need it installed (CI leaves it out).
  if (selected.some(({ file }) => /^(import|export|print)\./.test(file))) ensureLibreOffice()
  for (const { file, figure } of selected) {
    process.stderr.write(`▶ ${figure.name}（${file}）\n`)
    const result = await measure(figure)
    if (result.error) process.stderr.write(`✖ ${figure.name} 失败：${result.error}\n`)
    else if (result.samples.length > 1) {
      process.stderr.write(`  各次：${result.samples.map((v) => format(v, figure.unit)).join(' / ')} ${figure.unit}\n`)
    }
    results.push(result)
  }

  console.log('')
  printTable(results)

  if (cli.json) {
    const file = resolve(cli.json)
    const data: Record<string, { value: number; unit: Unit }> = {}
    for (const r of results) if (r.value !== undefined) data[r.name] = { value: Math.round(r.value * 1000) / 1000, unit: r.unit }
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify(data, null, 2) + '\n')
    process.stderr.write(`结果已写入 ${file}\n`)
  }
  const failed = results.filter((r) => r.error)
  if (failed.length) {
    process.stderr.write(`${failed.length} 项失败：${failed.map((r) => r.name).join('、')}\n`)
    process.exitCode = 1
  }
}

// Exits when done: a figure run on its own (--only) can leave a shared resource open (the print
// browser) that the teardown of a figure not selected would have closed.
main().then(
  () => process.exit(),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
