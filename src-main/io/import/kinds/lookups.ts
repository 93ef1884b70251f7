import type { DB } from '../../../db/open'
import { fundSourceTypes } from '../../../domain/asset-enums'
import type { ServiceContext } from '../../../services/context'
import { createRegionMatcher, type RegionMatcher } from '../normalise/regions'
import { foldKey, foldText } from '../normalise/text'
import type { CellValue } from '../types'

/**
 * A context whose `db.prepare` reuses statements by their SQL: the form rules prepare their queries
 * on every call, which is nothing for one save and seconds for 120,000 rows.
 */
export function cachingContext(ctx: ServiceContext): ServiceContext {
  const cache = new Map<string, ReturnType<DB['prepare']>>()
  const db = new Proxy(ctx.db, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (sql: string) => {
          let s = cache.get(sql)
          if (!s) cache.set(sql, (s = target.prepare(sql)))
          return s
        }
      }
      const value = Reflect.get(target, prop, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { ...ctx, db }
}

/** Towns and villages of the county, matched as clerks write them; one error message per way of failing. */
export class RegionLookup {
  private readonly matcher: RegionMatcher
  private readonly names = new Map<string, string>()
  constructor(db: DB) {
    const rows = db.prepare('SELECT code, name, level, parent_code AS parentCode FROM region WHERE active = 1 AND level >= 3').all() as {
      code: string
      name: string
      level: number
      parentCode: string | null
    }[]
    this.matcher = createRegionMatcher(rows)
    for (const r of rows) this.names.set(r.code, r.name)
  }
  name(code: string) {
    return this.names.get(code) ?? code
  }
  /** Town and village codes from the two cells; either may be missing in the file. */
  place(townCell: CellValue | undefined, villageCell: CellValue | undefined): { townCode: string | null; villageCode: string | null; townError?: string; villageError?: string } {
    const townText = foldText(townCell)
    const villageText = foldText(villageCell)
    let townCode: string | null = null
    let townError: string | undefined
    if (townText) {
      townCode = this.matcher.town(townText)
      if (!townCode) townError = `“${townText}”不是本旗县在用的乡镇（苏木），请核对名称或先在区划管理中添加`
    }
    let villageCode: string | null = null
    let villageError: string | undefined
    if (villageText && !/^(全镇|全乡|全苏木|全旗|全县|—|-|\/|无)$/.test(villageText)) {
      villageCode = this.matcher.village(townCode, villageText)
      if (!villageCode && townCode) {
        const elsewhere = this.matcher.village(null, villageText)
        villageError = elsewhere
          ? `“${villageText}”不在${this.name(townCode)}，而在${this.name(elsewhere.slice(0, 9) + '000')}，请核对乡镇和村`
          : `${this.name(townCode)}没有名为“${villageText}”的村（嘎查），请核对名称或先在区划管理中添加`
      } else if (!villageCode) {
        villageError = townText ? `无法确定村（嘎查）“${villageText}”` : `没有名为“${villageText}”的村（嘎查），或有重名，请同时填写乡镇`
      }
      if (villageCode && !townCode && !townText) townCode = villageCode.slice(0, 9) + '000'
    }
    return { townCode, villageCode, townError, villageError }
  }
}

/** The asset sub-type dictionary, matched by code (G01) or name (道路交通), in use only. */
export class SubtypeLookup {
  private readonly byKey = new Map<string, string>()
  readonly units = new Map<string, string>()
  readonly names = new Map<string, string>()
  constructor(db: DB, letter: 'G' | 'J' | 'H' | null) {
    const rows = db.prepare("SELECT code, name, extra FROM dict WHERE type = 'asset_subtype' AND active = 1").all() as { code: string; name: string; extra: string | null }[]
    for (const r of rows) {
      if (letter && r.code[0] !== letter) continue
      this.byKey.set(foldKey(r.code), r.code)
      this.byKey.set(foldKey(r.name), r.code)
      for (const part of r.name.split('/')) if (part.length >= 2) this.byKey.set(foldKey(part), r.code)
      this.names.set(r.code, r.name)
      try {
        const unit = (JSON.parse(r.extra ?? '{}') as { unit?: string }).unit
        if (unit) this.units.set(r.code, unit)
      } catch {
        /* no unit */
      }
    }
  }
  /** The code for a cell: the code, the name, a part of a name with 「/」, or 「G01 道路交通」. */
  match(cell: CellValue | undefined): string | null {
    const text = foldKey(cell)
    if (!text) return null
    const direct = this.byKey.get(text) ?? this.byKey.get(text.replace(/[()（）]/g, ''))
    if (direct) return direct
    const code = /^([gjh]\d{2,3})/.exec(text)?.[1]
    if (code && this.byKey.has(code)) return this.byKey.get(code)!
    return null
  }
  choices(): string {
    return [...this.names.values()].join('、')
  }
}

/** Fund source codes by code or name (财政衔接推进乡村振兴补助资金, 衔接资金, XJ …). */
const fundSourceSpellings: Record<string, string> = {
  衔接资金: 'XJ',
  财政衔接资金: 'XJ',
  衔接推进乡村振兴补助资金: 'XJ',
  专项扶贫资金: 'ZX',
  财政扶贫资金: 'ZX',
  整合资金: 'ZH',
  涉农整合资金: 'ZH',
  统筹整合资金: 'ZH',
  行业资金: 'HY',
  债券资金: 'ZQ',
  易地搬迁资金: 'YD',
  东西部协作资金: 'DX',
  京蒙协作: 'DX',
  京蒙资金: 'DX',
  定点帮扶资金: 'DD',
  对口帮扶资金: 'DK',
  社会帮扶资金: 'SH',
  社会捐赠: 'SH',
  农户自筹: 'NH',
  自筹: 'NH',
  村集体自筹: 'CJ',
  其他: 'QT',
}
const fundByKey = new Map<string, string>()
for (const t of fundSourceTypes) {
  fundByKey.set(foldKey(t.code), t.code)
  fundByKey.set(foldKey(t.name), t.code)
}
for (const [k, v] of Object.entries(fundSourceSpellings)) fundByKey.set(foldKey(k), v)

export function matchFundSource(cell: CellValue | undefined): string | null {
  const text = foldKey(cell)
  if (!text) return null
  return fundByKey.get(text) ?? fundByKey.get(text.replace(/[()（）]/g, '')) ?? null
}
export const fundSourceNames = () => fundSourceTypes.map((t) => t.name).join('、')
