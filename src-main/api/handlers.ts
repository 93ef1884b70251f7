import { listAudit } from '../services/audit'
import type { ServiceContext } from '../services/context'
import { countyDivisions, divisionChildren } from '../services/divisions'
import { addRegion, mergeRegion, regionTree, renameRegion, setRegionFlags } from '../services/regions'
import { listSettings, updateSettings } from '../services/settings'
import { completeSetup } from '../services/setup'
import { appInfo, backupNow, backups, copyDataTo } from '../services/system'
import type { Channel, Output, ParsedInput } from './contract'

type Handler<C extends Channel> = (ctx: ServiceContext, input: ParsedInput<C>) => Output<C> | Promise<Output<C>>

/** One service function per contract channel; the type makes a missing or mistyped one a compile error. */
export const handlers: { [C in Channel]: Handler<C> } = {
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
