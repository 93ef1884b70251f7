import type { ServiceContext } from '../services/context'
import type { Channel, Output, ParsedInput } from './contract'
import { assetHandlers } from './handlers/assets'
import { demoHandlers } from './handlers/demo'
import { foundationHandlers } from './handlers/foundation'
import { householdHandlers } from './handlers/households'

type Handler<C extends Channel> = (ctx: ServiceContext, input: ParsedInput<C>) => Output<C> | Promise<Output<C>>

/** One service function per contract channel, gathered from each area. */
export const handlers: { [C in Channel]: Handler<C> } = {
  ...foundationHandlers,
  ...assetHandlers,
  ...householdHandlers,
  ...demoHandlers,
}
