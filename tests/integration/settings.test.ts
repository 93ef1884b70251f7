import { describe, expect, it } from 'vitest'
import type { AppError } from '../../src-main/domain/errors'
import { settingCatalog } from '../../src-main/domain/settings-catalog'
import { listAudit } from '../../src-main/services/audit'
import { getSetting, listSettings, updateSettings } from '../../src-main/services/settings'
import type { ServiceHost } from '../../src-main/core/service-host'
import { auditCount, autoCleanup, BAARIN_LEFT, count, dump, openHost, openReadOnly, setUpHost } from '../support/temp'

autoCleanup()

const catchError = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected an error')
}

const valueOf = (host: ServiceHost, key: string) => listSettings(host.ctx).find((s) => s.key === key)?.value

/** An update that must be refused: nothing saved, no audit row. */
function refused(host: ServiceHost, values: Record<string, unknown>) {
  const settings = dump(host.db, 'setting')
  const audit = auditCount(host.ctx)
  const error = catchError(() => updateSettings(host.ctx, values))
  expect(dump(host.db, 'setting')).toEqual(settings)
  expect(auditCount(host.ctx)).toBe(audit)
  return error
}

describe('listSettings', () => {
  it('shows every catalog entry with its default on a new file', async () => {
    const host = await openHost()
    const list = listSettings(host.ctx)
    expect(list.map((s) => s.key)).toEqual(settingCatalog.map((d) => d.key))
    for (const s of list) expect(s.value, s.key).toEqual(settingCatalog.find((d) => d.key === s.key)!.default)
    expect(list.find((s) => s.key === 'publicity.projectMinDays')).toMatchObject({ label: '项目公示最少天数', type: 'integer', unit: '天', value: 7 })
    expect(count(host.db, 'setting')).toBe(0)
  })

  it('throws for a key that is not in the catalog', async () => {
    const host = await openHost()
    expect(() => getSetting(host.ctx, 'no.such.key')).toThrow()
  })
})

