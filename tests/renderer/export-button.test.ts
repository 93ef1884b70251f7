import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'
import { call } from '../../src-renderer/src/api'
import ExportButton from '../../src-renderer/src/components/ExportButton.vue'
import { fakeApi } from './support'

const file = { fileId: '00000000-0000-4000-8000-00000000000a', fileName: '巴林左旗公益类资产台账.xlsx', bytes: 1234, sheets: [{ sheetName: '资产台账', rows: 91 }] }

describe('ExportButton', () => {
  it('runs the export channel, then hands the file to saveFile, and says how many rows', async () => {
    const calls = fakeApi({ 'exports.list': { ok: true, data: file } })
    const wrapper = mount(ExportButton, {
      props: { request: () => call('exports.list', { list: 'assets', filter: { class: '公益类' } }) },
      global: { plugins: [ElementPlus] },
      attachTo: document.body,
    })
    expect(wrapper.text()).toBe('导出Excel')
    await wrapper.find('button').trigger('click')
    await flushPromises()
    expect(calls.map((c) => c.channel)).toEqual(['exports.list', 'files:save'])
    expect(calls[1].input).toEqual({ fileId: file.fileId })
    expect(wrapper.emitted('exported')?.[0]).toEqual([file])
    expect(document.body.textContent).toContain('（91 行）')
    wrapper.unmount()
  })

  it('shows the core’s message when the export fails, and saves nothing', async () => {
    const calls = fakeApi({ 'exports.report': { ok: false, code: 'NOT_READY', message: '项目库功能尚未就绪，暂不能导出项目报表。' } })
    const wrapper = mount(ExportButton, {
      props: { request: () => call('exports.report', { report: 'R6' }), label: '导出报表' },
      global: { plugins: [ElementPlus] },
      attachTo: document.body,
    })
    await wrapper.find('button').trigger('click')
    await flushPromises()
    expect(calls.map((c) => c.channel)).toEqual(['exports.report'])
    expect(document.body.textContent).toContain('导出失败：项目库功能尚未就绪')
    expect(wrapper.find('button').attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  })
})
