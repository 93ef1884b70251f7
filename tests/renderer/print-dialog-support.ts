/** Mounting PrintDialog against a fake API: its templates and region tree given by the test. */
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { afterEach } from 'vitest'
import PrintDialog from '../../src-renderer/src/components/print/PrintDialog.vue'
import { fakeApi } from './support'

/** Lets the dialog's calls and Element Plus's transitions settle. */
export const tick = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 30))
  await flushPromises()
}

export const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)

/** Opens the dialog with a preset; the fake API answers print.templates and regions.tree. Cleans the page after each test. */
export function printDialogOpener(templates: unknown[], tree: unknown[]) {
  afterEach(() => {
    document.body.innerHTML = ''
  })
  return async (preset: Record<string, unknown>) => {
    const calls = fakeApi({ 'print.templates': { ok: true, data: templates }, 'regions.tree': { ok: true, data: tree } })
    const wrapper = mount(PrintDialog, { props: { modelValue: true, preset }, attachTo: document.body, global: { plugins: [ElementPlus] } })
    await tick()
    return { wrapper, calls }
  }
}
