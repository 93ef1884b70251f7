import { listAudit } from '../../services/audit'
import { countyDivisions, divisionChildren } from '../../services/divisions'
import { addRegion, mergeRegion, regionTree, renameRegion, setRegionFlags } from '../../services/regions'
import { listSettings, updateSettings } from '../../services/settings'
import { completeSetup } from '../../services/setup'
import { appInfo, backupNow, backups, copyDataTo } from '../../services/system'
import type { foundationChannels } from '../channels/foundation'
import type { HandlersOf } from '../handler-types'

export const foundationHandlers: HandlersOf<typeof foundationChannels> = {
  'app.info': (ctx) => appInfo(ctx),
  'system.backupNow': (ctx) => backupNow(ctx),
  'system.listBackups': (ctx) => backups(ctx),
  'system.copyDataTo': (ctx, input) => copyDataTo(ctx, input.targetDir),
  'divisions.children': (ctx, input) => divisionChildren(ctx.paths.resourcesDir, input.parent),
  'divisions.county': (ctx, input) => countyDivisions(ctx.paths.resourcesDir, input.countyCode),
  'setup.complete': (ctx, input) => completeSetup(ctx, input),
  'regions.tree': (ctx, input) => regionTree(ctx, input),
  'regions.rename': (ctx, input) => renameRegion(ctx, input),
  'regions.add': (ctx, input) => addRegion(ctx, input),
  'regions.merge': (ctx, input) => mergeRegion(ctx, input),
  'regions.setFlags': (ctx, input) => setRegionFlags(ctx, input),
  'settings.list': (ctx) => listSettings(ctx),
  'settings.update': (ctx, input) => updateSettings(ctx, input.values),
  'audit.list': (ctx, input) => listAudit(ctx, input),
}
