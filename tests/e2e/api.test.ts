import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelNames } from '../../src-main/api/contract'
import { startBridge } from '../../src-main/web/bridge'

describe('测试桥：接口清单与非法调用', () => {
  let bridge: Awaited<ReturnType<typeof startBridge>>
  const post = async (channel: string, body: string) => {
    const res = await fetch(`${bridge.url}/api/${channel}`, { method: 'POST', body })
    return { status: res.status, json: (await res.json()) as { ok: boolean; code?: string; message?: string; data?: unknown } }
  }
  beforeAll(async () => {
    bridge = await startBridge({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'ledger-api-')) })
    const done = await post(
      'setup.complete',
      JSON.stringify({ countyCode: '150422', townCodes: ['150422100000'], unitName: '巴林左旗农牧局', moneyUnit: '万元', assetLabel: '帮扶项目资产', startYear: 2012 }),
    )
    expect(done.json.ok).toBe(true)
  })
  afterAll(async () => {
    await bridge?.close()
  })

  it('binds to 127.0.0.1 only', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('GET /api lists every channel with its input as JSON Schema', async () => {
    const res = await fetch(`${bridge.url}/api`)
    const body = (await res.json()) as { channels: { name: string; input: { type: string; properties: Record<string, unknown>; required?: string[] } }[] }
    expect(body.channels.map((c) => c.name).sort()).toEqual([...channelNames].sort())
    const rename = body.channels.find((c) => c.name === 'regions.rename')!
    expect(rename.input.type).toBe('object')
    expect(rename.input.required).toEqual(expect.arrayContaining(['code', 'name']))
    expect(rename.input.properties.code).toMatchObject({ type: 'string', pattern: '^\\d{12}$' })
  })

  it('a malformed call gets {ok:false} with a Chinese message and changes nothing', async () => {
    const before = await post('audit.list', '{}')
    const bad = await post('regions.rename', JSON.stringify({ code: '1504', name: '' }))
    expect(bad.json.ok).toBe(false)
    expect(bad.json.code).toBe('INVALID_INPUT')
    expect(bad.json.message).toMatch(/区划代码.*12位数字/)
    expect(bad.json.message).toContain('「名称」')
    const wrongType = await post('settings.update', JSON.stringify({ values: 'abc' }))
    expect(wrongType.json.ok).toBe(false)
    const after = await post('audit.list', '{}')
    expect((after.json.data as { total: number }).total).toBe((before.json.data as { total: number }).total)
  })

  it('rejects unknown channels, bad JSON and other methods', async () => {
    const unknown = await post('assets.dropAll', '{}')
    expect(unknown.json).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' })
    expect(unknown.json.message).toContain('没有名为「assets.dropAll」的功能接口')
    const badJson = await post('app.info', '{not json')
    expect(badJson.status).toBe(400)
    expect(badJson.json.message).toContain('不是合法的 JSON')
    const proto = await post('__proto__', '{}')
    expect(proto.json.code).toBe('UNKNOWN_CHANNEL')
    const get = await fetch(`${bridge.url}/api/app.info`)
    expect(get.status).toBe(405)
  })

  it('serves the renderer with window.api provided over HTTP and refuses paths outside it', async () => {
    const html = await (await fetch(`${bridge.url}/`)).text()
    expect(html).toContain('<script src="/__bridge.js"></script>')
    expect(html).toContain('Content-Security-Policy')
    const escape = await fetch(`${bridge.url}/..%2F..%2Fpackage.json`)
    expect([403, 404]).toContain(escape.status)
  })
})
