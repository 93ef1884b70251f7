import type { CoreClient } from '../core/core-client'
import type { ApiResult } from './contract'
import { validateInput } from './validate'

/** The single entry for a call from outside (IPC or the test bridge): validate, then run in the core. */
export function createGateway(core: Pick<CoreClient, 'call'>) {
  return async function handle(channel: string, rawInput: unknown): Promise<ApiResult<unknown>> {
    const checked = validateInput(channel, rawInput)
    if (!checked.ok) return checked
    return core.call(checked.channel, checked.input)
  }
}
