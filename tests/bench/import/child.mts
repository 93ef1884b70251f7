/**
 * One import in a process of its own, so its peak memory is its own: opens the data folder, puts
 * the file in the inbox, previews it as 到户资产花名册 (read, locate, map, convert and check every
 * row) and commits every valid row; prints JSON with the seconds of each phase, the peak RSS and
 * the counts.
 */
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { ServiceHost } from '../../../src-main/core/service-host'
import { commitImport, previewImport } from '../../../src-main/io/import/session'
import { putInboxFile } from '../../../src-main/services/files'

const [dataDir, file] = process.argv.slice(2)
const host = await ServiceHost.open({ dataDir, resourcesDir: resolve('resources'), appVersion: 'bench' })
const started = performance.now()
const inbox = putInboxFile(host.ctx, file)
const preview = await previewImport(host.ctx, { fileId: inbox.fileId, kind: 'householdLines' })
const previewed = performance.now()
const result = commitImport(host.ctx, { sessionId: preview.sessionId, acceptWarnings: true })
const done = performance.now()
host.close()
process.stdout.write(
  JSON.stringify({
    seconds: (done - started) / 1000,
    previewSeconds: (previewed - started) / 1000,
    commitSeconds: (done - previewed) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    counts: preview.counts,
    written: result.written,
    firstProblems: preview.rows.slice(0, 3),
  }),
)
