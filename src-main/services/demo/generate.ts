/**
 * The demo county (issue 3 item 7): 巴林左旗 with its real towns and villages, filled with
 * fictitious but realistic ledgers — 公益类 and 经营类 assets with funding lines, owners, hand-overs,
 * custody, operations and status histories, 到户类 project batches, households with valid (and
 * obviously fictitious) ID numbers, and their household asset lines.
 *
 * Everything comes from one seeded random source, so the same seed gives the same county. Rows are
 * written with prepared statements; the default scale runs in one transaction (all or nothing, for
 * the first-run button), the 1m scale commits every ~50,000 rows. No audit row per record: one
 * audit row tells that the demo data were loaded.
 */
import type { DemoSummary } from '../../api/channels/demo'
import { classLetter, type AssetClass } from '../../domain/asset-enums'
import { todayIso } from '../../domain/dates'
import { AppError } from '../../domain/errors'
import { recordAudit } from '../audit'
import { formatAssetCode } from '../assets/codes'
import { refreshCompleteness } from '../assets/completeness'
import type { ServiceContext } from '../context'
import { countyDivisions } from '../divisions'
import { searchKey } from '../search'
import { rebuildHouseholdDerived } from '../households/keys'
import { getSetting } from '../settings'
import { completeSetup, isSetupDone } from '../setup'
import { assetTemplates, departments, householdItems, type AssetTemplate, type Dept, type HouseholdItem, type Level } from './catalog'
import { companyName, cooperativeKinds, fictitiousIdNo, fictitiousMobile, fictitiousUscc, newEnergyCompanyName, personName, type Sex } from './names'
import { addYears, CN_DIGITS, dayBetween, dayOf, isoOf, Rng, splitExact, weightedTable, yearOfDay } from './random'
import { generateDemoProjects } from './projects'

export interface DemoOptions {
  scale: 'default' | '1m'
  /** Another seed gives another (equally plausible) county; the default is fixed. */
  seed?: number
}

export const DEMO_COUNTY = '150422'
const DEFAULT_SEED = 20_250_422
const CHUNK_ROWS = 50_000

interface ScaleSpec {
  publicAssets: number
  operatingAssets: number
  households: number
  lines: number
  maxLinesPerHousehold: number
  /** How many 到户 items a village gets in one year: [count, weight]. */
  itemsPerVillageYear: [number, number][]
}

const scales: Record<DemoOptions['scale'], ScaleSpec> = {
  default: { publicAssets: 3_240, operatingAssets: 880, households: 12_000, lines: 36_000, maxLinesPerHousehold: 6, itemsPerVillageYear: [[0, 30], [1, 55], [2, 15]] },
  '1m': { publicAssets: 3_240, operatingAssets: 880, households: 200_000, lines: 1_000_000, maxLinesPerHousehold: 10, itemsPerVillageYear: [[1, 25], [2, 45], [3, 30]] },
}

/** Fund years and how much was built in each (脱贫攻坚 peaked 2017–2020). */
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]
const yearWeights: [number, number][] = [[2016, 8], [2017, 11], [2018, 13], [2019, 13], [2020, 12], [2021, 10], [2022, 9], [2023, 9], [2024, 8], [2025, 7]]
/** The state the demo data describe; nothing is dated later (nor later than today). */
const AS_OF = '2026-06-30'

interface Town {
  code: string
  name: string
  short: string
  govName: string
  govId: number
  villages: Village[]
  lon: number
  lat: number
}
interface Village {
  code: string
  name: string
  pastoral: boolean
  town: Town
  collectiveId: number
  committeeId: number
  groups: number
  lon: number
  lat: number
  batches: Batch[]
}
interface FundLine {
  code: string
  level: string | null
  taskLine: string
  integrated: number
  amount: number
  docNo: string
  fundYear: number
  note: string
}
interface Batch {
  village: Village
  year: number
  item: HouseholdItem
  standardFen: number
  specs: string[]
  method: string
  fund: [string, string | null]
  windowStart: number
  projectName: string
  projectCode: string
  members: number[]
  assetId: number
}
interface Household {
  headName: string
  idNo: string
  size: number
  attribute: string
  riskEliminated: number | null
  exitYear: number | null
  village: Village
  group: string
  phone: string
  householdCode: string | null
  lines: number
  sortKey: string
}

/** One 公益类/经营类/到户类 asset before it is written. */
interface AssetPlan {
  class: AssetClass
  year: number
  regDay: number
  row: Record<string, unknown>
  fundLines: FundLine[]
  owners: { orgId: number; bp: number; amount: number }[]
  handover: Record<string, unknown> | null
  custody: Record<string, unknown>[]
  operations: Record<string, unknown>[]
  statusHistory: { from: string | null; to: string; day: number; reason: string; measures: string }[]
  maintenance: Record<string, unknown>[]
  batch?: Batch
}

const householdAttributes = weightedTable<string>([
  ['脱贫户', 74],
  ['监测对象（脱贫不稳定户）', 6],
  ['监测对象（边缘易致贫户）', 5],
  ['监测对象（突发严重困难户）', 3],
  ['一般户', 12],
])
const householdSizes = weightedTable<number>([[1, 12], [2, 30], [3, 22], [4, 20], [5, 10], [6, 4], [7, 2]])
const exitYears = weightedTable<number>([[2014, 5], [2015, 8], [2016, 15], [2017, 22], [2018, 25], [2019, 20], [2020, 5]])

const genericTroubles = {
  闲置: ['项目建成后一直未投入使用', '原经营主体退出后闲置'],
  低效: ['使用率低，效益未达预期'],
  损毁: ['自然灾害造成局部损毁', '年久失修，主体结构受损'],
}
const ruinedBeyondRepair = ['山洪冲毁，已无修复价值，拟申请报废', '主体结构严重损坏，经鉴定无修复价值']
const revitalizeMeasures = [
  '拟重新公开招租，已在村务公开栏发布招租公告',
  '引进合作社托管经营',
  '调整用途为村集体仓储用房',
  '与旗农牧局对接，拟改为饲草料储备库',
  '召开村民代表大会研究盘活方案',
  '更换经营主体，重新签订经营合同',
  '申请维修资金，修复后恢复使用',
]
const linkMechanisms = ['保底分红', '收益分红、带动务工', '租金收益、优先雇用脱贫人口务工', '订单收购、技术服务', '土地流转、务工就业', '保底分红、订单收购']
const collaterals = ['以企业厂房及设备抵押', '由旗融资担保公司提供担保', '以存栏牛只抵押', '企业法定代表人个人连带责任担保']
const budgetSources = ['旗级财政预算', '乡镇（苏木）财政', '村集体经济收入', '经营性资产收益', '行业部门', '受益群众（用水户）缴费']
const handoverDocuments = ['竣工验收报告', '工程决算审计报告', '资产移交清单', '项目批复文件']

/** Project and dept names follow the renaming of the poverty-relief office (domain.md §0.2). */
const fundManager = (year: number) => (year <= 2020 ? '巴林左旗扶贫开发办公室' : year <= 2023 ? '巴林左旗乡村振兴局' : '巴林左旗农牧局')

export function generateDemo(ctx: ServiceContext, options: DemoOptions): DemoSummary {
  if (isSetupDone(ctx)) {
    throw new AppError('ALREADY_SET_UP', '本数据文件已完成首次设置，不能再载入示例数据。示例数据只能载入新的空数据文件。')
  }
  const started = performance.now()
  const db = ctx.db
  const chunked = options.scale === '1m'
  const previousCache = db.pragma('cache_size', { simple: true }) as number
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -262144')
  try {
    let counts: Omit<DemoSummary, 'countyName' | 'seconds'>
    const generator = new Generator(ctx, options, chunked)
    if (chunked) {
      db.exec('BEGIN')
      try {
        counts = generator.run()
        db.exec('COMMIT')
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK')
        // earlier chunks are committed: put back the indexes and triggers set aside for the bulk load
        generator.restoreSchema()
        throw error
      }
    } else {
      counts = db.transaction(() => generator.run())()
    }
    if (chunked) db.pragma('wal_checkpoint(TRUNCATE)')
    return { countyName: getSetting<string>(ctx, 'county.name'), ...counts, seconds: Math.round(performance.now() - started) / 1000 }
  } finally {
    db.pragma('synchronous = FULL')
    db.pragma(`cache_size = ${previousCache}`)
  }
}

