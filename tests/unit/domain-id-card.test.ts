import { describe, expect, it } from 'vitest'
import {
  checkIdCard,
  convertIdCard15,
  idCardCheckChar,
  maskIdCard,
  parseIdCard,
  provinceCodes,
} from '../../src-main/domain/id-card'
import type { Result } from '../../src-main/domain/result'

/** An independent GB 11643-1999 check character: Σ aᵢ·Wᵢ with Wᵢ = 2^(17−i) mod 11, then (12 − S mod 11) mod 11. */
function check(first17: string): string {
  let s = 0
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * (2 ** (17 - i) % 11)
  const v = (12 - (s % 11)) % 11
  return v === 10 ? 'X' : String(v)
}
const makeId = (first17: string) => first17 + check(first17)

const today = '2024-06-30'
const opts = { today }
const at = { field: 'idNo', label: '身份证号' }
const reason = (r: Result<unknown>) => (r.ok ? '(ok)' : r.reason)

// 巴林左旗 150422, born 1990-01-01, sequence 123 (odd: male)
const male = makeId('15042219900101123')
// 宁城县 150429, born 1985-12-31, sequence 244 (even: female)
const female = makeId('15042919851231244')

describe('the check character', () => {
  it('matches the examples of GB 11643-1999', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X')
    expect(idCardCheckChar('44052418800101001')).toBe('4')
  })

  it('agrees with an independent implementation on many numbers', () => {
    let seed = 1
    const next = () => (seed = (seed * 48271) % 2147483647)
    const bad: string[] = []
    for (let i = 0; i < 5000; i++) {
      const first17 = String(next()).padStart(10, '0') + String(next()).padStart(10, '0').slice(0, 7)
      if (idCardCheckChar(first17) !== check(first17)) bad.push(first17)
    }
    expect(bad).toEqual([])
  })

  it('produces X, whose ID must then parse', () => {
    let found = ''
    for (let seq = 100; seq < 999 && !found; seq++) {
      const id = makeId(`15042219900101${seq}`)
      if (id.endsWith('X')) found = id
    }
    expect(found).toMatch(/X$/)
    expect(parseIdCard(found, opts)).toMatchObject({ ok: true, value: { id: found } })
    expect(parseIdCard(found.toLowerCase(), opts)).toMatchObject({ ok: true, value: { id: found } })
  })

  it('throws on anything but 17 digits (a programming error)', () => {
    expect(() => idCardCheckChar('1504221990010112')).toThrow(RangeError)
    expect(() => idCardCheckChar('1504221990010112X')).toThrow(RangeError)
  })
})

