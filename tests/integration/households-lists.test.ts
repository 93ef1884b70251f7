import { describe, expect, it } from 'vitest'
import { validateInput } from '../../src-main/api/validate'
import type { ServiceHost } from '../../src-main/core/service-host'
import { migrate } from '../../src-main/db/migrate'
import { assetsAndHouseholds } from '../../src-main/db/migrations/002-assets-households'
import { foundation } from '../../src-main/db/migrations/001-foundation'
import { migrations } from '../../src-main/db/migrations'
import { openDatabase } from '../../src-main/db/open'
import { householdItemStatuses } from '../../src-main/domain/asset-enums'
import { idCardCheckChar } from '../../src-main/domain/id-card'
import {
  createHousehold,
  createHouseholdLine,
  householdLineTotals,
  listHouseholdLines,
  listHouseholds,
  rebuildHouseholdDerived,
  updateHousehold,
  updateHouseholdLine,
} from '../../src-main/services/households'
import { householdKeys } from '../../src-main/services/households/keys'
import { linePageIds, type LineSort } from '../../src-main/services/households/lines-query'
import { mergeRegion } from '../../src-main/services/regions'
import { personSearchKey, pinyinSortKey, searchKey } from '../../src-main/services/search'
import { completeSetup } from '../../src-main/services/setup'
import { autoCleanup, LATEST_VERSION, CHAGANHADA, defaultSetup, LINDONG, LONGCHANG, openHost, setUpHost, tempDir } from '../support/temp'
import { join } from 'node:path'

autoCleanup()

const FUSHANDI = '150422100201' // 福山地村, 林东镇
const DAXINZHUANG = '150422100202' // 大新庄村, 林东镇
const LONGCHANG_CUN = '150422101200' // 隆昌村, 隆昌镇
const WULANGERILE = '150422200200' // 乌兰格日勒嘎查, 查干哈达苏木

const idNo = (seq: number, birth = '19800101', prefix = '150422') => {
  const first17 = `${prefix}${birth}${String(seq).padStart(3, '0')}`
  return first17 + idCardCheckChar(first17)
}

type HouseholdRaw = { headName: string; villageCode: string; attribute: string; size: number; seq: number; householdCode?: string | null; riskEliminated?: boolean | null }

function addHousehold(host: ServiceHost, h: HouseholdRaw) {
  const checked = validateInput('households.create', {
    headName: h.headName,
    idNo: idNo(h.seq),
    size: h.size,
    attribute: h.attribute,
    riskEliminated: h.riskEliminated ?? (h.attribute.startsWith('监测') ? false : null),
    villageCode: h.villageCode,
    householdCode: h.householdCode ?? null,
    phone: '13912345678',
    acceptWarnings: true,
  })
  if (!checked.ok) throw new Error(checked.message)
  return createHousehold(host.ctx, checked.input as Parameters<typeof createHousehold>[1]).id
}

type LineRaw = { year: number; subtype: string; item: string; unit: string; qty: number; std: number; fund: string; status: string; date: string }

function addLine(host: ServiceHost, householdId: number, l: LineRaw) {
  const checked = validateInput('householdLines.create', {
    householdId,
    projectName: `${l.year}年${l.item}到户项目`,
    projectYear: l.year,
    item: l.item,
    subtypeCode: l.subtype,
    unit: l.unit,
    quantity: l.qty,
    standardFen: l.std,
    amountFen: Math.round(l.qty * l.std),
    fundSource: l.fund,
    issueMethod: '实物发放',
    issueDate: l.date,
    currentStatus: l.status,
    acceptWarnings: true,
  })
  if (!checked.ok) throw new Error(checked.message)
  return createHouseholdLine(host.ctx, checked.input as Parameters<typeof createHouseholdLine>[1]).id
}

const page = { page: 1, pageSize: 50, order: 'asc' as const }

