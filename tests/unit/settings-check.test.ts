import { describe, expect, it } from 'vitest'
import { settingCatalog, settingDef, settingGroups, type SettingDef } from '../../src-main/domain/settings-catalog'
import { checkSettingValue } from '../../src-main/services/settings'

const def = (key: string): SettingDef => {
  const d = settingDef(key)
  if (!d) throw new Error(`no setting ${key}`)
  return d
}
const ok = (key: string, value: unknown) => checkSettingValue(def(key), value)
const reason = (key: string, value: unknown) => {
  const result = checkSettingValue(def(key), value)
  expect(result.ok, `${key} = ${JSON.stringify(value)} should be refused`).toBe(false)
  return (result as { reason: string }).reason
}

describe('settings catalog', () => {
  it('has unique keys, Chinese labels, known groups and valid defaults', () => {
    const keys = settingCatalog.map((d) => d.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const d of settingCatalog) {
      expect(d.label, d.key).toMatch(/[\u4e00-\u9fff]/)
      expect(settingGroups as readonly string[], d.key).toContain(d.group)
      expect(checkSettingValue(d, d.default), d.key).toEqual({ ok: true, value: d.default })
    }
  })

  it('keeps the policy defaults of domain.md', () => {
    expect(def('publicity.projectMinDays').default).toBe(7)
    expect(def('publicity.incomeMinDays').default).toBe(10)
    expect(def('funds.industryShareMinPct').default).toBe(55)
    expect(def('display.moneyUnit').default).toBe('万元')
    expect(def('funds.milestones').default).toEqual([
      { month: 3, pct: 30 },
      { month: 6, pct: 50 },
      { month: 9, pct: 75 },
      { month: 11, pct: 90 },
      { month: 12, pct: 100 },
    ])
  })

  it('finds definitions by key', () => {
    expect(settingDef('asset.startYear')?.type).toBe('integer')
    expect(settingDef('no.such.key')).toBeUndefined()
  })
})

