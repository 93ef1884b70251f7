/** Paper, orientation and the print CSS every template shares (fonts, @page, tables, blocks). */
import { raw, type SafeHtml } from './html'

import type { Orientation, Paper } from './options'

export { orientations, papers, type Orientation, type Paper } from './options'

export interface PageSetup {
  paper: Paper
  orientation: Orientation
  /** Page margins in mm: top, right, bottom, left. */
  marginsMm: [number, number, number, number]
}

/** What the glue needs besides the HTML (the same in Electron and in the test bridge). */
export interface PrintPageOptions extends PageSetup {
  /** Inner size of the page in mm, for the glue's `pageSize` when the CSS size is not honoured. */
  widthMm: number
  heightMm: number
}

const sizes: Record<Paper, [number, number]> = { A4: [210, 297], A3: [297, 420] }

/**
 * The size of the window (Electron) or tab (test bridge) a print job is laid out in, and the width
 * from which print media hides the body (see baseCss): far wider than any page.
 */
export const printViewport = { width: 4000, height: 1000, hideFromPx: 3800 } as const

export function pageOptions(setup: PageSetup): PrintPageOptions {
  const [w, h] = sizes[setup.paper]
  return { ...setup, widthMm: setup.orientation === 'landscape' ? h : w, heightMm: setup.orientation === 'landscape' ? w : h }
}

/**
 * Font stacks: the Windows office fonts first (仿宋/宋体/黑体, 方正小标宋 where installed), then
 * macOS, then TrueType CJK fonts of Linux (统信UOS/麒麟 and Debian: AR PL UMing 明体 for 宋体/仿宋,
 * 文泉驿 for 黑体), and Noto CJK last so Chinese never falls back to boxes. TrueType (glyf) fonts go
 * into the PDF as small CID subsets; Chromium embeds the OpenType/CFF Noto fonts as Type 3 glyph
 * programs, which makes big ledgers slower to write and their PDFs larger.
 */
const linuxSerif = `"AR PL UMing CN", "AR PL SungtiL GB"`
const linuxSans = `"WenQuanYi Micro Hei", "WenQuanYi Zen Hei"`
export const fonts = {
  fangsong: `"FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", ${linuxSerif}, "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif`,
  song: `"SimSun", "宋体", "NSimSun", "STSong", ${linuxSerif}, "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif`,
  hei: `"SimHei", "黑体", "Microsoft YaHei", "STHeiti", ${linuxSans}, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", sans-serif`,
  title: `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "FZXBSJW--GB1-0", "SimHei", "黑体", "Noto Serif CJK SC", "Source Han Serif SC", serif`,
}

/**
 * 第X页 共Y页 comes from CSS page margin boxes (`@bottom-center` with counter(page)/counter(pages)),
 * which Chromium (≥ 131, so Electron ≥ 34) draws both in `printToPDF`/`page.pdf()` and on paper with
 * `webContents.print()`; a `footerTemplate` would only reach PDFs, not printed sheets.
 */
