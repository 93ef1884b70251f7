/**
 * What a county in 内蒙古 builds and hands out with poverty-relief money: asset templates per
 * sub-type (domain.md §1.2) with realistic units, scales and unit costs (元 per unit, around the
 * 2016–2025 prices of 赤峰 rural works), and the items of the household rosters.
 */
import type { Rng } from './random'

export type Level = 'village' | 'town' | 'county'

/** County departments by a short key; the full name is 「巴林左旗」 + name. */
export const departments = {
  traffic: '交通运输局',
  water: '水利局',
  agri: '农牧局',
  housing: '住房和城乡建设局',
  edu: '教育局',
  culture: '文化旅游体育局',
  health: '卫生健康委员会',
  drc: '发展和改革委员会',
  forest: '林业和草原局',
  civil: '民政局',
  org: '委组织部',
  it: '工业和信息化局',
  energy: '能源局',
  commerce: '商务局',
  hr: '人力资源和社会保障局',
  finance: '财政局',
} as const
export type Dept = keyof typeof departments

export interface BuildContext {
  /** 嘎查 (pastoral) rather than 村. */
  pastoral: boolean
  year: number
}

export interface OperatingProfile {
  /** [mode, weight] over the operatingModes of asset-enums. */
  modes: [string, number][]
  /** Who runs it when it is not the owner itself. */
  operator: 'coop' | 'enterprise' | 'farm' | 'energy'
  /** Agreed yearly income as a share of the original value. */
  incomeRate: [number, number]
  contractYears: number[]
}

export interface AssetTemplate {
  class: '公益类' | '经营类'
  subtype: string
  /** In the asset name after 「XX村2021年」; a function when it depends on the year or place. */
  title: string | ((c: BuildContext) => string)
  weight: number
  unit: string
  qty: [number, number]
  /** Decimal places of the quantity (公里 0.01), or a step (光伏 50 kW). */
  decimals?: number
  step?: number
  /** 元 per unit. */
  unitCost: [number, number]
  spec: (q: number, r: Rng, c: BuildContext) => string
  levels: [Level, number][]
  dept: Dept
  form?: string
  /** Probability that neighbouring villages build it together (联建, 2–3 owners). */
  joint?: number
  years?: [number, number]
  /** More likely in 嘎查 (pastoral) or 村 (farming) villages. */
  pastoral?: number
  custody: [string, number][]
  operating?: OperatingProfile
  /** Why the asset is idle, inefficient or damaged, when it is. */
  troubles?: Partial<Record<'闲置' | '低效' | '损毁', string[]>>
}

const one = (r: Rng, items: readonly (string | number)[]) => r.pick(items)
const villageCustody: [string, number][] = [['产权主体自管', 45], ['设置公益性岗位管护', 35], ['委托管护', 20]]
const deptCustody: [string, number][] = [['产权主体自管', 50], ['委托管护', 30], ['专业运维', 20]]
const village = (v = 85, t = 10, c = 5): [Level, number][] => [['village', v], ['town', t], ['county', c]]

const facilityOps: OperatingProfile = {
  modes: [['租赁经营', 40], ['委托经营', 25], ['承包经营', 12], ['自主经营', 13], ['合作经营', 10]],
  operator: 'coop',
  incomeRate: [0.04, 0.08],
  contractYears: [3, 5, 5, 10, 10, 15],
}
const enterpriseOps: OperatingProfile = { ...facilityOps, operator: 'enterprise', modes: [['租赁经营', 45], ['委托经营', 35], ['承包经营', 10], ['合作经营', 10]] }
const livestockOps: OperatingProfile = {
  modes: [['委托经营', 55], ['租赁经营', 20], ['自主经营', 15], ['合作经营', 10]],
  operator: 'coop',
  incomeRate: [0.05, 0.1],
  contractYears: [3, 3, 5, 5],
}

