import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { HouseholdRow } from '../../src-main/api/types/households'
import HouseholdsView from '../../src-renderer/src/views/HouseholdsView.vue'
import { fakeApi } from './support'

const Blank = defineComponent({ render: () => h('div') })

const household: HouseholdRow = {
  id: 7,
  householdCode: null,
  headName: '王秀兰',
  idNo: '1504**********1523',
  size: 4,
  attribute: '监测对象（边缘易致贫户）',
  riskEliminated: false,
  exitYear: null,
  townCode: '150422100000',
  townName: '林东镇',
  villageCode: '150422100201',
  villageName: '福山地村',
  groupName: '三组',
  phone: '138****5678',
  lineCount: 2,
  amountFen: 1_200_000,
}
const tree = [
  {
    code: '150422000000',
    name: '巴林左旗',
    active: true,
    children: [{ code: '150422100000', name: '林东镇', active: true, children: [{ code: '150422100201', name: '福山地村', active: true, children: [] }] }],
  },
]
const idError = {
  ok: false as const,
  code: 'INVALID',
  message: '有 1 处错误，未保存：身份证号：校验位不对，应为“3”，请核对后重新填写',
  details: [{ level: 'E', field: 'idNo', label: '身份证号', message: '身份证号校验位不对，应为“3”，请核对后重新填写' }],
}

const $ = <T extends Element = HTMLElement>(selector: string) => document.body.querySelector<T>(selector)
function type(testId: string, value: string) {
  const el = $<HTMLInputElement>(`[data-testid="${testId}"]`)!
  const input = el.tagName === 'INPUT' ? el : el.querySelector('input')!
  input.value = value
  input.dispatchEvent(new Event('input'))
}
/** Element Plus shows a form item's error after a short debounce. */
async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}
/** The form item (label + error) that holds the field with this test id. */
const itemOf = (testId: string) => $(`[data-testid="${testId}"]`)!.closest('.el-form-item')!

async function mountView(replies: Parameters<typeof fakeApi>[0]) {
  const calls = fakeApi({
    'regions.tree': { ok: true, data: tree },
    'households.list': { ok: true, data: { rows: [household], total: 1 } },
    ...replies,
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/households', component: HouseholdsView },
      { path: '/household-lines', component: Blank },
    ],
  })
  await router.push('/households')
  const wrapper = mount(HouseholdsView, { attachTo: document.body, global: { plugins: [[ElementPlus, { locale: zhCn }], router] } })
  await flushPromises()
  return { wrapper, router, calls }
}

describe('农户登记', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('lists households with the ID number and phone masked as the server sends them', async () => {
    const { wrapper, calls } = await mountView({})
    expect(calls.find((c) => c.channel === 'households.list')!.input).toEqual({
      townCode: undefined,
      villageCode: undefined,
      attribute: undefined,
      q: undefined,
      sort: 'villageName',
      order: 'asc',
      page: 1,
      pageSize: 50,
    })
    const text = wrapper.get('[data-testid="household-table"]').text()
    expect(text).toContain('王秀兰')
    expect(text).toContain('1504**********1523')
    expect(text).toContain('138****5678')
    expect(text).toContain('未消除')
    expect(text).toContain('12,000.00')
  })

  it('shows the full ID number on request, through households.get with reveal', async () => {
    const { wrapper, calls } = await mountView({
      'households.get': { ok: true, data: { ...household, idNo: '150422198003151523', phone: '13812345678', bankAccount: '' } },
    })
    await wrapper.get('[data-testid="reveal-7"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.channel === 'households.get')!.input).toEqual({ id: 7, reveal: true })
    expect(wrapper.get('[data-testid="id-no"]').text()).toBe('150422198003151523')
    expect(wrapper.text()).toContain('13812345678')
    await wrapper.get('[data-testid="reveal-7"]').trigger('click')
    expect(wrapper.get('[data-testid="id-no"]').text()).toBe('1504**********1523')
  })

  it('shows the server message for a wrong ID number under 身份证号, and keeps the dialog open', async () => {
    const { wrapper, calls } = await mountView({ 'households.create': idError })
    await wrapper.get('[data-testid="household-add"]').trigger('click')
    await flushPromises()
    type('hh-headName', '李振国')
    type('hh-idNo', '150422198003151524')
    await flushPromises()
    $<HTMLButtonElement>('[data-testid="hh-save"]')!.click()
    await settle()

    const create = calls.find((c) => c.channel === 'households.create')!
    expect(create.input).toMatchObject({ headName: '李振国', idNo: '150422198003151524', size: 1, attribute: '脱贫户', acceptWarnings: false })
    const item = itemOf('hh-idNo')
    expect(item.querySelector('.el-form-item__label')!.textContent).toBe('身份证号')
    expect(item.querySelector('.el-form-item__error')!.textContent!.trim()).toBe('身份证号校验位不对，应为“3”，请核对后重新填写')
    expect(itemOf('hh-headName').querySelector('.el-form-item__error')).toBeNull()
    expect($('[data-testid="household-form-error"]')!.textContent).toContain('请按红字提示修改')

    // Correcting the number clears the message.
    type('hh-idNo', '150422198003151523')
    await settle()
    expect(itemOf('hh-idNo').querySelector('.el-form-item__error')).toBeNull()
  })

  it('asks to confirm warnings and saves again with acceptWarnings', async () => {
    let n = 0
    const { wrapper, calls } = await mountView({
      'households.create': () =>
        ++n === 1
          ? {
              ok: false,
              code: 'NEEDS_CONFIRMATION',
              message: '有 1 条需要确认的提示',
              details: [{ level: 'W', field: 'idNo', label: '身份证号', message: '身份证号不是本旗县（15）的号码，请核实' }],
            }
          : { ok: true, data: { id: 8, code: '', findings: [] } },
    })
    await wrapper.get('[data-testid="household-add"]').trigger('click')
    await flushPromises()
    type('hh-headName', '李振国')
    type('hh-idNo', '110101199003071234')
    $<HTMLButtonElement>('[data-testid="hh-save"]')!.click()
    await flushPromises()
    const box = $('.el-message-box')!
    expect(box.textContent).toContain('身份证号不是本旗县（15）的号码，请核实')
    const confirm = [...box.querySelectorAll('button')].find((b) => b.textContent!.includes('确认保存'))!
    confirm.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    await flushPromises()
    const creates = calls.filter((c) => c.channel === 'households.create')
    expect(creates.map((c) => (c.input as { acceptWarnings: boolean }).acceptWarnings)).toEqual([false, true])
    expect(calls.filter((c) => c.channel === 'households.list')).toHaveLength(2)
  })

  it('opens the asset lines of a household from its row', async () => {
    const { wrapper, router } = await mountView({})
    await wrapper.get('[data-testid="household-table"] .el-table__body tr').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/household-lines')
    expect(router.currentRoute.value.query).toEqual({ householdId: '7', name: '王秀兰' })
  })
})
