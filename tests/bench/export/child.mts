/**
 * One export in a process of its own, so its peak memory is its own: opens the data folder, exports
 * every household line (the 到户资产花名册 list, all columns, styled), prints JSON with the seconds,
 * the peak RSS and the rows. Optional second argument: also write the same rows as a UTF-8 CSV there
 * (the input LibreOffice converts for the comparison).
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { ServiceHost } from '../../../src-main/core/service-host'
import { leafColumns } from '../../../src-main/io/export/layout'
import { householdLineListLayout, householdLineListRows } from '../../../src-main/io/export/lists'
import { exportList } from '../../../src-main/io/export/service'
import { resolveOutbox } from '../../../src-main/services/files'

const [dataDir, csvPath] = process.argv.slice(2)
const host = await ServiceHost.open({ dataDir, resourcesDir: resolve('resources'), appVersion: 'bench' })
if (csvPath) {
  const columns = leafColumns(householdLineListLayout.header)
  const quote = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v)
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
  }
  const lines = [columns.map((c) => quote(c.label.replace('{unit}', '元'))).join(',')]
  for await (const r of householdLineListRows(host.ctx, { sort: 'id', order: 'desc' }).rows)
    lines.push(columns.map((c) => quote(c.format === 'money' && typeof r[c.key] === 'number' ? (r[c.key] as number) / 100 : r[c.key])).join(','))
  writeFileSync(csvPath, '\uFEFF' + lines.join('\n'))
  await host.close()
  process.stdout.write(JSON.stringify({ rows: lines.length - 1 }))
} else {
  const started = performance.now()
  const file = await exportList(host.ctx, { list: 'householdLines', filter: {}, unit: '元' })
  const seconds = (performance.now() - started) / 1000
  const path = resolveOutbox(host.ctx, file.fileId).path
  await host.close()
  process.stdout.write(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, rows: file.sheets[0].rows, bytes: file.bytes, path }))
}