export const assetTemplates: AssetTemplate[] = [
  // ---------------- 公益类 ----------------
  {
    class: '公益类', subtype: 'G01', title: '村内道路硬化工程', weight: 9, unit: '公里', qty: [0.6, 5], decimals: 2, unitCost: [520_000, 720_000],
    spec: (q, r) => `长${q}公里、宽${one(r, [3.5, 4, 4.5, 5])}米、厚0.18米C30水泥混凝土路面`, levels: village(), dept: 'traffic', custody: villageCustody,
    troubles: { 损毁: ['2023年7月强降雨冲毁路基约120米，路面断裂', '冻融造成路面多处开裂、坑槽', '重载车辆碾压，约300米路面破损'] },
  },
  {
    class: '公益类', subtype: 'G01', title: '通村公路', weight: 3, unit: '公里', qty: [2, 15], decimals: 1, unitCost: [800_000, 1_300_000],
    spec: (q) => `长${q}公里、宽6米沥青混凝土路面，路基宽7.5米`, levels: [['county', 50], ['town', 30], ['village', 20]], dept: 'traffic', custody: deptCustody,
    troubles: { 损毁: ['山洪冲毁涵洞1处，路基塌陷约50米'] },
  },
  {
    class: '公益类', subtype: 'G01', title: '产业路（砂石路）', weight: 4, unit: '公里', qty: [1, 8], decimals: 1, unitCost: [120_000, 250_000],
    spec: (q) => `长${q}公里、宽4.5米砂石路面，配套边沟`, levels: village(90, 10, 0), dept: 'traffic', custody: villageCustody,
    troubles: { 损毁: ['雨季冲刷，路面砂石流失严重'] },
  },
  {
    class: '公益类', subtype: 'G01', title: '太阳能路灯', weight: 4, unit: '盏', qty: [20, 150], unitCost: [2_800, 4_500],
    spec: (q, r) => `${one(r, [6, 7, 8])}米灯杆、${one(r, [30, 40, 60])}瓦LED太阳能路灯${q}盏`, levels: village(90, 10, 0), dept: 'housing', custody: villageCustody,
    troubles: { 损毁: ['蓄电池老化，约三分之一路灯不亮'], 闲置: ['控制器损坏后未更换，路灯整体停用'] },
  },
  {
    class: '公益类', subtype: 'G01', title: '漫水桥', weight: 1, unit: '座', qty: [1, 2], unitCost: [250_000, 900_000],
    spec: (_q, r) => `钢筋混凝土漫水桥，长${r.int(20, 80)}米、宽6米`, levels: village(60, 30, 10), dept: 'traffic', custody: villageCustody,
  },
  {
    class: '公益类', subtype: 'G02', title: '机电井', weight: 6, unit: '眼', qty: [1, 12], unitCost: [60_000, 120_000],
    spec: (_q, r) => `井深${r.int(60, 140)}米、管径${one(r, [219, 273, 325])}毫米，配套潜水泵、井房及${one(r, [30, 50, 80, 100])}千伏安变压器`,
    levels: village(90, 5, 5), dept: 'water', custody: villageCustody, pastoral: 1.2,
    troubles: { 闲置: ['配套电力设施未接通，机电井至今未投入使用', '地下水位下降，出水量不足，停用'], 损毁: ['水泵烧毁，井房屋顶坍塌'] },
  },
  {
    class: '公益类', subtype: 'G02', title: '高效节水灌溉工程', weight: 3, unit: '亩', qty: [300, 3000], step: 10, unitCost: [700, 1_300],
    spec: (q, r) => `浅埋滴灌${q}亩，配套首部枢纽${r.int(1, 4)}处、输水管道${r.int(2, 12)}公里`, levels: village(80, 15, 5), dept: 'water', custody: villageCustody, pastoral: 0.6,
    troubles: { 低效: ['首部设备老化，实际灌溉面积不足设计的一半'] },
  },
  {
    class: '公益类', subtype: 'G02', title: '灌溉渠道衬砌', weight: 1.5, unit: '公里', qty: [1, 6], decimals: 1, unitCost: [150_000, 300_000],
    spec: (q) => `U型混凝土渠道衬砌${q}公里`, levels: village(), dept: 'water', custody: villageCustody, pastoral: 0.5,
  },
  {
    class: '公益类', subtype: 'G03', title: '人畜饮水工程', weight: 6, unit: '处', qty: [1, 1], unitCost: [150_000, 800_000],
    spec: (_q, r) => `新打水源井1眼（井深${r.int(80, 160)}米），建${one(r, [30, 50, 100])}立方米蓄水池1座，铺设供水管网${r.int(2, 15)}公里，入户${r.int(40, 260)}户`,
    levels: village(90, 8, 2), dept: 'water', custody: [['设置公益性岗位管护', 40], ['产权主体自管', 35], ['委托管护', 25]], pastoral: 1.3,
    troubles: { 损毁: ['冬季冻裂供水主管道，部分农户停水'], 低效: ['水源井出水量下降，只能分时段供水'] },
  },
  {
    class: '公益类', subtype: 'G03', title: '饮水安全巩固提升工程', weight: 2, unit: '处', qty: [1, 1], unitCost: [300_000, 1_500_000],
    spec: (_q, r) => `改造供水管网${r.int(3, 20)}公里，新建泵房1座，安装消毒设备1套，覆盖${r.int(2, 6)}个村（嘎查）`,
    levels: [['town', 40], ['village', 50], ['county', 10]], dept: 'water', custody: [['专业运维', 40], ['委托管护', 30], ['产权主体自管', 30]], years: [2019, 2025],
  },
  {
    class: '公益类', subtype: 'G03', title: '净水设备', weight: 1.5, unit: '台', qty: [1, 2], unitCost: [30_000, 90_000],
    spec: (_q, r) => `日处理能力${one(r, [5, 10, 20])}吨反渗透净水设备`, levels: village(), dept: 'water', custody: villageCustody,
    troubles: { 闲置: ['滤芯未按期更换，设备停用'] },
  },
  {
    class: '公益类', subtype: 'G04', title: '农村牧区户厕改造', weight: 5, unit: '座', qty: [20, 300], unitCost: [2_800, 4_500],
    spec: (q, r) => `${one(r, ['三格式化粪池', '双瓮漏斗式', '粪尿分集式卫生旱厕', '装配式水冲'])}户厕${q}座`, levels: village(95, 5, 0), dept: 'agri', custody: villageCustody,
    years: [2018, 2025], troubles: { 闲置: ['冬季冻堵，部分户厕闲置不用'], 低效: ['约四成户厕使用率低'] },
  },
  {
    class: '公益类', subtype: 'G04', title: '公共厕所', weight: 2, unit: '座', qty: [1, 2], unitCost: [80_000, 250_000],
    spec: (_q, r) => `砖混结构水冲式公厕，建筑面积${r.int(30, 80)}平方米`, levels: village(70, 30, 0), dept: 'housing', custody: villageCustody,
  },
  {
    class: '公益类', subtype: 'G04', title: '垃圾收集设施', weight: 2, unit: '个', qty: [10, 60], unitCost: [1_200, 3_000],
    spec: (q, r) => `垃圾收集点${q}个（含${one(r, [1, 2, 3])}立方米垃圾箱）`, levels: village(), dept: 'housing', custody: villageCustody,
  },
  {
    class: '公益类', subtype: 'G04', title: '垃圾转运车', weight: 1, unit: '台', qty: [1, 1], unitCost: [80_000, 200_000],
    spec: (_q, r) => `${one(r, [3, 5, 8])}吨压缩式垃圾转运车`, levels: [['town', 80], ['village', 20]], dept: 'housing', custody: deptCustody,
  },
  {
    class: '公益类', subtype: 'G04', title: '村容村貌整治工程', weight: 1.5, unit: '处', qty: [1, 1], unitCost: [100_000, 500_000],
    spec: (_q, r) => `砌筑院墙${r.int(500, 3000)}米、边沟${r.int(300, 2000)}米，绿化${r.int(500, 4000)}平方米`, levels: village(), dept: 'housing', custody: villageCustody,
  },
  {
    class: '公益类', subtype: 'G05', title: '学校校舍', weight: 1, unit: '平方米', qty: [300, 1500], unitCost: [2_000, 3_000],
    spec: (q, r) => `${one(r, ['砖混', '框架'])}结构教学用房${q}平方米`, levels: [['town', 70], ['county', 30]], dept: 'edu', custody: deptCustody,
  },
  {
    class: '公益类', subtype: 'G05', title: '幼儿园', weight: 0.6, unit: '平方米', qty: [200, 800], unitCost: [2_200, 3_200],
    spec: (q) => `框架结构园舍${q}平方米，配套室外活动场地`, levels: [['town', 80], ['village', 20]], dept: 'edu', custody: deptCustody,
  },
  {
    class: '公益类', subtype: 'G05', title: '教学设备', weight: 0.6, unit: '套', qty: [10, 60], unitCost: [3_000, 8_000],
    spec: (q) => `多媒体教学一体机等${q}套`, levels: [['town', 80], ['county', 20]], dept: 'edu', custody: deptCustody,
  },
  {
    class: '公益类', subtype: 'G06', title: (c) => (c.pastoral ? '嘎查文化活动室' : '村文化活动室'), weight: 3, unit: '平方米', qty: [80, 300], unitCost: [1_800, 2_800],
    spec: (q) => `砖混结构，建筑面积${q}平方米`, levels: village(95, 5, 0), dept: 'culture', custody: villageCustody,
    troubles: { 闲置: ['使用率低，长期闭锁', '房屋墙体开裂，暂停使用'] },
  },
  {
    class: '公益类', subtype: 'G06', title: '文化广场', weight: 3, unit: '平方米', qty: [800, 4000], unitCost: [120, 300],
    spec: (q, r) => `硬化面积${q}平方米，配套舞台1座、宣传栏${r.int(2, 8)}块`, levels: village(90, 10, 0), dept: 'culture', custody: villageCustody,
  },
  {
    class: '公益类', subtype: 'G06', title: '农家书屋', weight: 1, unit: '处', qty: [1, 1], unitCost: [20_000, 60_000],
    spec: (_q, r) => `图书${r.int(15, 40) * 100}册、书架${r.int(4, 12)}组`, levels: village(), dept: 'culture', custody: villageCustody,
    troubles: { 闲置: ['无专人管理，书屋长期不开放'] },
  },
  {
    class: '公益类', subtype: 'G07', title: '健身器材', weight: 2, unit: '套', qty: [1, 3], unitCost: [30_000, 80_000],
    spec: (_q, r) => `室外健身路径${r.int(8, 16)}件`, levels: village(), dept: 'culture', custody: villageCustody,
  },
  {
    class: '公益类', subtype: 'G07', title: '健身广场', weight: 1, unit: '平方米', qty: [500, 2000], unitCost: [150, 350],
    spec: (q) => `塑胶及混凝土场地${q}平方米，配套篮球架2副`, levels: village(), dept: 'culture', custody: villageCustody,
  },
  {
    class: '公益类', subtype: 'G08', title: (c) => (c.pastoral ? '嘎查卫生室' : '村卫生室'), weight: 2.5, unit: '平方米', qty: [60, 150], unitCost: [2_200, 3_200],
    spec: (q) => `砖混结构标准化卫生室${q}平方米，含诊断室、治疗室、药房`, levels: village(95, 5, 0), dept: 'health', custody: villageCustody,
  },
  {
    class: '公益类', subtype: 'G08', title: '医疗设备', weight: 0.8, unit: '台', qty: [2, 10], unitCost: [8_000, 40_000],
    spec: (q) => `心电图机、B超机等医疗设备${q}台`, levels: [['town', 70], ['village', 30]], dept: 'health', custody: deptCustody,
  },
  {
    class: '公益类', subtype: 'G09', title: '农网改造', weight: 1.5, unit: '公里', qty: [1, 10], decimals: 1, unitCost: [150_000, 300_000],
    spec: (q) => `新建改造10千伏线路${q}公里`, levels: [['village', 60], ['town', 30], ['county', 10]], dept: 'drc', custody: deptCustody,
  },
  {
    class: '公益类', subtype: 'G09', title: '变压器', weight: 1.5, unit: '台', qty: [1, 3], unitCost: [60_000, 150_000],
    spec: (_q, r) => `${one(r, [100, 200, 315, 400])}千伏安箱式变压器`, levels: village(), dept: 'drc', custody: deptCustody,
  },
  {
    class: '公益类', subtype: 'G10', title: (c) => (c.pastoral ? '嘎查党群服务中心' : '村党群服务中心'), weight: 2.5, unit: '平方米', qty: [200, 600], unitCost: [1_800, 2_800],
    spec: (q) => `砖混结构，建筑面积${q}平方米，含便民服务大厅、会议室`, levels: village(95, 5, 0), dept: 'org', custody: villageCustody,
  },
  {
    class: '公益类', subtype: 'G10', title: '互助幸福院', weight: 1.5, unit: '平方米', qty: [300, 1000], unitCost: [2_000, 3_000],
    spec: (q, r) => `砖混结构，建筑面积${q}平方米，可入住${r.int(10, 40)}户`, levels: village(70, 30, 0), dept: 'civil', custody: villageCustody,
    troubles: { 闲置: ['入住率低，部分房间闲置', '老人多随子女进城，幸福院空置'] },
  },
  {
    class: '公益类', subtype: 'G10', title: '便民服务站', weight: 0.8, unit: '处', qty: [1, 1], unitCost: [50_000, 200_000],
    spec: (_q, r) => `服务用房${r.int(40, 120)}平方米，配套办公设备`, levels: village(), dept: 'civil', custody: villageCustody,
  },
  {
    class: '公益类', subtype: 'G11', title: '通信基站配套工程', weight: 0.6, unit: '处', qty: [1, 1], unitCost: [100_000, 300_000],
    spec: () => '铁塔1座及配套供电线路', levels: [['village', 70], ['town', 30]], dept: 'it', custody: [['专业运维', 70], ['委托管护', 30]],
  },
  {
    class: '公益类', subtype: 'G12', title: '易地扶贫搬迁安置区配套基础设施', weight: 0.6, unit: '处', qty: [1, 1], unitCost: [500_000, 3_000_000],
    spec: (_q, r) => `安置${r.int(30, 200)}户，配套道路${r.int(1, 5)}公里、供水管网${r.int(1, 6)}公里、供电线路${r.int(1, 4)}公里`,
    levels: [['town', 70], ['village', 30]], dept: 'drc', custody: deptCustody, years: [2016, 2020],
  },
  {
    class: '公益类', subtype: 'G13', title: '防护林', weight: 2, unit: '亩', qty: [200, 2000], step: 10, unitCost: [500, 1_200],
    spec: (q, r) => `${one(r, ['樟子松', '杨树', '山杏', '柠条', '油松'])}防护林${q}亩`, levels: village(80, 15, 5), dept: 'forest', custody: villageCustody,
    troubles: { 低效: ['干旱少雨，造林成活率不足六成'] },
  },
  {
    class: '公益类', subtype: 'G13', title: '网围栏（公共草场）', weight: 1.5, unit: '公里', qty: [5, 40], decimals: 1, unitCost: [8_000, 15_000],
    spec: (q) => `刺丝网围栏${q}公里，立柱间距4米`, levels: village(), dept: 'forest', custody: villageCustody, pastoral: 2.5,
    troubles: { 损毁: ['大雪压倒围栏约2公里'] },
  },
  {
    class: '公益类', subtype: 'G13', title: '防洪堤', weight: 1, unit: '公里', qty: [0.5, 4], decimals: 2, unitCost: [300_000, 800_000],
    spec: (q) => `浆砌石防洪堤${q}公里`, levels: village(60, 30, 10), dept: 'water', custody: villageCustody,
    troubles: { 损毁: ['2021年汛期堤脚淘刷，局部坍塌'] },
  },

  // ---------------- 经营类 ----------------
  {
    class: '经营类', subtype: 'J01', title: '日光温室', weight: 8, unit: '座', qty: [5, 60], unitCost: [80_000, 150_000],
    spec: (q, r) => `钢架结构日光温室${q}座，每座长${one(r, [60, 80, 100])}米、跨度${one(r, [8, 10, 12])}米`, levels: village(90, 10, 0), dept: 'agri',
    custody: [['委托管护', 60], ['产权主体自管', 40]], operating: facilityOps, pastoral: 0.3,
    troubles: { 闲置: ['承租方退租，大棚空置至今', '棚膜破损后未更换，暂停种植'], 低效: ['蔬菜价格低，租金收入不足投资额的2%'] },
  },
  {
    class: '经营类', subtype: 'J01', title: '冷棚', weight: 4, unit: '座', qty: [10, 80], unitCost: [15_000, 40_000],
    spec: (q) => `钢架冷棚${q}座`, levels: village(95, 5, 0), dept: 'agri', custody: [['委托管护', 60], ['产权主体自管', 40]], operating: facilityOps, pastoral: 0.3,
    troubles: { 闲置: ['无人承包，冷棚闲置'] },
  },
  {
    class: '经营类', subtype: 'J01', title: '饲草料种植基地', weight: 2, unit: '亩', qty: [500, 3000], step: 10, unitCost: [300, 800],
    spec: (q, r) => `青贮玉米、苜蓿种植基地${q}亩，配套机电井${r.int(2, 8)}眼`, levels: village(), dept: 'agri', custody: [['委托管护', 70], ['产权主体自管', 30]], operating: facilityOps, pastoral: 1.5,
  },
  {
    class: '经营类', subtype: 'J01', title: '有机谷子种植基地', weight: 1.5, unit: '亩', qty: [500, 5000], step: 10, unitCost: [200, 600],
    spec: (q) => `有机谷子种植基地${q}亩，配套田间道路及节水设施`, levels: village(), dept: 'agri', custody: [['委托管护', 70], ['产权主体自管', 30]], operating: facilityOps, pastoral: 0.5,
  },
  {
    class: '经营类', subtype: 'J01', title: '笤帚苗种植基地', weight: 1.5, unit: '亩', qty: [300, 3000], step: 10, unitCost: [200, 500],
    spec: (q) => `笤帚苗种植基地${q}亩，配套晾晒场`, levels: village(), dept: 'agri', custody: [['委托管护', 70], ['产权主体自管', 30]], operating: facilityOps, pastoral: 0.5,
  },
  {
    class: '经营类', subtype: 'J02', title: '肉牛养殖场', weight: 7, unit: '处', qty: [1, 1], unitCost: [500_000, 3_000_000],
    spec: (_q, r) => `标准化棚圈${r.int(8, 40) * 100}平方米、青贮窖${r.int(5, 30) * 100}立方米、草料棚${r.int(3, 12) * 100}平方米，可存栏${r.int(10, 60) * 10}头`,
    levels: village(85, 10, 5), dept: 'agri', custody: [['委托管护', 70], ['产权主体自管', 30]], operating: livestockOps, pastoral: 1.5,
    troubles: { 闲置: ['养殖户退出，棚圈空置', '牛价下行，经营主体停养'], 低效: ['存栏不足设计规模的三成，租金收缴困难'] },
  },
  {
    class: '经营类', subtype: 'J02', title: '肉羊养殖基地', weight: 3, unit: '处', qty: [1, 1], unitCost: [300_000, 1_500_000],
    spec: (_q, r) => `暖棚羊舍${r.int(6, 30) * 100}平方米、青贮窖${r.int(3, 15) * 100}立方米，可存栏${r.int(5, 30) * 100}只`,
    levels: village(90, 10, 0), dept: 'agri', custody: [['委托管护', 70], ['产权主体自管', 30]], operating: livestockOps, pastoral: 2,
    troubles: { 闲置: ['经营主体经营不善退租，羊舍空置'] },
  },
  {
    class: '经营类', subtype: 'J02', title: '标准化暖棚', weight: 5, unit: '平方米', qty: [600, 3000], step: 10, unitCost: [450, 750],
    spec: (q) => `彩钢结构暖棚${q}平方米`, levels: village(), dept: 'agri', custody: [['委托管护', 60], ['产权主体自管', 40]], operating: livestockOps, pastoral: 1.5,
    troubles: { 闲置: ['无人租用，暖棚空置'] },
  },
  {
    class: '经营类', subtype: 'J02', title: '青贮窖', weight: 2, unit: '立方米', qty: [500, 3000], step: 50, unitCost: [150, 250],
    spec: (q) => `钢筋混凝土青贮窖${q}立方米`, levels: village(), dept: 'agri', custody: [['委托管护', 60], ['产权主体自管', 40]], operating: livestockOps, pastoral: 1.5,
  },
  {
    class: '经营类', subtype: 'J02', title: '储草棚', weight: 2, unit: '平方米', qty: [300, 1500], step: 10, unitCost: [300, 500],
    spec: (q) => `钢结构储草棚${q}平方米`, levels: village(), dept: 'agri', custody: [['委托管护', 60], ['产权主体自管', 40]], operating: livestockOps, pastoral: 1.5,
  },
  {
    class: '经营类', subtype: 'J03', title: '小米加工厂', weight: 2, unit: '处', qty: [1, 1], unitCost: [800_000, 3_000_000],
    spec: (_q, r) => `加工厂房${r.int(6, 20) * 100}平方米，小米加工生产线1条（日加工${r.int(10, 50)}吨）`, levels: village(60, 30, 10), dept: 'agri',
    custody: [['委托管护', 80], ['产权主体自管', 20]], operating: enterpriseOps, pastoral: 0.4,
    troubles: { 低效: ['原料收购不足，生产线年开工不足三个月'], 闲置: ['合作企业停产，厂房闲置'] },
  },
  {
    class: '经营类', subtype: 'J03', title: '笤帚苗加工车间', weight: 2, unit: '平方米', qty: [300, 1200], step: 10, unitCost: [1_200, 2_200],
    spec: (q) => `钢结构加工车间${q}平方米，配套捆扎、脱粒设备`, levels: village(80, 20, 0), dept: 'agri', custody: [['委托管护', 80], ['产权主体自管', 20]], operating: enterpriseOps, pastoral: 0.4,
  },
  {
    class: '经营类', subtype: 'J03', title: '饲草料加工厂', weight: 2, unit: '处', qty: [1, 1], unitCost: [500_000, 2_000_000],
    spec: (_q, r) => `加工车间${r.int(5, 15) * 100}平方米，配套揉丝机、打捆机等设备${r.int(4, 12)}台（套）`, levels: village(70, 25, 5), dept: 'agri',
    custody: [['委托管护', 80], ['产权主体自管', 20]], operating: enterpriseOps, pastoral: 1.5,
  },
  {
    class: '经营类', subtype: 'J03', title: '粮食烘干塔', weight: 1, unit: '座', qty: [1, 1], unitCost: [600_000, 1_500_000],
    spec: (_q, r) => `日烘干能力${one(r, [100, 200, 300])}吨`, levels: [['town', 60], ['village', 40]], dept: 'agri', custody: [['委托管护', 80], ['产权主体自管', 20]], operating: enterpriseOps,
  },
  {
    class: '经营类', subtype: 'J04', title: '果蔬保鲜冷库', weight: 4, unit: '座', qty: [1, 2], unitCost: [300_000, 1_200_000],
    spec: (_q, r) => `库容${r.int(2, 20) * 50}吨，建筑面积${r.int(3, 12) * 50}平方米`, levels: village(70, 25, 5), dept: 'agri',
    custody: [['委托管护', 80], ['产权主体自管', 20]], operating: enterpriseOps,
    troubles: { 闲置: ['经营主体经营不善退租，冷库停用'], 低效: ['仅在秋季使用两个月，利用率低'] },
  },
  {
    class: '经营类', subtype: 'J04', title: '农产品仓储库', weight: 2, unit: '平方米', qty: [300, 2000], step: 10, unitCost: [800, 1_500],
    spec: (q) => `钢结构仓储库${q}平方米`, levels: village(70, 30, 0), dept: 'agri', custody: [['委托管护', 70], ['产权主体自管', 30]], operating: facilityOps,
  },
  {
    class: '经营类', subtype: 'J05', title: (c) => (c.year <= 2020 ? '村级光伏扶贫电站' : '村级光伏电站'), weight: 6, unit: '千瓦', qty: [100, 500], step: 50,
    unitCost: [6_000, 8_500], spec: (q, r) => `装机容量${q}千瓦，${one(r, ['多晶硅组件', '单晶硅组件'])}，10千伏并网`, levels: village(85, 10, 5), dept: 'energy', joint: 0.4,
    years: [2016, 2020], custody: [['专业运维', 85], ['委托管护', 15]],
    operating: { modes: [['委托经营', 90], ['自主经营', 10]], operator: 'energy', incomeRate: [0.08, 0.12], contractYears: [10, 20, 20] },
    troubles: { 低效: ['组件积灰、部分逆变器故障，发电量低于设计值'] },
  },
  {
    class: '经营类', subtype: 'J06', title: (c) => (c.year <= 2020 ? '扶贫车间' : '帮扶车间'), weight: 4, unit: '平方米', qty: [300, 1500], step: 10, unitCost: [1_400, 2_400],
    spec: (q, r, c) => `钢结构厂房${q}平方米，用于${c.pastoral ? one(r, ['蒙古族刺绣', '民族服饰加工', '奶食品加工']) : one(r, ['笤帚苗编织', '服装加工', '手工艺品加工', '杂粮包装'])}`,
    levels: village(70, 30, 0), dept: 'hr', custody: [['委托管护', 80], ['产权主体自管', 20]], operating: enterpriseOps,
    troubles: { 闲置: ['加工订单不足，车间停工', '企业撤出，厂房待重新招租'], 低效: ['吸纳务工人数少，租金偏低'] },
  },
  {
    class: '经营类', subtype: 'J07', title: '乡村旅游民宿', weight: 1, unit: '平方米', qty: [200, 800], step: 10, unitCost: [2_500, 4_000],
    spec: (q, r) => `民宿用房${q}平方米，客房${r.int(6, 20)}间`, levels: village(), dept: 'culture', custody: [['委托管护', 80], ['产权主体自管', 20]], operating: enterpriseOps,
    troubles: { 低效: ['游客少，入住率不足两成'] },
  },
  {
    class: '经营类', subtype: 'J07', title: '游客服务中心', weight: 0.5, unit: '平方米', qty: [150, 600], step: 10, unitCost: [2_500, 4_000],
    spec: (q) => `框架结构，建筑面积${q}平方米`, levels: [['town', 60], ['village', 40]], dept: 'culture', custody: [['委托管护', 80], ['产权主体自管', 20]], operating: enterpriseOps,
  },
  {
    class: '经营类', subtype: 'J08', title: '电商服务站', weight: 1.5, unit: '处', qty: [1, 1], unitCost: [80_000, 400_000],
    spec: (_q, r) => `办公及仓储用房${r.int(60, 300)}平方米，配套冷藏柜、电脑等设备`, levels: village(60, 40, 0), dept: 'commerce', custody: [['委托管护', 80], ['产权主体自管', 20]], operating: enterpriseOps,
  },
  {
    class: '经营类', subtype: 'J09', title: '商铺（门面房）', weight: 3, unit: '平方米', qty: [100, 600], step: 10, unitCost: [2_500, 4_500],
    spec: (q, r) => `临街门面房${r.int(2, 10)}间，建筑面积${q}平方米`, levels: [['town', 40], ['village', 60]], dept: 'agri', custody: [['产权主体自管', 70], ['委托管护', 30]], operating: facilityOps,
    troubles: { 闲置: ['部分门面房未租出'] },
  },
  {
    class: '经营类', subtype: 'J09', title: '农贸市场', weight: 0.5, unit: '平方米', qty: [1000, 5000], step: 50, unitCost: [400, 900],
    spec: (q, r) => `市场占地${q}平方米，摊位${r.int(40, 200)}个`, levels: [['town', 90], ['village', 10]], dept: 'commerce', custody: [['产权主体自管', 50], ['委托管护', 50]], operating: facilityOps,
  },
  {
    class: '经营类', subtype: 'J10', title: '青贮收获机', weight: 1.5, unit: '台', qty: [1, 3], unitCost: [180_000, 450_000],
    spec: (_q, r) => `${one(r, ['自走式', '牵引式'])}青贮饲料收获机`, levels: village(), dept: 'agri', custody: [['产权主体自管', 60], ['委托管护', 40]],
    operating: { ...facilityOps, modes: [['承包经营', 40], ['租赁经营', 30], ['自主经营', 30]] }, pastoral: 1.3,
  },
  {
    class: '经营类', subtype: 'J10', title: '拖拉机及配套农机具', weight: 2, unit: '台', qty: [1, 4], unitCost: [80_000, 300_000],
    spec: (_q, r) => `${one(r, [904, 1004, 1204, 1304])}型拖拉机及旋耕机、播种机等配套农具`, levels: village(), dept: 'agri', custody: [['产权主体自管', 60], ['委托管护', 40]],
    operating: { ...facilityOps, modes: [['承包经营', 40], ['租赁经营', 30], ['自主经营', 30]] },
  },
  {
    class: '经营类', subtype: 'J10', title: '打捆机', weight: 1, unit: '台', qty: [1, 3], unitCost: [50_000, 150_000],
    spec: () => '方草捆打捆机', levels: village(), dept: 'agri', custody: [['产权主体自管', 60], ['委托管护', 40]],
    operating: { ...facilityOps, modes: [['承包经营', 40], ['租赁经营', 30], ['自主经营', 30]] }, pastoral: 1.5,
  },
  {
    class: '经营类', subtype: 'J11', title: '集体基础母牛', weight: 3, unit: '头', qty: [20, 150], unitCost: [8_000, 12_000],
    spec: (q, r) => `${one(r, ['西门塔尔', '安格斯', '西门塔尔改良'])}基础母牛${q}头`, form: '生物资产', levels: village(), dept: 'agri',
    custody: [['委托管护', 80], ['产权主体自管', 20]], operating: livestockOps, pastoral: 1.8,
    troubles: { 低效: ['繁殖率低，托管收益不足约定的一半'] },
  },
  {
    class: '经营类', subtype: 'J11', title: '集体基础母羊', weight: 1.5, unit: '只', qty: [100, 500], step: 10, unitCost: [800, 1_300],
    spec: (q, r) => `${one(r, ['昭乌达肉羊', '小尾寒羊', '杜泊羊'])}基础母羊${q}只`, form: '生物资产', levels: village(), dept: 'agri',
    custody: [['委托管护', 80], ['产权主体自管', 20]], operating: livestockOps, pastoral: 2,
  },
  {
    class: '经营类', subtype: 'J12', title: '入股龙头企业股权', weight: 3, unit: '元', qty: [500_000, 5_000_000], step: 10_000, unitCost: [1, 1],
    spec: () => '衔接资金入股经营主体，按年保底分红', form: '无形资产（股权）', levels: village(70, 20, 10), dept: 'agri', custody: [['委托管护', 100]],
    operating: { modes: [['入股经营（股份合作）', 100]], operator: 'enterprise', incomeRate: [0.05, 0.08], contractYears: [3, 5, 5] },
    troubles: { 低效: ['企业经营困难，保底分红延期支付'] },
  },
  {
    class: '经营类', subtype: 'J13', title: '产业帮扶资金借款（债权）', weight: 2, unit: '元', qty: [300_000, 3_000_000], step: 10_000, unitCost: [1, 1],
    spec: () => '资金借给经营主体使用，到期收回本金，按年收取固定收益', form: '无形资产（债权）', levels: village(70, 20, 10), dept: 'agri', custody: [['委托管护', 100]],
    operating: { modes: [['委托经营', 100]], operator: 'enterprise', incomeRate: [0.05, 0.07], contractYears: [3, 3, 5] },
    troubles: { 低效: ['借款企业逾期未付收益，已催收'] },
  },
  {
    class: '经营类', subtype: 'J14', title: '产业发展基金份额', weight: 0.5, unit: '元', qty: [500_000, 3_000_000], step: 10_000, unitCost: [1, 1],
    spec: () => '旗级产业发展基金份额', form: '基金份额', levels: [['county', 60], ['town', 40]], dept: 'finance', custody: [['委托管护', 100]],
    operating: { modes: [['其他', 100]], operator: 'enterprise', incomeRate: [0.03, 0.05], contractYears: [5] },
  },
]

