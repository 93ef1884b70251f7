import {
  createHousehold,
  createHouseholdLine,
  deleteHousehold,
  deleteHouseholdLine,
  getHousehold,
  householdLineTotals,
  listHouseholdLines,
  listHouseholds,
  updateHousehold,
  updateHouseholdLine,
} from '../../services/households'
import type { householdChannels } from '../channels/households'
import type { HandlersOf } from '../handler-types'

export const householdHandlers: HandlersOf<typeof householdChannels> = {
  'households.create': (ctx, input) => createHousehold(ctx, input),
  'households.update': (ctx, input) => updateHousehold(ctx, input),
  'households.get': (ctx, input) => getHousehold(ctx, input),
  'households.list': (ctx, input) => listHouseholds(ctx, input),
  'households.delete': (ctx, input) => deleteHousehold(ctx, input.id),
  'householdLines.delete': (ctx, input) => deleteHouseholdLine(ctx, input.id),
  'householdLines.create': (ctx, input) => createHouseholdLine(ctx, input),
  'householdLines.update': (ctx, input) => updateHouseholdLine(ctx, input),
  'householdLines.list': (ctx, input) => listHouseholdLines(ctx, input),
  'householdLines.totals': (ctx, input) => householdLineTotals(ctx, input),
}
