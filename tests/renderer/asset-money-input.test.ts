import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import MoneyInput from '../../src-renderer/src/components/MoneyInput.vue'
import { useAppStore } from '../../src-renderer/src/stores/app'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
})

function mountInput(props: Record<string, unknown> = {}) {
  return mount(MoneyInput, { props: { modelValue: null, ...props }, attachTo: document.body, global: { plugins: [ElementPlus, pinia] } })
}
const emitted = (w: ReturnType<typeof mountInput>) => (w.emitted('update:modelValue') ?? []).map((e) => e[0])
const last = (w: ReturnType<typeof mountInput>) => emitted(w).at(-1)

describe('MoneyInput', () => {
  it('turns 元 into exact 分, with thousands separators and full-width digits', async () => {
    const w = mountInput({ unit: '元' })
    const input = w.get('input')
    await input.setValue('1,234.56')
    expect(last(w)).toBe(123456)
    await input.setValue('0.29')
    expect(last(w)).toBe(29)
    await input.setValue('１２３４．５')
    expect(last(w)).toBe(123450)
    await input.setValue('90071992547409.91')
    expect(last(w)).toBe(9_007_199_254_740_991)
    expect(w.find('.money-error').exists()).toBe(false)
    expect(w.text()).toContain('元')
  })

  it('turns 万元 into exact 分 (1 万元 = 1,000,000 分), down to 6 decimals', async () => {
    const w = mountInput({ unit: '万元' })
    const input = w.get('input')
    await input.setValue('30862.6147')
    expect(last(w)).toBe(30_862_614_700)
    await input.setValue('1.5')
    expect(last(w)).toBe(1_500_000)
    await input.setValue('0.000001')
    expect(last(w)).toBe(1)
    await input.setValue('12.3456789')
    expect(w.get('.money-error').text()).toBe('万元金额最多六位小数（精确到分）')
    expect(last(w)).toBeNull()
  })

  it('refuses a third decimal in 元 and reports null, with the reason under the field', async () => {
    const w = mountInput({ unit: '元' })
    await w.get('input').setValue('1.005')
    expect(last(w)).toBeNull()
    expect(w.get('.money-error').text()).toBe('金额最多两位小数（精确到分）')
    expect(w.classes()).toContain('is-invalid')
    // Trailing zeros are not a third decimal.
    await w.get('input').setValue('1.500')
    expect(last(w)).toBe(150)
    expect(w.find('.money-error').exists()).toBe(false)
  })

  it('refuses 万 in a 元 field, negatives and scientific notation, in Chinese', async () => {
    const w = mountInput({ unit: '元' })
    await w.get('input').setValue('3万')
    expect(w.get('.money-error').text()).toContain('此处单位是元')
    await w.get('input').setValue('-5')
    expect(w.get('.money-error').text()).toBe('金额不能为负数')
    await w.get('input').setValue('1.5E+17')
    expect(w.get('.money-error').text()).toContain('科学计数法')
    await w.get('input').setValue('')
    expect(last(w)).toBeNull()
    expect(w.find('.money-error').exists()).toBe(false)
  })

  it('shows the amount formatted on blur and exact while editing', async () => {
    const w = mountInput({ unit: '万元', modelValue: 1_234_567_800 })
    await flushPromises() // Element Plus attaches its focus listeners after mounting
    const input = w.get('input')
    expect((input.element as HTMLInputElement).value).toBe('1,234.5678')
    // happy-dom's focus() does not reach Element Plus's capturing listener: dispatch the events.
    input.element.dispatchEvent(new FocusEvent('focus'))
    await flushPromises()
    expect((input.element as HTMLInputElement).value).toBe('1234.5678')
    input.element.dispatchEvent(new FocusEvent('blur'))
    await flushPromises()
    expect((input.element as HTMLInputElement).value).toBe('1,234.5678')
    // An amount with 分 below 0.0001 万元 is not rounded away on display.
    await w.setProps({ modelValue: 1_234_567_891 })
    expect((input.element as HTMLInputElement).value).toBe('1,234.567891')
    await w.setProps({ unit: '元' })
    expect((input.element as HTMLInputElement).value).toBe('12,345,678.91')
  })

  it('takes the county default unit when none is given', async () => {
    useAppStore().info = { moneyUnit: '万元' } as never
    const w = mountInput()
    await flushPromises()
    expect(w.text()).toContain('万元')
    await w.get('input').setValue('2')
    expect(last(w)).toBe(2_000_000)
  })
})