class Generator {
  private readonly r: Rng
  private readonly spec: ScaleSpec
  private readonly asOf: number
  private readonly orgIds = new Map<string, number>()
  private readonly deptIds = new Map<Dept, number>()
  private towns: Town[] = []
  private villages: Village[] = []
  private readonly docPools = new Map<string, number[]>()
  private readonly projectSeq = new Map<string, number>()
  private readonly certSeq = new Map<string, number>()
  private readonly contractSeq = new Map<string, number>()
  private readonly handoverSeq = new Map<string, number>()
  private readonly names = new Set<string>()
  private readonly enterprises: number[] = []
  private readonly energyCompanies: number[] = []
  private rowsSinceCommit = 0
  private rowsDone = 0
  private rowsTotal = 0
  private earTag = { 1: 0, 2: 0, 3: 0 }
  /** Indexes and triggers set aside during the bulk load of households and lines, with their SQL. */
  private setAside: { type: string; name: string; tbl: string; sql: string }[] = []

  constructor(
    private readonly ctx: ServiceContext,
    private readonly options: DemoOptions,
    private readonly chunked: boolean,
  ) {
    this.r = new Rng(options.seed ?? DEFAULT_SEED)
    this.spec = scales[options.scale]
    const today = todayIso()
    this.asOf = dayOf(today < AS_OF ? today : AS_OF)
  }

  run(): Omit<DemoSummary, 'countyName' | 'seconds'> {
    const { ctx, spec } = this
    this.rowsTotal = spec.households + spec.lines + (spec.publicAssets + spec.operatingAssets) * 8
    this.progress('载入区划')
    const divisions = countyDivisions(ctx.paths.resourcesDir, DEMO_COUNTY)
    const rural = divisions.towns.filter((t) => t.rural)
    completeSetup(ctx, {
      countyCode: DEMO_COUNTY,
      townCodes: rural.map((t) => t.code),
      unitName: '巴林左旗农牧局（示例数据）',
      moneyUnit: '万元',
      assetLabel: '帮扶项目资产',
      startYear: 2014,
    })
    this.makeRegionsAndOrgs(rural)

    this.progress('生成资产')
    const plans: AssetPlan[] = []
    for (let i = 0; i < spec.publicAssets; i++) plans.push(this.planBuiltAsset('公益类'))
    for (let i = 0; i < spec.operatingAssets; i++) plans.push(this.planBuiltAsset('经营类'))

    this.progress('生成农户')
    this.planBatches()
    const households = this.planHouseholds()
    this.assignLines(households)
    const batches = this.villages.flatMap((v) => v.batches).filter((b) => b.members.length > 0)
    for (const b of batches) plans.push(this.planBatchAsset(b))

    const counters = this.insertAssets(plans)
    // Households and lines are loaded without their secondary indexes and triggers (several times
    // faster at 1m lines); the indexes are rebuilt in one sorted pass each, and what the triggers
    // would have kept (keys, copies, totals, summary) is computed once by the household services.
    this.setAsideSchema(['household', 'household_asset_line'])
    const householdIds = this.insertHouseholds(households)
    const lines = this.insertLines(batches, households, householdIds)
    this.progress('建立索引')
    this.restoreSchema((o) => o.type === 'index')
    this.progress('计算农户查找与汇总')
    rebuildHouseholdDerived(ctx.db)
    this.restoreSchema()
    const insertCounter = ctx.db.prepare('INSERT INTO code_counter (scope, last_value) VALUES (?, ?)')
    for (const [scope, last] of counters) insertCounter.run(scope, last)

    this.progress('计算信息完整度')
    refreshCompleteness(ctx)
    this.progress('生成项目库')
    generateDemoProjects(ctx, this.options.seed ?? DEFAULT_SEED)
    const result = {
      publicAssets: plans.filter((p) => p.class === '公益类').length,
      operatingAssets: plans.filter((p) => p.class === '经营类').length,
      householdAssets: batches.length,
      households: households.length,
      householdLines: lines,
    }
    recordAudit(ctx, {
      entity: 'county',
      entityId: DEMO_COUNTY,
      entityName: '巴林左旗',
      action: 'create',
      summary:
        `载入示例数据：巴林左旗 ${this.towns.length} 个乡镇（苏木）、${this.villages.length} 个村（嘎查），` +
        `公益类资产 ${result.publicAssets} 项、经营类资产 ${result.operatingAssets} 项、到户类资产 ${result.householdAssets} 批，` +
        `农户 ${result.households} 户、到户资产明细 ${result.householdLines} 条（虚构数据，仅供演示和培训）`,
      after: { scale: this.options.scale, seed: this.options.seed ?? DEFAULT_SEED, ...result },
    })
    return result
  }

  // ---------------------------------------------------------------- plumbing

  private progress(label: string) {
    this.ctx.progress?.({ job: 'demo', done: Math.min(this.rowsDone, this.rowsTotal), total: this.rowsTotal, label })
  }

  /** Counts written rows; in chunked mode commits every CHUNK_ROWS rows. */
  private wrote(rows: number, label: string) {
    this.rowsDone += rows
    this.rowsSinceCommit += rows
    if (this.rowsSinceCommit < CHUNK_ROWS) return
    this.rowsSinceCommit = 0
    if (this.chunked) {
      this.ctx.db.exec('COMMIT')
      this.ctx.db.exec('BEGIN')
    }
    this.progress(label)
  }

  /** Drops the secondary indexes (not the UNIQUE ones) and the triggers of the tables, keeping their SQL. */
  private setAsideSchema(tables: string[]) {
    const db = this.ctx.db
    this.setAside = db
      .prepare(
        `SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master
         WHERE tbl_name IN (${tables.map(() => '?').join(', ')}) AND type IN ('index', 'trigger') AND sql IS NOT NULL
           AND NOT (type = 'index' AND sql LIKE 'CREATE UNIQUE%')
         ORDER BY type, name`,
      )
      .all(...tables) as Generator['setAside']
    for (const o of this.setAside) db.exec(`DROP ${o.type === 'index' ? 'INDEX' : 'TRIGGER'} "${o.name}"`)
  }

  /** Re-creates what `setAsideSchema` dropped (indexes before triggers); those already there are skipped. */
  restoreSchema(which: (o: Generator['setAside'][number]) => boolean = () => true) {
    const db = this.ctx.db
    const exists = db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?')
    const pending = this.setAside.filter(which).sort((a, b) => (a.type === b.type ? 0 : a.type === 'index' ? -1 : 1))
    const work = () => {
      for (const o of pending) if (!exists.get(o.type, o.name)) db.exec(o.sql)
    }
    if (db.inTransaction) work()
    else db.transaction(work)()
    this.setAside = this.setAside.filter((o) => !pending.includes(o))
  }

  private clamp(day: number) {
    return day > this.asOf ? this.asOf : day
  }

  private org(name: string, orgType: string, uscc: string | null, regionCode: string | null): number {
    const key = `${orgType}|${name}`
    let id = this.orgIds.get(key)
    if (id === undefined) {
      id = Number(
        this.ctx.db.prepare('INSERT INTO org (name, org_type, uscc, region_code) VALUES (?, ?, ?, ?)').run(name, orgType, uscc, regionCode).lastInsertRowid,
      )
      this.orgIds.set(key, id)
    }
    return id
  }

  private usccOrNull(prefix: string, p: number, market = false) {
    return this.r.chance(p) ? fictitiousUscc(this.r, prefix, DEMO_COUNTY, market) : null
  }

  private deptName = (d: Dept) => `巴林左旗${departments[d]}`

  private deptId(d: Dept): number {
    let id = this.deptIds.get(d)
    if (id === undefined) {
      id = this.org(this.deptName(d), '县（旗）级部门', fictitiousUscc(this.r, '11', DEMO_COUNTY), `${DEMO_COUNTY}000000`)
      this.deptIds.set(d, id)
    }
    return id
  }

