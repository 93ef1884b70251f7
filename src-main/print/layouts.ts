/**
 * What varies by county is data, not code: titles, which ledger columns and in what order, the
 * footer roles, who signs a card, how many copies of a 移交书 and for whom, the document checklist.
 * `defaultLayout` follows domain.md §6; a county's entry in `countyLayouts` overrides parts of it
 * (top-level keys replace; `ledgerColumns` replaces per class).
 */
import type { AssetClass } from '../domain/asset-enums'
import type { MoneyUnit } from '../domain/money'

/** How a cell is written: text as is, money in the ledger's unit, quantities trimmed, ISO dates. */
export type CellFormat = 'seq' | 'text' | 'code' | 'money' | 'qty' | 'int' | 'date'

export interface LedgerColumn {
  /** Field of the ledger row (see data.ts LedgerRow / HouseholdLedgerRow). */
  field: string
  label: string
  /** Relative width (the table fills the page). */
  width: number
  format: CellFormat
  /** Summed in 小计/合计/总计 rows. */
  sum?: boolean
  /** Left out of the 公示版 (its values are masked anyway). */
  publicHidden?: boolean
}

export interface PrintLayout {
  /** {county} {town} {village} {class} {assetLabel}; empty parts vanish. */
  ledgerTitle: string
  ledgerColumns: Record<AssetClass, LedgerColumn[]>
  /** A class whose ledger is always in this unit (the household roster in 元); others follow display.moneyUnit. */
  ledgerMoneyUnit: Partial<Record<AssetClass, MoneyUnit>>
  /** Footer block roles, each followed by a blank line; 日期 is added last. */
  footerRoles: string[]
  cardTitle: string
  cardSigners: { who: string; seal: boolean }[]
  confirmTitle: string
  confirmOpinions: string[]
  handoverTitle: string
  /** One copy per party (第一联 …), in this order. */
  handoverParties: string[]
  handoverDocuments: string[]
  handoverClauses: string[]
  receiptTitle: string
  receiptSigners: string[]
  /** The national supervision hotline printed beside the local number. */
  nationalHotline: string
}

const col = (field: string, label: string, width: number, format: CellFormat = 'text', extra: Partial<LedgerColumn> = {}): LedgerColumn => ({
  field,
  label,
  width,
  format,
  ...extra,
})

// Widths in mm of an A4 landscape page (277 mm inside the margins) at 8 pt; A3 scales them up.
// Sized to the content (demo county, 90th percentile): codes, dates, phones and amounts (小计 and 合计
// of a 乡镇 too) on one line, names, 规格 and organisations in two; longer text wraps within its cell,
// never cut off.
const assetHead = [
  col('seq', '序号', 7.5, 'seq'),
  col('code', '资产编号', 26.5, 'code'),
  col('name', '资产名称', 24.5),
  col('subtypeName', '资产类型', 14),
  col('spec', '规格型号/建设规模', 39.5),
  col('unit', '单位', 7),
  col('quantity', '数量', 8.5, 'qty'),
  col('originalValueFen', '资产原值', 17.5, 'money', { sum: true }),
  col('fiscalFen', '其中：财政资金', 17.5, 'money', { sum: true }),
  col('fundYear', '资金年度', 8, 'int'),
  col('villageName', '所在村（嘎查）', 15.5),
]

export const defaultLayout: PrintLayout = {
  ledgerTitle: '{county}{town}{village} {class}{assetLabel}台账',
  ledgerColumns: {
    公益类: [
      ...assetHead,
      col('ownerNames', '所有权人', 18.5),
      col('custodianName', '管护主体', 18.5),
      col('custodianPerson', '管护责任人', 10),
      col('custodianPhone', '联系电话', 18.5, 'code'),
      col('handoverDate', '移交日期', 16.5, 'date'),
      col('status', '状态', 9.5),
    ],
    经营类: [
      ...assetHead,
      col('ownerNames', '所有权人', 17),
      col('operatorName', '经营主体', 21),
      col('operatingMode', '经营方式', 9),
      col('contractPeriod', '合同期限', 19.5),
      col('agreedIncomeFen', '约定年收益', 16, 'money', { sum: true }),
      col('status', '状态', 9),
    ],
    到户类: [
      col('seq', '序号', 8, 'seq'),
      col('headName', '户主姓名', 10.5),
      col('idNo', '身份证号', 28.5, 'code'),
      col('attribute', '农户属性', 14.5),
      col('size', '家庭人口', 7, 'int'),
      col('groupName', '组', 7.5),
      col('projectName', '项目名称', 40),
      col('item', '扶持内容', 14),
      col('unit', '单位', 7),
      col('quantity', '数量', 8.5, 'qty'),
      col('standardFen', '补助标准', 15, 'money'),
      col('amountFen', '补助金额', 19, 'money', { sum: true }),
      col('issueMethod', '发放方式', 12.5),
      col('issueDate', '发放日期', 16.5, 'date'),
      col('phone', '联系电话', 18.5, 'code'),
      col('bankAccount', '补助发放账号', 30, 'code', { publicHidden: true }),
      col('currentStatus', '现状', 13),
    ],
  },
  ledgerMoneyUnit: { 到户类: '元' },
  footerRoles: ['单位负责人', '审核人', '填报人', '联系电话'],
  cardTitle: '{assetLabel}登记卡片',
  // The card's boxes are narrow: 「（盖章）」 in the label marks where the seal goes, no drawn circle.
  cardSigners: [
    { who: '产权单位（盖章）\n负责人签字', seal: false },
    { who: '管护责任人签字', seal: false },
    { who: '乡镇（苏木）审核（盖章）', seal: false },
    { who: '登记人', seal: false },
  ],
  confirmTitle: '{assetLabel}确权登记表',
  confirmOpinions: ['产权单位意见', '乡镇（苏木）人民政府意见', '旗县级行业主管部门意见', '旗县农牧（乡村振兴）部门登记'],
  handoverTitle: '{assetLabel}移交书',
  handoverParties: ['移交单位', '接收单位', '乡镇（苏木）人民政府', '行业主管部门'],
  handoverDocuments: ['竣工图纸', '竣工验收报告', '工程决算审计报告', '资产移交清单', '项目批复文件', '设备说明书', '合格证/检验报告', '钥匙', '维修记录'],
  handoverClauses: [
    '自移交之日起，接收单位承担上述资产的管护责任，按规定登记入账，纳入资产台账管理。',
    '接收单位应建立健全管护制度，落实管护责任人，确保资产正常运行、持续发挥效益。',
    '未经规定程序批准，任何单位和个人不得擅自处置（转让、出租、抵押、报废等）上述资产。',
  ],
  receiptTitle: '到户类{assetLabel}发放确认单',
  receiptSigners: ['农户签字（手印）', '村（嘎查）干部签字', '乡镇（苏木）经办人签字'],
  nationalHotline: '12317',
}

/** County overrides (by 6-digit county code). 巴林左旗 prints its 移交书 in four copies, as the default does. */
export const countyLayouts: Record<string, Partial<PrintLayout>> = {
  '150422': {},
}

export function layoutFor(countyCode: string): PrintLayout {
  const override = countyLayouts[countyCode] ?? {}
  return {
    ...defaultLayout,
    ...override,
    ledgerColumns: { ...defaultLayout.ledgerColumns, ...(override.ledgerColumns ?? {}) },
  }
}

/** Fills {placeholders}; missing ones vanish, runs of spaces collapse. */
export const fillTitle = (pattern: string, values: Record<string, string | null | undefined>) =>
  pattern
    .replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')
    .replace(/\s+/g, ' ')
    .trim()
