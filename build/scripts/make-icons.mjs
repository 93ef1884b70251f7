// Draws the app icon (a blue ledger with a red seal bearing 账) and renders it with headless Chromium
// to every file the app and the installers need:
//   resources/icon.svg, resources/icon.png (512)   the window icon and the vector source
//   build/icon.png (512), build/icon.ico           electron-builder: Windows (ICO with PNG entries 16…256)
//   build/icons/NxN.png                            electron-builder: Linux (deb, hicolor sizes)
//   src-renderer/public/favicon.ico                the renderer's favicon (copy of the ICO)
// 32, 24 and 16 px use a simplified drawing on the pixel grid so they stay sharp (no 账, just the seal).
// Re-run with `node build/scripts/make-icons.mjs` after changing the drawing. Needs /usr/bin/chromium
// (or CHROMIUM=path) and playwright-core; the glyph is drawn as strokes, so no font is needed.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const out = (...p) => join(root, ...p)

const color = {
  cover: '#1f5190',
  spine: '#173e6f',
  band: '#2d66ab',
  pages: '#f3ecdc',
  pageLine: '#cdbf9f',
  label: '#fbf7ee',
  rule: '#1f5190',
  seal: '#cf2f26',
  ink: '#fff7f0',
}

// 账 as seal-style strokes in a 100×100 box: 贝 on the left, 长 on the right.
const glyph = [
  'M13 66 V17 H39 V66', // 贝: 竖 + 横折
  'M26 29 V62 L13 86', // 贝: 撇
  'M34 76 L41 86', // 贝: 点
  'M61 13 V83 L76 73', // 长: 竖提
  'M86 15 L67 33', // 长: 撇
  'M50 48 H93', // 长: 横
  'M68 56 L92 87', // 长: 捺
]

/** The full drawing on a 512 grid, for 48 px and up. */
function fullSvg() {
  const rules = [132, 166, 200]
  return `
  <rect x="96" y="52" width="360" height="424" rx="30" fill="${color.pages}"/>
  ${[432, 440].map((x) => `<path d="M${x} 84 V452" stroke="${color.pageLine}" stroke-width="3"/>`).join('')}
  <rect x="56" y="32" width="368" height="424" rx="30" fill="${color.cover}"/>
  <path d="M86 32 H124 V456 H86 A30 30 0 0 1 56 426 V62 A30 30 0 0 1 86 32 Z" fill="${color.spine}"/>
  <rect x="56" y="88" width="68" height="14" fill="${color.band}"/>
  <rect x="56" y="386" width="68" height="14" fill="${color.band}"/>
  <rect x="160" y="92" width="216" height="140" rx="14" fill="${color.label}"/>
  ${rules.map((y) => `<path d="M190 ${y} H346" stroke="${color.rule}" stroke-width="11" stroke-linecap="round"/>`).join('')}
  <g transform="translate(338 350) rotate(-8)">
    <rect x="-104" y="-104" width="208" height="208" rx="20" fill="${color.seal}"/>
    <rect x="-84" y="-84" width="168" height="168" rx="8" fill="none" stroke="${color.ink}" stroke-width="9"/>
    <g transform="translate(-64 -64) scale(1.28)" fill="none" stroke="${color.ink}" stroke-width="10.5" stroke-linecap="square" stroke-linejoin="miter">
      ${glyph.map((d) => `<path d="${d}"/>`).join('')}
    </g>
  </g>`
}

/**
 * The same picture drawn on a pixel grid (every edge on a whole pixel) so it stays sharp when tiny:
 * `px` is the target size (16, 24 or 32); the seal keeps only its white frame.
 */