/** Five households and seven lines whose every list and total is worked out by hand below. */
async function handDataset() {
  const host = await setUpHost()
  const h = {
    batu: addHousehold(host, { headName: '巴特尔', villageCode: FUSHANDI, attribute: '监测对象（脱贫不稳定户）', size: 3, seq: 101, householdCode: '150422100201001', riskEliminated: true }),
    wang: addHousehold(host, { headName: '王芳', villageCode: DAXINZHUANG, attribute: '脱贫户', size: 2, seq: 102 }),
    alatan: addHousehold(host, { headName: '阿拉坦', villageCode: LONGCHANG_CUN, attribute: '一般户', size: 5, seq: 103 }),
    zhang: addHousehold(host, { headName: '张三', villageCode: WULANGERILE, attribute: '脱贫户', size: 1, seq: 104 }),
    chen: addHousehold(host, { headName: '陈秀英', villageCode: FUSHANDI, attribute: '脱贫户', size: 4, seq: 105 }),
  }
  const l = {
    L1: addLine(host, h.batu, { year: 2020, subtype: 'H01', item: '基础母牛', unit: '头', qty: 2, std: 800_000, fund: 'XJ', status: '在养/正常使用', date: '2020-05-01' }),
    L2: addLine(host, h.batu, { year: 2021, subtype: 'H03', item: '暖棚', unit: '平方米', qty: 30, std: 15_000, fund: 'ZX', status: '在养/正常使用', date: '2021-08-01' }),
    L3: addLine(host, h.wang, { year: 2020, subtype: 'H01', item: '肉羊', unit: '只', qty: 10, std: 120_000, fund: 'XJ', status: '死亡/灭失', date: '2020-06-01' }),
    L4: addLine(host, h.alatan, { year: 2021, subtype: 'H02', item: '果树苗', unit: '株', qty: 100, std: 1_500, fund: 'DX', status: '在养/正常使用', date: '2021-04-01' }),
    L5: addLine(host, h.zhang, { year: 2021, subtype: 'H01', item: '基础母牛', unit: '头', qty: 1, std: 800_000, fund: 'XJ', status: '已出栏/出售', date: '2021-05-01' }),
    L6: addLine(host, h.chen, { year: 2022, subtype: 'H05', item: '户用光伏', unit: '套', qty: 1, std: 2_500_000, fund: 'HY', status: '在养/正常使用', date: '2022-07-01' }),
    L7: addLine(host, h.chen, { year: 2020, subtype: 'H01', item: '鸡雏', unit: '只', qty: 50, std: 2_000, fund: 'XJ', status: '在养/正常使用', date: '2020-04-01' }),
  }
  return { host, h, l }
}

describe('searchKey helpers', () => {
  it('make the text findable by pinyin initials, and names sortable by pinyin', () => {
    expect(searchKey('福山地村水泥路')).toBe('福山地村水泥路 fsdcsnl')
    expect(personSearchKey('巴特尔')).toBe('巴特尔 bte btr')
    expect(personSearchKey('单雄信')).toBe('单雄信 sxx')
    expect(pinyinSortKey('王芳')).toBe('wang fang\t王芳')
    expect(householdKeys('巴特尔', 'HC01', idNo(1)).terms).toEqual(
      expect.arrayContaining(['巴特尔', '特尔', '尔', 'bte', 'te', 'btr', 'tr', 'hc01', `~10ch`, `#${[...idNo(1)].reverse().join('')}`]),
    )
  })
})

