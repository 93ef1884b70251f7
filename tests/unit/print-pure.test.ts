import { describe, expect, it } from 'vitest'
import { esc, h, raw } from '../../src-main/print/html'
import { fillTitle, layoutFor } from '../../src-main/print/layouts'
import { fenToChineseUpper } from '../../src-main/print/money-words'
import { bank, health, idCard, internalView, phone, projectFor, publicView, Sensitive } from '../../src-main/print/public-view'
import { baseCss, fonts, pageOptions, papers, printViewport } from '../../src-main/print/page'

describe('金额大写 (nzh, from exact 分)', () => {
  it.each([
    [5, '伍分'], // 0.05
    [10_000_010, '壹拾万元壹角整'], // 100,000.10
    [100_000_000_000, '壹拾亿元整'], // 1,000,000,000.00
    [0, '零元整'],
    [600_005, '陆仟元零伍分'],
    [100_405, '壹仟零肆元零伍分'],
    [12_345_678, '壹拾贰万叁仟肆佰伍拾陆元柒角捌分'],
    [100_000_000_005, '壹拾亿元零伍分'],
    [1_000_500, '壹万零伍元整'],
    [150_000_000, '壹佰伍拾万元整'],
    [-150, '负壹元伍角整'],
  ])('%i 分 → %s', (fen, words) => expect(fenToChineseUpper(fen)).toBe(words))

  it('refuses a non-integer amount instead of rounding a float', () => {
    expect(() => fenToChineseUpper(0.5)).toThrow(RangeError)
  })
})

describe('escaping by construction', () => {
  it('escapes every interpolated value, keeps nested fragments, and raw only for trusted markup', () => {
    const name = '<script>alert("x")</script>&\'a\''
    expect(h`<td>${name}</td>`.value).toBe('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;a&#39;</td>')
    expect(h`<tr>${[h`<td>${'<b>'}</td>`, h`<td>${1}</td>`]}</tr>`.value).toBe('<tr><td>&lt;b&gt;</td><td>1</td></tr>')
    expect(h`${null}${undefined}${false}${0}`.value).toBe('0')
    expect(h`${raw('<br>')}`.value).toBe('<br>')
    expect(esc('"')).toBe('&quot;')
  })
})

describe('公示版 / 内部版 projection', () => {
  const data = {
    rows: [{ name: '张福贵', idNo: idCard('150422198001011230'), phone: phone('13812345678'), bankAccount: bank('6222020200112233445'), note: health('慢性病') }],
    custodianPhone: phone('0476-8221234'),
    empty: phone(''),
  }

  it('masks ID, phone and bank numbers and drops health notes in the public view', () => {
    const pub = publicView(data)
    expect(pub.rows[0]).toEqual({ name: '张福贵', idNo: '1504**********1230', phone: '138****5678', bankAccount: '***************3445', note: '' })
    expect(pub.custodianPhone).toBe('0476-***1234')
    expect(pub.empty).toBe('')
    expect(JSON.stringify(pub)).not.toMatch(/150422198001011230|13812345678|6222020200112233445|慢性病/)
  })

  it('shows them in the internal view', () => {
    const internal = internalView(data)
    expect(internal.rows[0]).toMatchObject({ idNo: '150422198001011230', phone: '13812345678', bankAccount: '6222020200112233445', note: '慢性病' })
    expect(projectFor('内部版', data).custodianPhone).toBe('0476-8221234')
    expect(projectFor('公示版', data).custodianPhone).toBe('0476-***1234')
  })

  it('a Sensitive value that reaches a template unprojected prints nothing of its content', () => {
    const s = idCard('150422198001011230')
    expect(s).toBeInstanceOf(Sensitive)
    expect(String(s)).toBe('[受保护信息]')
    expect(h`<td>${s}</td>`.value).toBe('<td>[受保护信息]</td>')
    expect(JSON.stringify({ s })).toBe('{"s":"[受保护信息]"}')
    expect(Object.keys(s)).toEqual(['kind'])
  })
})

describe('layouts are data', () => {
  it('fills titles and drops empty parts', () => {
    const layout = layoutFor('150422')
    expect(fillTitle(layout.ledgerTitle, { county: '巴林左旗', town: '查干哈达苏木', village: '查干哈达嘎查', class: '公益类', assetLabel: '扶贫项目资产' })).toBe(
      '巴林左旗查干哈达苏木查干哈达嘎查 公益类扶贫项目资产台账',
    )
    expect(fillTitle(layout.ledgerTitle, { county: '巴林左旗', class: '经营类', assetLabel: '帮扶项目资产' })).toBe('巴林左旗 经营类帮扶项目资产台账')
    expect(layoutFor('999999').ledgerColumns.到户类.find((c) => c.field === 'bankAccount')?.publicHidden).toBe(true)
  })
})

describe('print CSS: laid out for print only', () => {
  it('hides the body on screen and in print media wider than any page, and the glue window is wider', () => {
    // the widest page: A3 landscape inside the narrowest margins, in CSS px; Chromium shrinks an overflowing page to fit by at most 2×
    const widestPx = Math.max(...papers.map((paper) => pageOptions({ paper, orientation: 'landscape', marginsMm: [0, 0, 0, 0] }).widthMm)) * (96 / 25.4)
    expect(printViewport.hideFromPx).toBeGreaterThan(2 * widestPx)
    expect(printViewport.width).toBeGreaterThan(printViewport.hideFromPx)
    const css = baseCss({ paper: 'A3', orientation: 'landscape', marginsMm: [12, 10, 14, 10] }).value
    expect(css).toContain(`@media screen, print and (min-width: ${printViewport.hideFromPx}px) { body { display: none; } }`)
  })

  it('puts the Windows fonts first and TrueType Linux fonts before Noto CJK', () => {
    for (const stack of [fonts.song, fonts.fangsong, fonts.hei]) {
      const families = stack.split(',').map((f) => f.trim().replace(/"/g, ''))
      const at = (name: string) => families.indexOf(name)
      const windows = at('SimSun') >= 0 ? at('SimSun') : at('FangSong') >= 0 ? at('FangSong') : at('SimHei')
      expect(windows).toBe(0)
      const trueType = Math.max(at('AR PL UMing CN'), at('WenQuanYi Micro Hei'))
      const noto = Math.max(at('Noto Serif CJK SC'), at('Noto Sans CJK SC'))
      expect(trueType).toBeGreaterThan(0)
      expect(trueType).toBeLessThan(noto)
    }
  })
})
