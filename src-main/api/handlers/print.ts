import { listPrintTemplates, printHtml } from '../../print/service'
import type { printChannels } from '../channels/print'
import type { HandlersOf } from '../handler-types'

export const printHandlers: HandlersOf<typeof printChannels> = {
  'print.templates': (ctx) => listPrintTemplates(ctx),
  'print.html': (ctx, input) => printHtml(ctx, input),
}