describe('parseIdCard', () => {
  it('returns the normalised number, birth date, sex and address code', () => {
    expect(parseIdCard(male, opts)).toEqual({
      ok: true,
      value: { id: male, birthDate: '1990-01-01', sex: '男', addressCode: '150422', warnings: [] },
    })
    expect(parseIdCard(female, opts)).toMatchObject({ ok: true, value: { birthDate: '1985-12-31', sex: '女', addressCode: '150429' } })
  })

  it('accepts the GB example with a check character X, in lower case too', () => {
    expect(parseIdCard('11010519491231002x', opts)).toMatchObject({
      ok: true,
      value: { id: '11010519491231002X', birthDate: '1949-12-31', sex: '女' },
    })
  })

  it('cleans spaces, full-width digits and Excel’s leading apostrophe', () => {
    const spaced = `${male.slice(0, 6)} ${male.slice(6, 14)} ${male.slice(14)}`
    expect(parseIdCard(spaced, opts)).toMatchObject({ ok: true, value: { id: male } })
    const fullWidth = male.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    expect(parseIdCard(fullWidth, opts)).toMatchObject({ ok: true, value: { id: male } })
    expect(parseIdCard(`'${male}`, opts)).toMatchObject({ ok: true, value: { id: male } })
    expect(parseIdCard(`\u3000${male}\t`, opts)).toMatchObject({ ok: true, value: { id: male } })
  })

  it('accepts every province code and refuses the others', () => {
    for (const p of provinceCodes) {
      expect(parseIdCard(makeId(`${p}042219900101123`), opts).ok).toBe(true)
    }
    for (const p of ['00', '10', '16', '20', '39', '55', '66', '70', '80', '83', '91', '99']) {
      expect(reason(parseIdCard(makeId(`${p}042219900101123`), opts))).toBe(`身份证号前两位（${p}）不是有效的省级行政区划代码`)
    }
  })

  it('refuses a wrong check character', () => {
    const wrong = male.slice(0, 17) + (male[17] === '1' ? '2' : '1')
    expect(reason(parseIdCard(wrong, opts))).toBe('身份证号校验位不符，可能有数字录错或前后颠倒，请与证件核对')
    // two swapped digits
    const swapped = male.slice(0, 14) + male[15] + male[14] + male.slice(16)
    expect(parseIdCard(swapped, opts).ok).toBe(male[14] === male[15])
  })

  it.each([
    ['15042219900230123', '（19900230）不是有效日期'],
    ['15042219901301123', '（19901301）不是有效日期'],
    ['15042219900100123', '（19900100）不是有效日期'],
    ['15042219010229123', '（19010229）不是有效日期'],
  ])('refuses the impossible birth date in %s', (first17, why) => {
    expect(reason(parseIdCard(makeId(first17), opts))).toContain(why)
  })

  it('accepts 29 February of a leap year', () => {
    expect(parseIdCard(makeId('15042220000229123'), opts)).toMatchObject({ ok: true, value: { birthDate: '2000-02-29' } })
  })

  it('refuses a birth year before 1900 (the GB example born 1880 included)', () => {
    expect(reason(parseIdCard('440524188001010014', opts))).toBe('身份证号中的出生年份（1880）早于1900年')
  })

  it('refuses a birth date after today, and accepts today itself', () => {
    expect(reason(parseIdCard(makeId('15042220240701123'), opts))).toBe('身份证号中的出生日期（2024-07-01）晚于今天')
    expect(parseIdCard(makeId('15042220240630123'), opts).ok).toBe(true)
    // without `today` the local clock is used
    expect(reason(parseIdCard(makeId('15042220990101123')))).toMatch(/晚于今天/)
  })

  it.each([
    ['', '身份证号不能为空'],
    ['   ', '身份证号不能为空'],
    ['1504221990010112', '身份证号应为18位，填写的是16位'],
    ['1504221990010112345', '身份证号应为18位，填写的是19位'],
    ['15042219900101123A', '身份证号只能由数字组成，最后一位可以是X'],
    ['1504221990X1011234', '身份证号只能由数字组成，最后一位可以是X'],
  ])('%j fails: %s', (input, why) => {
    expect(reason(parseIdCard(input, opts))).toBe(why)
  })
})

describe('numbers Excel already damaged', () => {
  it('says so for scientific notation', () => {
    for (const s of ['1.50422E+17', '1.50422e+17', '1.50422199001012E+17', '1.5E17']) {
      expect(reason(parseIdCard(s, opts))).toMatch(/Excel 转成了科学计数法.*无法还原.*“文本”格式/)
    }
  })

  it('says so for an 18-digit number that reached us as a JS number', () => {
    const asNumber = Number(male) // 150422199001011230 or so: digits beyond 2^53 are gone
    expect(reason(parseIdCard(asNumber, opts))).toMatch(/被当成数字保存.*超过15位的部分已丢失/)
    expect(reason(parseIdCard(1.50422e17, opts))).toMatch(/被当成数字保存/)
    expect(reason(parseIdCard(1504221990010112, opts))).toMatch(/被当成数字保存/)
  })

  it('says so for 18 digits ending in 000 that fail the checksum (Excel kept 15 digits)', () => {
    const truncated = `${male.slice(0, 15)}000`
    expect(check(truncated.slice(0, 17))).not.toBe('0')
    expect(reason(parseIdCard(truncated, opts))).toMatch(/末三位是000且校验位不符.*Excel.*15位有效数字/)
  })

  it('accepts a genuine number ending in 000 but asks to check it', () => {
    let genuine = ''
    for (let seq = 0; seq < 10 && !genuine; seq++) {
      const id = makeId(`15042219900101${seq}00`)
      if (id.endsWith('000')) genuine = id
    }
    // find one by the address code if the sequence did not give it
    for (let area = 150400; area < 150500 && !genuine; area++) {
      const id = makeId(`${area}19900101100`)
      if (id.endsWith('000')) genuine = id
    }
    expect(genuine).toMatch(/000$/)
    expect(parseIdCard(genuine, opts)).toMatchObject({ ok: true, value: { warnings: ['身份证号末三位是000，请核对是否被 Excel 截断'] } })
  })
})