export function baseCss(setup: PageSetup): SafeHtml {
  const [t, r, b, l] = setup.marginsMm
  return raw(`
@page {
  size: ${setup.paper} ${setup.orientation};
  margin: ${t}mm ${r}mm ${b}mm ${l}mm;
  @bottom-center { content: "第" counter(page) "页 共" counter(pages) "页"; font-family: ${fonts.song}; font-size: 9pt; color: #000; }
}
* { box-sizing: border-box; }
/* Laid out for print only. On screen the document is never shown (the glue's window is hidden), so
   it is not laid out there at all (~1.2 s of ~6 for 2,000 ledger lines). And Chromium lays a document
   out twice to print it: first in print media at the width of the window, then at the width of the
   page. The glue's window is ${printViewport.width} px wide, wider than any page ever is (A3 landscape: 1,512 px, shrunk
   to fit at most twice that), so the first pass finds an empty body (another ~1 s). A real page is
   always narrower than ${printViewport.hideFromPx} px, so the printed pages always have their content. */
@media screen, print and (min-width: ${printViewport.hideFromPx}px) { body { display: none; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${fonts.fangsong}; font-size: 10.5pt; color: #000; line-height: 1.35; }
.doc-title { font-family: ${fonts.title}; font-weight: 700; font-size: 18pt; text-align: center; margin: 0 0 3mm; letter-spacing: 0.5pt; }
.doc-subtitle { text-align: center; font-size: 11pt; margin: -1mm 0 3mm; }
.copy-label { text-align: right; font-family: ${fonts.hei}; font-size: 10pt; margin-bottom: 1mm; }
.head-block { display: flex; justify-content: space-between; align-items: flex-end; font-size: 10pt; margin: 0 0 1.5mm; gap: 6mm; }
.head-block .seal-slot { min-width: 40mm; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.grid th, table.grid td { border: 0.6pt solid #000; padding: 1mm 1.2mm; vertical-align: middle; word-break: break-all; overflow-wrap: anywhere; }
table.grid thead { display: table-header-group; }
table.grid tfoot { display: table-row-group; }
table.grid th { font-family: ${fonts.hei}; font-weight: 400; font-size: 9.5pt; text-align: center; background: #f2f2f2; }
table.grid tr { break-inside: avoid; page-break-inside: avoid; }
table.grid td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.grid td.c { text-align: center; }
table.grid tr.sub td { font-family: ${fonts.hei}; background: #f7f7f7; }
table.grid tr.total td { font-family: ${fonts.hei}; background: #ececec; }
table.grid tr.group td { font-family: ${fonts.hei}; text-align: left; background: #fafafa; }
table.form th { width: 22mm; }
table.form td.label, table.form th.label { font-family: ${fonts.hei}; background: #f2f2f2; text-align: center; width: 26mm; }
.section-title { font-family: ${fonts.hei}; font-size: 11pt; margin: 3mm 0 1mm; }
table.photos { margin-top: 2mm; break-inside: avoid; }
.photo-row { display: flex; gap: 3mm; }
.photo { margin: 0; width: 44mm; height: 28mm; display: flex; flex-direction: column; align-items: center; justify-content: center; overflow: hidden; }
.photo img { max-width: 44mm; max-height: 24mm; object-fit: contain; }
.photo figcaption { font-size: 7pt; line-height: 1.1; max-width: 44mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
table.photos .note { font-size: 8pt; }
.foot-block { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 2mm 8mm; margin-top: 4mm; font-size: 10pt; break-inside: avoid; }
.foot-block .role { white-space: nowrap; }
.foot-block .blank { display: inline-block; min-width: 24mm; border-bottom: 0.6pt solid #000; }
.signs { display: grid; gap: 3mm; margin-top: 5mm; break-inside: avoid; }
.sign-box { border: 0.6pt solid #000; padding: 2mm 3mm; min-height: 34mm; position: relative; font-size: 10pt; }
.sign-box .who { font-family: ${fonts.hei}; }
.sign-box .seal { position: absolute; right: 5mm; bottom: 6.5mm; width: 24mm; height: 24mm; border: 0.6pt dashed #aaa; border-radius: 50%; color: #aaa; font-size: 8pt; display: flex; align-items: center; justify-content: center; }
.sign-box .date { position: absolute; right: 4mm; bottom: 1.5mm; }
td.nw { white-space: nowrap; }
.page { break-after: page; }
.page:last-child { break-after: auto; }
.clause { text-indent: 2em; margin: 1.5mm 0; }
.supervision { border: 0.6pt solid #000; padding: 2mm 3mm; margin-top: 4mm; font-size: 10pt; break-inside: avoid; }
.checkbox { font-family: ${fonts.song}; }
.muted { color: #444; }
.upper { font-family: ${fonts.song}; letter-spacing: 0.5pt; }
`)
}
