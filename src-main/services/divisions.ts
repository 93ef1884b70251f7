import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { AppError } from '../domain/errors'
import { isRuralTown, padCode, shortVillageName, townKind, villageKind, type TownKind, type VillageKind } from '../domain/regions'

/** The national division data shipped in resources/divisions (built by scripts/build-divisions.mjs). */
interface DivisionIndex {
  source: string
  provinces: [string, string][]
  cities: [string, string][]
  counties: [string, string][]
}
interface ProvinceFile {
  towns: [string, string][]
  villages: [string, string][]
}

export interface DivisionOption {
  code: string
  name: string
}
export interface CountyDivisions {
  county: { code: string; name: string; cityName: string; provinceName: string }
  towns: {
    code: string
    name: string
    kind: TownKind
    rural: boolean
    villages: { code: string; name: string; officialName: string; kind: VillageKind }[]
  }[]
}

const indexCache = new Map<string, DivisionIndex>()

function loadIndex(resourcesDir: string): DivisionIndex {
  let index = indexCache.get(resourcesDir)
  if (!index) {
    try {
      index = JSON.parse(readFileSync(join(resourcesDir, 'divisions', 'index.json'), 'utf8')) as DivisionIndex
    } catch {
      throw new AppError('DIVISIONS_MISSING', '缺少全国行政区划数据文件（resources/divisions），请重新安装程序。')
    }
    indexCache.set(resourcesDir, index)
  }
  return index
}

/** Provinces (no parent), prefectures of a province (2 digits) or counties of a prefecture (4 digits). */
export function divisionChildren(resourcesDir: string, parent?: string): DivisionOption[] {
  const index = loadIndex(resourcesDir)
  const toOption = ([code, name]: [string, string]) => ({ code, name })
  if (!parent) return index.provinces.map(toOption)
  if (parent.length === 2) return index.cities.filter(([c]) => c.startsWith(parent)).map(toOption)
  if (parent.length === 4) return index.counties.filter(([c]) => c.startsWith(parent)).map(toOption)
  throw new AppError('INVALID', '上级区划代码应为2位（省）或4位（市/盟）。')
}

export function countyDivisions(resourcesDir: string, countyCode: string): CountyDivisions {
  const index = loadIndex(resourcesDir)
  const county = index.counties.find(([c]) => c === countyCode)
  if (!county) throw new AppError('NOT_FOUND', `区划数据中没有代码为 ${countyCode} 的旗县。`)
  const city = index.cities.find(([c]) => c === countyCode.slice(0, 4))
  const province = index.provinces.find(([c]) => c === countyCode.slice(0, 2))
  const file = JSON.parse(
    gunzipSync(readFileSync(join(resourcesDir, 'divisions', `${countyCode.slice(0, 2)}.json.gz`))).toString('utf8'),
  ) as ProvinceFile
  const towns = file.towns
    .filter(([code]) => code.startsWith(countyCode))
    .map(([code, name]) => {
      const kind = townKind(code, name)
      const villages = file.villages
        .filter(([v]) => v.startsWith(code.slice(0, 9)))
        .map(([vCode, officialName]) => {
          const short = shortVillageName(officialName)
          return { code: vCode, name: short, officialName, kind: villageKind(vCode, short) }
        })
      return { code: padCode(code), name, kind, rural: isRuralTown(kind), villages }
    })
  return {
    county: { code: countyCode, name: county[1], cityName: city?.[1] ?? '', provinceName: province?.[1] ?? '' },
    towns,
  }
}
