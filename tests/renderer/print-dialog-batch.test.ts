/** PrintDialog for project notices in a batch (from the project list): project templates without a project, a 项目年度, 乡镇/村 optional. */
import { describe, expect, it } from 'vitest'
import { byTestId, printDialogOpener, tick } from './print-dialog-support'

const project = { scopes: ['project', 'projects'], paper: 'A4', orientation: 'portrait', variants: false, defaultVariant: '内部版', available: true }
const templates = [
  { key: 'ledger', label: '资产台账', scopes: ['county', 'town', 'village'], paper: 'A4', orientation: 'landscape', variants: true, defaultVariant: '公示版', available: true },
  { key: 'projectEntry', label: '项目入库公示', ...project, batchNote: '批量打印：所选年度已通过论证（拟入库）和已入库的项目' },
  { key: 'projectPlan', label: '项目计划公告', ...project, batchNote: '批量打印：所选年度已纳入年度计划的项目' },
  { key: 'projectCompletion', label: '项目竣工公告', ...project, batchNote: '批量打印：所选年度已完工的项目' },
]
const tree = [{ code: '150422000000', name: '巴林左旗', active: true, children: [{ code: '150422100000', name: '林东镇', active: true, children: [] }] }]

const open = printDialogOpener(templates, tree)

describe('PrintDialog, project notices in a batch', () => {
  it('offers the three notices (not the ledger) and previews the year and 乡镇 of the list', async () => {
    const { calls, wrapper } = await open({ projectBatch: true, projectYear: 2026, townCode: '150422100000' })
    expect(calls.filter((c) => c.channel === 'print:pdf').map((c) => c.input)).toEqual([
      { template: 'projectEntry', variant: '内部版', paper: 'A4', orientation: 'portrait', projectYear: 2026, townCode: '150422100000', villageCode: undefined },
    ])
    expect(byTestId('print-batch-note')?.textContent).toContain('已通过论证（拟入库）和已入库的项目')
    expect(byTestId('print-project-year')).not.toBeNull()
    const options = [...document.body.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim())
    expect(options).toEqual(expect.arrayContaining(['项目入库公示', '项目计划公告', '项目竣工公告']))
    expect(options).not.toContain('资产台账')
    wrapper.unmount()
  })

  it('asks for the year before a batch and makes no job without one', async () => {
    const { calls, wrapper } = await open({ projectBatch: true })
    expect(calls.some((c) => c.channel === 'print:pdf')).toBe(false)
    expect(document.body.textContent).toContain('请选择项目年度')
    byTestId('print-save-pdf')!.click()
    await tick()
    expect(byTestId('print-error')?.textContent).toContain('请选择项目年度')
    wrapper.unmount()
  })

  it('still prints one project from the project page', async () => {
    const { calls, wrapper } = await open({ template: 'projectPlan', projectId: 7 })
    expect(calls.find((c) => c.channel === 'print:pdf')?.input).toEqual({ template: 'projectPlan', variant: '内部版', paper: 'A4', orientation: 'portrait', projectId: 7 })
    expect(byTestId('print-project-year')).toBeNull()
    wrapper.unmount()
  })
})