  /** A document number from a small pool per issuer and year, so many assets cite the same document. */
  private doc(issuer: string, year: number, range: [number, number], size = 4): string {
    const key = `${issuer}|${year}`
    let pool = this.docPools.get(key)
    if (!pool) {
      pool = Array.from({ length: size }, () => this.r.int(range[0], range[1]))
      this.docPools.set(key, pool)
    }
    return `${issuer}〔${year}〕${this.r.pick(pool)}号`
  }

  private nextSeq(map: Map<string, number>, key: string) {
    const n = (map.get(key) ?? 0) + 1
    map.set(key, n)
    return n
  }

  private projectCode(year: number, type: 'JC' | 'CY') {
    return `${year}${DEMO_COUNTY}${type}${String(this.nextSeq(this.projectSeq, `${year}${type}`)).padStart(4, '0')}`
  }

  private uniqueName(base: string) {
    let name = base
    for (let n = 2; this.names.has(name); n++) name = `${base}（${CN_DIGITS[n] ?? n}期）`
    this.names.add(name)
    return name
  }

  // ---------------------------------------------------------------- regions and organisations

  private makeRegionsAndOrgs(rural: ReturnType<typeof countyDivisions>['towns']) {
    const { r } = this
    for (const t of rural) {
      const town: Town = {
        code: t.code,
        name: t.name,
        short: t.name.replace(/(镇|乡|苏木)$/, ''),
        govName: `巴林左旗${t.name}人民政府`,
        govId: 0,
        villages: [],
        lon: r.float(118.9, 119.6),
        lat: r.float(43.75, 44.75),
      }
      town.govId = this.org(town.govName, '乡镇（苏木）人民政府', fictitiousUscc(r, '11', DEMO_COUNTY), t.code)
      for (const v of t.villages) {
        if (v.kind !== '村' && v.kind !== '嘎查') continue
        const pastoral = v.kind === '嘎查'
        const village: Village = {
          code: v.code,
          name: v.name,
          pastoral,
          town,
          collectiveId: this.org(`${v.name}股份经济合作社`, '村（嘎查）集体经济组织', this.usccOrNull('N2', 0.85), v.code),
          committeeId: this.org(`${v.name}${pastoral ? '委员会' : '村民委员会'}`, '村（嘎查）民委员会', this.usccOrNull('54', 0.6), v.code),
          groups: r.int(3, 10),
          lon: town.lon + r.float(-0.08, 0.08),
          lat: town.lat + r.float(-0.06, 0.06),
          batches: [],
        }
        town.villages.push(village)
        this.villages.push(village)
      }
      this.towns.push(town)
    }
    for (const d of Object.keys(departments) as Dept[]) this.deptId(d)
    for (let i = 0; i < 3; i++) {
      this.energyCompanies.push(this.org(this.distinctCompany(newEnergyCompanyName), '企业', fictitiousUscc(r, '91', DEMO_COUNTY, true), null))
    }
    for (let i = 0; i < 36; i++) {
      this.enterprises.push(this.org(this.distinctCompany(companyName), '企业', fictitiousUscc(r, '91', DEMO_COUNTY, true), null))
    }
    this.org('巴林左旗国有资产投资经营有限责任公司', '国有企业', fictitiousUscc(r, '91', DEMO_COUNTY, true), null)
  }

  private distinctCompany(make: (r: Rng) => string) {
    for (;;) {
      const name = make(this.r)
      if (!this.orgIds.has(`企业|${name}`)) return name
    }
  }

  private cooperative(village: Village): number {
    const kind = village.pastoral ? this.r.pick(['肉牛养殖', '肉羊养殖', '种养殖', '饲草料种植']) : this.r.pick(cooperativeKinds)
    return this.org(`巴林左旗${village.name}${kind}专业合作社`, '农民专业合作社', this.usccOrNull('93', 0.9, true), village.code)
  }

  private familyFarm(village: Village): number {
    const name = `巴林左旗${personName(this.r, village.pastoral && this.r.chance(0.6), '男')}家庭农场`
    return this.org(name, '家庭农场', this.usccOrNull(this.r.chance(0.5) ? '92' : '91', 0.8, true), village.code)
  }

  // ---------------------------------------------------------------- 公益类 and 经营类

  private pickTemplate(cls: '公益类' | '经营类', village: Village, year: number): AssetTemplate {
    const pairs: [AssetTemplate, number][] = []
    for (const t of assetTemplates) {
      if (t.class !== cls) continue
      if (t.years && (year < t.years[0] || year > t.years[1])) continue
      const p = t.pastoral ?? 1
      pairs.push([t, village.pastoral ? t.weight * p : t.weight / Math.sqrt(Math.max(p, 1))])
    }
    return this.r.weighted(pairs)
  }

  private quantity(t: AssetTemplate): number {
    const { r } = this
    const [min, max] = t.qty
    if (t.step) return Math.round(r.float(min, max) / t.step) * t.step
    if (t.decimals) {
      const f = 10 ** t.decimals
      return Math.round(r.float(min, max) * f) / f
    }
    return r.int(min, max)
  }

  /** Funding lines for a total (分) that sum exactly to it (domain.md §2.2). */
  private fundLines(total: number, year: number, cls: AssetClass, subtype: string, pastoral: boolean): FundLine[] {
    const { r } = this
    const parts: { code: string; level: string | null; w: number }[] = []
    const fiscalLevels = (code: 'XJ' | 'ZX') => {
      parts.push({ code, level: '中央', w: r.float(50, 75) })
      if (r.chance(0.7)) parts.push({ code, level: '自治区', w: r.float(10, 25) })
      if (r.chance(0.2)) parts.push({ code, level: '盟市', w: r.float(3, 6) })
      if (r.chance(0.5)) parts.push({ code, level: '旗县', w: r.float(3, 10) })
    }
    const operating = cls === '经营类'
    if (year >= 2021) {
      if (r.chance(0.05)) parts.push({ code: 'DX', level: null, w: 100 })
      else {
        fiscalLevels('XJ')
        if (r.chance(operating ? 0.3 : 0.12)) parts.push({ code: 'DX', level: null, w: r.float(15, 50) })
        if (!operating && r.chance(0.1)) parts.push({ code: 'HY', level: null, w: r.float(10, 40) })
        if (r.chance(0.08)) parts.push({ code: 'ZH', level: null, w: r.float(10, 30) })
      }
    } else if (subtype === 'G12') {
      parts.push({ code: 'YD', level: null, w: r.float(60, 90) })
      if (r.chance(0.6)) parts.push({ code: 'ZH', level: null, w: r.float(10, 40) })
    } else if (r.chance(0.15)) {
      parts.push({ code: 'ZH', level: null, w: 100 })
    } else {
      fiscalLevels('ZX')
      if (r.chance(0.45)) parts.push({ code: 'ZH', level: null, w: r.float(20, 60) })
      if (year >= 2017 && r.chance(operating ? 0.25 : 0.12)) parts.push({ code: 'DX', level: null, w: r.float(15, 50) })
      if (!operating && r.chance(0.12)) parts.push({ code: 'HY', level: null, w: r.float(10, 40) })
      if (year >= 2018 && r.chance(0.04)) parts.push({ code: 'ZQ', level: null, w: r.float(10, 40) })
      if (r.chance(0.02)) parts.push({ code: 'CP', level: null, w: r.float(5, 20) })
    }
    if (r.chance(0.1)) parts.push({ code: 'CJ', level: null, w: r.float(2, 8) })
    if (operating && r.chance(0.12)) parts.push({ code: 'QY', level: null, w: r.float(5, 25) })
    if (r.chance(0.03)) parts.push({ code: 'NH', level: null, w: r.float(2, 8) })
    if (r.chance(0.02)) parts.push({ code: 'SH', level: null, w: r.float(3, 10) })
    const amounts = splitExact(total, parts.map((p) => p.w))
    return parts.map((p, i) => {
      let fundYear = year
      // a few lines were allocated the year before (pre-allocated 提前下达 money)
      if (i > 0 && r.chance(0.06) && year - 1 >= 2016 && (p.code === 'ZH' || p.code === 'HY' || (p.code === 'XJ' && year - 1 >= 2021))) fundYear = year - 1
      return {
        code: p.code,
        level: p.level,
        taskLine:
          p.code === 'XJ' && p.level === '中央'
            ? ['G01', 'G02', 'G03'].includes(subtype) && r.chance(0.2)
              ? '以工代赈任务'
              : pastoral && r.chance(0.15)
                ? '少数民族发展任务'
                : ''
            : '',
        integrated: p.code === 'ZH' || ((p.code === 'XJ' || p.code === 'ZX') && r.chance(0.6)) ? 1 : 0,
        amount: amounts[i],
        docNo: this.fundDoc(p.code, p.level, fundYear),
        fundYear,
        note: p.code === 'SH' ? r.pick(['北京市对口帮扶单位捐赠', '爱心企业捐赠', '社会组织捐赠']) : p.code === 'CJ' ? '村集体经济积累' : '',
      }
    })
  }

