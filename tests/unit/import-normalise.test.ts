import { describe, expect, it } from 'vitest'
import {
  createRegionMatcher,
  foldText,
  ID_AS_NUMBER,
  parseCellDate,
  parseCellDecimal,
  parseCellIdCard,
  parseCellInteger,
  parseCellMoney,
  parseCellYear,
  parseEnum,
} from '../../src-main/io/import/normalise'
import { parseCsv, decodeText } from '../../src-main/io/import/read/csv'
import { serialToDate } from '../../src-main/io/import/read/sheetjs'

const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min))

describe('foldText', () => {
  it('trims, folds full-width letters, digits and punctuation, collapses spaces incl. U+3000 and NBSP', () => {
    expect(foldText('　ＡＢＣ１２３（万元）：　')).toBe('ABC123(万元):')
    expect(foldText(' 资产\u00A0\u00A0名称\u3000\n 规模 ')).toBe('资产 名称 规模')
    expect(foldText('\u200B名称\uFEFF')).toBe('名称')
    expect(foldText('￥1,234')).toBe('¥1,234')
  })
  it('turns other cell values into text as Excel shows them', () => {
    expect(foldText(null)).toBe('')
    expect(foldText(12)).toBe('12')
    expect(foldText(0.1 + 0.2)).toBe('0.3')
    expect(foldText(utc(2021, 7, 28))).toBe('2021-07-28')
    expect(foldText(true)).toBe('TRUE')
  })
})

describe('parseCellDate', () => {
  it.each<[unknown, string]>([
    [44405, '2021-07-28'],
    [44405.75, '2021-07-28'],
    [utc(2021, 7, 28), '2021-07-28'],
    [utc(2021, 7, 27, 23, 59, ), '2021-07-27'],
    [new Date(Date.UTC(2021, 6, 27, 23, 59, 59, 999)), '2021-07-28'],
    ['2021.7.28', '2021-07-28'],
    ['2021年7月28日', '2021-07-28'],
    ['2021/7/28', '2021-07-28'],
    ['2021-07-28', '2021-07-28'],
    ['20210728', '2021-07-28'],
    [20210728, '2021-07-28'],
    ['２０２１年７月２８日', '2021-07-28'],
    [' 2021-07-28 00:00:00 ', '2021-07-28'],
  ])('%s → %s', (input, iso) => {
    expect(parseCellDate(input as never)).toEqual({ value: iso })
  })
  it('takes a month-only date as the first of the month, flagged', () => {
    expect(parseCellDate('2021年7月')).toEqual({ value: '2021-07-01', monthOnly: true })
    expect(parseCellDate('2021-07')).toEqual({ value: '2021-07-01', monthOnly: true })
  })
  it('refuses impossible and unreadable dates with a Chinese reason', () => {
    expect(parseCellDate('2021-02-30').error).toContain('日期不存在')
    expect(parseCellDate('2021-13-01').error).toContain('月份')
    expect(parseCellDate('明年春天').error).toContain('不是可识别的日期')
    expect(parseCellDate('28/7/2021').error).toContain('年-月-日')
    expect(parseCellDate(true).error).toBeTruthy()
    expect(parseCellDate('#REF!').error).toContain('#REF!')
    expect(parseCellDate(60).error).toContain('1900年2月29日')
  })
  it('gives nothing for empty cells and dashes (the kind decides whether it is required)', () => {
    for (const v of [null, '', '  ', '-', '/', '无']) expect(parseCellDate(v)).toEqual({})
  })
})

describe('parseCellMoney', () => {
  it('converts 万元 exactly to 分, through the decimal form of a number', () => {
    expect(parseCellMoney(12.3456, '万元')).toEqual({ fen: 12_345_600 })
    expect(parseCellMoney(30862.6147, '万元')).toEqual({ fen: 30_862_614_700 })
    expect(parseCellMoney(0.1 + 0.2, '万元')).toEqual({ fen: 300_000 })
    expect(parseCellMoney(1.005, '元')).toEqual({ error: expect.stringContaining('两位小数') })
    expect(parseCellMoney(0.29, '元')).toEqual({ fen: 29 })
    expect(parseCellMoney(1234.56, '元')).toEqual({ fen: 123_456 })
  })
  it('reads text with thousands separators, ￥/¥, full-width digits and unit words', () => {
    expect(parseCellMoney('1,234.56', '元')).toEqual({ fen: 123_456 })
    expect(parseCellMoney('￥1,234.56', '元')).toEqual({ fen: 123_456 })
    expect(parseCellMoney('１２．３４５６', '万元')).toEqual({ fen: 12_345_600 })
    expect(parseCellMoney('12.3456万元', '万元')).toEqual({ fen: 12_345_600 })
    expect(parseCellMoney(' 1 234 元 ', '元')).toEqual({ fen: 123_400 })
  })
  it('refuses negatives, wrong units, scientific notation, errors and junk', () => {
    expect(parseCellMoney(-5, '元').error).toContain('负数')
    expect(parseCellMoney('-12.5', '万元').error).toContain('负数')
    expect(parseCellMoney('12万', '元').error).toContain('万')
    expect(parseCellMoney('1.2E+5', '元').error).toContain('科学计数法')
    expect(parseCellMoney('#REF!', '元').error).toContain('#REF!')
    expect(parseCellMoney('约五万', '万元').error).toContain('不是有效的金额')
    expect(parseCellMoney(utc(2021, 1, 1), '元').error).toContain('日期')
    expect(parseCellMoney('长'.repeat(32_767), '元').error).toContain('不是有效的金额')
  })
  it('gives nothing for empty cells and dashes', () => {
    for (const v of [null, '', '-', '—', '/']) expect(parseCellMoney(v, '元')).toEqual({})
  })
})

