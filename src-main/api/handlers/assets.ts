import { peekAssetCode } from '../../services/assets/codes'
import { listSubtypes } from '../../services/assets/dicts'
import { assetTotals, listAssets, overview } from '../../services/assets/ledger'
import { addAttachment, addMaintenance, locateAttachment, changeStatus, confirmOwnership, handOver, setCustodian, setOperation } from '../../services/assets/lifecycle'
import { searchOrgs } from '../../services/assets/orgs'
import { listProblems } from '../../services/assets/problems'
import { getAssetDetail } from '../../services/assets/read'
import { createAsset, updateAsset, voidAsset } from '../../services/assets/write'
import type { assetChannels } from '../channels/assets'
import type { HandlersOf } from '../handler-types'

export const assetHandlers: HandlersOf<typeof assetChannels> = {
  'assets.create': (ctx, input) => createAsset(ctx, input),
  'assets.update': (ctx, input) => updateAsset(ctx, input),
  'assets.get': (ctx, input) => getAssetDetail(ctx, input.id),
  'assets.list': (ctx, input) => listAssets(ctx, input),
  'assets.totals': (ctx, input) => assetTotals(ctx, input),
  'assets.confirm': (ctx, input) => confirmOwnership(ctx, input),
  'assets.handover': (ctx, input) => handOver(ctx, input),
  'assets.setCustodian': (ctx, input) => setCustodian(ctx, input),
  'assets.setOperation': (ctx, input) => setOperation(ctx, input),
  'assets.changeStatus': (ctx, input) => changeStatus(ctx, input),
  'assets.void': (ctx, input) => voidAsset(ctx, input),
  'assets.addMaintenance': (ctx, input) => addMaintenance(ctx, input),
  'assets.addAttachment': (ctx, input) => addAttachment(ctx, input),
  'assets.problems': (ctx, input) => listProblems(ctx, input),
  'assets.overview': (ctx) => overview(ctx),
  'assets.nextCode': (ctx, input) => ({ code: peekAssetCode(ctx, input.class, input.year) }),
  'attachments.locate': (ctx, input) => locateAttachment(ctx, input.id),
  'orgs.search': (ctx, input) => searchOrgs(ctx, input),
  'dicts.subtypes': (ctx, input) => listSubtypes(ctx, input.class),
}
