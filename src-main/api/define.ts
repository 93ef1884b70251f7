import { z } from 'zod'

z.config(z.locales.zhCN())

/** Declares a channel: its input schema, and (as a type only) its output. */
export const channel =
  <Output>() =>
  <I extends z.ZodType>(input: I) =>
    ({ input }) as { input: I; output?: Output }

/** Schemas reused across areas. Each field carries its Chinese label via `.describe()`. */
export const regionCode = z.string().regex(/^\d{12}$/, '应为12位数字区划代码').describe('区划代码')
export const regionName = z.string().trim().min(1, '不能为空').max(40, '不能超过40个字').describe('名称')
export const page = z.number().int().min(1).default(1).describe('页码')
export const pageSize = z.number().int().min(1).max(500).default(50).describe('每页条数')
/** Money in 分 (integer); the renderer converts what the user typed in 元 or 万元. */
export const fen = z.number().int('金额应精确到分').min(0, '不能为负数').max(Number.MAX_SAFE_INTEGER)
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日')
export const id = z.number().int().positive().describe('编号')
/** A file in the outbox or inbox (see files/file-box.ts); the page never names a path. */
export const fileId = z.string().uuid('文件编号无效').describe('文件')
export const text = (max: number) => z.string().trim().max(max, `不能超过${max}个字`)
export const sortOrder = z.enum(['asc', 'desc']).default('asc').describe('排序方向')
