import { AppError } from '../domain/errors'
import { padCode } from '../domain/regions'
import { recordAudit } from './audit'
import type { ServiceContext } from './context'
import { countyDivisions } from './divisions'
import { insertRegion } from './regions'
import { getSetting, writeSettings } from './settings'

export interface SetupInput {
  countyCode: string
  townCodes: string[]
  unitName: string
  moneyUnit: '元' | '万元'
  assetLabel: '扶贫项目资产' | '帮扶项目资产'
  startYear: number
}

export const isSetupDone = (ctx: ServiceContext) => getSetting<string>(ctx, 'county.code') !== ''

/**
 * First run: records the county, loads the chosen towns with all their villages from the national
 * division data, and stores the county's settings — all in one transaction.
 */
export function completeSetup(ctx: ServiceContext, input: SetupInput) {
  if (isSetupDone(ctx)) throw new AppError('ALREADY_SET_UP', '本数据文件已完成首次设置，旗县不能再更改。')
  const divisions = countyDivisions(ctx.paths.resourcesDir, input.countyCode)
  const chosen = new Set(input.townCodes)
  const unknown = input.townCodes.filter((c) => !divisions.towns.some((t) => t.code === c))
  if (unknown.length) throw new AppError('INVALID', `所选乡镇不属于${divisions.county.name}：${unknown.join('、')}`, { field: 'townCodes' })
  if (chosen.size === 0) throw new AppError('INVALID', '请至少选择一个乡镇（苏木）。', { field: 'townCodes' })

  const { county } = divisions
  let villages = 0
  ctx.db.transaction(() => {
    insertRegion(ctx, { code: padCode(county.code.slice(0, 2)), parentCode: null, level: 1, name: county.provinceName, kind: '省', sort: 0 })
    insertRegion(ctx, { code: padCode(county.code.slice(0, 4)), parentCode: padCode(county.code.slice(0, 2)), level: 2, name: county.cityName, kind: '市', sort: 0 })
    insertRegion(ctx, { code: padCode(county.code), parentCode: padCode(county.code.slice(0, 4)), level: 3, name: county.name, kind: '旗县', sort: 0 })
    divisions.towns
      .filter((t) => chosen.has(t.code))
      .forEach((town, i) => {
        insertRegion(ctx, { code: town.code, parentCode: padCode(county.code), level: 4, name: town.name, kind: town.kind, sort: i + 1 })
        town.villages.forEach((v, j) => {
          insertRegion(ctx, { code: v.code, parentCode: town.code, level: 5, name: v.name, kind: v.kind, sort: j + 1 })
          villages++
        })
      })
    writeSettings(ctx, {
      'county.code': county.code,
      'county.name': county.name,
      'county.fullName': `${county.provinceName}${county.cityName === '市辖区' ? '' : county.cityName}`,
      'org.unitName': input.unitName,
      'display.moneyUnit': input.moneyUnit,
      'display.assetLabel': input.assetLabel,
      'asset.startYear': input.startYear,
    })
    recordAudit(ctx, {
      entity: 'county',
      entityId: county.code,
      entityName: county.name,
      action: 'create',
      summary: `首次设置：${county.name}，载入 ${chosen.size} 个乡镇、${villages} 个村（嘎查）`,
      after: { ...input },
    })
  })()
  return { countyCode: county.code, countyName: county.name, towns: chosen.size, villages }
}
