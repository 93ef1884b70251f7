import { describe, expect, it } from 'vitest'
import {
  checkName,
  escapeFormula,
  isFormulaLike,
  looksLikeScientific,
  normalizeName,
  normalizeText,
  toHalfWidth,
} from '../../src-main/domain/text'

const at = { field: 'name', label: '资产名称' }

describe('toHalfWidth', () => {
  it('folds every full-width ASCII character, the ideographic space and ￥', () => {
    expect(toHalfWidth('ＡＢＣａｂｃ０１２３４５６７８９')).toBe('ABCabc0123456789')
    expect(toHalfWidth('！＂＃＄％＆＇（）＊＋，－．／：；＜＝＞？＠［＼］＾＿｀｛｜｝～')).toBe('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~')
    expect(toHalfWidth('１\u3000２')).toBe('1 2')
    expect(toHalfWidth('￥１００')).toBe('¥100')
  })

  it('leaves Chinese text and CJK punctuation outside the full-width ASCII block alone', () => {
    expect(toHalfWidth('林东镇、三山乡。「引号」《书名》')).toBe('林东镇、三山乡。「引号」《书名》')
  })
})

describe('normalizeText', () => {
  it('trims, folds letters and digits, collapses spaces of every kind', () => {
    expect(normalizeText('  ＸＸ嘎查　２０２１年  肉牛\t暖棚 ')).toBe('XX嘎查 2021年 肉牛 暖棚')
    expect(normalizeText('a\u00A0\u2003b')).toBe('a b')
  })

  it('keeps the Chinese punctuation ，：；！？（） full-width', () => {
    expect(normalizeText('规模：长５．０８公里，宽４．５米；（水泥路）！？')).toBe('规模：长5.08公里，宽4.5米；（水泥路）！？')
  })

  it('folds every other full-width character, alone in the text or next to the kept punctuation', () => {
    const kept = '，：；！？（）'
    for (let code = 0xff01; code <= 0xff5e; code++) {
      const c = String.fromCharCode(code)
      const expected = kept.includes(c) ? c : String.fromCharCode(code - 0xfee0)
      expect(normalizeText(`项目${c}第1批`)).toBe(`项目${expected}第1批`)
      expect(normalizeText(`（${c}）`)).toBe(`（${expected}）`)
    }
  })

  it('removes zero-width characters and the BOM', () => {
    expect(normalizeText('\uFEFF林\u200B东\u200D镇\u00AD')).toBe('林东镇')
  })

  it('turns line breaks into spaces on one line', () => {
    expect(normalizeText('第一行\r\n第二行\n\n第三行')).toBe('第一行 第二行 第三行')
  })

  it('keeps line breaks in multiline mode, trimming each line and the blank ends', () => {
    expect(normalizeText('\n  第一行  \r\n\u3000第二行\r第三行 \n\n', { multiline: true })).toBe('第一行\n第二行\n第三行')
    expect(normalizeText('a\n\nb', { multiline: true })).toBe('a\n\nb')
  })

  it('returns an empty string for blank text', () => {
    expect(normalizeText(' \u3000\t')).toBe('')
  })
})

describe('normalizeName', () => {
  it('uses the full-width Chinese brackets （） (domain.md §7.6)', () => {
    expect(normalizeName('XX嘎查(一期)肉牛暖棚')).toBe('XX嘎查（一期）肉牛暖棚')
    expect(normalizeName('XX嘎查（一期）肉牛暖棚')).toBe('XX嘎查（一期）肉牛暖棚')
    expect(normalizeName('ＸＸ村（ 二期 ）')).toBe('XX村（二期）')
  })

  it('trims and collapses spaces', () => {
    expect(normalizeName('  林东镇   光伏电站 ')).toBe('林东镇 光伏电站')
  })
})

describe('checkName', () => {
  it('returns the normalised name', () => {
    expect(checkName(' XX村(一期) ', at)).toEqual({ value: 'XX村（一期）', findings: [] })
  })

  it('treats a blank name as empty, an error only when required', () => {
    expect(checkName('  ', at)).toEqual({ value: null, findings: [] })
    expect(checkName(null, at, { required: true }).findings).toEqual([
      { level: 'E', field: 'name', label: '资产名称', message: '不能为空' },
    ])
  })

  it('refuses a name longer than the limit, counting characters not UTF-16 units', () => {
    expect(checkName('字'.repeat(100), at).findings).toEqual([])
    expect(checkName('字'.repeat(101), at).findings[0]).toMatchObject({ level: 'E', message: '不能超过100个字，当前101个字' })
    expect(checkName('𠀀'.repeat(10), at, { maxLength: 10 }).findings).toEqual([])
  })

  it('warns about a doubled 项目项目', () => {
    const r = checkName('2021年肉牛养殖项目项目', at)
    expect(r.value).toBe('2021年肉牛养殖项目项目')
    expect(r.findings).toEqual([{ level: 'W', field: 'name', label: '资产名称', message: '名称中“项目项目”重复，请核对' }])
  })
})

describe('isFormulaLike / escapeFormula', () => {
  it.each(['=SUM(A1:A3)', '+1', '-1+2', '@cmd', '\tx', '\rx', '  =1', '\u3000=1'])('%j would be read as a formula', (s) => {
    expect(isFormulaLike(s)).toBe(true)
    expect(escapeFormula(s)).toBe(`'${s}`)
  })

  it.each(['林东镇', '1+1', 'a=b', '', '（=）', '＝1'])('%j is plain text', (s) => {
    expect(isFormulaLike(s)).toBe(false)
    expect(escapeFormula(s)).toBe(s)
  })
})

describe('looksLikeScientific', () => {
  it.each(['1.50422E+17', '1.50422e17', '6.22202E+18', ' 1E+5 ', '-1.2e-3'])('%j is scientific notation', (s) => {
    expect(looksLikeScientific(s)).toBe(true)
  })
  it.each(['150422199001011232', '1.5', 'E+17', '1.5E', '1.2E+3元'])('%j is not', (s) => {
    expect(looksLikeScientific(s)).toBe(false)
  })
})
