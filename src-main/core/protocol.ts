import type { ApiResult, Channel } from '../api/contract'
import type { MigrationResult } from '../db/migrate'
import type { ProgressEvent } from './service-host'

export type CoreRequest = { type: 'call'; id: number; channel: Channel; input: unknown } | { type: 'close' }

export type CoreReply =
  | { type: 'ready'; migration: MigrationResult }
  | { type: 'failed'; failure: ApiResult<never> }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'progress'; progress: ProgressEvent }
  | { type: 'closed' }