function pixelSvg(px) {
  const u = 512 / px
  const box = (x, y, w, h, fill, r = 0) =>
    `<rect x="${x * u}" y="${y * u}" width="${w * u}" height="${h * u}"${r ? ` rx="${r * u}"` : ''} fill="${fill}"/>`
  if (px === 16) {
    return [
      box(2, 2, 12, 13, color.pages, 1),
      box(1, 1, 12, 13, color.cover, 1),
      box(1, 1, 2, 13, color.spine, 1),
      box(2, 1, 1, 13, color.spine),
      box(5, 2, 6, 5, color.label),
      box(6, 3, 4, 1, color.rule),
      box(6, 5, 4, 1, color.rule),
      box(8, 8, 7, 7, color.seal, 0.5),
      box(9, 9, 5, 5, color.ink),
      box(10, 10, 3, 3, color.seal),
    ].join('\n  ')
  }
  if (px === 24) {
    return [
      box(3, 2, 19, 21, color.pages, 1),
      box(1, 1, 19, 20, color.cover, 1),
      box(1, 1, 3, 20, color.spine, 1),
      box(3, 1, 1, 20, color.spine),
      box(7, 3, 10, 7, color.label),
      box(9, 4, 6, 1, color.rule),
      box(9, 6, 6, 1, color.rule),
      box(9, 8, 6, 1, color.rule),
      box(12, 12, 11, 11, color.seal, 1),
      box(14, 14, 7, 7, color.ink),
      box(15, 15, 5, 5, color.seal),
    ].join('\n  ')
  }
  return [
    box(5, 3, 24, 27, color.pages, 2),
    box(3, 2, 24, 26, color.cover, 2),
    box(3, 2, 4, 26, color.spine, 2),
    box(5, 2, 2, 26, color.spine),
    box(10, 5, 13, 9, color.label, 1),
    box(12, 7, 9, 1, color.rule),
    box(12, 9, 9, 1, color.rule),
    box(12, 11, 9, 1, color.rule),
    box(16, 16, 15, 15, color.seal, 1.5),
    box(18, 18, 11, 11, color.ink),
    box(19, 19, 9, 9, color.seal),
  ].join('\n  ')
}

/** The icon as SVG, `size` px wide: the pixel-grid drawings for 32 px and below. */
export function iconSvg(size = 512) {
  const body = size > 32 ? fullSvg() : pixelSvg(size > 24 ? 32 : size > 16 ? 24 : 16)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 512 512">
  <title>帮扶项目资产台账</title>
  ${body.trim()}
</svg>
`
}

/** An ICO file holding the given PNGs as they are (Windows Vista and later read PNG entries). */
export function icoFromPngs(images) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // type 1 = icon
  header.writeUInt16LE(images.length, 4)
  const entries = []
  let offset = 6 + 16 * images.length
  for (const { size, png } of images) {
    const e = Buffer.alloc(16)
    e.writeUInt8(size >= 256 ? 0 : size, 0) // width (0 means 256)
    e.writeUInt8(size >= 256 ? 0 : size, 1) // height
    e.writeUInt8(0, 2) // palette colours
    e.writeUInt8(0, 3) // reserved
    e.writeUInt16LE(1, 4) // colour planes
    e.writeUInt16LE(32, 6) // bits per pixel
    e.writeUInt32LE(png.length, 8)
    e.writeUInt32LE(offset, 12)
    offset += png.length
    entries.push(e)
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)])
}

async function main() {
  const sizes = [512, 256, 128, 64, 48, 32, 24, 16]
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const pngs = new Map()
  try {
    const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 })
    for (const px of sizes) {
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">${iconSvg(px).replace('<svg ', '<svg style="display:block" ')}</body></html>`,
      )
      pngs.set(px, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: px, height: px } }))
    }
  } finally {
    await browser.close()
  }

  for (const dir of ['resources', 'build', 'build/icons', 'src-renderer/public']) mkdirSync(out(dir), { recursive: true })
  writeFileSync(out('resources', 'icon.svg'), iconSvg(512))
  writeFileSync(out('resources', 'icon.png'), pngs.get(512))
  writeFileSync(out('build', 'icon.png'), pngs.get(512))
  for (const px of [16, 24, 32, 48, 64, 128, 256, 512]) writeFileSync(out('build', 'icons', `${px}x${px}.png`), pngs.get(px))
  const ico = icoFromPngs([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngs.get(size) })))
  writeFileSync(out('build', 'icon.ico'), ico)
  copyFileSync(out('build', 'icon.ico'), out('src-renderer', 'public', 'favicon.ico'))
  console.log(`图标已生成：resources/icon.svg、icon.png，build/icon.png、icon.ico（${ico.length} 字节，7 个尺寸），build/icons/，src-renderer/public/favicon.ico`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