// ---------------- 到户类 (household roster items) ----------------

export type ItemKind = 'cattle' | 'sheep' | 'pig' | 'poultry' | 'facility' | 'machine' | 'pv' | 'tree'

export interface HouseholdItem {
  item: string
  subtype: string
  unit: string
  /** Quantity per household [min, max] and its step. */
  qty: [number, number]
  step?: number
  /** Subsidy standards in 元 per unit; a batch uses one. */
  standards: number[]
  specs: string[]
  methods: [string, number][]
  kind: ItemKind
  weight: number
  pastoral?: number
  years?: [number, number]
  /** Probability of a 农户自筹 part, and its size as a share of the subsidy. */
  selfRaised?: [number, number, number]
  form: '生物资产' | '固定资产'
}

export const householdItems: HouseholdItem[] = [
  {
    item: '基础母牛', subtype: 'H01', unit: '头', qty: [1, 3], standards: [8_000, 9_000, 10_000, 10_000, 11_000, 12_000],
    specs: ['西门塔尔', '西门塔尔', '安格斯', '夏洛莱', '利木赞', '本地黄牛改良'], methods: [['实物发放', 55], ['以奖代补', 20], ['现金补助（打卡）', 25]],
    kind: 'cattle', weight: 10, pastoral: 1.4, selfRaised: [0.25, 0.15, 0.4], form: '生物资产',
  },
  {
    item: '肉牛犊', subtype: 'H01', unit: '头', qty: [1, 3], standards: [3_000, 4_000, 5_000], specs: ['西门塔尔', '安格斯'],
    methods: [['实物发放', 70], ['现金补助（打卡）', 30]], kind: 'cattle', weight: 2, form: '生物资产',
  },
  {
    item: '基础母羊', subtype: 'H01', unit: '只', qty: [5, 30], standards: [800, 900, 1_000, 1_100, 1_200], specs: ['昭乌达肉羊', '小尾寒羊', '杜泊羊', '湖羊', '蒙古羊'],
    methods: [['实物发放', 60], ['以奖代补', 15], ['现金补助（打卡）', 25]], kind: 'sheep', weight: 7, pastoral: 2, selfRaised: [0.15, 0.1, 0.3], form: '生物资产',
  },
  {
    item: '仔猪', subtype: 'H01', unit: '头', qty: [2, 10], standards: [600, 800, 1_000], specs: ['杜长大三元', '本地黑猪'],
    methods: [['实物发放', 80], ['现金补助（打卡）', 20]], kind: 'pig', weight: 1.5, pastoral: 0.4, form: '生物资产',
  },
  {
    item: '蛋鸡', subtype: 'H01', unit: '羽', qty: [50, 300], step: 10, standards: [15, 20, 25], specs: ['京红1号', '农大3号'],
    methods: [['实物发放', 100]], kind: 'poultry', weight: 1, pastoral: 0.5, form: '生物资产',
  },
  {
    item: '暖棚', subtype: 'H03', unit: '平方米', qty: [30, 120], step: 0.5, standards: [150, 180, 200, 250, 300], specs: ['彩钢结构', '砖混结构阳光暖棚'],
    methods: [['先建后补', 70], ['以奖代补', 30]], kind: 'facility', weight: 6, pastoral: 1.3, selfRaised: [0.6, 0.3, 1], form: '固定资产',
  },
  {
    item: '青贮窖', subtype: 'H03', unit: '立方米', qty: [30, 120], step: 0.5, standards: [80, 100, 120, 150], specs: ['钢筋混凝土', '砖混'],
    methods: [['先建后补', 70], ['以奖代补', 30]], kind: 'facility', weight: 4, pastoral: 1.3, selfRaised: [0.5, 0.3, 1], form: '固定资产',
  },
  {
    item: '储草棚', subtype: 'H03', unit: '平方米', qty: [30, 100], standards: [100, 150, 200], specs: ['钢结构'],
    methods: [['先建后补', 80], ['以奖代补', 20]], kind: 'facility', weight: 2, pastoral: 1.5, selfRaised: [0.5, 0.3, 1], form: '固定资产',
  },
  {
    item: '户用大棚', subtype: 'H03', unit: '座', qty: [1, 1], standards: [8_000, 10_000, 15_000], specs: ['钢架冷棚', '日光温室'],
    methods: [['先建后补', 60], ['实物发放', 40]], kind: 'facility', weight: 1.5, pastoral: 0.3, selfRaised: [0.4, 0.2, 0.6], form: '固定资产',
  },
  {
    item: '铡草机', subtype: 'H04', unit: '台', qty: [1, 1], standards: [1_500, 2_000, 2_500, 3_000], specs: ['9Z-1.5型', '9Z-3型', '9ZP-4.0型揉丝机'],
    methods: [['实物发放', 85], ['以奖代补', 15]], kind: 'machine', weight: 4, pastoral: 1.4, form: '固定资产',
  },
  {
    item: '粉碎机', subtype: 'H04', unit: '台', qty: [1, 1], standards: [1_200, 1_800, 2_400], specs: ['9FQ-40型', '9FQ-50型'],
    methods: [['实物发放', 90], ['以奖代补', 10]], kind: 'machine', weight: 2, form: '固定资产',
  },
  {
    item: '农用三轮车', subtype: 'H04', unit: '台', qty: [1, 1], standards: [5_000, 6_000, 8_000], specs: ['7YP-1150型'],
    methods: [['以奖代补', 60], ['实物发放', 40]], kind: 'machine', weight: 0.8, selfRaised: [0.5, 0.2, 0.5], form: '固定资产',
  },
  {
    item: '户用光伏', subtype: 'H05', unit: '套', qty: [1, 1], standards: [20_000, 24_000, 28_000], specs: ['3千瓦', '5千瓦'],
    methods: [['实物发放', 100]], kind: 'pv', weight: 1, years: [2016, 2019], form: '固定资产',
  },
  {
    item: '果树苗', subtype: 'H02', unit: '株', qty: [20, 200], step: 10, standards: [10, 15, 20, 25], specs: ['123小苹果', '寒富苹果', '大扁杏', '山杏'],
    methods: [['实物发放', 100]], kind: 'tree', weight: 2, pastoral: 0.4, form: '生物资产',
  },
  {
    item: '庭院种养设施', subtype: 'H06', unit: '处', qty: [1, 1], standards: [1_000, 1_500, 2_000, 3_000], specs: ['庭院菜园围栏及滴灌设施', '庭院鸡舍'],
    methods: [['以奖代补', 70], ['实物发放', 30]], kind: 'facility', weight: 2, years: [2021, 2025], form: '固定资产',
  },
  {
    item: '网围栏', subtype: 'H07', unit: '米', qty: [500, 3000], step: 100, standards: [8, 10, 12, 15], specs: ['刺丝网围栏，立柱间距4米'],
    methods: [['实物发放', 70], ['先建后补', 30]], kind: 'facility', weight: 2, pastoral: 3, form: '固定资产',
  },
]