describe('checkSettingValue', () => {
  it('integers: whole numbers within the range', () => {
    expect(ok('publicity.projectMinDays', 1)).toEqual({ ok: true, value: 1 })
    expect(ok('publicity.projectMinDays', 60)).toEqual({ ok: true, value: 60 })
    expect(reason('publicity.projectMinDays', 0)).toBe('应在 1 到 60 之间')
    expect(reason('publicity.projectMinDays', 61)).toBe('应在 1 到 60 之间')
    expect(reason('publicity.projectMinDays', 7.5)).toBe('应为整数')
    expect(reason('publicity.projectMinDays', '7')).toBe('应为整数')
    expect(reason('publicity.projectMinDays', null)).toBe('应为整数')
    expect(reason('publicity.projectMinDays', Number.NaN)).toBe('应为整数')
    expect(reason('asset.startYear', 2011)).toBe('应在 2012 到 2030 之间')
  })

  it('percentages: at most two decimals, within the range', () => {
    expect(ok('funds.industryShareMinPct', 55)).toEqual({ ok: true, value: 55 })
    expect(ok('funds.industryShareMinPct', 55.5)).toEqual({ ok: true, value: 55.5 })
    expect(ok('funds.industryShareMinPct', 0)).toEqual({ ok: true, value: 0 })
    expect(ok('funds.industryShareMinPct', 100)).toEqual({ ok: true, value: 100 })
    expect(reason('funds.industryShareMinPct', 55.555)).toBe('最多两位小数')
    expect(reason('funds.industryShareMinPct', 100.01)).toBe('应在 0 到 100 之间')
    expect(reason('funds.industryShareMinPct', -1)).toBe('应在 0 到 100 之间')
    expect(reason('funds.industryShareMinPct', '55')).toBe('应为数字')
    expect(reason('funds.industryShareMinPct', Number.NaN)).toBe('应为数字')
    expect(reason('funds.industryShareMinPct', Number.POSITIVE_INFINITY)).toBe('应为数字')
  })

  it('percentages: every value with two decimals is accepted, despite binary floating point', () => {
    // 1.15 * 100 is 114.99999999999999 in floating point; a clerk typing 1.15 % must not be refused
    for (const value of [1.15, 0.29, 0.57, 1.1, 4.35, 33.33, 99.99, 0.01]) {
      expect(ok('funds.managementFeeMaxPct', value), String(value)).toEqual({ ok: true, value })
    }
    for (let cents = 0; cents <= 10000; cents++) {
      const value = cents / 100
      if (!checkSettingValue(def('funds.industryShareMinPct'), value).ok) throw new Error(`${value} % was refused`)
    }
  })

  it('choices: only the listed ones', () => {
    expect(ok('display.moneyUnit', '元')).toEqual({ ok: true, value: '元' })
    expect(reason('display.moneyUnit', '千元')).toBe('只能是 元、万元 之一')
    expect(reason('display.assetLabel', '')).toBe('只能是 扶贫项目资产、帮扶项目资产 之一')
  })

  it('booleans: true or false only', () => {
    expect(ok('county.keyAssisted', true)).toEqual({ ok: true, value: true })
    expect(ok('county.keyAssisted', false)).toEqual({ ok: true, value: false })
    expect(reason('county.keyAssisted', 'true')).toBe('应为“是”或“否”')
    expect(reason('county.keyAssisted', 1)).toBe('应为“是”或“否”')
  })

  it('text: trimmed, at most 200 characters', () => {
    expect(ok('org.unitName', '  巴林左旗农牧局 ')).toEqual({ ok: true, value: '巴林左旗农牧局' })
    expect(ok('org.unitName', '字'.repeat(200)).ok).toBe(true)
    expect(reason('org.unitName', '字'.repeat(201))).toBe('不能超过200个字')
    expect(reason('org.unitName', 12)).toBe('应为文字')
  })

  it('milestones: months and percentages both increasing, normalised to {month, pct}', () => {
    const value = [
      { month: 3, pct: 25, note: 'dropped' },
      { month: 6, pct: 50 },
      { month: 12, pct: 100 },
    ]
    expect(ok('funds.milestones', value)).toEqual({
      ok: true,
      value: [
        { month: 3, pct: 25 },
        { month: 6, pct: 50 },
        { month: 12, pct: 100 },
      ],
    })
    // equal percentages are allowed (不应低于上一个)
    expect(ok('funds.milestones', [{ month: 6, pct: 50 }, { month: 9, pct: 50 }]).ok).toBe(true)
  })

  it('milestones: refuses bad lists with the position of the bad node', () => {
    expect(reason('funds.milestones', [])).toBe('至少需要一个进度节点')
    expect(reason('funds.milestones', 'month 3: 30%')).toBe('至少需要一个进度节点')
    expect(reason('funds.milestones', [{ month: 0, pct: 10 }])).toBe('第 1 个节点的月份应为 1–12')
    expect(reason('funds.milestones', [{ month: 3, pct: 30 }, { month: 13, pct: 40 }])).toBe('第 2 个节点的月份应为 1–12')
    expect(reason('funds.milestones', [{ month: 3.5, pct: 30 }])).toBe('第 1 个节点的月份应为 1–12')
    expect(reason('funds.milestones', [{ month: 3, pct: 101 }])).toBe('第 1 个节点的比例应为 0–100')
    expect(reason('funds.milestones', [{ month: 3, pct: '30' }])).toBe('第 1 个节点的比例应为 0–100')
    expect(reason('funds.milestones', [{ month: 3, pct: Number.NaN }])).toBe('第 1 个节点的比例应为 0–100')
    expect(reason('funds.milestones', [null])).toBe('第 1 个节点的月份应为 1–12')
    expect(reason('funds.milestones', [{ month: 6, pct: 30 }, { month: 6, pct: 50 }])).toBe(
      '第 2 个节点的月份应晚于上一个，比例不应低于上一个',
    )
    expect(reason('funds.milestones', [{ month: 6, pct: 30 }, { month: 3, pct: 50 }])).toMatch(/^第 2 个节点/)
    expect(reason('funds.milestones', [{ month: 3, pct: 30 }, { month: 6, pct: 50 }, { month: 9, pct: 40 }])).toBe(
      '第 3 个节点的月份应晚于上一个，比例不应低于上一个',
    )
  })
})
