import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { channelNames, contract, isChannel, type Channel } from '../../src-main/api/contract'
import { handlers } from '../../src-main/api/handlers'
import { validateInput } from '../../src-main/api/validate'

const han = /[\u4e00-\u9fff]/

const foundationChannels: Channel[] = [
  'app.info',
  'system.backupNow',
  'system.listBackups',
  'system.copyDataTo',
  'divisions.children',
  'divisions.county',
  'setup.complete',
  'regions.tree',
  'regions.rename',
  'regions.add',
  'regions.merge',
  'regions.setFlags',
  'settings.list',
  'settings.update',
  'audit.list',
]

type Failure = { ok: false; code: string; message: string; details?: { field: string; label: string; message: string }[] }
const fail = (result: unknown) => {
  expect(result).toMatchObject({ ok: false })
  return result as Failure
}

describe('contract and handlers', () => {
  it('has exactly one handler function per channel', () => {
    expect(channelNames.length).toBeGreaterThan(10)
    for (const name of channelNames) expect(typeof handlers[name], name).toBe('function')
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort())
  })

  it('lists the foundation channels', () => {
    expect(channelNames).toEqual(expect.arrayContaining(foundationChannels))
  })

  it('recognises only its own channel names', () => {
    expect(isChannel('regions.rename')).toBe(true)
    for (const name of ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'regions', '', 'REGIONS.RENAME', 42, null, undefined]) {
      expect(isChannel(name), String(name)).toBe(false)
    }
  })

  it('every input field of the foundation channels carries a Chinese label in its error message', () => {
    let checked = 0
    for (const name of foundationChannels) {
      const shape = ((contract[name].input as unknown as z.ZodObject).shape ?? {}) as Record<string, z.ZodType>
      for (const key of Object.keys(shape)) {
        // a value of the wrong type for the field: strings, numbers, booleans, arrays, records …
        for (const wrong of [0.5, 'x', Symbol('wrong')]) {
          const result = validateInput(name, { [key]: wrong })
          const detail = result.ok ? undefined : (result as Failure).details?.find((d) => d.field === key)
          if (!detail) continue
          expect(detail.label, `${name}.${key} label`).toMatch(han)
          expect((result as Failure).message).toContain(`「${detail.label}」`)
          checked++
          break
        }
      }
    }
    expect(checked).toBeGreaterThan(25)
  })
})