describe('households.list', () => {
  it('sorts by pinyin name, village, size, attribute and amount, both ways, with line counts and amounts', async () => {
    const { host } = await handDataset()
    const names = (sort: Parameters<typeof listHouseholds>[1]['sort'], order: 'asc' | 'desc' = 'asc') =>
      listHouseholds(host.ctx, { ...page, sort, order }).rows.map((r) => r.headName)
    expect(names('headName')).toEqual(['阿拉坦', '巴特尔', '陈秀英', '王芳', '张三'])
    expect(names('headName', 'desc')).toEqual(['张三', '王芳', '陈秀英', '巴特尔', '阿拉坦'])
    expect(names('villageName')).toEqual(['巴特尔', '陈秀英', '王芳', '阿拉坦', '张三'])
    expect(names('size')).toEqual(['张三', '王芳', '巴特尔', '陈秀英', '阿拉坦'])
    expect(names('attribute')).toEqual(['阿拉坦', '巴特尔', '陈秀英', '王芳', '张三'])
    expect(names('amountFen', 'desc')).toEqual(['陈秀英', '巴特尔', '王芳', '张三', '阿拉坦'])
    const { rows, total } = listHouseholds(host.ctx, { ...page, sort: 'headName' })
    expect(total).toBe(5)
    expect(rows[1]).toMatchObject({ headName: '巴特尔', townName: '林东镇', villageName: '福山地村', lineCount: 2, amountFen: 2_050_000, riskEliminated: true, householdCode: '150422100201001' })
    expect(rows[1].idNo).toBe(`1504**********${idNo(101).slice(-4)}`)
    expect(rows[1].phone).toBe('139****5678')
    expect(rows[1]).not.toHaveProperty('bankAccount')
  })

  it('filters by town, village and attribute, and pages', async () => {
    const { host } = await handDataset()
    const list = (f: Record<string, unknown>) => listHouseholds(host.ctx, { ...page, sort: 'headName', ...f })
    expect(list({ townCode: LINDONG }).rows.map((r) => r.headName)).toEqual(['巴特尔', '陈秀英', '王芳'])
    expect(list({ villageCode: FUSHANDI }).rows.map((r) => r.headName)).toEqual(['巴特尔', '陈秀英'])
    expect(list({ townCode: LINDONG, attribute: '脱贫户' }).rows.map((r) => r.headName)).toEqual(['陈秀英', '王芳'])
    expect(list({ attribute: '脱贫户' })).toMatchObject({ total: 3 })
    expect(list({ townCode: LONGCHANG, villageCode: FUSHANDI })).toEqual({ rows: [], total: 0 })
    const p2 = list({ pageSize: 2, page: 2 })
    expect(p2.total).toBe(5)
    expect(p2.rows.map((r) => r.headName)).toEqual(['陈秀英', '王芳'])
    expect(list({ pageSize: 2, page: 4 })).toEqual({ rows: [], total: 5 })
  })

  it('finds households by name, part of a name, pinyin initials, household code, the last digits of the ID and the whole ID', async () => {
    const { host } = await handDataset()
    const find = (q: string, f: Record<string, unknown> = {}) => listHouseholds(host.ctx, { ...page, sort: 'headName', q, ...f }).rows.map((r) => r.headName)
    expect(find('巴特尔')).toEqual(['巴特尔'])
    expect(find('特尔')).toEqual(['巴特尔'])
    expect(find('bte')).toEqual(['巴特尔'])
    expect(find('BTR')).toEqual(['巴特尔'])
    expect(find('wf')).toEqual(['王芳'])
    expect(find('秀英')).toEqual(['陈秀英'])
    expect(find('1504221002')).toEqual(['巴特尔'])
    expect(find('0201001')).toEqual(['巴特尔'])
    expect(find(idNo(104).slice(-4))).toEqual(['张三'])
    expect(find(idNo(104).slice(-6))).toEqual(['张三'])
    expect(find(idNo(103))).toEqual(['阿拉坦'])
    expect(find(' ｗｆ ')).toEqual(['王芳'])
    expect(find('巴特尔', { townCode: LONGCHANG })).toEqual([])
    expect(find('z')).toEqual(['张三'])
    expect(find('不存在')).toEqual([])
    // the middle of an ID number is not its end
    expect(find(idNo(104).slice(-8, -4))).toEqual([])
  })

  it('finds a renamed household by its new name only', async () => {
    const { host, h } = await handDataset()
    const checked = validateInput('households.update', { id: h.wang, headName: '王丽', idNo: idNo(102), size: 2, attribute: '脱贫户', villageCode: DAXINZHUANG })
    if (!checked.ok) throw new Error(checked.message)
    updateHousehold(host.ctx, checked.input as Parameters<typeof updateHousehold>[1])
    const find = (q: string) => listHouseholds(host.ctx, { ...page, sort: 'headName', q }).rows.map((r) => r.headName)
    expect(find('王芳')).toEqual([])
    expect(find('wf')).toEqual([])
    expect(find('王丽')).toEqual(['王丽'])
    expect(find('wl')).toEqual(['王丽'])
    expect(listHouseholdLines(host.ctx, { ...page, sort: 'id', q: 'wl' }).rows.map((r) => r.headName)).toEqual(['王丽'])
  })
})

