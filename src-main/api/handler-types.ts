import type { z } from 'zod'
import type { ServiceContext } from '../services/context'

type ChannelMap = Record<string, { input: z.ZodType; output?: unknown }>

/** The service functions of one area's channels; the type makes a missing or mistyped one a compile error. */
export type HandlersOf<M extends ChannelMap> = {
  [C in keyof M]: (ctx: ServiceContext, input: z.output<M[C]['input']>) => NonNullable<M[C]['output']> | Promise<NonNullable<M[C]['output']>>
}