describe('updateSettings', () => {
  it('saves a changed value, returns the new list, and audits the change', async () => {
    const host = await setUpHost()
    const audit = auditCount(host.ctx)
    const list = updateSettings(host.ctx, { 'publicity.projectMinDays': 10 })
    expect(list.find((s) => s.key === 'publicity.projectMinDays')?.value).toBe(10)
    expect(getSetting(host.ctx, 'publicity.projectMinDays')).toBe(10)
    expect(auditCount(host.ctx)).toBe(audit + 1)
    expect(listAudit(host.ctx, { page: 1, pageSize: 1 }).rows[0]).toMatchObject({
      entity: 'setting',
      entityId: 'publicity.projectMinDays',
      entityName: '项目公示最少天数',
      action: 'update',
      summary: '修改参数「项目公示最少天数」',
      before: { value: 7 },
      after: { value: 10 },
    })
    // persisted
    const reader = openReadOnly(host.ctx.paths.dbFile)
    expect(reader.prepare("SELECT value FROM setting WHERE key = 'publicity.projectMinDays'").pluck().get()).toBe('10')
  })

  it('audits only the values that changed', async () => {
    const host = await setUpHost()
    updateSettings(host.ctx, { 'publicity.projectMinDays': 10 })
    const audit = auditCount(host.ctx)
    updateSettings(host.ctx, {
      'publicity.projectMinDays': 10, // unchanged
      'publicity.incomeMinDays': 10, // equal to its default
      'funds.milestones': settingCatalog.find((d) => d.key === 'funds.milestones')!.default, // default
      'funds.industryShareMinPct': 60, // changed
      'org.unitName': '巴林左旗农牧局', // unchanged (set up)
    })
    expect(auditCount(host.ctx)).toBe(audit + 1)
    expect(listAudit(host.ctx, { page: 1, pageSize: 1 }).rows[0]).toMatchObject({ entityId: 'funds.industryShareMinPct', before: { value: 55 }, after: { value: 60 } })
    expect(count(host.db, 'setting', "key = 'publicity.incomeMinDays'")).toBe(0)
  })

  it('saves every type: integer, percent, choice, boolean, text, milestones', async () => {
    const host = await setUpHost()
    const milestones = [
      { month: 4, pct: 25 },
      { month: 8, pct: 60 },
      { month: 12, pct: 100 },
    ]
    updateSettings(host.ctx, {
      'asset.startYear': 2013,
      'funds.managementFeeMaxPct': 1.15,
      'funds.nonPoorVillageShareMaxPct': 29.99,
      'display.moneyUnit': '元',
      'county.keyAssisted': true,
      'org.supervisionPhone': '  0476-7822000 ',
      'funds.milestones': milestones,
    })
    expect(valueOf(host, 'asset.startYear')).toBe(2013)
    expect(valueOf(host, 'funds.managementFeeMaxPct')).toBe(1.15)
    expect(valueOf(host, 'funds.nonPoorVillageShareMaxPct')).toBe(29.99)
    expect(valueOf(host, 'display.moneyUnit')).toBe('元')
    expect(valueOf(host, 'county.keyAssisted')).toBe(true)
    expect(valueOf(host, 'org.supervisionPhone')).toBe('0476-7822000')
    expect(valueOf(host, 'funds.milestones')).toEqual(milestones)
  })

  it('refuses the setup-only county keys', async () => {
    const host = await setUpHost()
    for (const [key, label] of [
      ['county.code', '旗县区划代码'],
      ['county.name', '旗县名称'],
      ['county.fullName', '所属省市'],
    ]) {
      const error = refused(host, { [key]: 'x', 'publicity.projectMinDays': 9 })
      expect(error.code).toBe('READ_ONLY')
      expect(error.message).toBe(`「${label}」在首次设置时确定，不能在此修改。`)
    }
    expect(getSetting(host.ctx, 'county.code')).toBe(BAARIN_LEFT)
    expect(getSetting(host.ctx, 'publicity.projectMinDays')).toBe(7)
  })

  it('is all or nothing: one bad value and nothing is saved', async () => {
    const host = await setUpHost()
    const error = refused(host, { 'publicity.projectMinDays': 10, 'display.moneyUnit': '千元', 'asset.startYear': 2015 })
    expect(error.code).toBe('INVALID')
    expect(error.message).toBe('「默认金额单位」只能是 元、万元 之一')
    expect(error.details).toEqual([{ key: 'display.moneyUnit', label: '默认金额单位', reason: '只能是 元、万元 之一' }])
    expect(getSetting(host.ctx, 'publicity.projectMinDays')).toBe(7)
    expect(getSetting(host.ctx, 'asset.startYear')).toBe(2016)
  })

  it('lists every bad value in one message', async () => {
    const host = await setUpHost()
    const error = refused(host, {
      'publicity.projectMinDays': 0,
      'asset.startYear': 2016.5,
      'funds.industryShareMinPct': 55.555,
      'county.keyAssisted': '是',
      'funds.milestones': [{ month: 6, pct: 50 }, { month: 3, pct: 60 }],
      'no.such.key': 1,
    })
    expect(error.message.split('；')).toEqual([
      '「项目公示最少天数」应在 1 到 60 之间',
      '「资产起始年度」应为整数',
      '「产业发展资金占比不低于」最多两位小数',
      '「乡村振兴重点帮扶县」应为“是”或“否”',
      '「支出进度节点」第 2 个节点的月份应晚于上一个，比例不应低于上一个',
      '「no.such.key」没有这个参数',
    ])
    expect((error.details as unknown[]).length).toBe(6)
  })

  it('keeps the new value and its audit row in one transaction', async () => {
    const host = await setUpHost()
    host.db.exec(`CREATE TEMP TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, '审计写入失败'); END`)
    expect(() => updateSettings(host.ctx, { 'publicity.projectMinDays': 12, 'publicity.incomeMinDays': 12 })).toThrow('审计写入失败')
    expect(getSetting(host.ctx, 'publicity.projectMinDays')).toBe(7)
    expect(getSetting(host.ctx, 'publicity.incomeMinDays')).toBe(10)
  })

  it('accepts an empty update', async () => {
    const host = await setUpHost()
    const audit = auditCount(host.ctx)
    expect(updateSettings(host.ctx, {})).toHaveLength(settingCatalog.length)
    expect(auditCount(host.ctx)).toBe(audit)
  })
})