describe('legacy 15-digit numbers', () => {
  it('converts with the 19 century and a new check character, with a warning', () => {
    expect(convertIdCard15('150422900101123')).toBe(male)
    const r = parseIdCard('150422900101123', opts)
    expect(r).toEqual({
      ok: true,
      value: {
        id: male,
        birthDate: '1990-01-01',
        sex: '男',
        addressCode: '150422',
        warnings: [`15位旧身份证号已按规则转换为18位（${male}），请与本人证件核对`],
      },
    })
  })

  it('accepts a 15-digit number stored as a number (Excel keeps 15 digits)', () => {
    expect(parseIdCard(150422900101123, opts)).toMatchObject({ ok: true, value: { id: male } })
  })

  it('validates the converted birth date', () => {
    expect(reason(parseIdCard('150422900230123', opts))).toContain('（19900230）不是有效日期')
  })
})

describe('checkIdCard', () => {
  it('passes a valid number with no findings', () => {
    expect(checkIdCard(male, at, opts)).toEqual({ value: male, findings: [] })
  })

  it('makes a failure an E', () => {
    expect(checkIdCard('1504221990010112', at, opts)).toEqual({
      value: null,
      findings: [{ level: 'E', field: 'idNo', label: '身份证号', message: '身份证号应为18位，填写的是16位' }],
    })
  })

  it('makes the conversion warning a W', () => {
    const r = checkIdCard('150422900101123', at, opts)
    expect(r.value).toBe(male)
    expect(r.findings.map((f) => f.level)).toEqual(['W'])
  })

  it('warns, never blocks, for an address code outside the county', () => {
    expect(checkIdCard(male, at, { today, homePrefix: '15' }).findings).toEqual([])
    expect(checkIdCard(male, at, { today, homePrefix: '150422' }).findings).toEqual([])
    const outside = makeId('11010519491231002')
    expect(checkIdCard(outside, at, { today, homePrefix: '15' })).toEqual({
      value: outside,
      findings: [{ level: 'W', field: 'idNo', label: '身份证号', message: '地址码（110105）不属于本地（15），请确认是否为外地户籍' }],
    })
  })

  it('has nothing to check in an empty cell unless required', () => {
    expect(checkIdCard('', at)).toEqual({ value: null, findings: [] })
    expect(checkIdCard(null, at)).toEqual({ value: null, findings: [] })
    expect(checkIdCard(undefined, at, { required: true }).findings).toEqual([
      { level: 'E', field: 'idNo', label: '身份证号', message: '不能为空' },
    ])
  })
})

describe('maskIdCard', () => {
  it('keeps the first 4 and the last 4 characters (issue #3, domain.md §3.4)', () => {
    expect(maskIdCard('150422199001011234')).toBe('1504**********1234')
    expect(maskIdCard('11010519491231002x')).toBe('1101**********002X')
    expect(maskIdCard(' 150422199001011234 ')).toBe('1504**********1234')
    expect(maskIdCard('150422900101123')).toBe('1504*******1123')
  })

  it('can keep less, e.g. the 1504**********1234 style of the §3.4 example', () => {
    expect(maskIdCard('150422199001011234', { keepStart: 4 })).toBe('1504**********1234')
  })

  it('masks everything of a value too short to keep both ends, and nothing of nothing', () => {
    expect(maskIdCard('1504221234')).toBe('**********')
    expect(maskIdCard('')).toBe('')
    expect(maskIdCard(null)).toBe('')
    expect(maskIdCard(undefined)).toBe('')
  })

  it('never shows the birth date', () => {
    expect(maskIdCard(male)).not.toContain('19900101')
  })
})
