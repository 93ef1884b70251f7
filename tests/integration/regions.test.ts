import { describe, expect, it } from 'vitest'
import type { AppError } from '../../src-main/domain/errors'
import { listAudit } from '../../src-main/services/audit'
import { addRegion, getRegion, mergeRegion, regionTree, renameRegion, setRegionFlags, type RegionNode } from '../../src-main/services/regions'
import type { ServiceHost } from '../../src-main/core/service-host'
import { auditCount, autoCleanup, CHAGANHADA, COUNTY_ROW, dump, LINDONG, LONGCHANG, setUpHost } from '../support/temp'

autoCleanup()

const FUSHANDI = '150422100201' // 福山地村 (林东镇)
const FUSHAN = '150422100227' // 福山村 (林东镇)
const SUOBULIGA = '150422100200' // 索布力嘎村 (林东镇)

const catchError = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected an error')
}

/** Runs a change that must be refused: returns the error, and checks that nothing was written. */
function refused(host: ServiceHost, fn: () => unknown) {
  const regions = dump(host.db, 'region')
  const audit = auditCount(host.ctx)
  const error = catchError(fn)
  expect(dump(host.db, 'region')).toEqual(regions)
  expect(auditCount(host.ctx)).toBe(audit)
  return error
}

const lastAudit = (host: ServiceHost) => listAudit(host.ctx, { page: 1, pageSize: 1 }).rows[0]

const villageCodes = (host: ServiceHost, town: string) =>
  host.db.prepare('SELECT code FROM region WHERE parent_code = ? AND active = 1 ORDER BY code').pluck().all(town) as string[]

describe('regionTree', () => {
  it('has the county as its only root, then the chosen towns in order, then their villages', async () => {
    const host = await setUpHost()
    const tree = regionTree(host.ctx, {})
    expect(tree).toHaveLength(1)
    expect(tree[0]).toMatchObject({ code: COUNTY_ROW, name: '巴林左旗', level: 3 })
    expect(tree[0].children.map((t) => t.name)).toEqual(['林东镇', '隆昌镇', '查干哈达苏木'])
    const lindong = tree[0].children[0]
    expect(lindong.children.length).toBe(villageCodes(host, LINDONG).length)
    expect(lindong.children[0]).toMatchObject({ code: SUOBULIGA, level: 5, kind: '村', active: true, isFormerPoorVillage: false, children: [] })
    for (const v of lindong.children) expect(v.parentCode).toBe(LINDONG)
  })
})

describe('renameRegion', () => {
  it('renames a village, re-derives its kind, and writes one audit row with before and after', async () => {
    const host = await setUpHost()
    const audit = auditCount(host.ctx)
    const row = renameRegion(host.ctx, { code: FUSHANDI, name: '福山地嘎查' })
    expect(row).toMatchObject({ code: FUSHANDI, name: '福山地嘎查', kind: '嘎查', level: 5, parentCode: LINDONG })
    expect(getRegion(host.ctx, FUSHANDI).name).toBe('福山地嘎查')
    expect(auditCount(host.ctx)).toBe(audit + 1)
    expect(lastAudit(host)).toMatchObject({
      entity: 'region',
      entityId: FUSHANDI,
      entityName: '福山地嘎查',
      action: 'update',
      user: '本机用户',
      summary: '更名：福山地村 → 福山地嘎查',
      before: { code: FUSHANDI, name: '福山地村', kind: '村' },
      after: { code: FUSHANDI, name: '福山地嘎查', kind: '嘎查' },
    })
  })

  it('renames a town', async () => {
    const host = await setUpHost()
    expect(renameRegion(host.ctx, { code: LINDONG, name: '林东街道' })).toMatchObject({ name: '林东街道', kind: '街道' })
  })

  it('refuses a name a sibling already has, and writes nothing', async () => {
    const host = await setUpHost()
    const error = refused(host, () => renameRegion(host.ctx, { code: FUSHANDI, name: '福山村' }))
    expect(error.code).toBe('DUPLICATE')
    expect(error.message).toBe(`同一上级下已有名为「福山村」的区划（${FUSHAN}）。`)
    expect(error.details).toEqual({ field: 'name' })
    const town = refused(host, () => renameRegion(host.ctx, { code: LONGCHANG, name: '林东镇' }))
    expect(town.code).toBe('DUPLICATE')
  })

  it('allows the name of a village in another town, and renaming to its own name', async () => {
    const host = await setUpHost()
    const other = villageCodes(host, LONGCHANG)[0]
    expect(renameRegion(host.ctx, { code: other, name: '福山村' }).name).toBe('福山村')
    expect(renameRegion(host.ctx, { code: FUSHAN, name: '福山村' }).name).toBe('福山村')
  })

  it('refuses to rename the county, and an unknown code', async () => {
    const host = await setUpHost()
    const county = refused(host, () => renameRegion(host.ctx, { code: COUNTY_ROW, name: '巴林右旗' }))
    expect(county.code).toBe('READ_ONLY')
    expect(county.message).toMatch(/旗县名称随首次设置确定/)
    const missing = refused(host, () => renameRegion(host.ctx, { code: '150422100999', name: '新村' }))
    expect(missing.code).toBe('NOT_FOUND')
    expect(missing.message).toBe('未找到区划（150422100999），可能已被删除或合并。')
  })

  it('keeps the change and its audit row in one transaction', async () => {
    const host = await setUpHost()
    host.db.exec(`CREATE TEMP TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, '审计写入失败'); END`)
    const error = catchError(() => renameRegion(host.ctx, { code: FUSHANDI, name: '福山地新村' }))
    expect(String(error)).toContain('审计写入失败')
    expect(getRegion(host.ctx, FUSHANDI).name).toBe('福山地村')
  })
})

