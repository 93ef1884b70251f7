import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import FundLinesEditor from '../../src-renderer/src/components/assets/FundLinesEditor.vue'
import { emptyLine, type FundLineDraft } from '../../src-renderer/src/components/assets/form-model'

/** The editor under a parent that owns the lines (v-model), as the asset form uses it. */
function mountEditor(lines: FundLineDraft[], totalFen: number | null, unit: '元' | '万元' = '元') {
  const model = ref(lines)
  const total = ref(totalFen)
  const Host = defineComponent({
    setup: () => () =>
      h(FundLinesEditor, {
        modelValue: model.value,
        'onUpdate:modelValue': (v: FundLineDraft[]) => (model.value = v),
        totalFen: total.value,
        unit,
      }),
  })
  const wrapper = mount(Host, { attachTo: document.body, global: { plugins: [ElementPlus, createPinia()] } })
  return { wrapper, model, total }
}
const sumText = (w: ReturnType<typeof mountEditor>['wrapper']) => w.get('[data-testid="fund-sum"]').text().replace(/\s+/g, ' ')

describe('funding-lines editor', () => {
  it('adds the lines to the 分 and shows the difference to 项目总投资 in red', async () => {
    const { wrapper } = mountEditor(
      [emptyLine({ sourceType: 'XJ', level: '中央', amountFen: 100_000_000 }), emptyLine({ sourceType: 'DX', amountFen: 16_666_667 })],
      150_000_000,
    )
    expect(sumText(wrapper)).toContain('合计 1,166,666.67 元')
    expect(sumText(wrapper)).toContain('项目总投资 1,500,000.00 元')
    const diff = wrapper.get('[data-testid="fund-diff"]')
    expect(diff.text()).toContain('还差 333,333.33 元')
    expect(diff.classes()).toContain('diff')
    // 级次 applies to 衔接资金 only, not to 京蒙协作资金.
    expect(wrapper.get('[data-testid="fund-line-0"] [data-testid="fund-level-0"]').html()).not.toContain('is-disabled')
    expect(wrapper.get('[data-testid="fund-line-1"] [data-testid="fund-level-1"]').html()).toContain('is-disabled')
  })

  it('follows typing: a new line with the missing amount makes the sum match', async () => {
    const { wrapper, model } = mountEditor([emptyLine({ sourceType: 'XJ', level: '中央', amountFen: 100_000_000 })], 133_333_333)
    expect(wrapper.get('[data-testid="fund-diff"]').text()).toContain('还差 333,333.33 元')
    await wrapper.get('[data-testid="fund-add"]').trigger('click')
    expect(model.value).toHaveLength(2)
    expect(sumText(wrapper)).toContain('1 行未填金额')
    await wrapper.get('[data-testid="fund-line-1"] input[data-testid="fund-amount-1"]').setValue('333333.33')
    await flushPromises()
    expect(model.value[1].amountFen).toBe(33_333_333)
    const diff = wrapper.get('[data-testid="fund-diff"]')
    expect(diff.text()).toBe('一致')
    expect(diff.classes()).toContain('ok')
    // Too much is shown as 多出.
    await wrapper.get('input[data-testid="fund-amount-1"]').setValue('333333.34')
    expect(wrapper.get('[data-testid="fund-diff"]').text()).toContain('多出 0.01 元')
  })

  it('sums exactly in 万元 too (0.1 + 0.2 is 0.3)', async () => {
    const { wrapper, model } = mountEditor([emptyLine({ sourceType: 'CJ' }), emptyLine({ sourceType: 'NH' })], 300_000, '万元')
    await wrapper.get('input[data-testid="fund-amount-0"]').setValue('0.1')
    await wrapper.get('input[data-testid="fund-amount-1"]').setValue('0.2')
    expect(model.value.map((l) => l.amountFen)).toEqual([100_000, 200_000])
    expect(sumText(wrapper)).toContain('合计 0.3000 万元')
    expect(wrapper.get('[data-testid="fund-diff"]').text()).toBe('一致')
  })

  it('removes a line but never the last one', async () => {
    const { wrapper, model } = mountEditor([emptyLine({ sourceType: 'XJ', level: '旗县', amountFen: 5 }), emptyLine({ sourceType: 'ZX', level: '中央', amountFen: 7 })], 12)
    const deletes = () => wrapper.findAll('button[title="删除此行"]')
    await deletes()[0].trigger('click')
    expect(model.value.map((l) => l.sourceType)).toEqual(['ZX'])
    expect(deletes()[0].attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="fund-diff"]').text()).toContain('还差 0.05 元')
  })

  it('does not let Enter inside the editor submit the form', async () => {
    const { wrapper } = mountEditor([emptyLine({ sourceType: 'XJ', level: '中央', amountFen: 1 })], 1)
    const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })
    wrapper.get('input[data-testid="fund-doc-0"]').element.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(true)
  })
})
