// better-sqlite3 is a native module: Node (tests, the test bridge) and Electron (the app) need
// different builds of it. This makes sure the build in node_modules fits the runtime about to use it:
//   node build/scripts/native-abi.mjs node       before `npm test` / `npm run web`
//   node build/scripts/native-abi.mjs electron   before `npm start` (prebuilt binary for Electron, no compiler needed)
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const target = process.argv[2]
const require = createRequire(import.meta.url)
const moduleDir = dirname(require.resolve('better-sqlite3/package.json'))
const marker = join(moduleDir, 'build', '.runtime')
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'node'

function loadsInNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { encoding: 'utf8' })
  return probe.status === 0
}

if (target === 'node') {
  if (current === 'node' && loadsInNode()) process.exit(0)
  console.log('为 Node.js 重新编译 better-sqlite3 …')
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' })
  writeFileSync(marker, 'node\n')
} else if (target === 'electron') {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
  if (current === `electron-${electronVersion}`) process.exit(0)
  console.log(`为 Electron ${electronVersion} 安装 better-sqlite3 的预编译版本 …`)
  execSync(`"${join('node_modules', '.bin', 'electron-builder')}" install-app-deps`, { stdio: 'inherit' })
  writeFileSync(marker, `electron-${electronVersion}\n`)
} else {
  console.error('用法：node build/scripts/native-abi.mjs node|electron')
  process.exit(2)
}