describe('householdLines.list and totals (hand-computed)', () => {
  it('sorts by every column, both ways', async () => {
    const { host, l } = await handDataset()
    const ids = (sort: LineSort, order: 'asc' | 'desc' = 'asc', f: Record<string, unknown> = {}) =>
      listHouseholdLines(host.ctx, { ...page, sort, order, ...f }).rows.map((r) => r.id)
    const { L1, L2, L3, L4, L5, L6, L7 } = l
    expect(ids('id')).toEqual([L1, L2, L3, L4, L5, L6, L7])
    expect(ids('id', 'desc')).toEqual([L7, L6, L5, L4, L3, L2, L1])
    expect(ids('headName')).toEqual([L4, L1, L2, L6, L7, L3, L5])
    expect(ids('headName', 'desc')).toEqual([L5, L3, L7, L6, L2, L1, L4])
    expect(ids('villageName')).toEqual([L1, L2, L6, L7, L3, L4, L5])
    expect(ids('projectYear')).toEqual([L1, L3, L7, L2, L4, L5, L6])
    expect(ids('projectYear', 'desc')).toEqual([L6, L5, L4, L2, L7, L3, L1])
    expect(ids('amountFen', 'desc')).toEqual([L6, L1, L3, L5, L2, L4, L7])
    expect(ids('issueDate')).toEqual([L7, L1, L3, L4, L5, L2, L6])
    expect(ids('item')).toEqual([L1, L5, L6, L2, L4, L3, L7])
    // and with a filter, which takes another path
    expect(ids('headName', 'asc', { townCode: LINDONG })).toEqual([L1, L2, L6, L7, L3])
    expect(ids('amountFen', 'asc', { projectYear: 2020 })).toEqual([L7, L3, L1])
  })

  it('filters by each column and by combinations; totals agree', async () => {
    const { host, l } = await handDataset()
    const { L1, L2, L3, L4, L5, L6, L7 } = l
    const check = (f: Record<string, unknown>, expected: number[], amountFen: number, quantity: number) => {
      const list = listHouseholdLines(host.ctx, { ...page, sort: 'id', ...f })
      expect(list.rows.map((r) => r.id), JSON.stringify(f)).toEqual(expected)
      expect(list.total).toBe(expected.length)
      expect(householdLineTotals(host.ctx, f), JSON.stringify(f)).toEqual({ count: expected.length, originalValueFen: amountFen, quantity })
    }
    check({}, [L1, L2, L3, L4, L5, L6, L7], 6_800_000, 194)
    check({ townCode: LINDONG }, [L1, L2, L3, L6, L7], 5_850_000, 93)
    check({ villageCode: FUSHANDI }, [L1, L2, L6, L7], 4_650_000, 83)
    check({ projectYear: 2020 }, [L1, L3, L7], 2_900_000, 62)
    check({ townCode: LINDONG, projectYear: 2021 }, [L2], 450_000, 30)
    check({ subtypeCode: 'H01' }, [L1, L3, L5, L7], 3_700_000, 63)
    check({ subtypeCode: 'H0' }, [L1, L2, L3, L4, L5, L6, L7], 6_800_000, 194)
    check({ currentStatus: '在养/正常使用' }, [L1, L2, L4, L6, L7], 4_800_000, 183)
    check({ fundSource: 'XJ' }, [L1, L3, L5, L7], 3_700_000, 63)
    check({ attribute: '脱贫户' }, [L3, L5, L6, L7], 4_600_000, 62)
    check({ attribute: '脱贫户', townCode: LINDONG, subtypeCode: 'H01' }, [L3, L7], 1_300_000, 60)
    check({ villageCode: FUSHANDI, currentStatus: '在养/正常使用', fundSource: 'XJ' }, [L1, L7], 1_700_000, 52)
    check({ q: '巴特尔' }, [L1, L2], 2_050_000, 32)
    check({ q: 'cxy', projectYear: 2020 }, [L7], 100_000, 50)
    check({ q: idNo(104).slice(-4) }, [L5], 800_000, 1)
    check({ q: '巴特尔', townCode: LONGCHANG }, [], 0, 0)
    check({ householdId: 3 }, [L4], 150_000, 100)
    check({ householdId: 1, projectYear: 2021 }, [L2], 450_000, 30)
    check({ townCode: CHAGANHADA, currentStatus: '死亡/灭失' }, [], 0, 0)
  })

  it('shows the household on each line with its ID masked, and pages', async () => {
    const { host, l } = await handDataset()
    const { rows, total } = listHouseholdLines(host.ctx, { ...page, sort: 'id', pageSize: 3, page: 2 })
    expect(total).toBe(7)
    expect(rows.map((r) => r.id)).toEqual([l.L4, l.L5, l.L6])
    expect(rows[0]).toMatchObject({
      headName: '阿拉坦',
      idNo: `1504**********${idNo(103).slice(-4)}`,
      attribute: '一般户',
      townName: '隆昌镇',
      villageName: '隆昌村',
      item: '果树苗',
      quantity: 100,
      standardFen: 1_500,
      amountFen: 150_000,
      fundSource: 'DX',
      issueDate: '2021-04-01',
      currentStatus: '在养/正常使用',
    })
    expect(listHouseholdLines(host.ctx, { ...page, sort: 'id', pageSize: 3, page: 4 })).toEqual({ rows: [], total: 7 })
  })
})

// ---------------------------------------------------------------- against brute force

const surnames = [...'王李张刘陈杨赵黄周吴巴乌其']
const givens = [...'芳秀英桂兰志国建军特尔金花宝山']
const items: [string, string, string, number][] = [
  ['H01', '基础母牛', '头', 800_000],
  ['H01', '肉羊', '只', 120_000],
  ['H02', '果树苗', '株', 1_500],
  ['H03', '暖棚', '平方米', 15_000],
  ['H04', '铡草机', '台', 350_000],
  ['H05', '户用光伏', '套', 2_500_000],
]
const funds = ['XJ', 'XJ', 'ZX', 'DX', 'HY']
const attributes = ['脱贫户', '脱贫户', '一般户', '监测对象（边缘易致贫户）']

