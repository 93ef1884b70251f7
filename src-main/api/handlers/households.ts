import { AppError } from '../../domain/errors'
import type { householdChannels } from '../channels/households'
import type { HandlersOf } from '../handler-types'

// TEMPORARY while the household services are being written; every entry is replaced by its service.
const pending = () => {
  throw new AppError('NOT_READY', '此功能尚在开发中。')
}

export const householdHandlers: HandlersOf<typeof householdChannels> = {
  'households.create': pending,
  'households.update': pending,
  'households.get': pending,
  'households.list': pending,
  'householdLines.create': pending,
  'householdLines.update': pending,
  'householdLines.list': pending,
  'householdLines.totals': pending,
}
