/** The fixed vocabularies of the fund project library (domain.md §4). Project types live in the versioned dictionary. */

/** Project statuses (§4.3). 审定 and 入库 are one step here (审定入库). */
export const projectStatuses = [
  '草稿',
  '申报',
  '审核',
  '论证',
  '入库',
  '纳入年度计划',
  '开工',
  '完工',
  '验收',
  '资产移交',
  '绩效评价',
  '归档',
  '退回修改',
  '出库',
  '终止',
] as const
export type ProjectStatus = (typeof projectStatuses)[number]

/** What a clerk does to move a project; 调整 records a change without moving the status. */
export const projectActions = [
  '申报',
  '审核',
  '论证',
  '审定入库',
  '纳入计划',
  '开工',
  '完工',
  '验收',
  '资产移交',
  '绩效评价',
  '归档',
  '退回修改',
  '调整',
  '出库',
  '终止',
] as const
export type ProjectAction = (typeof projectActions)[number]

export const constructionNatures = ['新建', '续建', '改建', '扩建', '维修（改造）'] as const
export const beneficiaryTargets = ['脱贫户', '监测对象', '脱贫村', '非贫困村（一般村）', '全体村民', '村集体', '其他'] as const
/** 预计形成资产类别: an asset class of the ledgers, or none. */
export const expectedAssetClasses = ['经营类', '公益类', '到户类', '不形成资产'] as const

export const publicityStages = ['村级申报', '乡镇审核', '县级入库', '年度计划', '实施方案', '竣工', '绩效目标', '调整'] as const
export const adjustmentTypes = ['内容', '地点', '资金', '实施单位', '取消', '其他'] as const
export const indicatorLevels = ['产出指标', '效益指标', '满意度指标'] as const
export const indicatorOperators = ['≥', '≤', '=', '定性'] as const

/** Issuing levels of fund documents (§4.4). */
export const fundDocLevels = ['中央', '自治区', '盟市', '旗县'] as const
export type FundDocLevel = (typeof fundDocLevels)[number]
