import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { OverviewData } from '../../src-main/api/types/assets'
import { drillTarget } from '../../src-renderer/src/components/charts/overview-options'
import { useAppStore } from '../../src-renderer/src/stores/app'
import HomeView from '../../src-renderer/src/views/HomeView.vue'
import { fakeApi } from './support'

/** ECharts needs a real canvas: the chart is replaced by a stub that can emit `pick` like a click would. */
const ChartStub = defineComponent({
  name: 'EChart',
  props: { option: { type: Object, required: true }, label: { type: String, required: true }, height: Number, axis: String },
  emits: ['pick'],
  setup: (props) => () => h('div', { class: 'chart-stub', 'data-label': props.label }),
})

const town = (code: string, name: string, villages: number) => ({
  code,
  name,
  kind: code.startsWith('1504222') ? '苏木' : '镇',
  level: 4,
  active: true,
  parentCode: '150422000000',
  isFormerPoorVillage: false,
  isKeyVillage: false,
  isRelocationSite: false,
  mergedInto: null,
  children: Array.from({ length: villages }, (_, i) => ({
    code: `${code.slice(0, 9)}${String(200 + i)}`,
    name: `${name}第${i + 1}村`,
    kind: '村',
    level: 5,
    active: true,
    parentCode: code,
    isFormerPoorVillage: i === 0,
    isKeyVillage: false,
    isRelocationSite: false,
    mergedInto: null,
    children: [],
  })),
})
const tree = [{ code: '150422000000', name: '巴林左旗', level: 3, active: true, children: [town('150422100000', '林东镇', 3), town('150422101000', '隆昌镇', 2)] }]

const overview: OverviewData = {
  byClass: [
    { class: '公益类', count: 3, originalValueFen: 450_000_000 },
    { class: '经营类', count: 1, originalValueFen: 80_000_000 },
  ],
  byTown: [
    { townCode: '150422100000', townName: '林东镇', count: 3, originalValueFen: 300_000_000 },
    { townCode: '150422101000', townName: '隆昌镇', count: 1, originalValueFen: 230_000_000 },
  ],
  byYear: [
    { year: 2021, count: 2, originalValueFen: 200_000_000 },
    { year: 2023, count: 2, originalValueFen: 330_000_000 },
  ],
  byStatus: [
    { status: '正常', count: 3, originalValueFen: 450_000_000 },
    { status: '闲置', count: 1, originalValueFen: 80_000_000 },
  ],
  progress: { total: 4, confirmed: 2, handedOver: 1, inCustody: 1 },
  problems: [
    { kind: '无管护主体', count: 3 },
    { kind: '已确权未移交', count: 1 },
    { kind: '日期顺序', count: 0 },
  ],
  households: { count: 5, lines: 7, amountFen: 4_200_000 },
}

const empty: OverviewData = {
  ...overview,
  byClass: [],
  byTown: overview.byTown.map((t) => ({ ...t, count: 0, originalValueFen: 0 })),
  byYear: [],
  byStatus: [],
  progress: { total: 0, confirmed: 0, handedOver: 0, inCustody: 0 },
  problems: overview.problems.map((p) => ({ ...p, count: 0 })),
  households: { count: 0, lines: 0, amountFen: 0 },
}

const Blank = defineComponent({ render: () => h('div') })

async function mountHome(data: OverviewData) {
  const calls = fakeApi({
    'regions.tree': { ok: true, data: tree },
    'assets.overview': { ok: true, data },
  })
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().info = { moneyUnit: '万元', unitName: '巴林左旗农牧局', county: { code: '150422', name: '巴林左旗', fullName: '内蒙古自治区赤峰市巴林左旗' } } as never
  const router: Router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/home', component: HomeView },
      { path: '/ledger/:kind', component: Blank },
      { path: '/problems', component: Blank },
      { path: '/households', component: Blank },
    ],
  })
  await router.push('/home')
  const wrapper = mount(HomeView, { global: { plugins: [ElementPlus, pinia, router], stubs: { EChart: ChartStub } } })
  await flushPromises()
  return { wrapper, router, calls }
}