describe('parseCellIdCard', () => {
  const id = '150422199001011235'
  it('accepts a valid number as text, lower-case x, spaces and full-width digits', () => {
    expect(parseCellIdCard(id).value ?? parseCellIdCard(id).error).toBeDefined()
    const x = '11010519491231002X'
    expect(parseCellIdCard(x.toLowerCase())).toEqual({ value: x })
    expect(parseCellIdCard(` ${x.slice(0, 6)} ${x.slice(6)} `)).toEqual({ value: x })
    expect(parseCellIdCard('１１０１０５１９４９１２３１００２Ｘ')).toEqual({ value: x })
    expect(parseCellIdCard(`'${x}`)).toEqual({ value: x })
  })
  it('says exactly that Excel turned it into a number, never a silently wrong ID', () => {
    expect(parseCellIdCard(150422199001011230)).toEqual({ error: ID_AS_NUMBER })
    expect(parseCellIdCard(1.50422e17)).toEqual({ error: ID_AS_NUMBER })
    expect(parseCellIdCard('1.50422E+17')).toEqual({ error: ID_AS_NUMBER })
    expect(parseCellIdCard(1504221990010112)).toEqual({ error: ID_AS_NUMBER })
  })
  it('refuses wrong check digits, lengths and dates', () => {
    expect(parseCellIdCard('110105194912310021').error).toContain('校验位')
    expect(parseCellIdCard('11010519491231').error).toContain('18位')
    expect(parseCellIdCard('110105194913310027').error).toContain('出生日期')
    expect(parseCellIdCard('#N/A').error).toContain('#N/A')
  })
  it('converts a 15-digit number (text or number cell) with a warning', () => {
    const r = parseCellIdCard(110105491231002)
    expect(r.value).toBe('11010519491231002X')
    expect(r.warnings?.[0]).toContain('15位')
  })
  it('gives nothing for an empty cell', () => {
    expect(parseCellIdCard(null)).toEqual({})
    expect(parseCellIdCard('  ')).toEqual({})
  })
})

describe('parseEnum', () => {
  const values = ['自主经营', '租赁经营', '委托经营', '入股分红'] as const
  const synonyms = { 出租: '租赁经营', 租赁: '租赁经营', 自营: '自主经营', 入股: '入股分红', 写错: '不存在的值' }
  it('maps the value and its spellings after folding', () => {
    expect(parseEnum('租赁经营', values, synonyms)).toEqual({ value: '租赁经营' })
    expect(parseEnum(' 出 租 ', values, synonyms)).toEqual({ value: '租赁经营' })
    expect(parseEnum('自营', values, synonyms)).toEqual({ value: '自主经营' })
    expect(parseEnum('入股', values)).toEqual({ error: expect.stringContaining('应为：自主经营、租赁经营') })
  })
  it('refuses other values (and synonyms pointing outside the values) naming the allowed ones', () => {
    expect(parseEnum('写错', values, synonyms).error).toContain('不是可选的值')
    expect(parseEnum('__proto__', values, synonyms).error).toContain('不是可选的值')
    expect(parseEnum('constructor', values, synonyms).error).toContain('不是可选的值')
    expect(parseEnum(null, values, synonyms)).toEqual({})
  })
})

describe('numbers and years', () => {
  it('parseCellInteger', () => {
    expect(parseCellInteger(3)).toEqual({ value: 3 })
    expect(parseCellInteger('1,200')).toEqual({ value: 1200 })
    expect(parseCellInteger('3人')).toEqual({ value: 3 })
    expect(parseCellInteger('３')).toEqual({ value: 3 })
    expect(parseCellInteger(2.5).error).toContain('整数')
    expect(parseCellInteger('-1').error).toContain('负数')
    expect(parseCellInteger('三').error).toContain('不是整数')
    expect(parseCellInteger(5, { max: 4 }).error).toContain('不能大于4')
    expect(parseCellInteger('')).toEqual({})
  })
  it('parseCellDecimal', () => {
    expect(parseCellDecimal('15.5亩')).toEqual({ value: 15.5 })
    expect(parseCellDecimal('1,234.5')).toEqual({ value: 1234.5 })
    expect(parseCellDecimal(0.1 + 0.2)).toEqual({ value: 0.3 })
    expect(parseCellDecimal('1.234', { places: 2 }).error).toContain('2位小数')
    expect(parseCellDecimal('abc').error).toContain('不是有效的数字')
  })
  it('parseCellYear', () => {
    const range = { min: 2012, max: 2027 }
    expect(parseCellYear(2021, range)).toEqual({ value: 2021 })
    expect(parseCellYear('2021年度', range)).toEqual({ value: 2021 })
    expect(parseCellYear(utc(2021, 7, 1), range)).toEqual({ value: 2021 })
    expect(parseCellYear(2010, range).error).toContain('2012–2027')
    expect(parseCellYear(2021.5, range).error).toContain('4位整数')
    expect(parseCellYear('-', range)).toEqual({})
  })
})