/** A seeded generator, so that a failure can be reproduced. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Truth {
  id: number
  householdId: number
  townCode: string
  villageCode: string
  attribute: string
  projectYear: number
  subtypeCode: string
  currentStatus: string
  fundSource: string
  assetId: number | null
  amount: number
  quantity: number
  issueDate: string
  item: string
  sortKey: string
  headName: string
  idNo: string
  householdCode: string | null
}

const truth = (host: ServiceHost) =>
  host.db
    .prepare(
      `SELECT l.id, l.household_id AS householdId, h.town_code AS townCode, h.village_code AS villageCode, h.attribute, l.project_year AS projectYear,
         l.subtype_code AS subtypeCode, l.current_status AS currentStatus, l.fund_source AS fundSource, l.asset_id AS assetId, l.amount, l.quantity,
         l.issue_date AS issueDate, l.item, h.sort_key AS sortKey, h.head_name AS headName, h.id_no AS idNo, h.household_code AS householdCode
       FROM household_asset_line l JOIN household h ON h.id = l.household_id`,
    )
    .all() as Truth[]

/** The text search, written out plainly: part of the name or its initials, start or end of the code, end of the ID. */
function matchesQ(t: Truth, q: string) {
  const text = q.replace(/\s+/g, '').toLowerCase()
  const [name, ...initials] = personSearchKey(t.headName).split(' ')
  if ([name, ...initials].some((w) => w.includes(text))) return true
  const code = (t.householdCode ?? '').toLowerCase()
  if (code && (code.startsWith(text) || (/^\d{4,}$/.test(text) && code.endsWith(text)))) return true
  return /^\d{3,17}[\dx]$/.test(text) && t.idNo.endsWith(text.toUpperCase())
}

function bruteForce(all: Truth[], f: Record<string, unknown>, sort: LineSort, order: 'asc' | 'desc', pageNo: number, pageSize: number) {
  const rows = all.filter(
    (t) =>
      (f.townCode === undefined || t.townCode === f.townCode) &&
      (f.villageCode === undefined || t.villageCode === f.villageCode) &&
      (f.attribute === undefined || t.attribute === f.attribute) &&
      (f.projectYear === undefined || t.projectYear === f.projectYear) &&
      (f.subtypeCode === undefined || t.subtypeCode.startsWith(f.subtypeCode as string)) &&
      (f.currentStatus === undefined || t.currentStatus === f.currentStatus) &&
      (f.fundSource === undefined || t.fundSource === f.fundSource) &&
      (f.householdId === undefined || t.householdId === f.householdId) &&
      (f.q === undefined || matchesQ(t, f.q as string)),
  )
  const key = (t: Truth): (string | number)[] =>
    ({
      id: [t.id],
      headName: [t.sortKey, t.id],
      villageName: [t.townCode, t.villageCode, t.sortKey, t.id],
      projectYear: [t.projectYear, t.id],
      amountFen: [t.amount, t.id],
      issueDate: [t.issueDate, t.id],
      item: [t.item, t.id],
    })[sort]
  const cmp = (a: Truth, b: Truth) => {
    const ka = key(a)
    const kb = key(b)
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1
    return 0
  }
  rows.sort((a, b) => (order === 'asc' ? cmp(a, b) : -cmp(a, b)))
  return {
    ids: rows.slice((pageNo - 1) * pageSize, pageNo * pageSize).map((t) => t.id),
    total: rows.length,
    amount: rows.reduce((s, t) => s + t.amount, 0),
    quantity: Math.round(rows.reduce((s, t) => s + t.quantity, 0) * 1e6) / 1e6,
  }
}

