import { AppError } from '../../domain/errors'
import type { demoChannels } from '../channels/demo'
import type { HandlersOf } from '../handler-types'

// TEMPORARY while the demo generator is being written.
export const demoHandlers: HandlersOf<typeof demoChannels> = {
  'demo.load': () => {
    throw new AppError('NOT_READY', '此功能尚在开发中。')
  },
}
