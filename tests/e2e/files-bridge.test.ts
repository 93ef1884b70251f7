import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveInbox, writeOutboxFile } from '../../src-main/files/file-box'
import { openApp, type AppUnderTest } from './support'

describe('测试桥：文件选择（上传到收件箱）与保存（从发件箱下载）', () => {
  let app: AppUnderTest
  beforeAll(async () => {
    app = await openApp('files')
  })
  afterAll(async () => {
    await app?.close()
  })

  it('a file chosen in the page arrives in the inbox under an id, byte for byte', async () => {
    const source = join(app.dataDir, '..', `花名册-${Date.now()}.csv`)
    writeFileSync(source, Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('户主姓名,身份证号\n张三,150422\n')]))
    const picked = app.page.evaluate(() => window.api.files.pick({ title: '选择', extensions: ['csv', 'xlsx'] }))
    const input = app.page.locator('input[data-testid="file-picker-input"]')
    await input.waitFor({ state: 'attached' })
    expect(await input.getAttribute('accept')).toBe('.csv,.xlsx')
    await input.setInputFiles(source)
    const result = (await picked) as { ok: boolean; data: { fileId: string; fileName: string; bytes: number } }
    expect(result.ok).toBe(true)
    expect(result.data.fileName).toMatch(/^花名册-\d+\.csv$/)
    expect(readFileSync(resolveInbox(app.dataDir, result.data.fileId).path)).toEqual(readFileSync(source))
  })

  it('also works the way a user does it: a click opens the chooser, a file is chosen', async () => {
    const source = join(app.dataDir, '..', `gbk-${Date.now()}.csv`)
    writeFileSync(source, 'a,b\n')
    const chooser = app.page.waitForEvent('filechooser')
    const picked = app.page.evaluate(() => window.api.files.pick({}))
    await (await chooser).setFiles(source)
    const result = (await picked) as { ok: boolean; data: { fileId: string; bytes: number } }
    expect(result.data.bytes).toBe(4)
  })

  it('saving an outbox file downloads it with its Chinese name; the preview URL shows it inline', async () => {
    const made = writeOutboxFile(app.dataDir, '巴林左旗 R1 统计表.xlsx', 'report-bytes')
    const download = app.page.waitForEvent('download')
    await app.page.evaluate((fileId) => window.api.files.save(fileId), made.fileId)
    const file = await download
    expect(file.suggestedFilename()).toBe('巴林左旗 R1 统计表.xlsx')
    expect(readFileSync((await file.path())!, 'utf8')).toBe('report-bytes')
    const inline = await fetch(app.url + (await app.page.evaluate((id) => window.api.files.url(id), made.fileId)))
    expect(inline.headers.get('content-disposition')).toMatch(/^inline;/)
    expect(await inline.text()).toBe('report-bytes')
    expect((await fetch(`${app.url}/outbox/11111111-2222-4333-8444-555555555555`)).status).toBe(404)
  })
})