  private fundDoc(code: string, level: string | null, year: number): string {
    switch (code) {
      case 'XJ':
      case 'ZX':
        if (level === '盟市') return this.doc('赤财农', year, [20, 300])
        if (level === '旗县') return this.doc('巴左财农', year, [5, 120])
        return this.doc('内财农', year, [100, 1500], 6)
      case 'ZH':
        return this.doc('巴左政发', year, [3, 80], 3)
      case 'HY':
        return this.doc('巴左财建', year, [5, 150])
      case 'DX':
        return this.doc('赤扶协发', year, [1, 40], 3)
      case 'YD':
        return this.doc('内发改投资', year, [100, 900], 2)
      case 'ZQ':
        return this.doc('内财债', year, [10, 200], 2)
      case 'CP':
        return this.doc('内财农', year, [100, 1500], 2)
      default:
        return ''
    }
  }

  private beneficiaries(level: Level, town: Town, skip: boolean) {
    const { r } = this
    if (skip) return { bh: 0, bp: 0, ph: 0, pp: 0, mh: 0, mp: 0, villages: null as number | null }
    const bh = level === 'village' ? r.int(30, 350) : level === 'town' ? r.int(300, 3000) : r.int(1000, 8000)
    const bp = Math.round(bh * r.float(2.1, 2.9))
    const ph = Math.round(bh * r.float(0.08, 0.45))
    const mh = Math.min(bh - ph, Math.round(bh * r.float(0, 0.06)))
    const pp = Math.min(Math.round(ph * r.float(1.8, 2.6)), bp)
    const mp = Math.min(Math.round(mh * r.float(1.8, 3)), bp - pp)
    const villages = level === 'village' ? 1 : level === 'town' ? town.villages.length : r.int(5, 40)
    return { bh, bp, ph, pp, mh, mp, villages }
  }

