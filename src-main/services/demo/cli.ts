/**
 * Generates the demo county into a data folder (developers, benchmarks, training PCs):
 *   npm run demo -- --data DIR                 巴林左旗, ≥3,000 公益类 / ≥800 经营类 assets, 12,000 households, 36,000 lines
 *   npm run demo -- --data DIR --scale 1m      the same assets, 200,000 households and 1,000,000 household asset lines
 *   npm run demo -- --data DIR --seed 7        another (equally plausible) county
 * The folder must hold no data file yet, or one that has not been set up.
 */
import { statSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ServiceHost } from '../../core/service-host'
import { AppError } from '../../domain/errors'
import { generateDemo } from './generate'

function usage(message?: string): never {
  if (message) console.error(message)
  console.error('用法：npm run demo -- --data 数据文件夹 [--scale default|1m] [--seed 整数]')
  process.exit(2)
}

const fileSize = (file: string) => {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

async function main() {
  let values: { data?: string; scale?: string; seed?: string; help?: boolean }
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: { data: { type: 'string' }, scale: { type: 'string', default: 'default' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }).values
  } catch (error) {
    usage(`参数有误：${(error as Error).message}`)
  }
  if (values.help) usage()
  if (!values.data) usage('请用 --data 指定数据文件夹。')
  const scale = values.scale
  if (scale !== 'default' && scale !== '1m') usage(`--scale 只能是 default 或 1m，而不是「${scale}」。`)
  const seed = values.seed === undefined ? undefined : Number(values.seed)
  if (seed !== undefined && !Number.isSafeInteger(seed)) usage('--seed 应为整数。')

  const dataDir = path.resolve(values.data)
  const host = await ServiceHost.open({ dataDir, resourcesDir: path.resolve('resources'), appVersion: 'demo', user: '示例数据' }, (p) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${p.label} ${p.done.toLocaleString('zh-CN')}/${p.total.toLocaleString('zh-CN')}        `)
  })
  try {
    const summary = generateDemo(host.ctx, { scale, seed })
    if (process.stderr.isTTY) process.stderr.write('\n')
    const file = host.ctx.paths.dbFile
    host.close()
    const n = (x: number) => x.toLocaleString('zh-CN')
    const mb = (fileSize(file) + fileSize(`${file}-wal`)) / 1024 / 1024
    console.log(`示例数据已生成：${summary.countyName}（虚构数据，仅供演示和培训）`)
    console.log(`  数据文件：${file}（${mb.toFixed(1)} MB）`)
    console.log(`  公益类资产 ${n(summary.publicAssets)} 项，经营类资产 ${n(summary.operatingAssets)} 项，到户类资产 ${n(summary.householdAssets)} 批`)
    console.log(`  农户 ${n(summary.households)} 户，到户资产明细 ${n(summary.householdLines)} 条`)
    console.log(`  用时 ${summary.seconds.toFixed(1)} 秒`)
    console.log(`demo.generate_s@${scale}=${summary.seconds.toFixed(2)}`)
  } catch (error) {
    host.close()
    const message = error instanceof AppError ? error.message : `生成失败：${(error as Error).stack ?? String(error)}`
    console.error(message)
    // the 1m scale commits chunk by chunk: what was written before the failure stays
    if (scale === '1m' && !(error instanceof AppError && error.code === 'ALREADY_SET_UP')) console.error(`数据文件已部分写入，请删除文件夹 ${dataDir} 后重试。`)
    process.exit(1)
  }
}

main().catch((error: unknown) => {
  console.error(`生成失败：${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
