import { describe, expect, it } from 'vitest'
import {
  checkBankCard,
  checkPhone,
  luhnValid,
  maskBankCard,
  maskPhone,
  parseBankCard,
  parsePhone,
} from '../../src-main/domain/contact'
import type { Result } from '../../src-main/domain/result'

const reason = (r: Result<unknown>) => (r.ok ? '(ok)' : r.reason)
const phoneAt = { field: 'custodianPhone', label: '管护责任人联系电话' }
const cardAt = { field: 'bankAccount', label: '补助发放账号' }

/** Appends the Luhn check digit, computed independently of the module. */
function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = body + d
    let sum = 0
    ;[...s].reverse().forEach((c, i) => {
      const v = Number(c) * (i % 2 ? 2 : 1)
      sum += v > 9 ? v - 9 : v
    })
    if (sum % 10 === 0) return s
  }
  throw new Error('unreachable')
}

describe('parsePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
  ])('%j is the mobile %s', (input, value) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: { kind: 'mobile', value } })
  })

  it('reads a mobile stored as a number', () => {
    expect(parsePhone(13812345678)).toEqual({ ok: true, value: { kind: 'mobile', value: '13812345678' } })
  })

  it.each([
    ['0476-8221234', '0476-8221234'],
    ['04768221234', '04768221234'],
    ['010-12345678', '010-12345678'],
    ['0476 8221234', '0476-8221234'],
    ['(0476)8221234', '0476-8221234'],
    ['（0476）8221234', '0476-8221234'],
    ['(0476) 822 1234', '0476-8221234'],
    ['０４７６－８２２１２３４', '0476-8221234'],
  ])('%j is the landline %s', (input, value) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: { kind: 'landline', value } })
  })

  it.each(['12812345678', '1381234567', '138123456789', '12317', '8221234', '0476-822123', '0476-822123456', 'abc', '13812345678转1'])(
    '%j is neither',
    (input) => {
      expect(reason(parsePhone(input))).toBe('不是有效的手机号（11位，1开头）或固定电话（区号-号码）')
    },
  )

  it('refuses an empty value', () => {
    expect(reason(parsePhone(' '))).toBe('电话号码不能为空')
  })
})

describe('checkPhone', () => {
  it('returns the normalised number', () => {
    expect(checkPhone('138 1234 5678', phoneAt)).toEqual({ value: '13812345678', findings: [] })
  })

  it('keeps an odd number as typed, with a W', () => {
    expect(checkPhone('12317', phoneAt)).toEqual({
      value: '12317',
      findings: [{ level: 'W', field: 'custodianPhone', label: '管护责任人联系电话', message: '不是有效的手机号（11位，1开头）或固定电话（区号-号码）' }],
    })
    expect(checkPhone(12317, phoneAt).value).toBe('12317')
  })

  it('has nothing to check in an empty cell unless required', () => {
    expect(checkPhone('', phoneAt)).toEqual({ value: null, findings: [] })
    expect(checkPhone(undefined, phoneAt, { required: true }).findings[0]).toMatchObject({ level: 'E', message: '不能为空' })
  })
})

describe('luhnValid', () => {
  it('agrees with the textbook examples', () => {
    expect(luhnValid('79927398713')).toBe(true)
    expect(luhnValid('79927398710')).toBe(false)
    expect(luhnValid('4111111111111111')).toBe(true)
    expect(luhnValid('4111111111111112')).toBe(false)
    expect(luhnValid('0')).toBe(true)
    expect(luhnValid('')).toBe(false)
    expect(luhnValid('1234a')).toBe(false)
  })

  it('accepts every check digit computed independently, and rejects the nine others', () => {
    for (const body of ['622202020011223344', '62170000000000', '60138221234567890', '95599800000']) {
      const good = withLuhn(body)
      expect(luhnValid(good)).toBe(true)
      for (let d = 0; d <= 9; d++) if (body + d !== good) expect(luhnValid(body + d)).toBe(false)
    }
  })
})

