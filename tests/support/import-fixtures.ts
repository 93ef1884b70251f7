/** Files for the import tests and the import bench: county-style ledgers, household rosters. */
import { idCardCheckChar } from '../../src-main/domain/id-card'
import type { HtmlRow } from './spreadsheets'

/** A valid 18-digit ID of 巴林左旗 born 1970 + n. */
export function idOf(n: number): string {
  for (const day of ['01', '02']) {
    const first17 = `150422${1960 + (n % 40)}01${day}${String(n % 1000).padStart(3, '0')}`
    const id = first17 + idCardCheckChar(first17)
    if (!id.endsWith('000')) return id
  }
  throw new Error('unreachable')
}

/** A 公益类/经营类 ledger as counties keep it: title, 单位：万元, 资金来源 over 中央/自治区/盟市/旗县, category, 小计 and 合计 rows, signatures. */
export function countyLedger(kind: '公益类' | '经营类' | '到户类' = '公益类'): HtmlRow[] {
  const type = kind === '公益类' ? '道路交通' : kind === '经营类' ? '光伏电站' : '户用光伏'
  const type2 = kind === '公益类' ? '供水饮水' : kind === '经营类' ? '养殖业设施' : '户用光伏'
  return [
    [{ v: `巴林左旗2021年度${kind}帮扶项目资产登记表`, colspan: 12 }],
    [{ v: '填报单位：巴林左旗农牧局', colspan: 6 }, { v: '单位：万元', colspan: 6 }],
    [
      { v: '序号', rowspan: 2 },
      { v: '资产名称', rowspan: 2 },
      { v: '资产类型', rowspan: 2 },
      { v: '乡镇', rowspan: 2 },
      { v: '村', rowspan: 2 },
      { v: '资金年度', rowspan: 2 },
      { v: '资产原值', rowspan: 2 },
      { v: '资金来源', colspan: 4 },
      { v: '建成时间', rowspan: 2 },
    ],
    ['中央', '自治区', '盟市', '旗县'],
    [{ v: '一、林东镇', colspan: 12 }],
    [1, '福山地村道路', type, '林东镇', '福山地村', 2021, 12.3456, 10, 2.3456, 0, 0, { v: '2021-07-28', date: '2021-07-28' }],
    [2, '南沙布台嘎查水井', type2, '林东', '福山地村委会', 2021, 1.5, 1.5, 0, 0, 0, '2021.7.28'],
    ['小计', null, null, null, null, null, 13.8456, 11.5, 2.3456, 0, 0, null],
    [null, null, null, null, null, null, null, null, null, null, null, null],
    [{ v: '二、隆昌镇', colspan: 12 }],
    [3, '隆昌村设施', type, '隆昌镇', '隆昌村', 2021, 30862.6147, 30000, 862.6147, 0, 0, '2021年7月'],
    [4, '不存在村的资产', type, '隆昌镇', '没有这个村', 2021, 1, 1, 0, 0, 0, '2021-08-01'],
    ['合计', null, null, null, null, null, 30877.4603, 30012.5, 864.9603, 0, 0, null],
    [null],
    [{ v: '单位负责人：张三', colspan: 3 }, { v: '审核人：李四', colspan: 3 }, { v: '填报人：王五', colspan: 3 }, { v: '填报日期：2021年8月1日', colspan: 3 }],
  ]
}

export const headerRow = ['户主姓名', '身份证号', '家庭人口', '农户属性', '乡镇', '村', '组', '联系电话']
/** The head's name of test household n. */
export const nameOf = (i: number) => `农户${String.fromCharCode(0x4e00 + i)}${String.fromCharCode(0x4e50 + i)}`

export function householdCsvRows(n: number, start = 0): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [headerRow]
  for (let i = start; i < start + n; i++) rows.push([nameOf(i), idOf(i), 3 + (i % 3), i % 2 ? '脱贫户' : '一般户', '林东镇', '福山地', '一组', ''])
  return rows
}


/** A 项目库 list as counties keep it: title, 单位：万元, 资金来源 over 中央/自治区/盟市/旗县, a 合计 row. */
export function projectTable(): HtmlRow[] {
  return [
    [{ v: '巴林左旗2026年巩固拓展脱贫攻坚成果和乡村振兴项目库', colspan: 12 }],
    [{ v: '单位：万元', colspan: 12 }],
    [
      { v: '序号', rowspan: 2 },
      { v: '项目名称', rowspan: 2 },
      { v: '项目类型', rowspan: 2 },
      { v: '实施乡镇', rowspan: 2 },
      { v: '实施村', rowspan: 2 },
      { v: '建设内容及规模', rowspan: 2 },
      { v: '实施年度', rowspan: 2 },
      { v: '项目总投资', rowspan: 2 },
      { v: '资金来源', colspan: 2 },
      { v: '行业主管部门', rowspan: 2 },
      { v: '项目实施单位', rowspan: 2 },
    ],
    ['中央', '旗县'],
    [1, '2026年林东镇福山地村肉牛养殖暖棚建设项目', '产业发展', '林东镇', '福山地村、大新庄村', '新建肉牛养殖暖棚2座', 2026, 123.45678, 100, 23.45678, '农牧局', '林东镇人民政府'],
    [2, '2026年隆昌镇隆昌村道路硬化项目', '乡村建设行动', '隆昌', '隆昌村', '硬化道路1.2公里', 2026, 50, 50, 0, '交通运输局', '隆昌镇人民政府'],
    [3, '2026年旅游项目', '旅游类', '林东镇', '', '建设游客中心', 2026, 10, 10, 0, '文旅局', '林东镇人民政府'],
    ['合计', null, null, null, null, null, null, 183.45678, 160, 23.45678, null, null],
  ]
}