  private planBuiltAsset(cls: '公益类' | '经营类'): AssetPlan {
    const { r } = this
    const year = r.weighted(yearWeights)
    const home = r.pick(this.villages)
    const t = this.pickTemplate(cls, home, year)
    const level = r.weighted(t.levels)
    const town = home.town
    const village = level === 'village' || (level === 'town' && r.chance(0.6)) || (level === 'county' && r.chance(0.4)) ? home : null
    const title = typeof t.title === 'function' ? t.title({ pastoral: home.pastoral, year }) : t.title
    const place = level === 'county' ? `${year}年${town.name}${village?.name ?? ''}` : `${village ? village.name : town.name}${year}年`
    const name = this.uniqueName(`${place}${title}`)
    const stem = title.replace(/工程$/, '')
    const industry = cls === '经营类' ? (year <= 2020 ? '产业扶贫' : '产业帮扶') : ''
    const projectName = `${year}年${town.name}${village?.name ?? ''}${stem}${industry}项目`
    const quantity = this.quantity(t)
    const baseFen = Math.round(quantity * r.float(t.unitCost[0], t.unitCost[1])) * 100
    let total = t.unitCost[1] === 1 ? quantity * 100 : r.chance(0.55) ? baseFen + r.int(0, 9_999) : Math.round(baseFen / 10_000) * 10_000
    if (total < 100_000) total = 100_000 + r.int(0, 99) * 100
    const original = r.chance(0.97) ? total : Math.floor(total * r.float(0.85, 0.99))
    const fundLines = this.fundLines(total, year, cls, t.subtype, home.pastoral)
    const fiscal = fundLines.find((f) => f.docNo !== '')

    // dates: start ≤ completion ≤ acceptance ≤ hand-over (a few historic records differ)
    const building = year === 2025 && r.chance(0.12)
    const big = total > 50_000_000
    const start = this.clamp(dayBetween(r, `${year}-04-01`, `${year}-08-20`))
    const completion = this.clamp(start + (big ? r.int(60, 200) : r.int(20, 90)))
    const acceptance = this.clamp(completion + (r.chance(0.85) ? r.int(7, 60) : r.int(90, 200)))
    const inUse = this.clamp(r.chance(0.6) ? acceptance : dayBetween(r, completion, acceptance + 10))
    const historic = year <= 2019 && r.chance(0.7)
    const cleanup = historic && r.chance(0.5)
    let handoverDay = this.clamp(cleanup ? Math.max(acceptance, dayBetween(r, '2020-10-10', '2021-06-30')) : acceptance + r.int(0, 90))
    let confirmDay = this.clamp(r.chance(0.3) ? handoverDay : handoverDay + r.int(0, 120))
    let startDay = start
    let acceptanceDay = acceptance
    let anomaly = false
    const odd = r.next()
    if (!building && odd < 0.008) {
      handoverDay = Math.max(completion, acceptance - r.int(5, 60))
      anomaly = handoverDay < acceptance
    } else if (!building && odd < 0.012) {
      confirmDay = acceptance - r.int(10, 40)
      anomaly = true
    } else if (!building && odd < 0.014) {
      acceptanceDay = completion - r.int(5, 30)
      anomaly = true
    } else if (!building && odd < 0.015) {
      startDay = addYears(start, 1)
      anomaly = startDay > completion
    }

    // owners (确权): most completed assets are confirmed
    const confirmed = !building && r.chance(0.92)
    const owners: AssetPlan['owners'] = []
    if (confirmed) {
      if (level === 'village') {
        const joint = r.chance(t.joint ?? (cls === '经营类' ? 0.06 : 0.03)) && town.villages.length >= 2
        const members = joint ? [home, ...r.sample(town.villages.filter((v) => v !== home), r.int(1, 2))] : [home]
        const weights = members.map(() => r.int(2, 8))
        const bps = splitExact(10_000, weights)
        const amounts = splitExact(original, bps)
        members.forEach((m, i) => owners.push({ orgId: m.collectiveId, bp: bps[i], amount: amounts[i] }))
      } else if (level === 'town') {
        owners.push({ orgId: town.govId, bp: 10_000, amount: original })
      } else {
        const orgId = cls === '经营类' && t.subtype === 'J05' ? this.orgIds.get('国有企业|巴林左旗国有资产投资经营有限责任公司')! : this.deptId(t.dept)
        owners.push({ orgId, bp: 10_000, amount: original })
      }
    }
    const joint = owners.length > 1
    const ownerOrg = owners[0]?.orgId ?? (level === 'village' ? home.collectiveId : level === 'town' ? town.govId : this.deptId(t.dept))
    const confirmYear = yearOfDay(confirmDay)
    const certNo = confirmed && r.chance(0.8) ? `巴左资确〔${confirmYear}〕${String(this.nextSeq(this.certSeq, String(confirmYear))).padStart(4, '0')}号` : null

    const sectorDept = ['J06', 'J12', 'J13'].includes(t.subtype) ? fundManager(year) : this.deptName(t.dept)
    const implUnit = level === 'county' ? this.deptName(t.dept) : town.govName
    const handedOver = !building && r.chance(confirmed ? 0.93 : 0.5)
    const handoverDoc = handedOver
      ? `${level === 'county' ? '巴左' : town.short}资产移交〔${yearOfDay(handoverDay)}〕${this.nextSeq(this.handoverSeq, `${level === 'county' ? '' : town.code}${yearOfDay(handoverDay)}`)}号`
      : null
    const ben = this.beneficiaries(level, town, r.chance(0.05))
    const group = village && r.chance(0.5) ? `${CN_DIGITS[r.int(1, village.groups)]}组` : ''

    // status and its history
    let status = '正常'
    if (building) status = '在建'
    else {
      status = r.weighted(
        cls === '经营类'
          ? [['正常', 82], ['闲置', 6], ['低效', 7], ['损毁（可修复）', 2.5], ['损毁（不可修复）', 0.8], ['待处置', 0.5]]
          : [['正常', 90], ['闲置', 3], ['低效', 2], ['损毁（可修复）', 3], ['损毁（不可修复）', 1], ['待处置', 0.4]],
      )
      if (status === '损毁（不可修复）' && t.unitCost[1] === 1) status = '低效'
    }
    const troubles = (kind: '闲置' | '低效' | '损毁') => t.troubles?.[kind] ?? genericTroubles[kind]
    let note = ''
    let measures = ''
    if (status === '闲置' || status === '低效') {
      note = r.pick(troubles(status))
      if (r.chance(0.75)) measures = r.pick(revitalizeMeasures)
    } else if (status === '损毁（可修复）') {
      note = r.pick(troubles('损毁'))
      if (r.chance(0.5)) measures = '已申请维修资金，计划汛期前修复'
    } else if (status === '损毁（不可修复）') note = r.pick(ruinedBeyondRepair)
    else if (status === '待处置') note = '已列入资产处置计划，待履行处置程序'
    const statusHistory: AssetPlan['statusHistory'] = []
    if (building) statusHistory.push({ from: null, to: '在建', day: startDay, reason: '登记（在建项目）', measures: '' })
    else {
      statusHistory.push({ from: null, to: '正常', day: inUse, reason: '登记', measures: '' })
      const changeDay = this.clamp(dayBetween(r, inUse + 180, this.asOf))
      if (status === '待处置') {
        const ruin = this.clamp(dayBetween(r, inUse + 180, changeDay))
        statusHistory.push({ from: '正常', to: '损毁（不可修复）', day: ruin, reason: r.pick(ruinedBeyondRepair), measures: '' })
        statusHistory.push({ from: '损毁（不可修复）', to: '待处置', day: changeDay, reason: note, measures: '' })
      } else if (status !== '正常') {
        statusHistory.push({ from: '正常', to: status, day: changeDay, reason: note, measures })
      } else if (r.chance(0.04)) {
        const idle = this.clamp(dayBetween(r, inUse + 180, this.asOf - 200))
        statusHistory.push({ from: '正常', to: '闲置', day: idle, reason: r.pick(troubles('闲置')), measures: r.pick(revitalizeMeasures) })
        statusHistory.push({ from: '闲置', to: '正常', day: this.clamp(idle + r.int(60, 200)), reason: '重新招租后恢复使用', measures: '' })
      }
    }

    // operation (经营类)
    const operations: Record<string, unknown>[] = []
    let operatorOrg: number | null = null
    if (cls === '经营类' && t.operating && !building && r.chance(0.92)) {
      const op = t.operating
      const mode = r.weighted(op.modes)
      if (mode === '自主经营') operatorOrg = ownerOrg
      else if (op.operator === 'energy') operatorOrg = r.pick(this.energyCompanies)
      else if (op.operator === 'enterprise') operatorOrg = r.pick(this.enterprises)
      else {
        const kind = r.weighted<'coop' | 'farm' | 'enterprise'>([['coop', 60], ['farm', 25], ['enterprise', 15]])
        operatorOrg = kind === 'coop' ? this.cooperative(home) : kind === 'farm' ? this.familyFarm(home) : r.pick(this.enterprises)
      }
      const contractStart = this.clamp((handedOver ? handoverDay : inUse) + r.int(0, 45))
      const years = r.pick(op.contractYears)
      const contractEnd = addYears(contractStart, years) - 1
      const self = mode === '自主经营'
      const rate = r.float(op.incomeRate[0], op.incomeRate[1])
      const previous = !self && r.chance(0.06) && contractStart + 800 < this.asOf
      const current = {
        operator_org_id: operatorOrg,
        mode,
        decision_type: joint ? '联建村共同决策' : level === 'village' ? r.weighted([['四议两公开', 60], ['村民（代表）大会', 35], ['其他', 5]]) : '其他',
        decision_date: isoOf(contractStart - r.int(5, 40)),
        filed_with: level === 'village' ? town.govName : '巴林左旗农牧局',
        contract_no: self ? '' : `${town.short}经合〔${yearOfDay(contractStart)}〕${this.nextSeq(this.contractSeq, `${town.code}${yearOfDay(contractStart)}`)}号`,
        contract_start: self ? null : isoOf(contractStart),
        contract_end: self ? null : isoOf(contractEnd),
        agreed_income: self ? null : Math.max(1, Math.round((original * rate) / 10_000)) * 10_000,
        collateral: (mode === '委托经营' || t.subtype === 'J13') && r.chance(0.4) ? r.pick(collaterals) : '',
        equity_bp: t.subtype === 'J12' ? r.int(1, 20) * 100 : null,
        claim_principal: t.subtype === 'J13' ? original : null,
        claim_due_date: t.subtype === 'J13' ? isoOf(contractEnd) : null,
        link_mechanism: r.pick(linkMechanisms),
        jobs: r.chance(0.8) ? r.int(2, 60) : null,
        active: 1,
      }
      if (previous) {
        // an earlier operator whose contract ended early; the current contract starts later
        const prevStart = contractStart
        const prevEnd = prevStart + r.int(300, 700)
        operations.push({
          ...current,
          operator_org_id: r.pick(this.enterprises),
          contract_no: `${town.short}经合〔${yearOfDay(prevStart)}〕${this.nextSeq(this.contractSeq, `${town.code}${yearOfDay(prevStart)}`)}号`,
          contract_start: isoOf(prevStart),
          contract_end: isoOf(prevEnd),
          equity_bp: null,
          active: 0,
        })
        const newStart = this.clamp(prevEnd + r.int(1, 60))
        current.decision_date = isoOf(newStart - r.int(5, 30))
        current.contract_start = isoOf(newStart)
        current.contract_end = isoOf(addYears(newStart, years) - 1)
        current.contract_no = `${town.short}经合〔${yearOfDay(newStart)}〕${this.nextSeq(this.contractSeq, `${town.code}${yearOfDay(newStart)}`)}号`
      }
      operations.push(current)
    }

    // custody (管护)
    const custody: Record<string, unknown>[] = []
    if (!building && r.chance(handedOver ? 0.92 : 0.7)) {
      const mode = r.weighted(t.custody)
      let custodian: number
      if ((mode === '委托管护' || mode === '专业运维') && operatorOrg !== null && operatorOrg !== ownerOrg) custodian = operatorOrg
      else if (mode === '专业运维') custodian = t.subtype === 'J05' ? r.pick(this.energyCompanies) : this.deptId(t.dept)
      else if (level === 'village') custodian = home.committeeId
      else if (level === 'town') custodian = town.govId
      else custodian = this.deptId(t.dept)
      const from = handedOver ? handoverDay : inUse
      const person = personName(r, home.pastoral ? r.chance(0.6) : r.chance(0.08), r.chance(0.85) ? '男' : '女')
      const phone = r.chance(0.95) ? fictitiousMobile(r) : ''
      const budget = r.chance(0.35) ? r.int(10, 300) * 10_000 : null
      const row = {
        custodian_org_id: custodian,
        person,
        phone,
        is_public_post: mode === '设置公益性岗位管护' ? 1 : 0,
        mode,
        budget_per_year: budget,
        budget_source: budget === null ? '' : r.pick(budgetSources),
        from_date: isoOf(from),
        to_date: null as string | null,
        active: 1,
      }
      if (r.chance(0.08) && from + 400 < this.asOf) {
        const change = this.clamp(from + r.int(365, 1500))
        custody.push({ ...row, person: personName(r, home.pastoral && r.chance(0.6), '男'), phone: fictitiousMobile(r), to_date: isoOf(change), active: 0 })
        row.from_date = isoOf(change)
      }
      custody.push(row)
    }

    // maintenance and inspection records
    const maintenance: Record<string, unknown>[] = []
    if (!building && r.chance(0.25)) {
      const n = r.int(1, 3)
      for (let i = 0; i < n; i++) {
        const kind = r.weighted([['巡查', 50], ['维修', 30], ['养护', 20]])
        maintenance.push({
          record_date: isoOf(this.clamp(dayBetween(r, inUse + 30, this.asOf))),
          kind,
          content:
            kind === '巡查'
              ? r.pick(['日常巡查，设施运行正常', '汛前安全检查，未发现隐患', '冬季防冻检查'])
              : kind === '维修'
                ? r.pick(['修补破损部位', '更换损坏配件', '维修供电线路', '修复路面坑槽约20平方米', '更换水泵1台'])
                : r.pick(['清理边沟杂物', '设备保养', '除锈刷漆', '补植补栽']),
          cost: kind === '巡查' ? 0 : r.int(5, 500) * 10_000,
          payer: kind === '巡查' ? '' : r.pick(['村集体', '管护经费', '行业主管部门', '经营主体']),
          person: (custody[custody.length - 1]?.person as string | undefined) ?? personName(r, false, '男'),
        })
      }
    }

    const depreciate = cls === '经营类' && (t.form ?? '固定资产') === '固定资产' && !building && r.chance(0.4)
    const years = Math.max(0, (this.asOf - inUse) / 365)
    const accDep = depreciate ? Math.min(Math.floor((original * years) / 20), Math.floor(original * 0.95)) : 0

    const row = {
      external_code: null,
      name,
      class: cls,
      subtype_code: t.subtype,
      form: t.form ?? '固定资产',
      property_nature: level === 'village' ? '集体资产' : '国有资产',
      spec: t.spec(quantity, r, { pastoral: home.pastoral, year }),
      unit: t.unit,
      quantity,
      original_value: original,
      total_investment: total,
      acc_depreciation: accDep,
      net_value: depreciate ? original - accDep : null,
      project_name: projectName,
      project_code: this.projectCode(year, cls === '公益类' ? 'JC' : 'CY'),
      fund_year: year,
      fund_doc_no: fiscal?.docNo ?? '',
      town_code: town.code,
      village_code: village?.code ?? null,
      group_name: group,
      location: r.chance(0.6) ? `${town.name}${village?.name ?? ''}${group || r.pick(['村委会东侧', '村北', '村南', '主街西侧', ''])}` : '',
      longitude: r.chance(0.55) ? Math.round(((village ?? home).lon + r.float(-0.01, 0.01)) * 1e6) / 1e6 : null,
      latitude: null as number | null,
      sector_dept: sectorDept,
      impl_unit: implUnit,
      start_date: isoOf(startDay),
      completion_date: building ? null : isoOf(completion),
      acceptance_date: building ? null : isoOf(acceptanceDay),
      in_use_date: building ? null : isoOf(inUse),
      handover_date: handedOver ? isoOf(handoverDay) : null,
      handover_doc_no: handoverDoc,
      confirm_level: level === 'village' ? '村（嘎查）级' : level === 'town' ? '乡（苏木）镇级' : '县（旗）级',
      confirm_date: confirmed ? isoOf(confirmDay) : null,
      cert_no: certNo,
      status,
      status_note: note,
      revitalize_measures: measures,
      beneficiary_households: ben.bh,
      beneficiary_persons: ben.bp,
      poor_households: ben.ph,
      poor_persons: ben.pp,
      monitor_households: ben.mh,
      monitor_persons: ben.mp,
      beneficiary_villages: ben.villages,
      remarks: joint ? '联建项目，按投资比例确权到各村（嘎查）' : cleanup ? '2021年扶贫项目资产清理时补录' : anomaly ? '历史资产，日期以原始档案为准' : '',
      historic: historic || anomaly ? 1 : 0,
    }
    if (row.longitude !== null) row.latitude = Math.round(((village ?? home).lat + r.float(-0.01, 0.01)) * 1e6) / 1e6

    const handover = handedOver
      ? {
          handover_date: isoOf(handoverDay),
          from_unit: implUnit,
          to_org_id: ownerOrg,
          supervisor_unit: sectorDept,
          doc_no: handoverDoc,
          items_json: JSON.stringify([{ name, spec: row.spec, unit: t.unit, quantity, amountFen: original, note: '' }]),
          documents_json: JSON.stringify(r.sample(handoverDocuments, r.int(2, 4))),
          note: cleanup ? '清产核资补办移交手续' : '',
        }
      : null
    return {
      class: cls,
      year,
      regDay: handedOver ? handoverDay : acceptance,
      row,
      fundLines,
      owners,
      handover,
      custody,
      operations,
      statusHistory,
      maintenance,
    }
  }

