// Runs every test (unit, integration, renderer, e2e) with vitest and ends with one plain line
// "N passed, N failed" that counts all of them. Exits non-zero when any test fails.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const outDir = 'test-output'
mkdirSync(outDir, { recursive: true })
const reportFile = join(outDir, 'vitest-report.json')
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(2)]
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } })

let passed = 0
let failed = 0
let skipped = 0
if (existsSync(reportFile)) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'))
  passed = report.numPassedTests ?? 0
  // A file that fails to load has no failed test of its own: count it once. (numFailedTestSuites
  // also counts every describe block around a failed test, so it would count one failure several times.)
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length
  failed = (report.numFailedTests ?? 0) + brokenFiles
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
} else {
  failed = 1
}
if (run.status !== 0 && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || run.status !== 0 ? 1 : 0)
