/** The fixed vocabularies of the asset ledgers (domain.md §1, §2.6). Sub-types live in the editable dictionary. */
export const assetClasses = ['公益类', '经营类', '到户类'] as const
export type AssetClass = (typeof assetClasses)[number]
/** Sub-type code prefix per class (G01…, J01…, H01…) and the class letter of the asset code (§7.6). */
export const classLetter: Record<AssetClass, 'G' | 'J' | 'H'> = { 公益类: 'G', 经营类: 'J', 到户类: 'H' }

export const assetForms = ['固定资产', '生物资产', '无形资产（股权）', '无形资产（债权）', '基金份额', '土地/自然资源使用权', '流动资产', '其他'] as const
export const propertyNatures = ['国有资产', '集体资产', '农户私有'] as const
export const confirmLevels = ['县（旗）级', '乡（苏木）镇级', '村（嘎查）级', '户'] as const

export const assetStatuses = ['在建', '正常', '闲置', '低效', '损毁（可修复）', '损毁（不可修复）', '待处置', '已处置', '已报废', '已核销', '灭失'] as const
export type AssetStatus = (typeof assetStatuses)[number]
/** Statuses that need a 状态说明 (§7.7); 闲置 and 低效 also need 盘活措施. */
export const statusNeedsNote = (s: string) => s === '闲置' || s === '低效' || s.startsWith('损毁')
export const statusNeedsMeasures = (s: string) => s === '闲置' || s === '低效'
/** Statuses reached only through an approved disposal (issue with disposals, later). */
export const disposalStatuses = ['已处置', '已报废', '已核销'] as const

export const custodyModes = ['产权主体自管', '委托管护', '设置公益性岗位管护', '专业运维', '农户自管'] as const
export const operatingModes = ['自主经营', '委托经营', '承包经营', '租赁经营', '合作经营', '入股经营（股份合作）', '其他'] as const
export const decisionTypes = ['村民（代表）大会', '四议两公开', '联建村共同决策', '其他'] as const

export const orgTypes = ['村（嘎查）集体经济组织', '村（嘎查）民委员会', '乡镇（苏木）人民政府', '县（旗）级部门', '国有企业', '农民专业合作社', '企业', '家庭农场', '其他'] as const

/** Funding source types (§2.2); `levels` marks the ones split by fiscal level. */
export const fundSourceTypes = [
  { code: 'XJ', name: '财政衔接推进乡村振兴补助资金', fiscal: true, levels: true },
  { code: 'ZX', name: '财政专项扶贫资金', fiscal: true, levels: true },
  { code: 'ZH', name: '统筹整合财政涉农涉牧资金', fiscal: true, levels: false },
  { code: 'HY', name: '行业扶贫资金', fiscal: true, levels: false },
  { code: 'ZQ', name: '地方政府债券资金', fiscal: true, levels: false },
  { code: 'YD', name: '易地扶贫搬迁资金', fiscal: true, levels: false },
  { code: 'CP', name: '彩票公益金', fiscal: true, levels: false },
  { code: 'DX', name: '京蒙协作资金', fiscal: false, levels: false },
  { code: 'DD', name: '中央单位定点帮扶资金', fiscal: false, levels: false },
  { code: 'DK', name: '区内对口帮扶/结对帮扶资金', fiscal: false, levels: false },
  { code: 'SH', name: '社会捐赠/社会帮扶资金', fiscal: false, levels: false },
  { code: 'ZC', name: '增减挂钩收益', fiscal: true, levels: false },
  { code: 'JR', name: '金融/融资资金', fiscal: false, levels: false },
  { code: 'CJ', name: '村集体自筹', fiscal: false, levels: false },
  { code: 'QY', name: '企业/经营主体自筹', fiscal: false, levels: false },
  { code: 'NH', name: '农户自筹', fiscal: false, levels: false },
  { code: 'ZT', name: '扶贫资产收益/本金再投入', fiscal: false, levels: false },
  { code: 'QT', name: '其他', fiscal: false, levels: false },
] as const
export type FundSourceCode = (typeof fundSourceTypes)[number]['code']
export const fundLevels = ['中央', '自治区', '盟市', '旗县'] as const

export const householdAttributes = ['脱贫户', '监测对象（脱贫不稳定户）', '监测对象（边缘易致贫户）', '监测对象（突发严重困难户）', '一般户'] as const
export const householdItemStatuses = ['在养/正常使用', '已出栏/出售', '死亡/灭失', '转让', '闲置', '损坏'] as const
export const issueMethods = ['实物发放', '先建后补', '以奖代补', '现金补助（打卡）'] as const

/** The editable sub-type dictionary's first content (§1.2). */
export const defaultSubtypes: { code: string; name: string; unit: string }[] = [
  { code: 'G01', name: '道路交通', unit: '公里' },
  { code: 'G02', name: '农田水利', unit: '处' },
  { code: 'G03', name: '供水饮水', unit: '处' },
  { code: 'G04', name: '环卫公厕/人居环境', unit: '座' },
  { code: 'G05', name: '教育', unit: '平方米' },
  { code: 'G06', name: '文化', unit: '处' },
  { code: 'G07', name: '体育', unit: '处' },
  { code: 'G08', name: '卫生', unit: '平方米' },
  { code: 'G09', name: '电力', unit: '台' },
  { code: 'G10', name: '综合服务', unit: '平方米' },
  { code: 'G11', name: '网络通信', unit: '处' },
  { code: 'G12', name: '易地搬迁配套', unit: '处' },
  { code: 'G13', name: '生态/其他公益', unit: '处' },
  { code: 'J01', name: '种植业基地/设施农业', unit: '座' },
  { code: 'J02', name: '养殖业设施', unit: '座' },
  { code: 'J03', name: '生产加工设施', unit: '平方米' },
  { code: 'J04', name: '仓储物流/冷链', unit: '座' },
  { code: 'J05', name: '光伏电站', unit: '千瓦' },
  { code: 'J06', name: '帮扶车间/就业车间', unit: '平方米' },
  { code: 'J07', name: '旅游服务设施', unit: '平方米' },
  { code: 'J08', name: '电商服务设施', unit: '处' },
  { code: 'J09', name: '经营性基础设施', unit: '平方米' },
  { code: 'J10', name: '农机具', unit: '台' },
  { code: 'J11', name: '生物资产（集体）', unit: '头' },
  { code: 'J12', name: '股权', unit: '元' },
  { code: 'J13', name: '债权', unit: '元' },
  { code: 'J14', name: '基金/其他权益', unit: '元' },
  { code: 'H01', name: '牲畜/生物资产', unit: '头' },
  { code: 'H02', name: '种植/林果', unit: '株' },
  { code: 'H03', name: '户用棚圈/生产设施', unit: '平方米' },
  { code: 'H04', name: '小型农机具', unit: '台' },
  { code: 'H05', name: '户用光伏', unit: '套' },
  { code: 'H06', name: '庭院经济设施', unit: '处' },
  { code: 'H07', name: '其他到户生产资料', unit: '台' },
]
