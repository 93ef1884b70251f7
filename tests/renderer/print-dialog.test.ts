import { describe, expect, it } from 'vitest'
import { byTestId, printDialogOpener, tick } from './print-dialog-support'

const templates = [
  { key: 'ledger', label: '资产台账', scopes: ['county', 'town', 'village'], paper: 'A4', orientation: 'landscape', variants: true, defaultVariant: '公示版', available: true },
  { key: 'assetCard', label: '资产登记卡片', scopes: ['asset', 'village'], paper: 'A4', orientation: 'portrait', variants: true, defaultVariant: '内部版', available: true },
  { key: 'handover', label: '资产移交书', scopes: ['asset', 'village'], paper: 'A4', orientation: 'portrait', variants: false, defaultVariant: '内部版', available: true },
  { key: 'projectEntry', label: '项目入库公示', scopes: ['project'], paper: 'A4', orientation: 'portrait', variants: false, defaultVariant: '内部版', available: false },
]
const tree = [{ code: '150422000000', name: '巴林左旗', active: true, children: [{ code: '150422100000', name: '林东镇', active: true, children: [{ code: '150422100201', name: '福山地村', active: true, children: [] }] }] }]

const open = printDialogOpener(templates, tree)

describe('PrintDialog', () => {
  it('previews the ledger of the 乡镇 the ledger was filtered to, 公示版 on A4 landscape, in the frame', async () => {
    const { calls, wrapper } = await open({ template: 'ledger', class: '公益类', townCode: '150422100000' })
    const pdfCalls = calls.filter((c) => c.channel === 'print:pdf')
    expect(pdfCalls).toHaveLength(1)
    expect(pdfCalls[0].input).toMatchObject({ template: 'ledger', class: '公益类', townCode: '150422100000', variant: '公示版', paper: 'A4', orientation: 'landscape', groupBy: 'village' })
    expect(byTestId('print-preview')?.getAttribute('src')).toBe('/outbox/00000000-0000-4000-8000-000000000001')
    // no printers behind the bridge: 打印 saves the PDF (the same file, not a second job)
    byTestId('print-print')!.click()
    await tick()
    expect(calls.filter((c) => c.channel === 'print:pdf')).toHaveLength(1)
    expect(calls.filter((c) => c.channel === 'files:save').map((c) => c.input)).toEqual([{ fileId: '00000000-0000-4000-8000-000000000001' }])
    expect(calls.some((c) => c.channel === 'print:print')).toBe(false)
    wrapper.unmount()
  })

  it('offers the asset forms for an asset, 内部版 by default, and only available templates', async () => {
    const { calls, wrapper } = await open({ template: 'assetCard', assetId: 12, assetName: '福山地村2021年通村水泥路', villageCode: '150422100201', townCode: '150422100000' })
    expect(calls.find((c) => c.channel === 'print:pdf')?.input).toMatchObject({ template: 'assetCard', assetId: 12, variant: '内部版', orientation: 'portrait' })
    expect(document.body.textContent).toContain('本资产（福山地村2021年通村水泥路）')
    expect(document.body.textContent).not.toContain('项目入库公示')
    wrapper.unmount()
  })

  it('asks for a village before a batch and makes no job without one', async () => {
    const { calls, wrapper } = await open({ template: 'assetCard' })
    expect(calls.some((c) => c.channel === 'print:pdf')).toBe(false)
    expect(document.body.textContent).toContain('请选择村（嘎查）')
    byTestId('print-save-pdf')!.click()
    await tick()
    expect(byTestId('print-error')?.textContent).toContain('请选择村（嘎查）')
    expect(calls.some((c) => c.channel === 'print:pdf')).toBe(false)
    wrapper.unmount()
  })
})
