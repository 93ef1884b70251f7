/** The file boxes seen from a service: the same functions, bound to the context's data folder. */
import * as box from '../files/file-box'
import type { ServiceContext } from './context'

type Ctx = Pick<ServiceContext, 'paths'>

export const outboxPath = (ctx: Ctx, fileName: string) => box.outboxPath(ctx.paths.dataDir, fileName)
export const outboxFile = (ctx: Ctx, fileId: string) => box.outboxFile(ctx.paths.dataDir, fileId)
export const writeOutboxFile = (ctx: Ctx, fileName: string, bytes: Buffer | Uint8Array | string) =>
  box.writeOutboxFile(ctx.paths.dataDir, fileName, bytes)
export const resolveOutbox = (ctx: Ctx, fileId: string) => box.resolveOutbox(ctx.paths.dataDir, fileId)
export const putInboxFile = (ctx: Ctx, sourcePath: string, fileName?: string) => box.putInboxFile(ctx.paths.dataDir, sourcePath, fileName)
export const resolveInbox = (ctx: Ctx, fileId: string) => box.resolveInbox(ctx.paths.dataDir, fileId)