const chart = (wrapper: Awaited<ReturnType<typeof mountHome>>['wrapper'], label: string) =>
  wrapper.findAllComponents(ChartStub).find((c) => c.props('label') === label)!

describe('总览', () => {
  beforeEach(() => {
    document.body.innerHTML = ''
  })

  it('loads the overview and the towns, and shows the totals in the county money unit', async () => {
    const { wrapper, calls } = await mountHome(overview)
    expect(calls.map((c) => c.channel).sort()).toEqual(['assets.overview', 'regions.tree'])
    expect(wrapper.get('[data-testid="stat-count"]').text()).toBe('4项')
    expect(wrapper.get('[data-testid="stat-value"]').text()).toBe('530.0000万元')
    const rows = wrapper.findAll('[data-testid="town-table"] .el-table__body tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('林东镇')
    expect(rows[0].text()).toContain('300.0000')
    expect(wrapper.findAllComponents(ChartStub).map((c) => c.props('label'))).toEqual(['按资产类别统计', '按资产状态统计', '按乡镇统计', '按资金年度统计'])
  })

  it('drills from each chart into the filtered ledger', async () => {
    const { wrapper, router } = await mountHome(overview)
    chart(wrapper, '按资产类别统计').vm.$emit('pick', { dataIndex: 1, name: '经营类' })
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/ledger/operating')

    await router.push('/home')
    chart(wrapper, '按乡镇统计').vm.$emit('pick', { dataIndex: 1, name: '隆昌镇' })
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/ledger/public')
    expect(router.currentRoute.value.query).toEqual({ townCode: '150422101000' })

    chart(wrapper, '按资金年度统计').vm.$emit('pick', { dataIndex: 1, name: '2023' })
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/ledger/public?fundYear=2023')

    chart(wrapper, '按资产状态统计').vm.$emit('pick', { dataIndex: 1, name: '闲置' })
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/ledger/public')
    expect(router.currentRoute.value.query).toEqual({ status: '闲置' })
  })

  it('opens the problem list of a kind, and a town row opens its ledger', async () => {
    const { wrapper, router } = await mountHome(overview)
    const items = wrapper.findAll('[data-testid="problem-counts"] li')
    expect(items.map((i) => i.text())).toEqual(['无管护主体3 项', '已确权未移交1 项', '日期顺序无'])
    await items[1].trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/problems')
    expect(router.currentRoute.value.query).toEqual({ kind: '已确权未移交' })

    await wrapper.findAll('[data-testid="town-table"] .el-table__body tr')[0].trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/ledger/public?townCode=150422100000')
  })

  it('shows the progress of 确权, 移交 and 管护 with links to what is missing', async () => {
    const { wrapper, router } = await mountHome(overview)
    const panel = wrapper.get('[data-testid="progress-panel"]')
    expect(panel.text()).toContain('公益类、经营类资产共 4 项')
    expect(panel.text()).toContain('50%')
    expect(panel.text()).toContain('25%')
    const link = panel.findAll('.el-link').find((l) => l.text().startsWith('未落实管护'))!
    expect(link.text()).toContain('3 项')
    await link.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ kind: '无管护主体' })
  })

  it('shows an empty state with a way to the 公益类 ledger when no asset is registered, and keeps the town table', async () => {
    const { wrapper, router } = await mountHome(empty)
    expect(wrapper.findAllComponents(ChartStub)).toHaveLength(0)
    expect(wrapper.get('[data-testid="overview-empty"]').text()).toContain('还没有登记资产')
    expect(wrapper.findAll('[data-testid="town-table"] .el-table__body tr')).toHaveLength(2)
    await wrapper.get('[data-testid="overview-empty-go"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/ledger/public')
  })

  it('drills into the first class that has assets when there are no 公益类 ones', () => {
    const operatingOnly = { ...overview, byClass: [{ class: '经营类' as const, count: 2, originalValueFen: 1 }] }
    expect(drillTarget(operatingOnly, 'status', 0)).toEqual({ path: '/ledger/operating', query: { status: '正常' } })
    expect(drillTarget(operatingOnly, 'year', 9)).toBeNull()
  })
})
