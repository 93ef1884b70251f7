import { describe, expect, it } from 'vitest'
import { ApiError, call } from '../../src-renderer/src/api'
import { fakeApi } from './support'

describe('typed api client', () => {
  it('returns the data of a successful call and passes the input through', async () => {
    const calls = fakeApi({ 'regions.rename': { ok: true, data: { code: '150422100201', name: '福山村' } } })
    const row = await call('regions.rename', { code: '150422100201', name: '福山村' })
    expect(row).toEqual({ code: '150422100201', name: '福山村' })
    expect(calls).toEqual([{ channel: 'regions.rename', input: { code: '150422100201', name: '福山村' } }])
  })

  it('throws ApiError carrying the Chinese message and field errors', async () => {
    fakeApi({
      'regions.rename': {
        ok: false,
        code: 'INVALID_INPUT',
        message: '输入有误：「名称」不能为空',
        details: [{ field: 'name', label: '名称', message: '不能为空' }],
      },
    })
    const error = await call('regions.rename', { code: '150422100201', name: '' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).message).toBe('输入有误：「名称」不能为空')
    expect((error as ApiError).code).toBe('INVALID_INPUT')
    expect((error as ApiError).fieldErrors).toEqual({ name: '不能为空' })
  })

  it('sends an empty object for channels without input', async () => {
    const calls = fakeApi({ 'app.info': { ok: true, data: { setupDone: false } } })
    await call('app.info')
    expect(calls[0].input).toEqual({})
  })
})
