/**
 * The one outcome shape of the pure domain parsers: a value, or a Chinese reason for the user.
 * The same shape as `checkSettingValue` in services/settings.ts. Parsers never throw for bad input;
 * only programming errors (e.g. a non-integer passed as 分 to a formatter) throw.
 */
export type Ok<T> = { ok: true; value: T }
export type Fail = { ok: false; reason: string }
export type Result<T> = Ok<T> | Fail

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value })
export const fail = (reason: string): Fail => ({ ok: false, reason })
