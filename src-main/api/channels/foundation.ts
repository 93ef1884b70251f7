import { z } from 'zod'
import type { AuditEntry } from '../../services/audit'
import type { CountyDivisions, DivisionOption } from '../../services/divisions'
import type { RegionNode, RegionRow } from '../../services/regions'
import type { SettingView } from '../../services/settings'
import type { AppInfo, BackupInfo } from '../../services/system'
import { channel, page, pageSize, regionCode, regionName } from '../define'

export const foundationChannels = {
  'app.info': channel<AppInfo>()(z.object({})),
  'system.backupNow': channel<BackupInfo>()(z.object({})),
  'system.listBackups': channel<BackupInfo[]>()(z.object({})),
  'system.copyDataTo': channel<{ dbFile: string }>()(
    z.object({ targetDir: z.string().min(1).max(1000).regex(/^([A-Za-z]:[\\/]|\\\\|\/)/, '应为完整的文件夹路径').describe('目标文件夹') }),
  ),

  'divisions.children': channel<DivisionOption[]>()(
    z.object({ parent: z.string().regex(/^(\d{2}|\d{4})$/, '应为2位省级或4位市级代码').optional().describe('上级区划') }),
  ),
  'divisions.county': channel<CountyDivisions>()(z.object({ countyCode: z.string().regex(/^\d{6}$/, '应为6位旗县代码').describe('旗县') })),
  'setup.complete': channel<{ countyCode: string; countyName: string; towns: number; villages: number }>()(
    z.object({
      countyCode: z.string().regex(/^\d{6}$/, '应为6位旗县代码').describe('旗县'),
      townCodes: z.array(regionCode).min(1, '请至少选择一个乡镇（苏木）').max(200).describe('载入的乡镇'),
      unitName: z.string().trim().min(2, '请填写填报单位全称').max(60, '不能超过60个字').describe('填报单位'),
      moneyUnit: z.enum(['元', '万元']).describe('默认金额单位'),
      assetLabel: z.enum(['扶贫项目资产', '帮扶项目资产']).describe('资产称谓'),
      startYear: z.number().int().min(2012, '不能早于2012年').max(2030).describe('资产起始年度'),
    }),
  ),

  'regions.tree': channel<RegionNode[]>()(z.object({ includeInactive: z.boolean().optional().describe('包含已合并的') })),
  'regions.rename': channel<RegionRow>()(z.object({ code: regionCode, name: regionName })),
  'regions.add': channel<RegionRow>()(z.object({ parentCode: regionCode.describe('上级区划'), name: regionName, code: regionCode.optional() })),
  'regions.merge': channel<RegionRow>()(z.object({ fromCode: regionCode.describe('被合并的区划'), intoCode: regionCode.describe('并入的区划') })),
  'regions.setFlags': channel<RegionRow>()(
    z.object({
      code: regionCode,
      isFormerPoorVillage: z.boolean().optional().describe('脱贫村'),
      isKeyVillage: z.boolean().optional().describe('重点帮扶村'),
      isRelocationSite: z.boolean().optional().describe('易地搬迁安置点'),
    }),
  ),

  'settings.list': channel<SettingView[]>()(z.object({})),
  'settings.update': channel<SettingView[]>()(z.object({ values: z.record(z.string().max(80), z.unknown()).describe('参数') })),

  'audit.list': channel<{ rows: AuditEntry[]; total: number }>()(
    z.object({
      entity: z.string().max(40).optional().describe('对象类型'),
      entityId: z.string().max(80).optional().describe('对象编号'),
      page,
      pageSize,
    }),
  ),
}
