/**
 * Print figures (issue 6): a 2,000-line 公益类 ledger of the demo county to PDF through the real
 * template and Chromium's page.pdf (browser already running, as in the bridge; Electron's
 * printToPDF is the same engine), against LibreOffice converting the same 2,000 rows as an xlsx
 * (built with exceljs, landscape A4, fit to width) to PDF, with a private profile.
 * Fonts: the print CSS falls back to TrueType CJK fonts on Linux (AR PL UMing, 文泉驿微米黑; Debian
 * packages fonts-arphic-uming and fonts-wqy-microhei, installed here when missing, as LibreOffice is),
 * which Chromium embeds as CID subsets; Noto CJK (OpenType/CFF) would go in as Type 3 glyph programs,
 * bigger and slower. LibreOffice gets the same font as our table cells, so both sides draw the same glyphs.
 */
import ExcelJS from 'exceljs'
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { ServiceHost } from '../../src-main/core/service-host'
import { generateDemo } from '../../src-main/services/demo/generate'
import { getSetting } from '../../src-main/services/settings'
import { loadAssetLedgerRows, printHeader } from '../../src-main/services/print-data'
import { layoutFor } from '../../src-main/print/layouts'
import { pageOptions, type PageSetup } from '../../src-main/print/page'
import { publicView } from '../../src-main/print/public-view'
import { renderLedger } from '../../src-main/print/templates/ledger'
import { closePrintBrowser, renderPdf } from '../../src-main/web/bridge-print'
import { note, tempDir, type Figure } from './support'

const ROWS = 2000
/** The TrueType CJK fonts the print CSS prefers on Linux (page.ts), by Debian package. */
const printFonts: Record<string, string> = { 'AR PL UMing CN': 'fonts-arphic-uming', 'WenQuanYi Micro Hei': 'fonts-wqy-microhei' }
const hasFont = (family: string) => execFileSync('fc-list', [`:family=${family}`, 'family']).toString().trim() !== ''

function ensurePrintFonts(): string {
  const missing = Object.keys(printFonts).filter((f) => !hasFont(f))
  if (missing.length && process.getuid?.() === 0) {
    note(`安装打印字体（${missing.map((f) => printFonts[f]).join('、')}）…`)
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing.map((f) => printFonts[f])], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  }
  // the font our table cells are drawn in here; LibreOffice uses the same
  return hasFont('AR PL UMing CN') ? 'AR PL UMing CN' : 'Noto Serif CJK SC'
}
const setup: PageSetup = { paper: 'A4', orientation: 'landscape', marginsMm: [12, 10, 14, 10] }

interface Fixture {
  host: ServiceHost
  dir: string
  remove: () => void
  xlsx: string
  profile: string
  ours: number[]
  lo: number[]
  oursBytes: number
  loBytes: number
  pages: number
  loPages: number
}
let fixture: Fixture | undefined

