import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'
import AuditHistory from '../../src-renderer/src/components/AuditHistory.vue'
import { fakeApi } from './support'

const entry = (id: number, summary: string, extra: Record<string, unknown> = {}) => ({
  id,
  at: '2026-11-29 10:00:00.123',
  user: '张会计',
  entity: 'region',
  entityId: '150422100201',
  entityName: '福山村',
  action: 'update',
  summary,
  before: { name: '福山地村', kind: '村' },
  after: { name: '福山村', kind: '村' },
  ...extra,
})

describe('AuditHistory', () => {
  it('asks for the history of one record and shows who changed what', async () => {
    const calls = fakeApi({ 'audit.list': { ok: true, data: { rows: [entry(2, '更名：福山地村 → 福山村')], total: 1 } } })
    const wrapper = mount(AuditHistory, { props: { entity: 'region', entityId: '150422100201' }, global: { plugins: [ElementPlus] } })
    await flushPromises()
    expect(calls[0]).toEqual({ channel: 'audit.list', input: { entity: 'region', entityId: '150422100201', page: 1, pageSize: 20 } })
    const text = wrapper.text()
    expect(text).toContain('张会计')
    expect(text).toContain('区划：福山村')
    expect(text).toContain('修改')
    expect(text).toContain('更名：福山地村 → 福山村')
    expect(text).toContain('2026-11-29 10:00:00')
    expect(text).not.toContain('.123')
  })

  it('shows the empty state when a record has no history', async () => {
    fakeApi({ 'audit.list': { ok: true, data: { rows: [], total: 0 } } })
    const wrapper = mount(AuditHistory, { props: { entity: 'region', entityId: 'x' }, global: { plugins: [ElementPlus] } })
    await flushPromises()
    expect(wrapper.text()).toContain('暂无变动记录')
  })

  it('shows the error with a retry that loads again', async () => {
    let fail = true
    const calls = fakeApi({
      'audit.list': () =>
        fail ? { ok: false, code: 'BUSY', message: '数据文件正被占用，请稍后再试。' } : { ok: true, data: { rows: [entry(1, '首次设置')], total: 1 } },
    })
    const wrapper = mount(AuditHistory, { global: { plugins: [ElementPlus] } })
    await flushPromises()
    expect(wrapper.text()).toContain('数据文件正被占用，请稍后再试。')
    fail = false
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(calls).toHaveLength(2)
    expect(wrapper.text()).toContain('首次设置')
  })
})