describe('addRegion', () => {
  it('adds a village under a town with the next free code from 200', async () => {
    const host = await setUpHost()
    const used = new Set(villageCodes(host, LINDONG).map((c) => Number(c.slice(9))))
    let n = 200
    while (used.has(n)) n++
    const audit = auditCount(host.ctx)
    const row = addRegion(host.ctx, { parentCode: LINDONG, name: '新建村' })
    expect(row).toMatchObject({ code: `150422100${n}`, parentCode: LINDONG, level: 5, name: '新建村', kind: '村', active: true })
    expect(auditCount(host.ctx)).toBe(audit + 1)
    expect(lastAudit(host)).toMatchObject({
      entity: 'region',
      entityId: row.code,
      entityName: '新建村',
      action: 'create',
      summary: '在「林东镇」下新增「新建村」',
      before: null,
      after: { code: row.code, name: '新建村' },
    })
    // the next one gets the next code, and is listed last
    const second = addRegion(host.ctx, { parentCode: LINDONG, name: '再建嘎查' })
    expect(second.kind).toBe('嘎查')
    expect(Number(second.code.slice(9))).toBeGreaterThan(n)
    expect(regionTree(host.ctx, {})[0].children[0].children.at(-1)?.code).toBe(second.code)
  })

  it('adds a town under the county with a free 12-digit town code', async () => {
    const host = await setUpHost()
    const row = addRegion(host.ctx, { parentCode: COUNTY_ROW, name: '新城镇' })
    expect(row.code).toMatch(/^150422\d{3}000$/)
    expect(row).toMatchObject({ level: 4, kind: '镇', parentCode: COUNTY_ROW })
    expect([LINDONG, LONGCHANG, CHAGANHADA]).not.toContain(row.code)
    // and a village under the new town
    expect(addRegion(host.ctx, { parentCode: row.code, name: '新城村' }).code).toBe(`${row.code.slice(0, 9)}200`)
  })

  it('accepts an explicit code under the parent', async () => {
    const host = await setUpHost()
    expect(addRegion(host.ctx, { parentCode: LINDONG, name: '试点村', code: '150422100299' })).toMatchObject({
      code: '150422100299',
      parentCode: LINDONG,
    })
    expect(addRegion(host.ctx, { parentCode: COUNTY_ROW, name: '富河镇', code: '150422104000' })).toMatchObject({ level: 4, kind: '镇' })
  })

  it('refuses an explicit code outside the parent or of the wrong level', async () => {
    const host = await setUpHost()
    const foreign = refused(host, () => addRegion(host.ctx, { parentCode: LINDONG, name: '试点村', code: '150422101250' }))
    expect(foreign.code).toBe('INVALID')
    expect(foreign.message).toBe('区划代码 150422101250 不属于「林东镇」：应以 150422100 开头，末三位不为 000。')
    expect(foreign.details).toEqual({ field: 'code' })
    const townLevel = refused(host, () => addRegion(host.ctx, { parentCode: LINDONG, name: '试点村', code: '150422100000' }))
    expect(townLevel.code).toBe('INVALID')
    const villageAsTown = refused(host, () => addRegion(host.ctx, { parentCode: COUNTY_ROW, name: '新镇', code: '150422104001' }))
    expect(villageAsTown.message).toBe('区划代码 150422104001 不属于「巴林左旗」：应以 150422 开头，后三位为 000。')
    const otherCounty = refused(host, () => addRegion(host.ctx, { parentCode: COUNTY_ROW, name: '新镇', code: '150423104000' }))
    expect(otherCounty.code).toBe('INVALID')
  })

  it('refuses a code in use and a sibling name in use', async () => {
    const host = await setUpHost()
    const code = refused(host, () => addRegion(host.ctx, { parentCode: LINDONG, name: '另一个村', code: FUSHANDI }))
    expect(code.code).toBe('DUPLICATE')
    expect(code.message).toBe(`区划代码 ${FUSHANDI} 已被使用。`)
    const name = refused(host, () => addRegion(host.ctx, { parentCode: LINDONG, name: '福山地村' }))
    expect(name.code).toBe('DUPLICATE')
    expect(name.details).toEqual({ field: 'name' })
  })

  it('refuses to add under a village, the prefecture, an unknown or a merged parent', async () => {
    const host = await setUpHost()
    expect(refused(host, () => addRegion(host.ctx, { parentCode: FUSHANDI, name: '某组' })).message).toBe(
      '只能在旗县下添加乡镇，或在乡镇下添加村（嘎查）。',
    )
    expect(refused(host, () => addRegion(host.ctx, { parentCode: '150400000000', name: '某旗' })).code).toBe('INVALID')
    expect(refused(host, () => addRegion(host.ctx, { parentCode: '150422109000', name: '某村' })).code).toBe('NOT_FOUND')
    mergeRegion(host.ctx, { fromCode: LONGCHANG, intoCode: LINDONG })
    const merged = refused(host, () => addRegion(host.ctx, { parentCode: LONGCHANG, name: '某村' }))
    expect(merged.code).toBe('INVALID')
    expect(merged.message).toBe('「隆昌镇」已被合并，请选择仍在使用的区划。')
    // with an explicit code too: a village under a merged town would be hidden from the tree
    const explicit = refused(host, () => addRegion(host.ctx, { parentCode: LONGCHANG, name: '某村', code: '150422101299' }))
    expect(explicit.code).toBe('INVALID')
  })
})

