/** An error meant for the user: a stable code plus a Chinese message, optionally with field details. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (what: string, id: string | number) =>
  new AppError('NOT_FOUND', `未找到${what}（${id}），可能已被删除或合并。`)

export const invalid = (message: string, details?: unknown) => new AppError('INVALID', message, details)
