import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ProblemRow } from '../../src-main/api/types/assets'
import ProblemsView from '../../src-renderer/src/views/ProblemsView.vue'
import { fakeApi } from './support'

const Blank = defineComponent({ render: () => h('div') })

const row = (i: number, kind: ProblemRow['kind'] = '无管护主体'): ProblemRow => ({
  kind,
  assetId: 100 + i,
  assetCode: `150422G2021${String(i).padStart(5, '0')}`,
  assetName: `第${i}条通村路`,
  class: '公益类',
  townName: '林东镇',
  villageName: i % 2 ? '福山地村' : null,
  message: '未指定管护主体和管护责任人',
})
const counts = [
  { kind: '无管护主体', count: 120 },
  { kind: '无所有权人', count: 4 },
  { kind: '已确权未移交', count: 0 },
]

function api() {
  return fakeApi({
    'regions.tree': { ok: true, data: [{ code: '150422000000', name: '巴林左旗', children: [{ code: '150422100000', name: '林东镇', children: [] }] }] },
    'assets.problems': (input) => {
      const { page, pageSize, kind } = input as { page: number; pageSize: number; kind?: string }
      const total = kind === '无所有权人' ? 4 : 120
      const from = (page - 1) * pageSize
      const rows = Array.from({ length: Math.max(0, Math.min(pageSize, total - from)) }, (_, i) => row(from + i + 1, kind === '无所有权人' ? '无所有权人' : '无管护主体'))
      return { ok: true, data: { rows, total, counts } }
    },
  })
}

async function mountAt(path: string) {
  const calls = api()
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/problems', component: ProblemsView },
      { path: '/assets/:id', component: Blank },
    ],
  })
  await router.push(path)
  const wrapper = mount(ProblemsView, { global: { plugins: [[ElementPlus, { locale: zhCn }], router] } })
  await flushPromises()
  return { wrapper, router, calls: { at: (i: number) => calls.filter((c) => c.channel === 'assets.problems').at(i) } }
}

describe('问题清单', () => {
  it('takes the kind from the address, shows the counts per kind and a page of rows', async () => {
    const { wrapper, calls } = await mountAt('/problems?kind=无管护主体')
    expect(calls.at(0)!.input).toEqual({ kind: '无管护主体', townCode: undefined, page: 1, pageSize: 50 })
    const kinds = wrapper.get('[data-testid="problem-kinds"]').text()
    expect(kinds).toContain('全部（124）')
    expect(kinds).toContain('无管护主体（120）')
    expect(kinds).toContain('已确权未移交（0）')
    expect(wrapper.get('[data-testid="problem-kinds"] .is-active').text()).toBe('无管护主体（120）')
    const rows = wrapper.findAll('[data-testid="problem-table"] .el-table__body tr')
    expect(rows).toHaveLength(50)
    expect(rows[0].text()).toContain('150422G202100001')
    expect(rows[0].text()).toContain('第1条通村路')
    expect(rows[0].text()).toContain('福山地村')
    expect(rows[0].text()).toContain('未指定管护主体和管护责任人')
    expect(wrapper.text()).toContain('共 120 条')
  })

  it('pages through the list on the server', async () => {
    const { wrapper, calls } = await mountAt('/problems?kind=无管护主体')
    await wrapper.get('.el-pagination .btn-next').trigger('click')
    await flushPromises()
    expect(calls.at(-1)!.input).toMatchObject({ kind: '无管护主体', page: 2, pageSize: 50 })
    expect(wrapper.findAll('[data-testid="problem-table"] .el-table__body tr')[0].text()).toContain('150422G202100051')
    await wrapper.findAll('.el-pagination .el-pager li').at(-1)!.trigger('click')
    await flushPromises()
    expect(calls.at(-1)!.input).toMatchObject({ page: 3 })
    expect(wrapper.findAll('[data-testid="problem-table"] .el-table__body tr')).toHaveLength(20)
  })

  it('links each row to its asset page', async () => {
    const { wrapper, router } = await mountAt('/problems')
    const link = wrapper.get('[data-testid="problem-table"] .el-table__body tr a')
    expect(link.attributes('href')).toBe('/assets/101')
    await wrapper.findAll('[data-testid="problem-table"] .el-table__body tr')[2].trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/assets/103')
  })

  it('switches the kind through the address and starts again at page 1', async () => {
    const { wrapper, router, calls } = await mountAt('/problems')
    expect(calls.at(0)!.input).toMatchObject({ kind: undefined })
    const button = wrapper.findAll('[data-testid="problem-kinds"] label').find((l) => l.text().startsWith('无所有权人'))!
    await button.get('input').setValue(true)
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ kind: '无所有权人' })
    expect(calls.at(-1)!.input).toMatchObject({ kind: '无所有权人', page: 1 })
    expect(wrapper.findAll('[data-testid="problem-table"] .el-table__body tr')).toHaveLength(4)
  })

  it('shows the error with a retry', async () => {
    fakeApi({ 'regions.tree': { ok: true, data: [] }, 'assets.problems': { ok: false, code: 'BUSY', message: '数据文件正被占用，请稍后再试。' } })
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/problems', component: ProblemsView }] })
    await router.push('/problems')
    const wrapper = mount(ProblemsView, { global: { plugins: [[ElementPlus, { locale: zhCn }], router] } })
    await flushPromises()
    expect(wrapper.text()).toContain('数据文件正被占用，请稍后再试。')
  })
})