  // ---------------------------------------------------------------- 到户类: batches, households, lines

  private planBatches() {
    const { r, spec } = this
    const projects = new Map<string, [string, string]>()
    for (const village of this.villages) {
      for (const year of YEARS) {
        const n = r.weighted(spec.itemsPerVillageYear)
        if (n === 0) continue
        const pairs: [HouseholdItem, number][] = householdItems
          .filter((it) => !it.years || (year >= it.years[0] && year <= it.years[1]))
          .map((it) => {
            const p = it.pastoral ?? 1
            return [it, village.pastoral ? it.weight * p : it.weight / Math.max(p, 1)]
          })
        const chosen = new Set<HouseholdItem>()
        for (let guard = 0; chosen.size < n && guard < 20; guard++) chosen.add(r.weighted(pairs))
        for (const item of chosen) {
          const key = `${year}|${village.town.code}|${item.item}`
          let project = projects.get(key)
          if (!project) {
            project = [`${year}年${village.town.name}${item.item}到户${year <= 2020 ? '产业扶贫' : '产业帮扶'}项目`, this.projectCode(year, 'CY')]
            projects.set(key, project)
          }
          const fund: [string, string | null] =
            year >= 2021
              ? [r.weighted([['XJ', 75], ['DX', 15], ['ZH', 10]]), null]
              : [r.weighted([['ZX', 55], ['ZH', 30], ['DX', year >= 2017 ? 10 : 0], ['HY', 5]]), null]
          if (r.chance(0.25)) {
            const second = r.pick(year >= 2021 ? ['XJ', 'DX', 'ZH'] : ['ZX', 'ZH'])
            if (second !== fund[0]) fund[1] = second
          }
          village.batches.push({
            village,
            year,
            item,
            standardFen: r.pick(item.standards) * 100,
            specs: r.sample(item.specs, r.int(1, Math.min(2, item.specs.length))),
            method: r.weighted(item.methods),
            fund,
            windowStart: dayBetween(r, `${year}-04-10`, `${year}-10-15`),
            projectName: project[0],
            projectCode: project[1],
            members: [],
            assetId: 0,
          })
        }
      }
    }
  }

  private planHouseholds(): Household[] {
    const { r, spec } = this
    const weights = this.villages.map((v) => (v.batches.length === 0 ? 0 : r.float(0.5, 1.5)))
    const perVillage = splitExact(spec.households, weights)
    const ids = new Set<string>()
    const households: Household[] = []
    this.villages.forEach((village, vi) => {
      const mongolShare = village.pastoral ? 0.7 : village.town.name.endsWith('苏木') ? 0.4 : 0.08
      for (let i = 0; i < perVillage[vi]; i++) {
        const sex: Sex = r.chance(0.82) ? '男' : '女'
        const mongolian = r.chance(mongolShare)
        let idNo = ''
        for (;;) {
          const birth = isoOf(dayBetween(r, '1940-01-01', '2000-12-31'))
          idNo = fictitiousIdNo(DEMO_COUNTY, birth, sex, r.int(0, 49))
          if (!ids.has(idNo)) break
        }
        ids.add(idNo)
        const attribute = householdAttributes(r)
        const monitored = attribute.startsWith('监测对象')
        const poor = attribute === '脱贫户' || attribute === '监测对象（脱贫不稳定户）'
        households.push({
          headName: personName(r, mongolian, sex),
          idNo,
          size: sex === '女' && r.chance(0.5) ? r.int(1, 3) : householdSizes(r),
          attribute,
          riskEliminated: monitored ? (r.chance(0.8) ? 1 : 0) : null,
          exitYear: poor ? exitYears(r) : null,
          village,
          group: `${CN_DIGITS[r.int(1, village.groups)]}组`,
          phone: r.chance(0.9) ? fictitiousMobile(r) : '',
          householdCode: attribute !== '一般户' && r.chance(0.9) ? `${village.code}${String(i + 1).padStart(5, '0')}` : null,
          lines: 1,
          sortKey: '',
        })
      }
    })
    return households
  }

