import { z } from 'zod'
import { kindKeys } from '../../io/import/kinds/keys'
import { channel, fileId, page, text } from '../define'
import type { OutboxFile } from '../types/files'
import type { ImportCommitResult, ImportPreview, ImportRowsPage, ImportTemplateInfo } from '../types/imports'

const kind = z.enum(kindKeys).describe('导入类型')
const sessionId = z.string().uuid('导入预览编号无效').describe('导入预览')

export const importChannels = {
  'imports.kinds': channel<ImportTemplateInfo[]>()(z.object({})),
  /** Reads an inbox file as `kind`: table, mapping (adjustable; remembered per layout), every row checked. */
  'imports.preview': channel<ImportPreview>()(
    z.object({
      fileId,
      kind,
      sheet: text(100).optional().describe('工作表'),
      mapping: z.record(z.string().max(40), z.number().int().min(0).max(16383).nullable()).optional().describe('列对应'),
      unit: z.enum(['元', '万元']).optional().describe('金额单位'),
    }),
  ),
  'imports.rows': channel<ImportRowsPage>()(
    z.object({
      sessionId,
      filter: z.enum(['all', 'problems', 'E', 'W']).default('problems').describe('筛选'),
      page,
      pageSize: z.number().int().min(1).max(500).default(50).describe('每页条数'),
    }),
  ),
  /** Writes all valid rows (and warning rows when accepted) in one transaction, or nothing. */
  'imports.commit': channel<ImportCommitResult>()(z.object({ sessionId, acceptWarnings: z.boolean().default(false).describe('确认警告') })),
  /** The rows not imported, with a 错误原因 column, as an xlsx in the outbox. */
  'imports.errorRows': channel<OutboxFile>()(z.object({ sessionId, includeWarnings: z.boolean().default(false).describe('包括警告行') })),
  'imports.template': channel<OutboxFile>()(z.object({ kind })),
}
