import type { CellValue, MoneyUnit } from '../types'
import { foldKey, foldText } from '../normalise/text'

const UNIT_IN_BRACKETS = /\((?:单位[:]?)?(万元|元|万|亩|人|户|个|%|年|月|平方米|㎡|m²|m2|吨|公里|千米|千瓦|kw|座|间|头|只|套|台|米|处|份|岁)\)/gi

/**
 * A header text in the form headers are compared in: folded (full-width, spaces, case), without
 * required-markers (*), a leading 「其中：」, a trailing colon, or a unit in brackets:
 * 「 原值（万元）」 → 「原值」, 「*资产名称」 → 「资产名称」.
 */
export function headerKey(v: CellValue | string | undefined): string {
  let s = foldKey(v)
  s = s.replace(/[*※★☆]/g, '').replace(/^其中[:,]?/, '').replace(UNIT_IN_BRACKETS, '').replace(/\(单位[:]?[^)]*\)/g, '')
  s = s.replace(/[:]+$/, '')
  return s
}

/** The money unit a header names: 「原值（万元）」「金额(单位：元)」「投资/万元」 → 万元 / 元. */
export function unitInHeader(text: string): MoneyUnit | undefined {
  const s = foldText(text).replace(/ /g, '')
  const m = /\((?:单位[:]?)?(万元|元)\)/.exec(s) ?? /单位[:]?(万元|元)/.exec(s) ?? /[/](万元|元)$/.exec(s)
  return m ? (m[1] as MoneyUnit) : undefined
}

/** A unit row above a table: 「单位：万元」「金额单位：万元」「（单位：元）」, anywhere in the cell text. */
export function unitInNote(text: string): MoneyUnit | undefined {
  const s = foldText(text).replace(/ /g, '')
  // 「单位：户、人、万元」 too; not 「填报单位：元宝山镇」.
  const m = /(?<!填报|报送|填表|制表|编制|主管|责任|建设|实施)单位[:]?(?:[^:。;]{0,12}?[、,/])?(万元|元)(?=$|[、,;)/\]])/.exec(s)
  return m ? (m[1] as MoneyUnit) : undefined
}
