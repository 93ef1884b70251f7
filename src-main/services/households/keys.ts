import type { DB } from '../../db/open'
import { personSearchKey, pinyinSortKey } from '../search'

/**
 * The derived data of the household ledgers (migration 003): each household's pinyin sort key and
 * search terms, the household fields copied onto its lines, each household's line count and amount,
 * and the line summary. The services and the triggers keep them current; a bulk loader that sets
 * the triggers aside (the demo generator) or writes raw SQL calls `rebuildHouseholdDerived` once
 * afterwards — the lists also call `ensureHouseholdDerived`, which notices and repairs such gaps.
 */

/** Marks the reversed-text terms: 「#」 + reversed ID number, 「~」 + reversed household code (for "ends with"). */
export const ID_TAIL = '#'
export const CODE_TAIL = '~'

const reverse = (s: string) => [...s].reverse().join('')
const suffixes = (s: string) => {
  const chars = [...s]
  return chars.map((_, i) => chars.slice(i).join(''))
}

/** What a household's search terms are made from; stored with them (`search_source`) so they can be found again and deleted. */
export const searchSource = (headName: string, householdCode: string | null, idNo: string) => `${headName}\t${householdCode ?? ''}\t${idNo}`

/** The name-dependent keys (pinyin is the slow part), remembered across the households of one run. */
type NameKeys = { sortKey: string; terms: string[] }
function nameKeys(headName: string, memo?: Map<string, NameKeys>): NameKeys {
  const known = memo?.get(headName)
  if (known) return known
  const [name, ...initials] = personSearchKey(headName.replace(/\s+/g, '')).split(' ')
  const terms = new Set<string>()
  for (const word of [name, ...initials]) for (const s of suffixes(word)) terms.add(s)
  const keys = { sortKey: pinyinSortKey(headName), terms: [...terms] }
  memo?.set(headName, keys)
  return keys
}

/**
 * The sort key and search terms of a household. Terms are found by prefix (see search-text.ts): the
 * name and its pinyin initials from every position (so 「特尔」 and 「te」 find 巴特尔), the household
 * code, and the reversed ID number and code (so their last digits are a prefix too).
 */
export function householdKeys(
  headName: string,
  householdCode: string | null,
  idNo: string,
  memo?: Map<string, NameKeys>,
): { sortKey: string; source: string; terms: string[] } {
  const byName = nameKeys(headName, memo)
  const terms = new Set(byName.terms)
  const code = (householdCode ?? '').replace(/\s+/g, '').toLowerCase()
  if (code) {
    terms.add(code)
    terms.add(CODE_TAIL + reverse(code))
  }
  if (idNo) terms.add(ID_TAIL + reverse(idNo.toUpperCase()))
  return { sortKey: byName.sortKey, source: searchSource(headName, householdCode, idNo), terms: [...terms] }
}

const statements = new WeakMap<DB, ReturnType<typeof prepare>>()
const prepare = (db: DB) => ({
  source: db.prepare('SELECT search_source AS source FROM household WHERE id = ?').pluck(),
  remove: db.prepare('DELETE FROM household_term WHERE term = ? AND household_id = ?'),
  insert: db.prepare('INSERT OR IGNORE INTO household_term (term, household_id) VALUES (?, ?)'),
  insertMany: db.prepare("INSERT OR IGNORE INTO household_term (term, household_id) SELECT value ->> 0, value ->> 1 FROM json_each(?)"),
  removeMany: db.prepare("DELETE FROM household_term WHERE (term, household_id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))"),
  // The sort key only when it changes (it is in three indexes, and the lines copy it); the source and the flag always.
  sortKey: db.prepare('UPDATE household SET sort_key = ? WHERE id = ? AND sort_key IS NOT ?'),
  update: db.prepare('UPDATE household SET search_source = ?, keys_ok = 1 WHERE id = ?'),
  updateMany: db.prepare('UPDATE household SET search_source = j.value ->> 1, keys_ok = 1 FROM json_each(?) j WHERE household.id = j.value ->> 0'),
})

/** Writes a household's sort key and search terms, replacing the terms of its stored `search_source` (inside the caller's transaction). */
export function writeHouseholdKeys(db: DB, id: number, headName: string, householdCode: string | null, idNo: string, memo?: Map<string, NameKeys>) {
  let s = statements.get(db)
  if (!s) statements.set(db, (s = prepare(db)))
  const old = s.source.get(id) as string | undefined
  if (old) {
    const [oldName, oldCode, oldId] = old.split('\t')
    for (const term of householdKeys(oldName, oldCode || null, oldId, memo).terms) s.remove.run(term, id)
  }
  const keys = householdKeys(headName, householdCode, idNo, memo)
  for (const term of keys.terms) s.insert.run(term, id)
  s.sortKey.run(keys.sortKey, id, keys.sortKey)
  s.update.run(keys.source, id)
}

