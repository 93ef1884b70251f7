import { describe, expect, it } from 'vitest'
import type { AppError } from '../../src-main/domain/errors'
import { listAudit } from '../../src-main/services/audit'
import { countyDivisions } from '../../src-main/services/divisions'
import { getSetting } from '../../src-main/services/settings'
import { completeSetup, isSetupDone } from '../../src-main/services/setup'
import { appInfo } from '../../src-main/services/system'
import {
  autoCleanup,
  BAARIN_LEFT,
  CHAGANHADA,
  count,
  COUNTY_ROW,
  defaultSetup,
  dump,
  LINDONG,
  LONGCHANG,
  openHost,
  openReadOnly,
  resourcesDir,
} from '../support/temp'

autoCleanup()

const divisions = countyDivisions(resourcesDir, BAARIN_LEFT)
const villagesOf = (townCode: string) => divisions.towns.find((t) => t.code === townCode)!.villages

const catchError = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected an error')
}

describe('completeSetup', () => {
  it('loads the chosen towns with all their villages, and the county with its parents', async () => {
    const host = await openHost()
    expect(isSetupDone(host.ctx)).toBe(false)
    const result = completeSetup(host.ctx, defaultSetup([LINDONG, CHAGANHADA]))
    const expectedVillages = villagesOf(LINDONG).length + villagesOf(CHAGANHADA).length
    expect(result).toEqual({ countyCode: BAARIN_LEFT, countyName: '巴林左旗', towns: 2, villages: expectedVillages })

    const db = host.db
    expect(db.prepare('SELECT code, parent_code AS parent, level, name, kind FROM region WHERE level <= 3 ORDER BY level').all()).toEqual([
      { code: '150000000000', parent: null, level: 1, name: '内蒙古自治区', kind: '省' },
      { code: '150400000000', parent: '150000000000', level: 2, name: '赤峰市', kind: '市' },
      { code: COUNTY_ROW, parent: '150400000000', level: 3, name: '巴林左旗', kind: '旗县' },
    ])
    expect(db.prepare('SELECT code, name, kind, parent_code AS parent, sort FROM region WHERE level = 4 ORDER BY sort').all()).toEqual([
      { code: LINDONG, name: '林东镇', kind: '镇', parent: COUNTY_ROW, sort: 1 },
      { code: CHAGANHADA, name: '查干哈达苏木', kind: '苏木', parent: COUNTY_ROW, sort: 2 },
    ])
    expect(count(db, 'region', 'level = 5')).toBe(expectedVillages)
    expect(count(db, 'region', 'level = 5 AND parent_code = ?', LINDONG)).toBe(villagesOf(LINDONG).length)
    expect(count(db, 'region', 'level = 5 AND substr(code, 1, 9) <> substr(parent_code, 1, 9)')).toBe(0)
    expect(db.prepare('SELECT name, kind FROM region WHERE code = ?').get('150422100201')).toEqual({ name: '福山地村', kind: '村' })
    expect(db.prepare('SELECT name, kind FROM region WHERE code = ?').get('150422200200')).toEqual({ name: '乌兰格日勒嘎查', kind: '嘎查' })
    // a town that was not chosen is not loaded, nor are its villages
    expect(count(db, 'region', "code LIKE '150422101%'")).toBe(0)
    expect(count(db, 'region', 'active = 0 OR is_former_poor_village = 1')).toBe(0)
  })

  it('stores the county settings', async () => {
    const host = await openHost()
    completeSetup(host.ctx, { ...defaultSetup(), moneyUnit: '元', assetLabel: '扶贫项目资产', startYear: 2014, unitName: ' 巴林左旗乡村振兴局 ' })
    const ctx = host.ctx
    expect(getSetting(ctx, 'county.code')).toBe(BAARIN_LEFT)
    expect(getSetting(ctx, 'county.name')).toBe('巴林左旗')
    expect(getSetting(ctx, 'county.fullName')).toBe('内蒙古自治区赤峰市')
    expect(getSetting(ctx, 'org.unitName')).toBe('巴林左旗乡村振兴局')
    expect(getSetting(ctx, 'display.moneyUnit')).toBe('元')
    expect(getSetting(ctx, 'display.assetLabel')).toBe('扶贫项目资产')
    expect(getSetting(ctx, 'asset.startYear')).toBe(2014)
    expect(isSetupDone(ctx)).toBe(true)
    expect(appInfo(ctx).county).toEqual({ code: BAARIN_LEFT, name: '巴林左旗', fullName: '内蒙古自治区赤峰市' })
  })

  it('leaves the prefecture out of the full name for 市辖区 counties', async () => {
    const host = await openHost()
    const beijing = countyDivisions(resourcesDir, '110101')
    expect(beijing.county.cityName).toBe('市辖区')
    completeSetup(host.ctx, { ...defaultSetup([beijing.towns[0].code]), countyCode: '110101' })
    expect(getSetting(host.ctx, 'county.fullName')).toBe('北京市')
  })

  it('writes one county audit row naming what was loaded', async () => {
    const host = await openHost(undefined, '张会计')
    const result = completeSetup(host.ctx, defaultSetup())
    const county = listAudit(host.ctx, { entity: 'county', page: 1, pageSize: 50 })
    expect(county.total).toBe(1)
    expect(county.rows[0]).toMatchObject({
      user: '张会计',
      entity: 'county',
      entityId: BAARIN_LEFT,
      entityName: '巴林左旗',
      action: 'create',
      summary: `首次设置：巴林左旗，载入 3 个乡镇、${result.villages} 个村（嘎查）`,
      before: null,
      after: defaultSetup(),
    })
    // changed settings are audited too, each once
    const settings = listAudit(host.ctx, { entity: 'setting', page: 1, pageSize: 50 }).rows.map((r) => r.entityId)
    expect(new Set(settings).size).toBe(settings.length)
    expect(settings).toEqual(expect.arrayContaining(['county.code', 'county.name', 'org.unitName', 'asset.startYear']))
    // 万元 is the default: not a change
    expect(settings).not.toContain('display.moneyUnit')
  })

  it('refuses a second setup and writes nothing', async () => {
    const host = await openHost()
    completeSetup(host.ctx, defaultSetup([LINDONG]))
    const regions = dump(host.db, 'region')
    const settings = dump(host.db, 'setting')
    const audit = dump(host.db, 'audit_log')
    const error = catchError(() => completeSetup(host.ctx, { ...defaultSetup([LONGCHANG]), unitName: '别的单位' }))
    expect(error.code).toBe('ALREADY_SET_UP')
    expect(error.message).toBe('本数据文件已完成首次设置，旗县不能再更改。')
    expect(dump(host.db, 'region')).toEqual(regions)
    expect(dump(host.db, 'setting')).toEqual(settings)
    expect(dump(host.db, 'audit_log')).toEqual(audit)
  })

  it('refuses towns of another county and writes nothing', async () => {
    const host = await openHost()
    // 150423100000 is a town of 巴林右旗; 150422100201 is a village, not a town
    for (const stranger of ['150423100000', '150422100201', '150422999000']) {
      const error = catchError(() => completeSetup(host.ctx, defaultSetup([LINDONG, stranger])))
      expect(error.code).toBe('INVALID')
      expect(error.message).toBe(`所选乡镇不属于巴林左旗：${stranger}`)
      expect(error.details).toEqual({ field: 'townCodes' })
    }
    expect(count(host.db, 'region')).toBe(0)
    expect(count(host.db, 'setting')).toBe(0)
    expect(count(host.db, 'audit_log')).toBe(0)
    expect(isSetupDone(host.ctx)).toBe(false)
  })

  it('refuses an empty town list and an unknown county', async () => {
    const host = await openHost()
    expect(catchError(() => completeSetup(host.ctx, defaultSetup([]))).message).toBe('请至少选择一个乡镇（苏木）。')
    expect(catchError(() => completeSetup(host.ctx, { ...defaultSetup(), countyCode: '150499' })).code).toBe('NOT_FOUND')
    expect(count(host.db, 'region')).toBe(0)
  })

  it('is all or nothing: a bad setting value rolls back the loaded regions', async () => {
    const host = await openHost()
    const error = catchError(() => completeSetup(host.ctx, { ...defaultSetup(), startYear: 1999 }))
    expect(error.code).toBe('INVALID')
    expect(error.message).toContain('「资产起始年度」应在 2012 到 2030 之间')
    expect(count(host.db, 'region')).toBe(0)
    expect(count(host.db, 'setting')).toBe(0)
    expect(count(host.db, 'audit_log')).toBe(0)
    // and it can then be done properly
    expect(completeSetup(host.ctx, defaultSetup()).towns).toBe(3)
  })

  it('counts a town chosen twice once', async () => {
    const host = await openHost()
    const result = completeSetup(host.ctx, defaultSetup([LINDONG, LINDONG]))
    expect(result.towns).toBe(1)
    expect(count(host.db, 'region', 'level = 4')).toBe(1)
  })

  it('is on disk once it returns', async () => {
    const host = await openHost()
    const result = completeSetup(host.ctx, defaultSetup())
    const reader = openReadOnly(host.ctx.paths.dbFile)
    expect(count(reader, 'region')).toBe(3 + 3 + result.villages)
  })
})
