import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** Settings that must live outside the database: where the database is. */
export interface LocalConfig {
  dataDir?: string
}

export const configFile = (userDataDir: string) => join(userDataDir, 'config.json')

export function readLocalConfig(userDataDir: string): LocalConfig {
  try {
    return JSON.parse(readFileSync(configFile(userDataDir), 'utf8')) as LocalConfig
  } catch {
    return {}
  }
}

export function writeLocalConfig(userDataDir: string, config: LocalConfig) {
  const file = configFile(userDataDir)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(config, null, 2))
}

export const dataDirFor = (userDataDir: string) => readLocalConfig(userDataDir).dataDir ?? join(userDataDir, 'data')