async function prepare(): Promise<Fixture> {
  if (fixture) return fixture
  const cellFont = ensurePrintFonts()
  const { dir, remove } = tempDir('print')
  const host = await ServiceHost.open({ dataDir: dir, resourcesDir: resolve('resources'), appVersion: 'bench' })
  note('生成示例旗县（默认规模）…')
  generateDemo(host.ctx, { scale: 'default' })
  const rows = loadAssetLedgerRows(host.ctx, '公益类', {}).slice(0, ROWS)
  if (rows.length !== ROWS) throw new Error(`示例数据只有 ${rows.length} 条公益类资产`)
  // the same rows as an xlsx, with the ledger's columns, for LibreOffice
  const layout = layoutFor(getSetting<string>(host.ctx, 'county.code'))
  const columns = layout.ledgerColumns.公益类
  const pub = publicView({ rows })
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('公益类台账', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2', margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.55, header: 0.2, footer: 0.2 } },
    headerFooter: { oddFooter: '第&P页 共&N页' },
  })
  sheet.addRow(['巴林左旗 公益类帮扶项目资产台账'])
  sheet.addRow(columns.map((c) => c.label))
  pub.rows.forEach((r, i) =>
    sheet.addRow(columns.map((c) => (c.format === 'seq' ? i + 1 : c.format === 'money' ? Number(r[c.field] ?? 0) / 1_000_000 : ((r[c.field] as string | number | null) ?? '')))),
  )
  sheet.columns.forEach((col, i) => {
    col.width = columns[i].width * 0.6
    col.font = { name: cellFont, size: 8 }
    col.alignment = { wrapText: true, vertical: 'middle' }
  })
  sheet.eachRow((row) => row.eachCell((cell) => (cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } })))
  const xlsx = join(dir, 'ledger2000.xlsx')
  await book.xlsx.writeFile(xlsx)
  const profile = join(dir, 'lo-profile')
  fixture = { host, dir, remove, xlsx, profile, ours: [], lo: [], oursBytes: 0, loBytes: 0, pages: 0, loPages: 0 }
  // warm both engines (browser launch, LibreOffice profile creation) outside the timings
  await ours(fixture)
  libreOffice(fixture)
  fixture.ours = []
  fixture.lo = []
  return fixture
}

/** HTML from the database rows through the real template, then page.pdf: seconds. */
async function ours(f: Fixture): Promise<number> {
  const started = performance.now()
  const header = printHeader(f.host.ctx)
  const rows = loadAssetLedgerRows(f.host.ctx, '公益类', {}).slice(0, ROWS)
  const { html } = renderLedger(layoutFor('150422'), '公示版', setup, publicView({ header, class: '公益类' as const, scope: {}, groupBy: 'village' as const, pagePerVillage: false, rows }))
  const pdf = await renderPdf(html, pageOptions(setup))
  const seconds = (performance.now() - started) / 1000
  writeFileSync(join(f.dir, 'ours.pdf'), pdf)
  f.oursBytes = pdf.length
  f.pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(f.dir, 'ours.pdf')]).toString())![1])
  f.ours.push(seconds)
  return seconds
}

function libreOffice(f: Fixture): number {
  const out = join(f.dir, 'lo')
  const started = performance.now()
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(f.profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, f.xlsx], { stdio: 'ignore', timeout: 120_000 })
  const seconds = (performance.now() - started) / 1000
  const pdf = readdirSync(out).find((n) => n.endsWith('.pdf'))!
  f.loBytes = statSync(join(out, pdf)).size
  f.loPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(out, pdf)]).toString())![1])
  f.lo.push(seconds)
  return seconds
}

export const figures: Figure[] = [
  {
    name: 'print.ledger_2000_s',
    unit: 's',
    setup: async () => void (await prepare()),
    run: async () => ours(await prepare()),
  },
  {
    name: 'print.libreoffice_2000_s',
    unit: 's',
    run: async () => libreOffice(await prepare()),
  },
  {
    name: 'print.vs_libreoffice',
    unit: 'ratio',
    repeat: 3,
    // one pair per run, back to back, so a busy machine weighs on both alike; the figure is the median ratio
    run: async () => {
      const f = await prepare()
      const a = await ours(f)
      const b = libreOffice(f)
      note(`我方 ${a.toFixed(2)} s（${f.pages} 页 A4 横向，${(f.oursBytes / 1e6).toFixed(2)} MB）÷ LibreOffice ${b.toFixed(2)} s（${f.loPages} 页，${(f.loBytes / 1e6).toFixed(2)} MB）`)
      return a / b
    },
  },
  {
    name: 'print.ledger_2000_pdf_MB',
    unit: 'MB',
    run: async () => (await prepare()).oursBytes / 1e6,
  },
  {
    name: 'print.libreoffice_2000_pdf_MB',
    unit: 'MB',
    run: async () => (await prepare()).loBytes / 1e6,
    teardown: async () => {
      await closePrintBrowser()
      fixture?.host.close()
      fixture?.remove()
      fixture = undefined
    },
  },
]
