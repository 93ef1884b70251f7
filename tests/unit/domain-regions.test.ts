import { describe, expect, it } from 'vitest'
import {
  isRuralTown,
  levelOfCode,
  padCode,
  prefixOf,
  RegionLevel,
  shortVillageName,
  townKind,
  villageKind,
} from '../../src-main/domain/regions'

describe('levelOfCode', () => {
  it.each([
    ['150000000000', RegionLevel.province],
    ['150400000000', RegionLevel.city],
    ['150422000000', RegionLevel.county],
    ['150422100000', RegionLevel.town],
    ['150422100201', RegionLevel.village],
    ['150422403001', RegionLevel.village],
    ['110101001000', RegionLevel.town],
  ])('%s is level %i', (code, level) => {
    expect(levelOfCode(code)).toBe(level)
  })

  it.each(['150422', '1504221002011', '15042210020a', '', ' 50422100201', '１５０４２２１００２０１'])(
    'refuses %j with a Chinese message',
    (code) => {
      expect(() => levelOfCode(code)).toThrow(/区划代码必须是12位数字/)
    },
  )
})

describe('prefixOf', () => {
  it('gives the digits a child code must start with, by the parent level', () => {
    expect(prefixOf('150000000000', 1)).toBe('15')
    expect(prefixOf('150400000000', 2)).toBe('1504')
    expect(prefixOf('150422000000', 3)).toBe('150422')
    expect(prefixOf('150422100000', 4)).toBe('150422100')
    expect(prefixOf('150422100201', 5)).toBe('150422100201')
  })

  it('pads short codes to 12 digits', () => {
    expect(padCode('150422')).toBe('150422000000')
    expect(padCode('15')).toBe('150000000000')
    expect(padCode('150422100201')).toBe('150422100201')
  })
})

describe('townKind', () => {
  it('reads the kind from the name first', () => {
    expect(townKind('150422100000', '林东镇')).toBe('镇')
    expect(townKind('150422202000', '三山乡')).toBe('乡')
    expect(townKind('150422200000', '查干哈达苏木')).toBe('苏木')
    expect(townKind('150422403000', '林东西城街道')).toBe('街道')
    // the name wins over the code range
    expect(townKind('150422001000', '新镇')).toBe('镇')
  })

  it('falls back to the NBS code ranges when the name says nothing', () => {
    expect(townKind('150422001000', '某某办事处')).toBe('街道') // 001–099
    expect(townKind('150422107000', '某某')).toBe('镇') // 100–199
    expect(townKind('150422205000', '某某')).toBe('乡') // 200–399
    expect(townKind('150422405000', '林东产业园')).toBe('其他') // 400+
  })

  it('counts only 镇, 乡 and 苏木 as rural towns', () => {
    expect(isRuralTown('镇')).toBe(true)
    expect(isRuralTown('乡')).toBe(true)
    expect(isRuralTown('苏木')).toBe(true)
    expect(isRuralTown('街道')).toBe(false)
    expect(isRuralTown('其他')).toBe(false)
  })
})

describe('villageKind', () => {
  it('reads the kind from the name first', () => {
    expect(villageKind('150422100201', '福山地村')).toBe('村')
    expect(villageKind('150422200200', '乌兰格日勒嘎查')).toBe('嘎查')
    expect(villageKind('150422403001', '契丹街社区')).toBe('社区')
    // 嘎查 wins over the 社区 code range
    expect(villageKind('150422200001', '某嘎查')).toBe('嘎查')
  })

  it('falls back to the code ranges: 001–199 社区, 200–399 村, others 其他', () => {
    expect(villageKind('150422403001', '某某')).toBe('社区')
    expect(villageKind('150422403199', '某某')).toBe('社区')
    expect(villageKind('150422100200', '某某')).toBe('村')
    expect(villageKind('150422100399', '某某')).toBe('村')
    expect(villageKind('150422405498', '林东产业园虚拟单位')).toBe('其他')
  })
})

describe('shortVillageName', () => {
  it.each([
    ['福山地村委会', '福山地村'],
    ['福山地村民委员会', '福山地村'],
    ['福山地村委员会', '福山地村'],
    ['新村村委会', '新村'],
    ['一家村村民委员会', '一家村'],
    ['巴彦芒哈嘎查委员会', '巴彦芒哈嘎查'],
    ['斯布扣嘎查村委员会', '斯布扣嘎查'],
    ['某嘎查牧民委员会', '某嘎查'],
    ['某嘎查村民委员会', '某嘎查'],
    ['某嘎查委会', '某嘎查'],
    ['契丹街社区居委会', '契丹街社区'],
    ['富河社区居民委员会', '富河社区'],
    ['某某居委会', '某某社区'],
    ['嘎查甸子村委会', '嘎查甸子村'],
  ])('%s → %s', (official, short) => {
    expect(shortVillageName(official)).toBe(short)
  })

  it('leaves names that are already short alone', () => {
    for (const name of ['乌兰格日勒嘎查', '福山地村', '林东产业园虚拟社区', '委员会村']) {
      expect(shortVillageName(name)).toBe(name)
    }
  })

  it('only changes the ending', () => {
    expect(shortVillageName('村委会前村委会')).toBe('村委会前村')
  })
})