describe('validateInput', () => {
  it('refuses an unknown channel without looking at the input', () => {
    const result = fail(validateInput('assets.dropAll', { anything: 1 }))
    expect(result.code).toBe('UNKNOWN_CHANNEL')
    expect(result.message).toBe('没有名为「assets.dropAll」的功能接口。')
    expect(fail(validateInput('__proto__', {})).code).toBe('UNKNOWN_CHANNEL')
    expect(fail(validateInput('constructor', {})).code).toBe('UNKNOWN_CHANNEL')
  })

  it('names the field by its Chinese label: 「旗县」', () => {
    const result = fail(
      validateInput('setup.complete', {
        countyCode: '15042',
        townCodes: ['150422100000'],
        unitName: '巴林左旗农牧局',
        moneyUnit: '万元',
        assetLabel: '帮扶项目资产',
        startYear: 2016,
      }),
    )
    expect(result.code).toBe('INVALID_INPUT')
    expect(result.message).toBe('输入有误：「旗县」应为6位旗县代码')
    expect(result.details).toEqual([{ field: 'countyCode', label: '旗县', message: '应为6位旗县代码' }])
  })

  it('lists every bad field, each with its label and reason', () => {
    const result = fail(
      validateInput('setup.complete', { countyCode: '1', townCodes: [], unitName: ' ', moneyUnit: '千元', assetLabel: '资产', startYear: 2000 }),
    )
    expect(result.details!.map((d) => d.label)).toEqual(['旗县', '载入的乡镇', '填报单位', '默认金额单位', '资产称谓', '资产起始年度'])
    expect(result.message).toContain('「载入的乡镇」请至少选择一个乡镇（苏木）')
    expect(result.message).toContain('「填报单位」请填写填报单位全称')
    expect(result.message).toContain('「资产起始年度」不能早于2012年')
    expect(result.message.split('；')).toHaveLength(6)
  })

  it('labels fields inside arrays by the array label and a bad element by its index', () => {
    const result = fail(
      validateInput('setup.complete', {
        countyCode: '150422',
        townCodes: ['150422100000', '1504'],
        unitName: '巴林左旗农牧局',
        moneyUnit: '元',
        assetLabel: '扶贫项目资产',
        startYear: 2016,
      }),
    )
    expect(result.details).toHaveLength(1)
    expect(result.details![0].field).toBe('townCodes.1')
    expect(result.details![0].label).toMatch(han)
    expect(result.details![0].message).toBe('应为12位数字区划代码')
  })

  it('labels an optional field by the label of the schema it wraps', () => {
    const result = fail(validateInput('regions.add', { parentCode: '150422100000', name: '新村', code: '1504' }))
    expect(result.details).toEqual([{ field: 'code', label: '区划代码', message: '应为12位数字区划代码' }])
  })

  it('gives a Chinese message for a missing field and for a non-object input', () => {
    const missing = fail(validateInput('regions.rename', { code: '150422100201' }))
    expect(missing.details).toHaveLength(1)
    expect(missing.details![0]).toMatchObject({ field: 'name', label: '名称' })
    expect(missing.details![0].message).toMatch(han)

    const notObject = fail(validateInput('regions.rename', 'rename everything'))
    expect(notObject.code).toBe('INVALID_INPUT')
    expect(notObject.details![0]).toMatchObject({ field: '', label: '输入' })
    expect(notObject.message).toMatch(/^输入有误：「输入」/)
  })

  it('trims names and refuses empty or over-long ones', () => {
    const ok = validateInput('regions.rename', { code: '150422100201', name: '  福山村  ' })
    expect(ok).toEqual({ ok: true, channel: 'regions.rename', input: { code: '150422100201', name: '福山村' } })
    expect(fail(validateInput('regions.rename', { code: '150422100201', name: '   ' })).message).toBe('输入有误：「名称」不能为空')
    expect(fail(validateInput('regions.rename', { code: '150422100201', name: '村'.repeat(41) })).message).toBe(
      '输入有误：「名称」不能超过40个字',
    )
  })

  it('fills defaults and treats a missing input as {}', () => {
    expect(validateInput('audit.list', {})).toEqual({ ok: true, channel: 'audit.list', input: { page: 1, pageSize: 50 } })
    expect(validateInput('audit.list', undefined)).toEqual({ ok: true, channel: 'audit.list', input: { page: 1, pageSize: 50 } })
    expect(validateInput('audit.list', null)).toEqual({ ok: true, channel: 'audit.list', input: { page: 1, pageSize: 50 } })
    expect(validateInput('audit.list', { entity: 'region', page: 3 })).toEqual({
      ok: true,
      channel: 'audit.list',
      input: { entity: 'region', page: 3, pageSize: 50 },
    })
    expect(validateInput('app.info', undefined)).toEqual({ ok: true, channel: 'app.info', input: {} })
  })

  it('checks paging limits', () => {
    expect(fail(validateInput('audit.list', { pageSize: 501 })).details![0].label).toBe('每页条数')
    expect(fail(validateInput('audit.list', { page: 0 })).details![0].label).toBe('页码')
    expect(fail(validateInput('audit.list', { page: 1.5 })).details![0].label).toBe('页码')
  })

  it('drops keys the contract does not know', () => {
    const result = validateInput('regions.rename', { code: '150422100201', name: '福山村', sql: 'DROP TABLE region' })
    expect(result).toEqual({ ok: true, channel: 'regions.rename', input: { code: '150422100201', name: '福山村' } })
  })

  it('accepts only absolute folders for copying the data file', () => {
    for (const targetDir of ['/media/usb/台账', 'D:\\台账备份', 'D:/台账', '\\\\server\\share']) {
      expect(validateInput('system.copyDataTo', { targetDir }).ok, targetDir).toBe(true)
    }
    for (const targetDir of ['台账', './x', '../x', '']) {
      const result = fail(validateInput('system.copyDataTo', { targetDir }))
      expect(result.details![0].label).toBe('目标文件夹')
    }
  })

  it('checks division parents: 2 or 4 digits, or none', () => {
    expect(validateInput('divisions.children', {}).ok).toBe(true)
    expect(validateInput('divisions.children', { parent: '15' }).ok).toBe(true)
    expect(validateInput('divisions.children', { parent: '1504' }).ok).toBe(true)
    expect(fail(validateInput('divisions.children', { parent: '150' })).message).toBe('输入有误：「上级区划」应为2位省级或4位市级代码')
  })

  it('accepts any JSON values for settings.update but only as a record', () => {
    expect(validateInput('settings.update', { values: { 'asset.startYear': 2016, 'funds.milestones': [{ month: 3, pct: 30 }] } }).ok).toBe(true)
    expect(fail(validateInput('settings.update', { values: [1, 2] })).details![0].label).toBe('参数')
  })

  it('works for every channel with a typed channel name', () => {
    const name: Channel = 'regions.tree'
    const result = validateInput(name, { includeInactive: true })
    expect(result.ok && result.input).toEqual({ includeInactive: true })
  })
})
