import { describe, expect, it } from 'vitest'
import { orgTypes } from '../../src-main/domain/asset-enums'
import type { Result } from '../../src-main/domain/result'
import {
  checkUscc,
  expectedUsccPrefixes,
  parseUscc,
  USCC_CHARSET,
  usccAuthorities,
  usccCategories,
  usccCheckChar,
} from '../../src-main/domain/uscc'

/** An independent GB 32100-2015 check character: weights 3^i mod 31, C = 31 − (Σ mod 31), 31 → 0. */
function check(first17: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  let sum = 0
  for (let i = 0; i < 17; i++) sum += chars.indexOf(first17[i]) * (3 ** i % 31)
  const c = 31 - (sum % 31)
  return chars[c === 31 ? 0 : c]
}
const makeCode = (first17: string) => first17 + check(first17)

const at = { field: 'ownerUscc', label: '产权单位统一社会信用代码' }
const reason = (r: Result<unknown>) => (r.ok ? '(ok)' : r.reason)

/**
 * Real codes from published business licences, checked against the independent algorithm above
 * (a misremembered code would fail it 30 times in 31).
 */
const published = [
  ['914403001922038216', '华为技术有限公司'],
  ['91440300708461136T', '深圳市腾讯计算机系统有限公司'],
  ['91110108551385082Q', '北京小米科技有限责任公司'],
] as const

// Codes built for this test: a 巴林左旗 cooperative and a 嘎查 collective economic organisation.
const coop = makeCode('93150422MA0N12345')
const village = makeCode('N2150422MF0012345')

describe('the check character', () => {
  it('uses the 31-character set without I, O, Z, S, V', () => {
    expect(USCC_CHARSET).toHaveLength(31)
    expect(USCC_CHARSET).not.toMatch(/[IOZSV]/)
  })

  it.each(published)('verifies the published code %s (%s)', (code) => {
    expect(check(code.slice(0, 17))).toBe(code[17])
    expect(usccCheckChar(code.slice(0, 17))).toBe(code[17])
    expect(parseUscc(code)).toMatchObject({ ok: true, value: { code } })
  })

  it('agrees with the independent implementation on many codes, and produces 0 for C = 31', () => {
    let seed = 5
    const next = () => (seed = (seed * 48271) % 2147483647)
    const bad: string[] = []
    let sawZero = false
    for (let i = 0; i < 5000; i++) {
      let first17 = ''
      for (let k = 0; k < 17; k++) first17 += USCC_CHARSET[next() % 31]
      const c = usccCheckChar(first17)
      if (c !== check(first17)) bad.push(first17)
      if (c === '0') sawZero = true
    }
    expect(bad).toEqual([])
    expect(sawZero).toBe(true)
  })

  it('throws on a wrong length or a character outside the set (a programming error)', () => {
    expect(() => usccCheckChar('9144030019220382')).toThrow(RangeError)
    expect(() => usccCheckChar('9144O300192203821')).toThrow(RangeError)
  })
})

describe('parseUscc', () => {
  it('splits the code into its parts and names them', () => {
    expect(parseUscc('914403001922038216')).toEqual({
      ok: true,
      value: {
        code: '914403001922038216',
        authority: '工商（市场监管）',
        category: '企业',
        areaCode: '440300',
        entityCode: '192203821',
      },
    })
    expect(parseUscc(coop)).toMatchObject({ ok: true, value: { category: '农民专业合作社', areaCode: '150422' } })
    expect(parseUscc(village)).toMatchObject({ ok: true, value: { authority: '农业（农业农村）', category: '村级集体经济组织' } })
  })

  it.each([
    ['11', '机关'],
    ['12', '事业单位'],
    ['51', '社会团体'],
    ['52', '民办非企业单位（社会服务机构）'],
    ['53', '基金会'],
    ['91', '企业'],
    ['92', '个体工商户'],
    ['93', '农民专业合作社'],
    ['N1', '组级集体经济组织'],
    ['N2', '村级集体经济组织'],
    ['N3', '乡镇级集体经济组织'],
    ['Y1', '其他'],
  ])('names the prefix %s as %s', (prefix, name) => {
    expect(parseUscc(makeCode(`${prefix}150422MA0000001`))).toMatchObject({ ok: true, value: { category: name } })
  })

  it('lists a category for every registration authority it names', () => {
    for (const prefix of Object.keys(usccCategories)) expect(usccAuthorities[prefix[0]]).toBeDefined()
  })

  it('cleans spaces, hyphens, full-width characters and lower case', () => {
    expect(parseUscc(' 9144 0300 7084 6113 6t ')).toMatchObject({ ok: true, value: { code: '91440300708461136T' } })
    expect(parseUscc('９１４４０３００７０８４６１１３６Ｔ')).toMatchObject({ ok: true, value: { code: '91440300708461136T' } })
    expect(parseUscc('91440300-708461136T')).toMatchObject({ ok: true, value: { code: '91440300708461136T' } })
  })

  it('knows an unknown prefix as unknown but still checks the code', () => {
    const odd = makeCode('99150422MA0000001')
    expect(parseUscc(odd)).toMatchObject({ ok: true, value: { authority: '工商（市场监管）', category: null } })
    expect(parseUscc(makeCode('B1150422MA0000001'))).toMatchObject({ ok: true, value: { authority: null, category: null } })
  })

  it('refuses a wrong check character, and the unverified 91110000100000589B', () => {
    expect(reason(parseUscc('914403001922038217'))).toBe('统一社会信用代码校验位不符，可能有字符录错，请与证照核对')
    expect(check('91110000100000589')).not.toBe('B')
    expect(parseUscc('91110000100000589B').ok).toBe(false)
  })

  it('catches a single wrong character anywhere', () => {
    const code = published[0][0]
    for (let i = 0; i < 17; i++) {
      const other = USCC_CHARSET[(USCC_CHARSET.indexOf(code[i]) + 7) % 31]
      expect(parseUscc(code.slice(0, i) + other + code.slice(i + 1)).ok).toBe(false)
    }
  })

  it.each([
    ['', '统一社会信用代码不能为空'],
    ['91440300708461136', '统一社会信用代码应为18位，填写的是17位'],
    ['708461136', '统一社会信用代码应为18位，填写的是9位'],
    ['91440300708461136TT', '统一社会信用代码应为18位，填写的是19位'],
    ['9144O300708461136T', '统一社会信用代码含有无效字符：O（可能把数字0、1写成了字母O、I）；只用数字和除 I、O、Z、S、V 以外的大写字母'],
    ['91440300708461136S', '统一社会信用代码含有无效字符：S；只用数字和除 I、O、Z、S、V 以外的大写字母'],
    ['9144030070846113*T', '统一社会信用代码含有无效字符：*；只用数字和除 I、O、Z、S、V 以外的大写字母'],
  ])('%j fails: %s', (input, why) => {
    expect(reason(parseUscc(input))).toBe(why)
  })
})