  /** How many lines each household gets (summing exactly to the scale's total), and from which batches. */
  private assignLines(households: Household[]) {
    const { r, spec } = this
    const cap = (h: Household) => Math.min(spec.maxLinesPerHousehold, h.village.batches.length)
    const capacity = households.reduce((n, h) => n + cap(h), 0)
    if (capacity < spec.lines) throw new AppError('INTERNAL', '示例数据规模设置有误：到户项目不足以容纳所需的明细条数。')
    let extra = spec.lines - households.length
    while (extra > 0) {
      const h = households[r.int(0, households.length - 1)]
      if (h.lines >= cap(h)) continue
      if (h.attribute === '一般户' && !r.chance(0.3)) continue
      h.lines++
      extra--
    }
    households.forEach((h, i) => {
      for (const b of r.sample(h.village.batches, h.lines)) b.members.push(i)
    })
  }

  private planBatchAsset(b: Batch): AssetPlan {
    const { r } = this
    const issueEnd = this.clamp(b.windowStart + 25)
    const name = this.uniqueName(`${b.village.name}${b.year}年${b.item.item}到户项目`)
    return {
      class: '到户类',
      year: b.year,
      regDay: issueEnd,
      batch: b,
      row: {
        external_code: null,
        name,
        class: '到户类',
        subtype_code: b.item.subtype,
        form: b.item.form,
        property_nature: '农户私有',
        spec: b.specs.join('、'),
        unit: b.item.unit,
        quantity: 0,
        original_value: 0,
        total_investment: 0,
        acc_depreciation: 0,
        net_value: null,
        project_name: b.projectName,
        project_code: b.projectCode,
        fund_year: b.year,
        fund_doc_no: '',
        town_code: b.village.town.code,
        village_code: b.village.code,
        group_name: '',
        location: '',
        longitude: null,
        latitude: null,
        sector_dept: '巴林左旗农牧局',
        impl_unit: b.village.town.govName,
        start_date: null,
        completion_date: null,
        acceptance_date: isoOf(this.clamp(issueEnd + r.int(5, 30))),
        in_use_date: isoOf(issueEnd),
        handover_date: null,
        handover_doc_no: null,
        confirm_level: '户',
        confirm_date: null,
        cert_no: null,
        status: '正常',
        status_note: '',
        revitalize_measures: '',
        beneficiary_households: 0,
        beneficiary_persons: 0,
        poor_households: 0,
        poor_persons: 0,
        monitor_households: 0,
        monitor_persons: 0,
        beneficiary_villages: 1,
        remarks: `到户资产花名册 ${b.members.length} 户，明细见到户资产台账`,
        historic: b.year <= 2019 && r.chance(0.5) ? 1 : 0,
      },
      fundLines: [],
      owners: [],
      handover: null,
      custody: [],
      operations: [],
      statusHistory: [{ from: null, to: '正常', day: issueEnd, reason: '登记（到户资产发放完毕）', measures: '' }],
      maintenance: [],
    }
  }

  // ---------------------------------------------------------------- writing

