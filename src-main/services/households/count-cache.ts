import type { DB } from '../../db/open'

/**
 * Counts and sums of a filter, remembered until the database changes. Paging through a filter or
 * re-sorting it asks for the same total again; at a million lines a count can cost tens of
 * milliseconds, a lookup here microseconds. Any write on this connection (total_changes) or on
 * another one (data_version) starts afresh.
 */
const caches = new WeakMap<DB, { version: string; entries: Map<string, unknown> }>()
const MAX_ENTRIES = 64

function versionOf(db: DB): string {
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
  return `${changes}:${db.pragma('data_version', { simple: true })}`
}

export function cached<T>(db: DB, key: string, compute: () => T): T {
  const version = versionOf(db)
  let cache = caches.get(db)
  if (!cache || cache.version !== version) {
    cache = { version, entries: new Map() }
    caches.set(db, cache)
  }
  if (cache.entries.has(key)) return cache.entries.get(key) as T
  const value = compute()
  if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!)
  cache.entries.set(key, value)
  return value
}
