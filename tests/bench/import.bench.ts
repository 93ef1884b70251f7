/**
 * Import figures (issue 5): 120,000 household asset lines (到户资产花名册) in an Excel-style .xlsx
 * with shared strings, written here by ExcelJS's streaming writer for the households of the demo
 * county, then previewed (read, table located, columns mapped, every row converted and checked with
 * the form's rules) and committed in one transaction — in a process of its own (time and peak RSS
 * of that process), each run on a fresh copy of the demo database. Compared with LibreOffice
 * headless opening the same file (converting it to CSV), start-up included as a user would see it.
 */
import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { ServiceHost } from '../../src-main/core/service-host'
import { generateDemo } from '../../src-main/services/demo/generate'
import { bundledChild, note, tempDir, type Figure } from './support'

const LINES = 120_000
let fixture: { dir: string; remove: () => void; xlsx: string; db: string } | undefined
const runs: { seconds: number; maxRssMb: number; previewSeconds: number; commitSeconds: number }[] = []
process.once('exit', () => fixture?.remove())

async function county() {
  if (fixture) return fixture
  const { dir, remove } = tempDir('import120k')
  try {
    const base = join(dir, 'base')
    const host = await ServiceHost.open({ dataDir: base, resourcesDir: resolve('resources'), appVersion: 'bench' })
    note('生成示例旗县 …')
    generateDemo(host.ctx, { scale: 'default' })
    const households = host.db.prepare('SELECT id_no AS idNo, head_name AS name FROM household ORDER BY id').all() as { idNo: string; name: string }[]
    host.close()
    note(`写入 ${LINES.toLocaleString()} 行的花名册 .xlsx（${households.length} 户）…`)
    const xlsx = join(dir, '到户资产花名册-120k.xlsx')
    await writeRoster(xlsx, households)
    fixture = { dir, remove, xlsx, db: join(base, 'ledger.db') }
  } catch (error) {
    remove()
    throw error
  }
  return fixture
}

const ITEMS = [
  ['基础母牛', '牲畜/生物资产', '头', 8000],
  ['肉羊', '牲畜/生物资产', '只', 1200],
  ['果树苗', '种植/林果', '株', 35],
  ['暖棚', '户用棚圈/生产设施', '平方米', 180],
  ['铡草机', '小型农机具', '台', 2600],
] as const

/** The roster as a county keeps it: a title row, a header, 120k lines; IDs as text, shared strings. */
async function writeRoster(path: string, households: { idNo: string; name: string }[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true })
  const ws = wb.addWorksheet('花名册')
  ws.addRow(['2026年到户产业项目资产花名册']).commit()
  ws.addRow(['户主姓名', '身份证号', '项目名称', '项目年度', '扶持内容', '资产类型', '单位', '数量', '补助标准（元）', '补助金额（元）', '资金来源', '发放方式', '发放日期', '耳标号/设备编号']).commit()
  const h = households.length
  for (let i = 0; i < LINES; i++) {
    const hh = households[i % h]
    const batch = Math.floor(i / h)
    const [item, type, unit, standard] = ITEMS[(i + batch) % ITEMS.length]
    const qty = 1 + (i % 3)
    ws.addRow([hh.name, hh.idNo, `2026年到户产业发展项目（第${batch + 1}批）`, 2026, item, type, unit, qty, standard, qty * standard, '衔接资金', '实物发放', `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`, `TAG${i}`]).commit()
  }
  ws.commit()
  await wb.commit()
}

async function ours() {
  const { dir, db, xlsx } = await county()
  const run = join(dir, `run-${runs.length}`)
  mkdirSync(run, { recursive: true })
  copyFileSync(db, join(run, 'ledger.db'))
  try {
    const out = execFileSync(process.execPath, [bundledChild('tests/bench/import/child.mts'), run, xlsx], { encoding: 'utf8', maxBuffer: 1 << 22 })
    const r = JSON.parse(out) as { seconds: number; previewSeconds: number; commitSeconds: number; maxRssMb: number; written: number; counts: unknown; firstProblems: unknown }
    if (r.written !== LINES) throw new Error(`导入了 ${r.written} 行，应为 ${LINES}：${JSON.stringify(r.counts)} ${JSON.stringify(r.firstProblems)}`)
    note(`本程序：预览 ${r.previewSeconds.toFixed(2)} s，写入 ${r.commitSeconds.toFixed(2)} s，峰值内存 ${r.maxRssMb.toFixed(0)} MB`)
    runs.push(r)
    return r
  } finally {
    rmSync(run, { recursive: true, force: true })
  }
}

function libreOffice(): number {
  const { dir, xlsx } = fixture!
  const out = join(dir, 'lo')
  const started = performance.now()
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'csv', '--outdir', out, xlsx], { stdio: 'pipe', timeout: 600_000 })
  const seconds = (performance.now() - started) / 1000
  rmSync(out, { recursive: true, force: true })
  return seconds
}

const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/**
 * Our import and LibreOffice's opening, in back-to-back pairs (a warm-up LibreOffice start first, to
 * create its profile): a busy or slower spell of the machine weighs on both sides of a pair alike.
 * The ratios are the medians of the pairs'.
 */
async function ratio() {
  await county()
  if (pairs.length === 0) {
    libreOffice()
    for (let i = 0; i < 3; i++) {
      const r = await ours()
      const lo = libreOffice()
      note(`第 ${i + 1} 对：本程序打开（读取+定位表头+逐行检查）${r.previewSeconds.toFixed(2)} s，连同写入 ${r.seconds.toFixed(2)} s；LibreOffice 打开并转成 CSV ${lo.toFixed(2)} s`)
      pairs.push({ open: r.previewSeconds / lo, total: r.seconds / lo })
    }
  }
  return { open: mid(pairs.map((p) => p.open)), total: mid(pairs.map((p) => p.total)) }
}
const pairs: { open: number; total: number }[] = []

const peak = async () => (runs.length ? Math.max(...runs.map((r) => r.maxRssMb)) : (await ours()).maxRssMb)

export const figures: Figure[] = [
  { name: 'import.household_120k_s', unit: 's', setup: async () => void (await county()), run: async () => (await ours()).seconds },
  { name: 'import.household_120k_peak_rss_mb', unit: 'MB', run: peak },
  /** The name for the same figure. */
  { name: 'import.peak_rss_mb', unit: 'MB', run: peak },
  { name: 'import.open_120k_s', unit: 's', run: async () => mid(runs.length ? runs.map((r) => r.previewSeconds) : [(await ours()).previewSeconds]) },
  { name: 'import.commit_120k_s', unit: 's', run: async () => mid(runs.length ? runs.map((r) => r.commitSeconds) : [(await ours()).commitSeconds]) },
  /** Read, check and write ÷ LibreOffice opening the file (converting it to CSV). */
  { name: 'import.vs_libreoffice', unit: 'ratio', repeat: 1, run: async () => (await ratio()).total },
  /**
   * The figure: opening the file in the import — read, table located, every row converted
   * and checked, the preview ready — ÷ LibreOffice opening it (converting it to CSV). Writing the
   * checked rows is a second step after the user's review, with no counterpart in LibreOffice.
   */
  {
    name: 'import.vs_libreoffice_open',
    unit: 'ratio',
    repeat: 1,
    run: async () => (await ratio()).open,
    teardown: () => {
      fixture?.remove()
      fixture = undefined
    },
  },
]
