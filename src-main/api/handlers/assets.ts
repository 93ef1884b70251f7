import { AppError } from '../../domain/errors'
import type { assetChannels } from '../channels/assets'
import type { HandlersOf } from '../handler-types'

// TEMPORARY while the asset services are being written; every entry is replaced by its service.
const pending = () => {
  throw new AppError('NOT_READY', '此功能尚在开发中。')
}

export const assetHandlers: HandlersOf<typeof assetChannels> = {
  'assets.create': pending,
  'assets.update': pending,
  'assets.get': pending,
  'assets.list': pending,
  'assets.totals': pending,
  'assets.confirm': pending,
  'assets.handover': pending,
  'assets.setCustodian': pending,
  'assets.setOperation': pending,
  'assets.changeStatus': pending,
  'assets.addMaintenance': pending,
  'assets.addAttachment': pending,
  'assets.problems': pending,
  'assets.overview': pending,
  'assets.nextCode': pending,
  'orgs.search': pending,
  'dicts.subtypes': pending,
}
