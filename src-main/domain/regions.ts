/** Region levels of the NBS statistical division code (12 digits: 2+2+2+3+3). */
export const RegionLevel = { province: 1, city: 2, county: 3, town: 4, village: 5 } as const

export type TownKind = '镇' | '乡' | '苏木' | '街道' | '其他'
export type VillageKind = '村' | '嘎查' | '社区' | '其他'

export const padCode = (code: string) => code.padEnd(12, '0')

export function levelOfCode(code12: string): number {
  if (!/^\d{12}$/.test(code12)) throw new Error(`区划代码必须是12位数字：${code12}`)
  if (code12.slice(2) === '0000000000') return 1
  if (code12.slice(4) === '00000000') return 2
  if (code12.slice(6) === '000000') return 3
  if (code12.slice(9) === '000') return 4
  return 5
}

/** The prefix a child's code must start with: 2, 4, 6 or 9 digits by the parent's level. */
export const prefixOf = (code12: string, level: number) => code12.slice(0, [0, 2, 4, 6, 9, 12][level])

export function townKind(code12: string, name: string): TownKind {
  if (name.endsWith('街道')) return '街道'
  if (name.endsWith('苏木')) return '苏木'
  if (name.endsWith('镇')) return '镇'
  if (name.endsWith('乡')) return '乡'
  const n = Number(code12.slice(6, 9))
  if (n < 100) return '街道'
  if (n < 200) return '镇'
  if (n < 400) return '乡'
  return '其他'
}

/** 乡镇/苏木 proper, as opposed to 街道 and special units (农场, 开发区, 产业园 …). */
export const isRuralTown = (kind: TownKind) => kind === '镇' || kind === '乡' || kind === '苏木'

/** Shortens official committee names to what clerks write: 福山地村委会 → 福山地村. */
export function shortVillageName(name: string): string {
  const rules: [RegExp, string][] = [
    [/嘎查(村民|牧民)?(村)?委员会$/, '嘎查'],
    [/嘎查(村)?委会$/, '嘎查'],
    [/村村(民)?委(员)?会$/, '村'],
    [/村(民)?委(员)?会$/, '村'],
    [/社区居(民)?委(员)?会$/, '社区'],
    [/居(民)?委(员)?会$/, '社区'],
  ]
  for (const [pattern, replacement] of rules) {
    if (pattern.test(name)) return name.replace(pattern, replacement)
  }
  return name
}

export function villageKind(code12: string, name: string): VillageKind {
  if (name.endsWith('嘎查')) return '嘎查'
  if (name.endsWith('社区')) return '社区'
  if (name.endsWith('村')) return '村'
  const n = Number(code12.slice(9))
  if (n < 200) return '社区'
  if (n < 400) return '村'
  return '其他'
}
