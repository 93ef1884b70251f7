import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import type { AssetDetail } from '../../src-main/api/types/assets'
import CustodianDialog from '../../src-renderer/src/components/assets/CustodianDialog.vue'
import StatusDialog from '../../src-renderer/src/components/assets/StatusDialog.vue'
import { saveWithConfirm } from '../../src-renderer/src/save-protocol'
import { call } from '../../src-renderer/src/api'
import { fakeApi } from './support'

const owner = { id: 7, name: '福山地村股份经济合作社', orgType: '村（嘎查）集体经济组织', uscc: null, regionCode: null }
const asset = {
  id: 12,
  code: '150422G202100001',
  name: '福山地村2021年通村水泥路',
  class: '公益类',
  status: '正常',
  originalValueFen: 150_000_000,
  owners: [{ owner, shareBp: 10000, shareAmountFen: 150_000_000 }],
  custody: [],
  operations: [],
  handovers: [],
  problems: [],
} as unknown as AssetDetail

const warning = { level: 'W', field: 'phone', label: '联系电话', message: '未填写管护责任人联系电话' }
const saved = { ok: true as const, data: { id: 12, code: '150422G202100001', findings: [warning] } }

const body = () => document.body
const tick = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 30))
  await flushPromises()
}
const byTestId = (id: string) => body().querySelector<HTMLElement>(`[data-testid="${id}"]`)
function type(el: HTMLInputElement, value: string) {
  el.value = value
  el.dispatchEvent(new Event('input', { bubbles: true }))
}
const buttonNamed = (text: string) => [...body().querySelectorAll<HTMLButtonElement>('.el-message-box button')].find((b) => b.textContent?.trim() === text)

/** Mounts an action dialog closed, then opens it (as the asset page does). */
async function openDialog(component: typeof CustodianDialog | typeof StatusDialog) {
  const wrapper = mount(component as typeof CustodianDialog, {
    props: { modelValue: false, asset },
    attachTo: body(),
    global: { plugins: [ElementPlus, createPinia()] },
  })
  await wrapper.setProps({ modelValue: true })
  await tick()
  return wrapper
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('warnings need a confirmation (NEEDS_CONFIRMATION → acceptWarnings)', () => {
  it('lists each warning and, on 确认保存, sends the save again with acceptWarnings: true', async () => {
    const calls = fakeApi({
      'orgs.search': { ok: true, data: [owner] },
      'assets.setCustodian': (input) =>
        (input as { acceptWarnings?: boolean }).acceptWarnings
          ? saved
          : { ok: false, code: 'NEEDS_CONFIRMATION', message: '有 1 条需要确认的提示：「联系电话」未填写管护责任人联系电话', details: [warning] },
    })
    const wrapper = await openDialog(CustodianDialog)
    type(byTestId('custody-person') as HTMLInputElement, '王建国')
    await tick()
    byTestId('dialog-save')!.click()
    await tick()

    const box = body().querySelector('.el-message-box')
    expect(box).not.toBeNull()
    expect(box!.querySelector('[data-testid="warning-list"]')!.textContent).toContain('「联系电话」未填写管护责任人联系电话')
    buttonNamed('确认保存')!.click()
    await tick()

    const saves = calls.filter((c) => c.channel === 'assets.setCustodian')
    expect(saves).toHaveLength(2)
    expect(saves[0].input).toMatchObject({ id: 12, custodian: { id: 7 }, person: '王建国', acceptWarnings: false })
    expect(saves[1].input).toMatchObject({ id: 12, custodian: { id: 7 }, person: '王建国', acceptWarnings: true })
    expect(wrapper.emitted('saved')?.[0]?.[0]).toBe('已指定管护责任人 王建国')
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([false])
  })

  it('sends nothing more when the user chooses 返回修改', async () => {
    const calls = fakeApi({
      'orgs.search': { ok: true, data: [owner] },
      'assets.setCustodian': { ok: false, code: 'NEEDS_CONFIRMATION', message: '有 1 条需要确认的提示', details: [warning] },
    })
    const wrapper = await openDialog(CustodianDialog)
    type(byTestId('custody-person') as HTMLInputElement, '王建国')
    await tick()
    byTestId('dialog-save')!.click()
    await tick()
    buttonNamed('返回修改')!.click()
    await tick()
    expect(calls.filter((c) => c.channel === 'assets.setCustodian')).toHaveLength(1)
    expect(wrapper.emitted('saved')).toBeUndefined()
  })

  it('puts an error under its field and keeps the dialog open', async () => {
    const calls = fakeApi({
      'assets.changeStatus': {
        ok: false,
        code: 'INVALID',
        message: '有 1 处错误，未保存：「盘活措施」状态为「闲置」时必须填写盘活措施',
        details: [{ level: 'E', field: 'measures', label: '盘活措施', message: '状态为「闲置」时必须填写盘活措施' }],
      },
    })
    const wrapper = await openDialog(StatusDialog)
    // Pick 闲置 in the status select.
    ;(wrapper.findComponent({ name: 'ElSelect' }).vm as unknown as { $emit: (e: string, v: string) => void }).$emit('update:modelValue', '闲置')
    await tick()
    expect(byTestId('status-measures')).not.toBeNull()
    type(byTestId('status-note') as HTMLTextAreaElement as unknown as HTMLInputElement, '承包户退租，暂无人经营')
    byTestId('dialog-save')!.click()
    await tick()
    expect(calls.at(-1)).toMatchObject({ channel: 'assets.changeStatus', input: { id: 12, status: '闲置', note: '承包户退租，暂无人经营', measures: '' } })
    await new Promise((r) => setTimeout(r, 150)) // Element Plus shows a form item's error after 100 ms
    await flushPromises()
    const item = byTestId('status-measures')!.closest('.el-form-item')!
    expect(item.classList.contains('is-error')).toBe(true)
    expect(item.textContent).toContain('状态为「闲置」时必须填写盘活措施')
    expect(body().querySelector('.el-message--error')?.textContent).toContain('未保存')
    expect(wrapper.emitted('saved')).toBeUndefined()
  })

  it('saveWithConfirm passes other failures through untouched', async () => {
    fakeApi({ 'assets.get': { ok: false, code: 'NOT_FOUND', message: '未找到资产（9）' } })
    await expect(saveWithConfirm(() => call('assets.get', { id: 9 }))).rejects.toMatchObject({ code: 'NOT_FOUND', message: '未找到资产（9）' })
  })
})