describe('mergeRegion', () => {
  it('merges a village into a village: the old one becomes inactive, pointing at the new one', async () => {
    const host = await setUpHost()
    const audit = auditCount(host.ctx)
    const into = mergeRegion(host.ctx, { fromCode: FUSHANDI, intoCode: FUSHAN })
    expect(into).toMatchObject({ code: FUSHAN, name: '福山村', active: true, mergedInto: null })
    expect(getRegion(host.ctx, FUSHANDI)).toMatchObject({ active: false, mergedInto: FUSHAN, name: '福山地村', parentCode: LINDONG })
    expect(auditCount(host.ctx)).toBe(audit + 1)
    expect(lastAudit(host)).toMatchObject({
      entity: 'region',
      entityId: FUSHANDI,
      entityName: '福山地村',
      action: 'update',
      summary: '「福山地村」并入「福山村」',
      before: { active: true, mergedInto: null },
      after: { active: false, mergedInto: FUSHAN },
    })
    // gone from the tree, but still there for history
    const codes = (nodes: RegionNode[]): string[] => nodes.flatMap((n) => [n.code, ...codes(n.children)])
    expect(codes(regionTree(host.ctx, {}))).not.toContain(FUSHANDI)
    expect(codes(regionTree(host.ctx, { includeInactive: true }))).toContain(FUSHANDI)
    // its name is free again under 林东镇
    expect(addRegion(host.ctx, { parentCode: LINDONG, name: '福山地村' }).active).toBe(true)
  })

  it('merging a town moves its villages to the other town', async () => {
    const host = await setUpHost()
    const moving = villageCodes(host, LONGCHANG)
    const staying = villageCodes(host, LINDONG)
    expect(moving.length).toBeGreaterThan(0)
    // one village of 隆昌镇 was merged earlier: it stays with its old town
    mergeRegion(host.ctx, { fromCode: moving[0], intoCode: moving[1] })
    const audit = auditCount(host.ctx)
    mergeRegion(host.ctx, { fromCode: LONGCHANG, intoCode: LINDONG })
    expect(getRegion(host.ctx, LONGCHANG)).toMatchObject({ active: false, mergedInto: LINDONG })
    expect(villageCodes(host, LINDONG)).toEqual([...staying, ...moving.slice(1)].sort())
    expect(villageCodes(host, LONGCHANG)).toEqual([])
    expect(getRegion(host.ctx, moving[0]).parentCode).toBe(LONGCHANG)
    // the merge is recorded on the town that was merged, and on the town that received the villages
    const rows = listAudit(host.ctx, { page: 1, pageSize: auditCount(host.ctx) - audit }).rows
    expect(rows.map((r) => [r.entityId, r.summary])).toEqual([
      [LONGCHANG, '「隆昌镇」并入「林东镇」'],
      [LINDONG, `接收「隆昌镇」的 ${moving.length - 1} 个村（嘎查）`],
    ])
    const tree = regionTree(host.ctx, {})[0]
    expect(tree.children.map((t) => t.name)).toEqual(['林东镇', '查干哈达苏木'])
    expect(tree.children[0].children).toHaveLength(staying.length + moving.length - 1)
  })

  it('refuses to merge into itself, into an inactive region, or a region merged before', async () => {
    const host = await setUpHost()
    const self = refused(host, () => mergeRegion(host.ctx, { fromCode: FUSHANDI, intoCode: FUSHANDI }))
    expect(self.message).toBe('不能把区划合并到它自己。')
    mergeRegion(host.ctx, { fromCode: FUSHANDI, intoCode: FUSHAN })
    const intoInactive = refused(host, () => mergeRegion(host.ctx, { fromCode: SUOBULIGA, intoCode: FUSHANDI }))
    expect(intoInactive.code).toBe('INVALID')
    expect(intoInactive.message).toBe('「福山地村」已被合并，请选择仍在使用的区划。')
    const again = refused(host, () => mergeRegion(host.ctx, { fromCode: FUSHANDI, intoCode: SUOBULIGA }))
    expect(again.message).toBe('「福山地村」已于此前合并，不能再次合并。')
  })

  it('refuses to mix levels, to merge counties, and unknown codes', async () => {
    const host = await setUpHost()
    expect(refused(host, () => mergeRegion(host.ctx, { fromCode: FUSHANDI, intoCode: LINDONG })).message).toBe(
      '只能把村并入村、把乡镇并入乡镇。',
    )
    expect(refused(host, () => mergeRegion(host.ctx, { fromCode: LONGCHANG, intoCode: FUSHANDI })).code).toBe('INVALID')
    expect(refused(host, () => mergeRegion(host.ctx, { fromCode: COUNTY_ROW, intoCode: '150400000000' })).code).toBe('INVALID')
    expect(refused(host, () => mergeRegion(host.ctx, { fromCode: FUSHANDI, intoCode: '150422100999' })).code).toBe('NOT_FOUND')
  })
})

