import { describe, expect, it } from 'vitest'
import { AppError } from '../../src-main/domain/errors'
import { countyDivisions, divisionChildren } from '../../src-main/services/divisions'
import { BAARIN_LEFT, LINDONG, resourcesDir } from '../support/temp'

describe('divisionChildren', () => {
  it('lists the 31 provinces of the mainland', () => {
    const provinces = divisionChildren(resourcesDir)
    expect(provinces).toHaveLength(31)
    expect(provinces).toContainEqual({ code: '15', name: '内蒙古自治区' })
    expect(provinces).toContainEqual({ code: '11', name: '北京市' })
    for (const p of provinces) expect(p.code).toMatch(/^\d{2}$/)
  })

  it('lists the 盟市 of 内蒙古 and the 旗县 of 赤峰市', () => {
    const cities = divisionChildren(resourcesDir, '15')
    expect(cities).toContainEqual({ code: '1504', name: '赤峰市' })
    expect(cities.length).toBe(12)
    for (const c of cities) expect(c.code).toMatch(/^15\d{2}$/)

    const counties = divisionChildren(resourcesDir, '1504')
    expect(counties).toContainEqual({ code: BAARIN_LEFT, name: '巴林左旗' })
    expect(counties.map((c) => c.name)).toEqual(expect.arrayContaining(['红山区', '巴林右旗', '林西县', '克什克腾旗', '宁城县', '敖汉旗']))
    for (const c of counties) expect(c.code).toMatch(/^1504\d{2}$/)
  })

  it('refuses a parent code of another length', () => {
    expect(() => divisionChildren(resourcesDir, '150')).toThrow(AppError)
    expect(() => divisionChildren(resourcesDir, '150422')).toThrow(/上级区划代码应为2位（省）或4位（市\/盟）/)
  })

  it('reports missing division data in Chinese', () => {
    expect(() => divisionChildren('/nonexistent/resources')).toThrow(/缺少全国行政区划数据文件/)
    try {
      divisionChildren('/nonexistent/resources')
    } catch (error) {
      expect((error as AppError).code).toBe('DIVISIONS_MISSING')
    }
  })
})

describe('countyDivisions: 巴林左旗', () => {
  const data = countyDivisions(resourcesDir, BAARIN_LEFT)

  it('names the county with its prefecture and province', () => {
    expect(data.county).toEqual({ code: BAARIN_LEFT, name: '巴林左旗', cityName: '赤峰市', provinceName: '内蒙古自治区' })
  })

  it('has 11 乡镇/苏木 (7 镇, 2 苏木, 2 乡) and 3 non-rural units', () => {
    const rural = data.towns.filter((t) => t.rural)
    expect(rural).toHaveLength(11)
    const byKind = (kind: string) => rural.filter((t) => t.kind === kind).map((t) => t.name)
    expect(byKind('镇')).toEqual(['林东镇', '隆昌镇', '十三敖包镇', '碧流台镇', '富河镇', '白音勿拉镇', '哈拉哈达镇'])
    expect(byKind('苏木')).toEqual(['查干哈达苏木', '乌兰达坝苏木'])
    expect(byKind('乡')).toEqual(['三山乡', '花加拉嘎乡'])
    const other = data.towns.filter((t) => !t.rural)
    expect(other.map((t) => t.name)).toEqual(['林东西城街道', '林东东城街道', '林东产业园'])
    expect(other.map((t) => t.kind)).toEqual(['街道', '街道', '其他'])
    expect(data.towns).toHaveLength(14)
  })

  it('gives 12-digit town codes: 林东镇 is 150422100000', () => {
    expect(data.towns.find((t) => t.name === '林东镇')?.code).toBe(LINDONG)
    for (const t of data.towns) {
      expect(t.code).toMatch(/^150422\d{3}000$/)
    }
    expect(new Set(data.towns.map((t) => t.code)).size).toBe(data.towns.length)
  })

  it('gives each town its villages, with 12-digit codes under the town’s 9 digits', () => {
    const all = data.towns.flatMap((t) => t.villages)
    expect(new Set(all.map((v) => v.code)).size).toBe(all.length)
    for (const town of data.towns) {
      expect(town.villages.length, town.name).toBeGreaterThan(0)
      for (const v of town.villages) {
        expect(v.code).toMatch(/^\d{12}$/)
        expect(v.code.slice(0, 9), `${v.name} in ${town.name}`).toBe(town.code.slice(0, 9))
        expect(v.code.slice(9)).not.toBe('000')
      }
    }
  })

  it('shortens committee names the way clerks write them, keeping the official one', () => {
    const lindong = data.towns.find((t) => t.code === LINDONG)!
    expect(lindong.villages.find((v) => v.code === '150422100201')).toEqual({
      code: '150422100201',
      name: '福山地村',
      officialName: '福山地村委会',
      kind: '村',
    })
    for (const v of lindong.villages) {
      expect(v.name).toMatch(/村$/)
      expect(v.name).not.toMatch(/委/)
      expect(v.officialName).toBe(`${v.name}委会`)
    }
    const chaganhada = data.towns.find((t) => t.name === '查干哈达苏木')!
    expect(chaganhada.villages.find((v) => v.code === '150422200200')).toMatchObject({ name: '乌兰格日勒嘎查', kind: '嘎查' })
    const street = data.towns.find((t) => t.name === '林东西城街道')!
    expect(street.villages.find((v) => v.code === '150422403001')).toMatchObject({ name: '契丹街社区', officialName: '契丹街社区居委会', kind: '社区' })
    for (const v of data.towns.flatMap((t) => t.villages)) expect(v.name, v.officialName).not.toMatch(/委(员)?会$/)
  })

  it('shortens …嘎查委员会 to …嘎查 elsewhere in 内蒙古', () => {
    const zarud = countyDivisions(resourcesDir, '150526')
    const village = zarud.towns.flatMap((t) => t.villages).find((v) => v.code === '150526202210')
    expect(village).toEqual({ code: '150526202210', name: '巴彦芒哈嘎查', officialName: '巴彦芒哈嘎查委员会', kind: '嘎查' })
  })

  it('refuses an unknown county in Chinese', () => {
    expect(() => countyDivisions(resourcesDir, '150499')).toThrow('区划数据中没有代码为 150499 的旗县。')
  })
})
