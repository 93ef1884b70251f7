/**
 * THE CONTRACT: every channel the renderer may call, with its input schema and output type.
 * The main process validates input against these schemas; preload exposes only these names;
 * the renderer's typed client and the test web bridge are built from this one map.
 * Adding a channel: one entry in an area's channels file, one handler beside it in handlers.ts.
 */
import type { z } from 'zod'
import { assetChannels } from './channels/assets'
import { demoChannels } from './channels/demo'
import { exportChannels } from './channels/exports'
import { foundationChannels } from './channels/foundation'
import { householdChannels } from './channels/households'
import { importChannels } from './channels/imports'
import { printChannels } from './channels/print'
import { projectChannels } from './channels/projects'

export const contract = {
  ...foundationChannels,
  ...assetChannels,
  ...householdChannels,
  ...demoChannels,
  ...exportChannels,
  ...printChannels,
  ...projectChannels,
  ...importChannels,
}

export type Contract = typeof contract
export type Channel = keyof Contract
/** What a caller sends (defaults optional). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>
/** What a handler receives after validation (defaults filled). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type Output<C extends Channel> = NonNullable<Contract[C]['output']>

export type ApiFailure = { ok: false; code: string; message: string; details?: unknown }
export type ApiResult<T> = { ok: true; data: T } | ApiFailure

export const channelNames = Object.keys(contract) as Channel[]
export const isChannel = (name: unknown): name is Channel => typeof name === 'string' && Object.hasOwn(contract, name)