describe('setRegionFlags', () => {
  it('sets the given flags on a village, keeps the others, one audit row per change', async () => {
    const host = await setUpHost()
    const audit = auditCount(host.ctx)
    expect(setRegionFlags(host.ctx, { code: FUSHANDI, isFormerPoorVillage: true })).toMatchObject({
      isFormerPoorVillage: true,
      isKeyVillage: false,
      isRelocationSite: false,
    })
    expect(auditCount(host.ctx)).toBe(audit + 1)
    expect(lastAudit(host)).toMatchObject({
      entityId: FUSHANDI,
      entityName: '福山地村',
      summary: '修改「福山地村」的村属性',
      before: { isFormerPoorVillage: false },
      after: { isFormerPoorVillage: true },
    })
    expect(setRegionFlags(host.ctx, { code: FUSHANDI, isKeyVillage: true, isRelocationSite: true })).toMatchObject({
      isFormerPoorVillage: true,
      isKeyVillage: true,
      isRelocationSite: true,
    })
    expect(setRegionFlags(host.ctx, { code: FUSHANDI, isFormerPoorVillage: false })).toMatchObject({
      isFormerPoorVillage: false,
      isKeyVillage: true,
    })
    expect(auditCount(host.ctx)).toBe(audit + 3)
    expect(host.db.prepare('SELECT is_former_poor_village, is_key_village, is_relocation_site FROM region WHERE code = ?').get(FUSHANDI)).toEqual({
      is_former_poor_village: 0,
      is_key_village: 1,
      is_relocation_site: 1,
    })
    // other villages untouched
    expect(getRegion(host.ctx, FUSHAN)).toMatchObject({ isFormerPoorVillage: false, isKeyVillage: false })
  })

  it('refuses towns and the county', async () => {
    const host = await setUpHost()
    const town = refused(host, () => setRegionFlags(host.ctx, { code: LINDONG, isFormerPoorVillage: true }))
    expect(town.code).toBe('INVALID')
    expect(town.message).toBe('脱贫村、重点帮扶村、易地搬迁安置点只能标记在村（嘎查）上。')
    expect(refused(host, () => setRegionFlags(host.ctx, { code: COUNTY_ROW, isKeyVillage: true })).code).toBe('INVALID')
    expect(refused(host, () => setRegionFlags(host.ctx, { code: '150422100999', isKeyVillage: true })).code).toBe('NOT_FOUND')
  })
})
