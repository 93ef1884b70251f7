/**
 * The shared pieces of the form and list pages: the form bar (title, next code, 元/万元, 取消, 保存,
 * Ctrl+S), the text and select form items, and the list pager.
 */
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus, { ElForm } from 'element-plus'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import FormBar from '../../src-renderer/src/components/form/FormBar.vue'
import FormInput from '../../src-renderer/src/components/form/FormInput.vue'
import FormSelect from '../../src-renderer/src/components/form/FormSelect.vue'
import ListPager from '../../src-renderer/src/components/list/ListPager.vue'
import { isSaveShortcut } from '../../src-renderer/src/composables/useSaveShortcut'

const global = { plugins: [ElementPlus] }
const barProps = { title: '登记公益类资产', nextCodeLabel: '资产编号', saving: false, unit: '万元' as const, nextCodeTestid: 'next-code', unitTestid: 'form-unit', saveTestid: 'asset-save' }

describe('FormBar', () => {
  it('shows the title, the next code and the testids the e2e tests click', () => {
    const w = mount(FormBar, { props: { ...barProps, nextCode: '150422G202500001' }, global })
    expect(w.get('h2').text()).toBe('登记公益类资产')
    expect(w.get('[data-testid=next-code]').text()).toBe('资产编号（保存时生成）：150422G202500001')
    expect(w.find('[data-testid=form-unit]').exists()).toBe(true)
    expect(w.get('[data-testid=asset-save]').text()).toBe('保存（Ctrl+S）')
    expect(w.text()).toContain('金额单位')
  })

  it('hides the next code when editing and shows — while it is not known yet', () => {
    expect(mount(FormBar, { props: { ...barProps, nextCode: null }, global }).find('[data-testid=next-code]').exists()).toBe(false)
    expect(mount(FormBar, { props: { ...barProps, nextCode: '' }, global }).get('[data-testid=next-code]').text()).toContain('—')
  })

  it('saves on the button and on Ctrl+S / ⌘S anywhere, cancels, switches the unit; stops listening when gone', async () => {
    let saves = 0
    const w = mount(FormBar, { props: { ...barProps, nextCode: null, onSave: () => saves++ }, global, attachTo: document.body })
    await w.get('[data-testid=asset-save]').trigger('click')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true }))
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'S', metaKey: true }))
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 's' }))
    expect(saves).toBe(3)
    await w.findAll('button').find((b) => b.text() === '取消')!.trigger('click')
    expect(w.emitted('cancel')).toHaveLength(1)
    await w.findAll('.el-radio-button__original-radio').find((r) => (r.element as HTMLInputElement).value === '元')!.setValue(true)
    expect(w.emitted('update:unit')?.at(-1)).toEqual(['元'])
    w.unmount()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true }))
    expect(saves).toBe(3)
  })

  it('tells the save key apart', () => {
    expect(isSaveShortcut(new KeyboardEvent('keydown', { key: 's', ctrlKey: true }))).toBe(true)
    expect(isSaveShortcut(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true }))).toBe(false)
    expect(isSaveShortcut(new KeyboardEvent('keydown', { key: 's', shiftKey: true }))).toBe(false)
  })
})

describe('FormInput and FormSelect', () => {
  it('puts the label, the required mark and the error on the item and the rest on the input', async () => {
    const code = ref<string | null>('X1')
    const name = ref('')
    const w = mount(
      defineComponent(() => () =>
        h(ElForm, null, () => [
          h(FormInput, { modelValue: name.value, 'onUpdate:modelValue': (v: unknown) => (name.value = v as string), label: '资产名称', required: true, error: '请填写资产名称', maxlength: '100', 'data-testid': 'f-name' }),
          h(FormInput, { modelValue: code.value, 'onUpdate:modelValue': (v: unknown) => (code.value = v as string | null), label: '系统资产编号', nullable: true }),
        ]),
      ),
      { global, attachTo: document.body },
    )
    await flushPromises()
    const items = w.findAll('.el-form-item')
    expect(items[0].text()).toContain('资产名称')
    expect(items[0].classes()).toContain('is-required')
    expect(items[0].classes()).toContain('is-error')
    expect(items[1].classes()).not.toContain('is-required')
    const nameInput = w.get('input[data-testid=f-name]')
    expect(nameInput.attributes('maxlength')).toBe('100')
    await nameInput.setValue('福山地村通村路')
    expect(name.value).toBe('福山地村通村路')
    // nullable: an emptied box is null, not ''
    const codeInput = w.findAll('input')[1]
    expect((codeInput.element as HTMLInputElement).value).toBe('X1')
    await codeInput.setValue('')
    expect(code.value).toBeNull()
  })

  it('lists plain choices, year labels and coded entries', async () => {
    const w = mount(FormSelect, { props: { modelValue: 2025, label: '资金年度', options: [2024, 2025], optionLabel: (y: string | number) => `${y}年`, 'data-testid': 'f-year' }, global, attachTo: document.body })
    const pairs = mount(FormSelect, { props: { modelValue: 'XJ', label: '资金类型', options: [{ code: 'XJ', name: '衔接资金' }] }, global, attachTo: document.body })
    await flushPromises()
    expect(w.find('.el-select[data-testid=f-year]').exists()).toBe(true)
    expect(w.text()).toContain('2025年')
    expect(pairs.text()).toContain('衔接资金')
  })
})

describe('ListPager', () => {
  it('shows the total and reports page changes', async () => {
    const w = mount(ListPager, { props: { page: 1, pageSize: 50, total: 230 }, global, attachTo: document.body })
    expect(w.text()).toContain('230')
    await w.get('.btn-next').trigger('click')
    expect(w.emitted('update:page')?.at(-1)).toEqual([2])
  })
})
