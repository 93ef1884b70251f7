import { commitImport, errorRowsFile, importRows, listImportKinds, previewImport, templateFile } from '../../io/import/session'
import type { importChannels } from '../channels/imports'
import type { HandlersOf } from '../handler-types'

export const importHandlers: HandlersOf<typeof importChannels> = {
  'imports.kinds': () => listImportKinds(),
  'imports.preview': (ctx, input) => previewImport(ctx, input),
  'imports.rows': (ctx, input) => importRows(ctx, input),
  'imports.commit': (ctx, input) => commitImport(ctx, input),
  'imports.errorRows': (ctx, input) => errorRowsFile(ctx, input),
  'imports.template': (ctx, input) => templateFile(ctx, input),
}
