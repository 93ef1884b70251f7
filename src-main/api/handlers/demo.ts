import { generateDemo } from '../../services/demo/generate'
import type { demoChannels } from '../channels/demo'
import type { HandlersOf } from '../handler-types'

export const demoHandlers: HandlersOf<typeof demoChannels> = {
  /** Refuses (ALREADY_SET_UP) once the data file has been set up; otherwise sets up 巴林左旗 and fills it. */
  'demo.load': (ctx, input) => generateDemo(ctx, { scale: input.scale }),
}