  private insertAssets(plans: AssetPlan[]): Map<string, number> {
    const { db, user } = this.ctx
    const rule = getSetting<string>(this.ctx, 'asset.codeRule')
    const cut = rule.search(/\{序\d\}/)
    const order = plans.map((p, i) => ({ p, i }))
    order.sort((a, b) => a.p.year - b.p.year || a.p.regDay - b.p.regDay || a.i - b.i)
    const counters = new Map<string, number>()
    const columns = Object.keys(plans[0].row)
    const insertAsset = db.prepare(
      `INSERT INTO asset (code, search_key, created_by, ${columns.join(', ')}) VALUES (?, ?, ?, ${columns.map(() => '?').join(', ')})`,
    )
    const insertFund = db.prepare(
      `INSERT INTO asset_fund_source (asset_id, source_type, level, task_line, integrated, amount, doc_no, fund_year, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertOwner = db.prepare('INSERT INTO asset_owner_share (asset_id, owner_org_id, share_bp, share_amount) VALUES (?, ?, ?, ?)')
    const insertHandover = db.prepare(
      `INSERT INTO asset_handover (asset_id, handover_date, from_unit, to_org_id, supervisor_unit, doc_no, items_json, documents_json, note)
       VALUES (@asset_id, @handover_date, @from_unit, @to_org_id, @supervisor_unit, @doc_no, @items_json, @documents_json, @note)`,
    )
    const insertCustody = db.prepare(
      `INSERT INTO asset_custody (asset_id, custodian_org_id, person, phone, is_public_post, mode, budget_per_year, budget_source, from_date, to_date, active)
       VALUES (@asset_id, @custodian_org_id, @person, @phone, @is_public_post, @mode, @budget_per_year, @budget_source, @from_date, @to_date, @active)`,
    )
    const insertOperation = db.prepare(
      `INSERT INTO asset_operation (asset_id, operator_org_id, mode, decision_type, decision_date, filed_with, contract_no, contract_start, contract_end,
         agreed_income, collateral, equity_bp, claim_principal, claim_due_date, link_mechanism, jobs, active)
       VALUES (@asset_id, @operator_org_id, @mode, @decision_type, @decision_date, @filed_with, @contract_no, @contract_start, @contract_end,
         @agreed_income, @collateral, @equity_bp, @claim_principal, @claim_due_date, @link_mechanism, @jobs, @active)`,
    )
    const insertStatus = db.prepare(
      'INSERT INTO asset_status_history (asset_id, from_status, to_status, change_date, reason, measures, user) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    const insertMaintenance = db.prepare(
      `INSERT INTO asset_maintenance (asset_id, record_date, kind, content, cost, payer, person)
       VALUES (@asset_id, @record_date, @kind, @content, @cost, @payer, @person)`,
    )
    for (const { p } of order) {
      const letter = classLetter[p.class]
      const scope = formatAssetCode(rule.slice(0, cut), { county: DEMO_COUNTY, letter, year: p.year, seq: 0 })
      const seq = (counters.get(scope) ?? 0) + 1
      counters.set(scope, seq)
      const code = formatAssetCode(rule, { county: DEMO_COUNTY, letter, year: p.year, seq })
      const row = p.row
      const id = Number(
        insertAsset.run(code, searchKey(`${row.name as string} ${row.project_name as string}`), user, ...columns.map((c) => row[c])).lastInsertRowid,
      )
      let rows = 1
      if (p.batch) p.batch.assetId = id
      for (const f of p.fundLines) insertFund.run(id, f.code, f.level, f.taskLine, f.integrated, f.amount, f.docNo, f.fundYear, f.note)
      for (const o of p.owners) insertOwner.run(id, o.orgId, o.bp, o.amount)
      if (p.handover) insertHandover.run({ asset_id: id, ...p.handover })
      for (const c of p.custody) insertCustody.run({ asset_id: id, ...c })
      for (const o of p.operations) insertOperation.run({ asset_id: id, ...o })
      for (const s of p.statusHistory) insertStatus.run(id, s.from, s.to, isoOf(s.day), s.reason, s.measures, user)
      for (const m of p.maintenance) insertMaintenance.run({ asset_id: id, ...m })
      rows += p.fundLines.length + p.owners.length + (p.handover ? 1 : 0) + p.custody.length + p.operations.length + p.statusHistory.length + p.maintenance.length
      this.wrote(rows, '写入资产')
    }
    return counters
  }

  private insertHouseholds(households: Household[]): Int32Array {
    const insert = this.ctx.db.prepare(
      `INSERT INTO household (household_code, head_name, id_no, size, attribute, risk_eliminated, exit_year, town_code, village_code, group_name, phone
         )
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const ids = new Int32Array(households.length)
    households.forEach((h, i) => {
      const values: unknown[] = [h.householdCode, h.headName, h.idNo, h.size, h.attribute, h.riskEliminated, h.exitYear, h.village.town.code, h.village.code, h.group, h.phone]
      ids[i] = Number(insert.run(...values).lastInsertRowid)
      this.wrote(1, '写入农户')
    })
    return ids
  }

  private earTags(species: 1 | 2 | 3, n: number): string {
    const first = this.earTag[species] + 1
    this.earTag[species] += n
    const tag = (k: number) => `${species}${DEMO_COUNTY}${String(k).padStart(8, '0')}`
    if (n <= 3) return Array.from({ length: n }, (_, i) => tag(first + i)).join('、')
    return `${tag(first)}—${tag(first + n - 1)}`
  }

  /** Writes the roster lines batch by batch (as rosters are imported), then completes each batch's asset. */
  private insertLines(batches: Batch[], households: Household[], householdIds: Int32Array): number {
    const { r } = this
    const db = this.ctx.db
    const insert = db.prepare(
      `INSERT INTO household_asset_line (household_id, asset_id, project_name, project_code, project_year, item, subtype_code, spec, unit, quantity,
         standard, amount, self_raised, fund_source, issue_method, issue_date, tag_no, current_quantity, current_status, town_code, village_code)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const updateAsset = db.prepare(
      `UPDATE asset SET quantity = ?, original_value = ?, total_investment = ?, fund_doc_no = ?, beneficiary_households = ?, beneficiary_persons = ?,
         poor_households = ?, poor_persons = ?, monitor_households = ?, monitor_persons = ? WHERE id = ?`,
    )
    const insertFund = db.prepare(
      `INSERT INTO asset_fund_source (asset_id, source_type, level, task_line, integrated, amount, doc_no, fund_year, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const sorted = batches.slice().sort((a, b) => a.year - b.year || a.windowStart - b.windowStart || a.village.code.localeCompare(b.village.code))
    let count = 0
    for (const b of sorted) {
      const { item } = b
      const age = 2025 - b.year
      const bySource = new Map<string, number>()
      let quantitySum = 0
      let amountSum = 0
      let selfSum = 0
      let bh = 0
      let bp = 0
      let ph = 0
      let pp = 0
      let mh = 0
      let mp = 0
      for (const hi of b.members) {
        const h = households[hi]
        let qty: number
        if (item.kind === 'cattle') qty = r.weighted([[1, 55], [2, 35], [3, 10]])
        else if (item.step && item.step < 1) qty = r.int(item.qty[0], item.qty[1]) + (r.chance(0.15) ? 0.5 : 0)
        else if (item.step) qty = Math.round(r.int(item.qty[0], item.qty[1]) / item.step) * item.step
        else qty = r.int(item.qty[0], item.qty[1])
        const amount = Math.round(qty * b.standardFen)
        const selfRaised = item.selfRaised && r.chance(item.selfRaised[0]) ? Math.round((amount * r.float(item.selfRaised[1], item.selfRaised[2])) / 100) * 100 : 0
        const source = b.fund[1] !== null && r.chance(0.2) ? b.fund[1] : b.fund[0]
        bySource.set(source, (bySource.get(source) ?? 0) + amount)
        quantitySum += qty
        amountSum += amount
        selfSum += selfRaised
        bh++
        bp += h.size
        if (h.attribute === '脱贫户') {
          ph++
          pp += h.size
        } else if (h.attribute.startsWith('监测对象')) {
          mh++
          mp += h.size
        }
        const [status, current] = this.lineStatus(item.kind, age, qty)
        const spec = item.kind === 'cattle' ? `${r.pick(b.specs)}，${r.int(12, 30)}月龄` : r.pick(b.specs)
        const tag =
          item.kind === 'cattle' ? this.earTags(2, qty) : item.kind === 'sheep' && r.chance(0.7) ? this.earTags(3, qty) : item.kind === 'pig' && r.chance(0.5) ? this.earTags(1, qty) : ''
        const values: unknown[] = [
          householdIds[hi],
          b.assetId,
          b.projectName,
          b.projectCode,
          b.year,
          item.item,
          item.subtype,
          spec,
          item.unit,
          qty,
          b.standardFen,
          amount,
          selfRaised,
          source,
          b.method,
          isoOf(this.clamp(b.windowStart + r.int(0, 25))),
          tag,
          r.chance(0.3) ? null : current,
          status,
          h.village.town.code,
          h.village.code,
        ]
        insert.run(...values)
        count++
        this.wrote(1, '写入到户资产明细')
      }
      // the batch asset: totals of its roster, funding lines by source (fiscal ones split by level) plus 农户自筹
      const lines: FundLine[] = []
      for (const [code, amount] of bySource) {
        if (code === 'XJ' || code === 'ZX') {
          const levels = r.chance(0.4) ? ['中央'] : ['中央', '自治区']
          const parts = levels.length === 1 ? [amount] : splitExact(amount, [r.int(70, 85), r.int(15, 30)])
          levels.forEach((level, i) =>
            lines.push({ code, level, taskLine: '', integrated: r.chance(0.6) ? 1 : 0, amount: parts[i], docNo: this.fundDoc(code, level, b.year), fundYear: b.year, note: '' }),
          )
        } else {
          lines.push({ code, level: null, taskLine: '', integrated: code === 'ZH' ? 1 : 0, amount, docNo: this.fundDoc(code, null, b.year), fundYear: b.year, note: '' })
        }
      }
      if (selfSum > 0) lines.push({ code: 'NH', level: null, taskLine: '', integrated: 0, amount: selfSum, docNo: '', fundYear: b.year, note: '受益农户自筹' })
      const total = amountSum + selfSum
      updateAsset.run(quantitySum, total, total, lines.find((l) => l.docNo)?.docNo ?? '', bh, bp, ph, pp, mh, mp, b.assetId)
      for (const f of lines) insertFund.run(b.assetId, f.code, f.level, f.taskLine, f.integrated, f.amount, f.docNo, f.fundYear, f.note)
      this.wrote(lines.length + 1, '写入到户资产明细')
    }
    return count
  }

  /** 现状 and 现存数量 of a household item after `age` years. */
  private lineStatus(kind: HouseholdItem['kind'], age: number, qty: number): [string, number] {
    const { r } = this
    if (kind === 'pig' || kind === 'poultry') {
      if (age === 0) return r.chance(0.92) ? ['在养/正常使用', qty] : ['死亡/灭失', 0]
      const s = r.weighted([['已出栏/出售', kind === 'pig' ? 85 : 60], ['死亡/灭失', kind === 'pig' ? 5 : 20], ['在养/正常使用', kind === 'pig' ? 10 : 20]])
      return [s, s === '在养/正常使用' ? qty : 0]
    }
    if (kind === 'cattle' || kind === 'sheep') {
      const alive = Math.max(0.6, 0.97 - 0.04 * age)
      if (r.chance(alive)) {
        const grown = kind === 'cattle' ? qty + r.int(0, Math.floor(age * 0.5)) : Math.round(qty * (1 + r.float(0, 0.2) * age))
        return ['在养/正常使用', grown]
      }
      return [r.weighted([['已出栏/出售', 60], ['死亡/灭失', 30], ['转让', 10]]), 0]
    }
    const working = Math.max(0.8, 0.98 - 0.02 * age)
    if (r.chance(working)) return ['在养/正常使用', qty]
    const s = r.weighted(kind === 'tree' ? [['死亡/灭失', 60], ['闲置', 30], ['转让', 10]] : [['损坏', 45], ['闲置', 45], ['转让', 10]])
    return [s, s === '死亡/灭失' || s === '转让' ? 0 : qty]
  }
}