describe('checkUscc', () => {
  it('passes a valid code with no findings', () => {
    expect(checkUscc(coop, at)).toEqual({ value: coop, findings: [] })
  })

  it('makes a failure an E', () => {
    expect(checkUscc('914403001922038217', at)).toEqual({
      value: null,
      findings: [{ level: 'E', field: 'ownerUscc', label: '产权单位统一社会信用代码', message: '统一社会信用代码校验位不符，可能有字符录错，请与证照核对' }],
    })
  })

  it('warns when the prefix does not fit the organisation type', () => {
    expect(checkUscc(coop, at, { orgType: '农民专业合作社' }).findings).toEqual([])
    expect(checkUscc(village, at, { orgType: '村（嘎查）集体经济组织' }).findings).toEqual([])
    const r = checkUscc(coop, at, { orgType: '村（嘎查）集体经济组织' })
    expect(r.value).toBe(coop)
    expect(r.findings).toEqual([
      {
        level: 'W',
        field: 'ownerUscc',
        label: '产权单位统一社会信用代码',
        message: '村（嘎查）集体经济组织的代码通常以 N1/N2/N3/N9 开头，这里是“农民专业合作社”的代码（93开头），请核对单位类型',
      },
    ])
    expect(checkUscc(published[0][0], at, { orgType: '企业' }).findings).toEqual([])
    expect(checkUscc(published[0][0], at, { orgType: '县（旗）级部门' }).findings[0].level).toBe('W')
    // types without an expectation are not checked
    expect(checkUscc(coop, at, { orgType: '其他' }).findings).toEqual([])
  })

  it('has an expectation for every organisation type except 其他, and only known prefixes in it', () => {
    for (const t of orgTypes) {
      if (t === '其他') expect(expectedUsccPrefixes[t]).toBeUndefined()
      else expect(expectedUsccPrefixes[t]).toBeDefined()
    }
    for (const prefixes of Object.values(expectedUsccPrefixes)) {
      for (const p of prefixes) expect(usccCategories[p]).toBeDefined()
    }
  })

  it('warns about an unknown category', () => {
    const r = checkUscc(makeCode('99150422MA0000001'), at)
    expect(r.findings.map((f) => f.message)).toEqual(['前两位（99）不是已知的登记管理部门和机构类别，请核对'])
  })

  it('warns when the registering area is not the county', () => {
    expect(checkUscc(coop, at, { homeArea: '150422' }).findings).toEqual([])
    expect(checkUscc(coop, at, { homeArea: '15' }).findings).toEqual([])
    expect(checkUscc(published[1][0], at, { homeArea: '150422' }).findings).toEqual([
      {
        level: 'W',
        field: 'ownerUscc',
        label: '产权单位统一社会信用代码',
        message: '登记机关区划（440300）不是本地（150422），请确认是否为外地单位',
      },
    ])
  })

  it('has nothing to check in an empty cell unless required', () => {
    expect(checkUscc(' ', at)).toEqual({ value: null, findings: [] })
    expect(checkUscc(null, at, { required: true }).findings[0]).toMatchObject({ level: 'E', message: '不能为空' })
  })
})
