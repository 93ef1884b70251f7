/**
 * A small seeded random source for the demo data: the same seed gives the same county, so demo
 * files, screenshots and benchmarks are reproducible. sfc32 (Chris Doty-Humphrey's small fast
 * counting generator): 128 bits of state, good statistical quality, no allocation per draw.
 */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number) {
    // splitmix32 spreads a small seed over the whole state
    let s = seed >>> 0
    const next = () => {
      s = (s + 0x9e3779b9) | 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = next()
    this.b = next()
    this.c = next()
    this.d = next()
    for (let i = 0; i < 12; i++) this.next()
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }

  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  /** Picks by weight from [item, weight] pairs. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, w] of pairs) total += w
    let x = this.next() * total
    for (const [item, w] of pairs) {
      x -= w
      if (x < 0) return item
    }
    return pairs[pairs.length - 1][0]
  }

  /** `n` distinct items, in random order (n ≤ items.length). */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = items.slice()
    const count = Math.min(n, copy.length)
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i))
      const t = copy[i]
      copy[i] = copy[j]
      copy[j] = t
    }
    return copy.slice(0, count)
  }
}

/** A random source for a weighted table, with the cumulative weights computed once (for hot loops). */
export function weightedTable<T>(pairs: readonly (readonly [T, number])[]): (r: Rng) => T {
  const items = pairs.map(([item]) => item)
  const cumulative: number[] = []
  let total = 0
  for (const [, w] of pairs) cumulative.push((total += w))
  return (r) => {
    const x = r.next() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid] > x) hi = mid
      else lo = mid + 1
    }
    return items[lo]
  }
}

// ---- dates as day numbers (days since 1970-01-01, UTC), with a cached ISO string per day ----

const MS_PER_DAY = 86_400_000
const isoCache = new Map<number, string>()

export const dayOf = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY

export function isoOf(day: number): string {
  let s = isoCache.get(day)
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
    isoCache.set(day, s)
  }
  return s
}

export const yearOfDay = (day: number) => Number(isoOf(day).slice(0, 4))

/** A day in [from, to] (ISO strings or day numbers). */
export function dayBetween(r: Rng, from: string | number, to: string | number): number {
  const a = typeof from === 'string' ? dayOf(from) : from
  const b = typeof to === 'string' ? dayOf(to) : to
  return b <= a ? a : r.int(a, b)
}

/** Adds whole years to a day (same month and day; 29 Feb becomes 28 Feb). */
export function addYears(day: number, years: number): number {
  const iso = isoOf(day)
  const y = Number(iso.slice(0, 4)) + years
  const md = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5)
  return dayOf(`${y}-${md}`)
}

/** Splits `total` (integer 分) by positive weights into integer parts that sum exactly to it; the largest part takes the remainder. */
export function splitExact(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const parts = weights.map((w) => Math.floor((total * w) / sum))
  let largest = 0
  for (let i = 1; i < weights.length; i++) if (weights[i] > weights[largest]) largest = i
  parts[largest] += total - parts.reduce((a, b) => a + b, 0)
  return parts
}

export const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']