describe('parseBankCard', () => {
  const card19 = withLuhn('622202020011223344')
  const card16 = withLuhn('621700000000123')

  it('returns the digits and the Luhn result', () => {
    expect(parseBankCard(card19)).toEqual({ ok: true, value: { value: card19, luhnOk: true } })
    expect(parseBankCard(`${card16.slice(0, 4)} ${card16.slice(4, 8)} ${card16.slice(8, 12)} ${card16.slice(12)}`)).toEqual({
      ok: true,
      value: { value: card16, luhnOk: true },
    })
    expect(parseBankCard(`${card16.slice(0, 8)}-${card16.slice(8)}`)).toMatchObject({ ok: true, value: { value: card16 } })
    expect(parseBankCard(`'${card19}`)).toMatchObject({ ok: true, value: { value: card19 } })
    const bad = card19.slice(0, -1) + ((Number(card19.at(-1)) + 1) % 10)
    expect(parseBankCard(bad)).toEqual({ ok: true, value: { value: bad, luhnOk: false } })
  })

  it('accepts 12 to 19 digits', () => {
    expect(parseBankCard('123456789012').ok).toBe(true)
    expect(reason(parseBankCard('12345678901'))).toBe('银行卡号应为12–19位数字，填写的是11位')
    expect(reason(parseBankCard('12345678901234567890'))).toBe('银行卡号应为12–19位数字，填写的是20位')
    expect(reason(parseBankCard('6222 0202 00AB'))).toBe('银行卡号只能由数字组成')
    expect(reason(parseBankCard(''))).toBe('银行卡号不能为空')
  })

  it('says when Excel already rounded the number', () => {
    expect(reason(parseBankCard('6.22202E+18'))).toMatch(/科学计数法（6\.22202E\+18）.*“文本”格式/)
    expect(reason(parseBankCard(Number(card19)))).toMatch(/被当成数字保存.*超过15位的部分已丢失/)
    // 12–15 digits survive as numbers
    expect(parseBankCard(123456789012)).toMatchObject({ ok: true, value: { value: '123456789012' } })
  })
})

describe('checkBankCard', () => {
  it('has no findings for a good number and a W for a failed Luhn check', () => {
    const good = withLuhn('622202020011223344')
    expect(checkBankCard(good, cardAt)).toEqual({ value: good, findings: [] })
    const bad = good.slice(0, -1) + ((Number(good.at(-1)) + 5) % 10)
    expect(checkBankCard(bad, cardAt)).toEqual({
      value: bad,
      findings: [{ level: 'W', field: 'bankAccount', label: '补助发放账号', message: '银行卡号校验不通过（Luhn），可能有数字录错，请与存折或卡面核对' }],
    })
  })

  it('keeps a malformed text for correction, but not a rounded number, always as a W', () => {
    expect(checkBankCard('1234 5678', cardAt)).toMatchObject({ value: '12345678', findings: [{ level: 'W' }] })
    expect(checkBankCard(6222020200112233445, cardAt)).toMatchObject({ value: null, findings: [{ level: 'W' }] })
  })

  it('has nothing to check in an empty cell unless required', () => {
    expect(checkBankCard(null, cardAt)).toEqual({ value: null, findings: [] })
    expect(checkBankCard('', cardAt, { required: true }).findings[0]).toMatchObject({ level: 'E', message: '不能为空' })
  })
})

describe('masking (domain.md §3.4)', () => {
  it('masks a mobile as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678')
  })

  it('masks a landline but keeps its area code and last 4 digits', () => {
    expect(maskPhone('0476-8221234')).toBe('0476-***1234')
    expect(maskPhone('010-12345678')).toBe('010-****5678')
    expect(maskPhone('(0476)8221234')).toBe('0476-***1234')
    expect(maskPhone('04768221234')).toBe('*******1234')
  })

  it('masks anything else but its last 4 characters, or entirely when short', () => {
    expect(maskPhone('0476-82212345转8')).toBe('***********45转8')
    expect(maskPhone('12317')).toBe('*****')
    expect(maskPhone('')).toBe('')
    expect(maskPhone(null)).toBe('')
  })

  it('keeps only the last 4 digits of a bank card', () => {
    expect(maskBankCard('6222020200112233445')).toBe('***************3445')
    expect(maskBankCard('6222 0202 0011 2233 445')).toBe('***************3445')
    expect(maskBankCard('6222-0202')).toBe('****0202')
    expect(maskBankCard('1234567')).toBe('*******')
    expect(maskBankCard(undefined)).toBe('')
  })
})