/**
 * Fills the sort keys and search terms of households written without them (`keys_ok` is 0 by
 * default), or changed behind the services' back (the `household_keys_stale` trigger clears
 * `keys_ok`). Cheap when there are none: the partial index `household_keys_pending` holds only those.
 * Returns how many households were done.
 */
export function refreshHouseholdKeys(db: DB, batch = 5000): number {
  const pending = db.prepare(
    'SELECT id, head_name AS headName, household_code AS code, id_no AS idNo, search_source AS source FROM household WHERE keys_ok = 0 LIMIT ?',
  )
  let s = statements.get(db)
  if (!s) statements.set(db, (s = prepare(db)))
  const st = s
  const memo = new Map<string, NameKeys>()
  let done = 0
  for (;;) {
    const rows = pending.all(batch) as { id: number; headName: string; code: string | null; idNo: string; source: string }[]
    if (rows.length === 0) return done
    db.transaction(() => {
      // Terms written in term order: a b-tree fills far faster in order than at random.
      const removed: [string, number][] = []
      const added: [string, number][] = []
      const sources: [number, string][] = []
      for (const r of rows) {
        if (r.source) {
          const [oldName, oldCode, oldId] = r.source.split('\t')
          for (const term of householdKeys(oldName, oldCode || null, oldId, memo).terms) removed.push([term, r.id])
        }
        const keys = householdKeys(r.headName, r.code, r.idNo, memo)
        for (const term of keys.terms) added.push([term, r.id])
        st.sortKey.run(keys.sortKey, r.id, keys.sortKey)
        sources.push([r.id, keys.source])
      }
      const byTerm = (a: [string, number], b: [string, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1])
      if (removed.length) st.removeMany.run(JSON.stringify(removed.sort(byTerm)))
      st.insertMany.run(JSON.stringify(added.sort(byTerm)))
      st.updateMany.run(JSON.stringify(sources))
    })()
    done += rows.length
  }
}

const summaryCell = 'town_code, project_year, subtype_code, fund_source, current_status, attribute'

/**
 * Recomputes every derived column and table of the household ledgers from the households and lines
 * themselves: keys and terms, the copies on the lines, per-household totals, the summary. For after
 * a bulk load with the triggers set aside; seconds at a million lines.
 */
export function rebuildHouseholdDerived(db: DB) {
  refreshHouseholdKeys(db)
  db.transaction(() => {
    db.exec(`
      UPDATE household_asset_line SET head_key = h.sort_key, attribute = h.attribute, town_code = h.town_code, village_code = h.village_code
        FROM household h
        WHERE h.id = household_asset_line.household_id
          AND (household_asset_line.head_key IS NOT h.sort_key OR household_asset_line.attribute IS NOT h.attribute
            OR household_asset_line.town_code IS NOT h.town_code OR household_asset_line.village_code IS NOT h.village_code);
      UPDATE household SET (line_count, amount_total) =
        (SELECT count(*), coalesce(sum(l.amount), 0) FROM household_asset_line l WHERE l.household_id = household.id);
      DELETE FROM hal_summary;
      INSERT INTO hal_summary (${summaryCell}, n, amount, quantity)
        SELECT ${summaryCell}, count(*), sum(amount), sum(quantity) FROM household_asset_line GROUP BY ${summaryCell};
      UPDATE household_ledger_state SET lines = (SELECT count(*) FROM household_asset_line);
    `)
  })()
}

/**
 * Notices derived data that is missing — households without keys, lines the summary triggers did not
 * count (written with the triggers set aside) — and rebuilds it. Called by the lists; about a
 * millisecond when everything is in order.
 */
export function ensureHouseholdDerived(db: DB): boolean {
  const missingKeys = !!db.prepare('SELECT 1 FROM household WHERE keys_ok = 0 LIMIT 1').get()
  const counts = db
    .prepare('SELECT (SELECT count(*) FROM household_asset_line) AS lines, (SELECT lines FROM household_ledger_state) AS counted')
    .get() as { lines: number; counted: number | null }
  if (counts.lines !== counts.counted) {
    rebuildHouseholdDerived(db)
    return true
  }
  if (missingKeys) {
    refreshHouseholdKeys(db)
    return true
  }
  return false
}
