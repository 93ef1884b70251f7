import { AppError } from '../../../domain/errors'

/** Error codes of reading a file for import (AppError.code). */
export const ReadErrorCode = {
  notSpreadsheet: 'NOT_SPREADSHEET',
  corrupt: 'FILE_CORRUPT',
  encrypted: 'FILE_ENCRYPTED',
  empty: 'FILE_EMPTY',
  tooLarge: 'FILE_TOO_LARGE',
  notFound: 'FILE_NOT_FOUND',
  unreadable: 'FILE_UNREADABLE',
} as const

const SAVE_AS = '请在 Excel 或 WPS 中打开后另存为 .xlsx（Excel 工作簿）再导入。'

export const notSpreadsheet = (what: string) =>
  new AppError(ReadErrorCode.notSpreadsheet, `所选文件不是电子表格（看起来是${what}），只能导入 .xlsx、.xls、.et 或 .csv 文件。`, { what })

export const corrupt = (detail?: string) =>
  new AppError(
    ReadErrorCode.corrupt,
    `文件不完整或已损坏，无法读取（可能复制或下载时中断）。请在 Excel 或 WPS 中确认能正常打开，${SAVE_AS.replace('请', '')}`,
    detail ? { detail } : undefined,
  )

export const encrypted = () =>
  new AppError(
    ReadErrorCode.encrypted,
    '文件设置了打开密码，无法读取。请先在 Excel/WPS 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码后保存），再导入。',
  )

export const emptyFile = (detail = '文件是空的（0 字节）') =>
  new AppError(ReadErrorCode.empty, `${detail}，没有可导入的数据。请确认选对了文件。`)

export const tooLarge = (bytes: number, limit: number) =>
  new AppError(
    ReadErrorCode.tooLarge,
    limit > 0
      ? `文件太大（${(bytes / 1048576).toFixed(1)} MB，上限 ${Math.round(limit / 1048576)} MB）。请按乡镇或年度拆分成几个文件分别导入。`
      : '文件内容太多，超出一次导入的范围。请按乡镇或年度拆分成几个文件分别导入。',
    { bytes, limit },
  )