describe('createRegionMatcher', () => {
  const county = { code: '150422000000', name: '巴林左旗', level: 3, parentCode: '150400000000' }
  const regions = [
    county,
    { code: '150422100000', name: '林东镇', level: 4, parentCode: county.code },
    { code: '150422200000', name: '查干哈达苏木', level: 4, parentCode: county.code },
    { code: '150422001000', name: '林东街道', level: 4, parentCode: county.code },
    { code: '150422400000', name: '哈拉哈达乡', level: 4, parentCode: county.code },
    { code: '150422100201', name: '福山地村', level: 5, parentCode: '150422100000' },
    { code: '150422200201', name: '宝力格嘎查', level: 5, parentCode: '150422200000' },
    { code: '150422400201', name: '福山地村', level: 5, parentCode: '150422400000' },
    { code: '150422001001', name: '东城社区', level: 5, parentCode: '150422001000' },
  ]
  const m = createRegionMatcher(regions)
  it('matches towns with and without their suffix, and with the county in front', () => {
    expect(m.town('林东镇')).toBe('150422100000')
    expect(m.town('查干哈达')).toBe('150422200000')
    expect(m.town('查干哈达苏木')).toBe('150422200000')
    expect(m.town('哈拉哈达')).toBe('150422400000')
    expect(m.town(' 巴林左旗 哈拉哈达乡')).toBe('150422400000')
    expect(m.town('林东街道办事处')).toBe('150422001000')
  })
  it('gives null for a town that matches nothing, or more than one', () => {
    expect(m.town('白音勿拉镇')).toBeNull()
    expect(m.town('林东')).toBeNull() // 林东镇 and 林东街道
    expect(m.town('')).toBeNull()
  })
  it('matches villages with and without 村/嘎查/村委会/嘎查村委会 within their town', () => {
    const t = '150422100000'
    expect(m.village(t, '福山地村')).toBe('150422100201')
    expect(m.village(t, '福山地')).toBe('150422100201')
    expect(m.village(t, '福山地村委会')).toBe('150422100201')
    expect(m.village(t, '福山地村民委员会')).toBe('150422100201')
    expect(m.village(t, '林东镇福山地村')).toBe('150422100201')
    const s = '150422200000'
    expect(m.village(s, '宝力格')).toBe('150422200201')
    expect(m.village(s, '宝力格嘎查村委会')).toBe('150422200201')
    expect(m.village(s, '宝力格嘎查村')).toBe('150422200201')
    expect(m.village('150422001000', '东城')).toBe('150422001001')
  })
  it('without a town matches only a name unique in the county', () => {
    expect(m.village(null, '宝力格嘎查')).toBe('150422200201')
    expect(m.village(null, '福山地村')).toBeNull()
    expect(m.village('150422100000', '宝力格')).toBeNull()
  })
})

describe('CSV decoding and parsing', () => {
  it('detects UTF-8 (with and without BOM) and falls back to GB18030', () => {
    expect(decodeText(Buffer.from('\uFEFF名称', 'utf8'))).toEqual({ text: '名称', encoding: 'utf-8' })
    expect(decodeText(Buffer.from('名称', 'utf8'))).toEqual({ text: '名称', encoding: 'utf-8' })
    expect(decodeText(Buffer.from([0xc3, 0xfb, 0xb3, 0xc6]))).toEqual({ text: '名称', encoding: 'gb18030' })
  })
  it('parses quotes, embedded line breaks, CRLF, tabs and Excel ="…" text', () => {
    expect(parseCsv('a,"b,1","c""d"\r\n"多\n行",,="0123"\r\n')).toEqual([
      ['a', 'b,1', 'c"d'],
      ['多\n行', null, '0123'],
    ])
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
    expect(parseCsv('a,b\n\n1,2\n', 2)).toEqual([['a', 'b'], []])
    expect(parseCsv('sep=;\r\na;b,c\r\n')).toEqual([['a', 'b,c']])
  })
})

describe('Excel serials as dates', () => {
  it('puts the date Excel shows into the UTC fields (1900 leap-year bug and 1904 system)', () => {
    expect((serialToDate(44405) as Date).toISOString()).toBe('2021-07-28T00:00:00.000Z')
    expect((serialToDate(1) as Date).toISOString()).toBe('1900-01-01T00:00:00.000Z')
    expect((serialToDate(61) as Date).toISOString()).toBe('1900-03-01T00:00:00.000Z')
    expect(serialToDate(60)).toBe(60)
    expect((serialToDate(42943, true) as Date).toISOString()).toBe('2021-07-28T00:00:00.000Z')
  })
})
