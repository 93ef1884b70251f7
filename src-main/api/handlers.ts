import type { ServiceContext } from '../services/context'
import type { Channel, Output, ParsedInput } from './contract'
import { assetHandlers } from './handlers/assets'
import { demoHandlers } from './handlers/demo'
import { exportHandlers } from './handlers/exports'
import { foundationHandlers } from './handlers/foundation'
import { householdHandlers } from './handlers/households'
import { importHandlers } from './handlers/imports'
import { printHandlers } from './handlers/print'
import { projectHandlers } from './handlers/projects'

type Handler<C extends Channel> = (ctx: ServiceContext, input: ParsedInput<C>) => Output<C> | Promise<Output<C>>

/** One service function per contract channel, gathered from each area. */
export const handlers: { [C in Channel]: Handler<C> } = {
  ...foundationHandlers,
  ...assetHandlers,
  ...householdHandlers,
  ...demoHandlers,
  ...exportHandlers,
  ...printHandlers,
  ...projectHandlers,
  ...importHandlers,
}
