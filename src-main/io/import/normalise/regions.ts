import { shortVillageName } from '../../../domain/regions'
import { foldKey } from './text'

export interface RegionEntry {
  code: string
  name: string
  level: number
  parentCode: string | null
}

export interface RegionMatcher {
  /** The 乡镇/苏木 whose name matches `text` with or without its suffix, or null (none, or ambiguous). */
  town(text: string): string | null
  /**
   * The 村/嘎查/社区 named `text` under `townCode` (with or without 村/嘎查/村委会/嘎查村委会/社区); with
   * no town, a name that is unique in the county. Null when nothing (or more than one) matches.
   */
  village(townCode: string | null, text: string): string | null
}

const TOWN_SUFFIX = /(街道办事处|办事处|街道|苏木|镇|乡|地区)$/
const VILLAGE_SUFFIX = /(嘎查村|嘎查|社区|村|居委会|分场|队)$/

const clean = (text: string) => foldKey(text).replace(/[()（）]/g, '')
const townStem = (name: string) => {
  const stem = clean(name).replace(TOWN_SUFFIX, '')
  return stem === '' ? clean(name) : stem
}
const villageStem = (name: string) => {
  const short = shortVillageName(clean(name)).replace(/(村民委员会|村委会|村委|民委员会|委员会)$/, '')
  const stem = short.replace(VILLAGE_SUFFIX, '')
  return stem === '' ? short : stem
}

/** Adds `code` under `key`; a key shared by different codes becomes ambiguous (''). */
function put(map: Map<string, string>, key: string, code: string) {
  if (key === '') return
  const had = map.get(key)
  map.set(key, had === undefined || had === code ? code : '')
}

/**
 * Matches 乡镇 and 村 names as clerks write them to the region tree (region table rows: towns level
 * 4, villages level 5): 「林东」「林东镇」; 「福山地」「福山地村」「福山地村委会」; 「宝力格嘎查村委会」 → 宝力格嘎查.
 * A county or town name written in front (「巴林左旗林东镇」, 「林东镇福山地村」) is ignored.
 */
export function createRegionMatcher(regions: readonly RegionEntry[]): RegionMatcher {
  const countyNames = regions.filter((r) => r.level <= 3).map((r) => clean(r.name)).filter((n) => n.length > 1)
  const towns = regions.filter((r) => r.level === 4)
  const townExact = new Map<string, string>()
  const townByStem = new Map<string, string>()
  for (const t of towns) {
    put(townExact, clean(t.name), t.code)
    put(townByStem, townStem(t.name), t.code)
  }
  const townNames = towns.map((t) => [clean(t.name), townStem(t.name)]).flat().filter((n) => n.length > 1)
  townNames.sort((a, b) => b.length - a.length)

  const villagesOf = new Map<string, { exact: Map<string, string>; stem: Map<string, string> }>()
  const all = { exact: new Map<string, string>(), stem: new Map<string, string>() }
  for (const v of regions) {
    if (v.level !== 5) continue
    const parent = v.parentCode ?? ''
    let group = villagesOf.get(parent)
    if (!group) villagesOf.set(parent, (group = { exact: new Map(), stem: new Map() }))
    for (const g of [group, all]) {
      put(g.exact, clean(v.name), v.code)
      put(g.exact, clean(shortVillageName(v.name)), v.code)
      put(g.stem, villageStem(v.name), v.code)
    }
  }

  const stripPrefix = (text: string, names: string[]) => {
    for (const n of names) if (text.length > n.length && text.startsWith(n)) return text.slice(n.length)
    return text
  }

  function town(text: string): string | null {
    const first = clean(text)
    if (first === '') return null
    for (const t of [first, stripPrefix(first, countyNames)]) {
      const exact = townExact.get(t) ?? townExact.get(t.replace(/(街道)?办事处$/, '街道'))
      if (exact) return exact
      const byStem = townByStem.get(townStem(t))
      if (byStem) return byStem
      if (exact === '' || byStem === '') return null
    }
    return null
  }

  function village(townCode: string | null, text: string): string | null {
    const group = townCode ? villagesOf.get(townCode) : all
    if (!group) return null
    const tries = [clean(text)]
    const noCounty = stripPrefix(tries[0], countyNames)
    tries.push(noCounty, stripPrefix(noCounty, townNames))
    for (const t of tries) {
      if (t === '') continue
      const hit = group.exact.get(t) ?? group.exact.get(clean(shortVillageName(t))) ?? group.stem.get(villageStem(t))
      if (hit !== undefined) return hit || null
    }
    return null
  }

  return { town, village }
}
