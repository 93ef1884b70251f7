/**
 * Every policy number and county choice the app uses, with the defaults of domain.md.
 * Code reads these through the settings service; none of these numbers appear as literals elsewhere.
 */
export type SettingType = 'text' | 'integer' | 'percent' | 'choice' | 'boolean' | 'milestones'

export interface Milestone {
  month: number
  pct: number
}

export interface SettingDef {
  key: string
  group: string
  label: string
  type: SettingType
  default: unknown
  choices?: string[]
  min?: number
  max?: number
  unit?: string
  note?: string
}

export const settingGroups = ['单位信息', '显示', '资产', '公告公示', '资金使用监测', '资金支出进度', '项目'] as const

export const settingCatalog: SettingDef[] = [
  { key: 'county.code', group: '单位信息', label: '旗县区划代码', type: 'text', default: '', note: '首次设置时选定，不可修改' },
  { key: 'county.name', group: '单位信息', label: '旗县名称', type: 'text', default: '' },
  { key: 'county.fullName', group: '单位信息', label: '所属省市', type: 'text', default: '' },
  { key: 'org.unitName', group: '单位信息', label: '填报单位', type: 'text', default: '', note: '打印表头与导出报表的“填报单位（盖章）”' },
  { key: 'org.supervisionPhone', group: '单位信息', label: '本地监督举报电话', type: 'text', default: '', note: '公告公示的监督举报电话，与 12317 一并列出' },
  { key: 'county.keyAssisted', group: '单位信息', label: '乡村振兴重点帮扶县', type: 'boolean', default: false },
  { key: 'display.moneyUnit', group: '显示', label: '默认金额单位', type: 'choice', choices: ['元', '万元'], default: '万元' },
  { key: 'display.assetLabel', group: '显示', label: '资产称谓', type: 'choice', choices: ['扶贫项目资产', '帮扶项目资产'], default: '帮扶项目资产' },
  {
    key: 'asset.codeRule', group: '资产', label: '资产编号规则', type: 'text', default: '{县}{类}{年}{序5}',
    note: '{县}=旗县6位代码，{类}=G公益/J经营/H到户，{年}=资金年度，{序5}=5位流水号（编号永不重复使用）',
  },
  { key: 'asset.startYear', group: '资产', label: '资产起始年度', type: 'integer', min: 2012, max: 2030, default: 2012, note: '内蒙古为“2012年以来”形成的资产' },
  { key: 'publicity.projectMinDays', group: '公告公示', label: '项目公示最少天数', type: 'integer', min: 1, max: 60, default: 7, unit: '天' },
  { key: 'publicity.incomeMinDays', group: '公告公示', label: '收益分配公示最少天数', type: 'integer', min: 1, max: 60, default: 10, unit: '天' },
  { key: 'publicity.disposalMinDays', group: '公告公示', label: '资产处置公示最少天数', type: 'integer', min: 1, max: 60, default: 7, unit: '天' },
  { key: 'publicity.monitorMinDays', group: '公告公示', label: '监测对象识别公示最少天数', type: 'integer', min: 1, max: 60, default: 5, unit: '天' },
  { key: 'publicity.perfTargetWorkdays', group: '公告公示', label: '绩效目标公开时限', type: 'integer', min: 1, max: 60, default: 20, unit: '个工作日' },
  { key: 'funds.industryShareMinPct', group: '资金使用监测', label: '产业发展资金占比不低于', type: 'percent', min: 0, max: 100, default: 55, unit: '%' },
  { key: 'funds.nonPoorVillageShareMaxPct', group: '资金使用监测', label: '非脱贫村使用占比不超过', type: 'percent', min: 0, max: 100, default: 30, unit: '%', note: '待核实：未见正式文件依据' },
  { key: 'funds.managementFeeMaxPct', group: '资金使用监测', label: '项目管理费占比不超过', type: 'percent', min: 0, max: 100, default: 1, unit: '%' },
  {
    key: 'funds.milestones', group: '资金支出进度', label: '支出进度节点', type: 'milestones',
    default: [{ month: 3, pct: 30 }, { month: 6, pct: 50 }, { month: 9, pct: 75 }, { month: 11, pct: 90 }, { month: 12, pct: 100 }] satisfies Milestone[],
    note: '各月末累计支出率应达到的比例',
  },
  { key: 'project.assetRegistrationDays', group: '项目', label: '验收后应登记资产的天数', type: 'integer', min: 1, max: 365, default: 30, unit: '天', note: '超过即列入问题清单“应登记未登记”' },
]

export const settingDef = (key: string) => settingCatalog.find((d) => d.key === key)