async function generatedDataset(households: number, lines: number, seed = 7) {
  const host = await setUpHost()
  const r = rng(seed)
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]
  const villages = host.db.prepare('SELECT code FROM region WHERE level = 5 ORDER BY code LIMIT 12').pluck().all() as string[]
  const ids: number[] = []
  for (let i = 0; i < households; i++) {
    const attribute = pick(attributes)
    ids.push(
      addHousehold(host, {
        headName: pick(surnames) + pick(givens) + (r() < 0.5 ? pick(givens) : ''),
        villageCode: pick(villages),
        attribute,
        size: 1 + Math.floor(r() * 6),
        seq: 100 + i,
        householdCode: r() < 0.5 ? `15042210${String(i).padStart(5, '0')}` : null,
      }),
    )
  }
  for (let i = 0; i < lines; i++) {
    const [subtype, item, unit, std] = pick(items)
    const year = 2018 + Math.floor(r() * 5)
    addLine(host, pick(ids), {
      year,
      subtype,
      item,
      unit,
      qty: 1 + Math.floor(r() * 20) / (r() < 0.2 ? 4 : 1),
      std,
      fund: pick(funds),
      status: r() < 0.6 ? householdItemStatuses[0] : pick(householdItemStatuses),
      date: `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
    })
  }
  return { host, villages, householdIds: ids }
}

describe('householdLines.list against a brute-force reading of the same lines', () => {
  it('agrees on rows, order, totals and sums for many filters, sorts and pages — whichever path the planner takes', async () => {
    const { host, villages } = await generatedDataset(120, 1500)
    const all = truth(host)
    const r = rng(99)
    const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]
    const sorts: LineSort[] = ['id', 'headName', 'villageName', 'projectYear', 'amountFen', 'issueDate', 'item']
    const strategies = new Set<string>()
    const towns = [...new Set(all.map((t) => t.townCode))]
    const sample = all[17]
    const filterMakers: (() => Record<string, unknown>)[] = [
      () => ({}),
      () => ({ townCode: pick(towns) }),
      () => ({ villageCode: pick(villages) }),
      () => ({ projectYear: 2018 + Math.floor(r() * 5) }),
      () => ({ subtypeCode: pick(items)[0] }),
      () => ({ currentStatus: pick(householdItemStatuses) }),
      () => ({ fundSource: pick(funds) }),
      () => ({ attribute: pick(attributes) }),
      () => ({ q: pick([...surnames, ...givens]) }),
      () => ({ q: pick(['w', 'zf', 'bte', 'te']) }),
      () => ({ q: sample.idNo.slice(-4) }),
      () => ({ householdId: sample.householdId }),
    ]
    for (let i = 0; i < 400; i++) {
      // one to three filters
      const f = Object.assign({}, ...Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(filterMakers)()))
      const sort = pick(sorts)
      const order = pick(['asc', 'desc'] as const)
      const pageSize = pick([5, 20, 50])
      const expected = bruteForce(all, f, sort, order, 1, pageSize)
      const pages = Math.max(1, Math.ceil(expected.total / pageSize))
      const pageNo = pick([1, 1, 2, pages, pages + 1])
      const want = bruteForce(all, f, sort, order, pageNo, pageSize)
      const got = linePageIds(host.ctx, { ...f, sort, order, page: pageNo, pageSize })
      strategies.add(got.strategy.split(':')[0])
      const label = JSON.stringify({ f, sort, order, pageNo, pageSize, strategy: got.strategy })
      expect(got.ids, label).toEqual(want.ids)
      expect(got.total, label).toBe(want.total)
      expect(householdLineTotals(host.ctx, f), label).toEqual({ count: want.total, originalValueFen: want.amount, quantity: want.quantity })
      if (i % 40 === 0) expect(listHouseholdLines(host.ctx, { ...f, sort, order, page: pageNo, pageSize }).rows.map((row) => row.id), label).toEqual(want.ids)
    }
    // the checks went through both ways of finding a page
    expect([...strategies].sort()).toEqual(expect.arrayContaining(['empty', 'filter', 'walk']))
  })

  it('falls back to the filtered set when a walk meets lines that go with the sort order', async () => {
    const host = await setUpHost()
    // 300 lines of 张大, whose name sorts last, behind 1,400 lines of 阿大: a walk by name finds none of them for a long time
    const a = addHousehold(host, { headName: '阿大', villageCode: FUSHANDI, attribute: '脱贫户', size: 1, seq: 1 })
    const z = addHousehold(host, { headName: '张大', villageCode: FUSHANDI, attribute: '一般户', size: 1, seq: 2 })
    const rows = host.db.prepare(
      `INSERT INTO household_asset_line (household_id, project_name, project_year, item, subtype_code, unit, quantity, standard, amount, fund_source, issue_method, issue_date, town_code, village_code)
       VALUES (?, 'p', 2021, 'x', 'H01', '头', 1, 100, 100, 'XJ', '实物发放', '2021-05-01', ?, ?)`,
    )
    host.db.transaction(() => {
      for (let i = 0; i < 300; i++) rows.run(z, LINDONG, FUSHANDI)
      for (let i = 0; i < 1400; i++) rows.run(a, LINDONG, FUSHANDI)
    })()
    const got = linePageIds(host.ctx, { q: '张', sort: 'headName', order: 'asc', page: 1, pageSize: 50 })
    expect(got.strategy).toMatch(/^walk-budget-spent/)
    expect(got.total).toBe(300)
    expect(got.ids).toEqual(host.db.prepare('SELECT id FROM household_asset_line WHERE household_id = ? ORDER BY id LIMIT 50').pluck().all(z) as number[])
    // and a walk that finds its page
    const walk = linePageIds(host.ctx, { q: '大', sort: 'headName', order: 'desc', page: 1, pageSize: 50 })
    expect(walk.strategy).toMatch(/^walk:/)
    expect(walk.ids).toEqual(host.db.prepare('SELECT id FROM household_asset_line WHERE household_id = ? ORDER BY id DESC LIMIT 50').pluck().all(z) as number[])
  })
})

// ---------------------------------------------------------------- derived data stays right

/** Recomputes every derived value from the base tables and compares it with what the triggers and services kept. */
function expectDerivedConsistent(host: ServiceHost) {
  const db = host.db
  const cells = 'town_code, project_year, subtype_code, fund_source, current_status, attribute'
  const norm = (rows: Record<string, unknown>[]) =>
    rows.map((r) => JSON.stringify({ ...r, quantity: Math.round(Number(r.quantity) * 1e6) / 1e6 })).sort()
  expect(norm(db.prepare(`SELECT ${cells}, n, amount, quantity FROM hal_summary WHERE n <> 0 OR amount <> 0`).all() as Record<string, unknown>[])).toEqual(
    norm(db.prepare(`SELECT ${cells}, count(*) AS n, sum(amount) AS amount, sum(quantity) AS quantity FROM household_asset_line GROUP BY ${cells}`).all() as Record<string, unknown>[]),
  )
  expect(
    db
      .prepare(
        `SELECT count(*) FROM household h WHERE h.line_count <> (SELECT count(*) FROM household_asset_line l WHERE l.household_id = h.id)
           OR h.amount_total <> (SELECT coalesce(sum(amount), 0) FROM household_asset_line l WHERE l.household_id = h.id)`,
      )
      .pluck()
      .get(),
  ).toBe(0)
  expect(
    db
      .prepare(
        `SELECT count(*) FROM household_asset_line l JOIN household h ON h.id = l.household_id
         WHERE l.head_key <> h.sort_key OR l.attribute <> h.attribute OR l.town_code <> h.town_code OR l.village_code <> h.village_code`,
      )
      .pluck()
      .get(),
  ).toBe(0)
  expect(db.prepare('SELECT lines FROM household_ledger_state').pluck().get()).toBe(db.prepare('SELECT count(*) FROM household_asset_line').pluck().get())
  const households = db.prepare('SELECT id, head_name AS name, household_code AS code, id_no AS idNo, sort_key AS sortKey FROM household').all() as {
    id: number
    name: string
    code: string | null
    idNo: string
    sortKey: string
  }[]
  const terms = (db.prepare('SELECT term, household_id AS id FROM household_term').all() as { term: string; id: number }[]).map((t) => `${t.id}:${t.term}`).sort()
  const expected = households.flatMap((h) => householdKeys(h.name, h.code, h.idNo).terms.map((t) => `${h.id}:${t}`)).sort()
  expect(terms).toEqual(expected)
  for (const h of households) expect(h.sortKey).toBe(pinyinSortKey(h.name))
}

describe('derived data', () => {
  it('stays consistent through creates, updates, moves between households and villages, and region merges', async () => {
    const { host, householdIds, villages } = await generatedDataset(40, 300, 3)
    expectDerivedConsistent(host)
    const r = rng(5)
    const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]
    const lineIds = host.db.prepare('SELECT id FROM household_asset_line').pluck().all() as number[]
    for (let i = 0; i < 60; i++) {
      const id = pick(lineIds)
      const [subtype, item, unit, std] = pick(items)
      const checked = validateInput('householdLines.update', {
        id,
        householdId: pick(householdIds),
        projectName: '改后项目',
        projectYear: 2020,
        item,
        subtypeCode: subtype,
        unit,
        quantity: 1.5,
        standardFen: std,
        amountFen: Math.round(1.5 * std),
        fundSource: pick(funds),
        issueMethod: '实物发放',
        issueDate: '2020-03-03',
        currentStatus: pick(householdItemStatuses),
        acceptWarnings: true,
      })
      if (!checked.ok) throw new Error(checked.message)
      updateHouseholdLine(host.ctx, checked.input as Parameters<typeof updateHouseholdLine>[1])
    }
    for (let i = 0; i < 15; i++) {
      const id = pick(householdIds)
      const row = host.db.prepare('SELECT head_name AS headName, id_no AS idNo FROM household WHERE id = ?').get(id) as { headName: string; idNo: string }
      const checked = validateInput('households.update', {
        id,
        headName: `${row.headName.slice(0, 1)}改${i}`.replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)]),
        idNo: row.idNo,
        size: 2,
        attribute: pick(attributes),
        riskEliminated: true,
        villageCode: pick(villages),
        householdCode: r() < 0.5 ? `C${i}` : null,
        acceptWarnings: true,
      })
      if (!checked.ok) throw new Error(checked.message)
      updateHousehold(host.ctx, checked.input as Parameters<typeof updateHousehold>[1])
    }
    expectDerivedConsistent(host)
    mergeRegion(host.ctx, { fromCode: villages[1], intoCode: villages[0] })
    mergeRegion(host.ctx, { fromCode: LONGCHANG, intoCode: LINDONG })
    expectDerivedConsistent(host)
    // a raw delete, as a future service or a repair might do
    host.db.prepare('DELETE FROM household_asset_line WHERE id IN (SELECT id FROM household_asset_line ORDER BY id LIMIT 10)').run()
    expectDerivedConsistent(host)
    expect(householdLineTotals(host.ctx, { townCode: LONGCHANG }).count).toBe(0)
  })

  it('repairs a bulk load written with the triggers set aside, and names changed by raw SQL, before a list reads them', async () => {
    const host = await setUpHost()
    const a = addHousehold(host, { headName: '阿大', villageCode: FUSHANDI, attribute: '脱贫户', size: 1, seq: 1 })
    // a loader sets the triggers aside, writes raw rows, and puts the triggers back
    const triggers = host.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[]
    for (const t of triggers) host.db.exec(`DROP TRIGGER "${t.name}"`)
    const h = host.db
      // with a sort key of its own making but no search terms
      .prepare(`INSERT INTO household (head_name, id_no, size, attribute, town_code, village_code, household_code, sort_key) VALUES ('乌力吉', ?, 3, '一般户', ?, ?, 'U-1', 'wu li ji')`)
      .run(idNo(2), LONGCHANG, LONGCHANG_CUN).lastInsertRowid
    const line = host.db.prepare(
      `INSERT INTO household_asset_line (household_id, project_name, project_year, item, subtype_code, unit, quantity, standard, amount, fund_source, issue_method, issue_date, town_code, village_code)
       VALUES (?, 'p', 2021, '肉羊', 'H01', '只', 5, 1000, 5000, 'XJ', '实物发放', '2021-05-01', ?, ?)`,
    )
    line.run(h, LONGCHANG, LONGCHANG_CUN)
    line.run(a, LINDONG, FUSHANDI)
    for (const t of triggers) host.db.exec(t.sql)

    expect(listHouseholds(host.ctx, { ...page, sort: 'headName', q: 'wlj' }).rows.map((r) => r.headName)).toEqual(['乌力吉'])
    expect(householdLineTotals(host.ctx, {})).toEqual({ count: 2, originalValueFen: 10_000, quantity: 10 })
    expect(listHouseholdLines(host.ctx, { ...page, sort: 'headName', attribute: '一般户' }).rows.map((r) => r.headName)).toEqual(['乌力吉'])
    expectDerivedConsistent(host)

    // a rename behind the services' back marks the keys stale; the next list refreshes them
    host.db.prepare("UPDATE household SET head_name = '乌兰' WHERE id = ?").run(h)
    expect(listHouseholds(host.ctx, { ...page, sort: 'headName', q: '乌兰' }).rows.map((r) => r.headName)).toEqual(['乌兰'])
    expect(listHouseholds(host.ctx, { ...page, sort: 'headName', q: 'wlj' }).rows).toEqual([])
    expectDerivedConsistent(host)

    // the explicit rebuild, for loaders, is idempotent
    rebuildHouseholdDerived(host.db)
    expectDerivedConsistent(host)
  })

  it('migration 3 fills the keys, totals and summary of a version-2 file that already has households and lines', async () => {
    const dir = tempDir('v2')
    const db = openDatabase(join(dir, 'ledger.db'))
    try {
      await migrate(db, [foundation, assetsAndHouseholds], join(dir, 'backups'))
      const ctx = { db, user: 't', paths: { dataDir: dir, dbFile: join(dir, 'ledger.db'), backupsDir: join(dir, 'backups'), resourcesDir: 'resources' }, appVersion: '0' }
      completeSetup(ctx, defaultSetup())
      db.prepare(`INSERT INTO household (id, head_name, id_no, size, attribute, town_code, village_code) VALUES (1, '巴特尔', ?, 3, '脱贫户', ?, ?)`).run(idNo(1), LINDONG, FUSHANDI)
      db.prepare(
        `INSERT INTO household_asset_line (household_id, project_name, project_year, item, subtype_code, unit, quantity, standard, amount, fund_source, issue_method, issue_date, town_code, village_code)
         VALUES (1, 'p', 2021, '肉羊', 'H01', '只', 5, 1000, 5000, 'XJ', '实物发放', '2021-05-01', ?, ?)`,
      ).run(LINDONG, FUSHANDI)
      const result = await migrate(db, migrations, join(dir, 'backups'))
      expect(result).toMatchObject({ from: 2, to: LATEST_VERSION }) // through 3 to the newest shipped version
      expect(db.prepare('SELECT sort_key, line_count, amount_total FROM household').get()).toEqual({ sort_key: 'ba te er\t巴特尔', line_count: 1, amount_total: 5000 })
      expect(db.prepare('SELECT n, amount FROM hal_summary').get()).toEqual({ n: 1, amount: 5000 })
      expect(db.prepare("SELECT count(*) FROM household_term WHERE term = 'btr'").pluck().get()).toBe(1)
    } finally {
      db.close()
    }
  })

  it('a new file has the version-3 schema', async () => {
    const host = await openHost()
    expect(host.migration.to).toBe(LATEST_VERSION)
    completeSetup(host.ctx, defaultSetup())
    expect(listHouseholds(host.ctx, { ...page, sort: 'villageName' })).toEqual({ rows: [], total: 0 })
    expect(listHouseholdLines(host.ctx, { ...page, sort: 'id' })).toEqual({ rows: [], total: 0 })
    expect(householdLineTotals(host.ctx, {})).toEqual({ count: 0, originalValueFen: 0, quantity: 0 })
  })
})
