/**
 * R4, R11, R12, R13 (domain.md §5): their data come with later features (income and distribution,
 * disposals, performance evaluation, stock-takes). Their layouts are here already, on datasets that
 * give no rows yet, so the same mechanism is proven to carry them (tests build each one empty).
 */
import { countUnitRow, landscapeA3, landscapeA4, standardFooter, standardUnitRow, type LayoutColumn, type ReportLayout } from '../layout'
import { registerDataset } from './dataset'

const t = (key: string, label: string, width = 12): LayoutColumn => ({ key, label, format: 'text', width, wrap: width >= 16 })
const m = (key: string, label: string, width = 13): LayoutColumn => ({ key, label, format: 'money', width })
const i = (key: string, label: string, width = 9): LayoutColumn => ({ key, label, format: 'integer', width })
const d = (key: string, label: string): LayoutColumn => ({ key, label, format: 'date', width: 11.5 })

const empty = (id: string, fields: string[]) => registerDataset({ id, fields, rows: () => ({ rows: [], rowCount: 0 }) })

export const r4Layout: ReportLayout = {
  id: 'R4',
  dataset: 'later.income',
  title: '{县}{年度}经营性{资产称谓}收益及分配情况表',
  sheetName: '收益及分配',
  unitRow: standardUnitRow,
  header: [
    t('town', '乡镇（苏木）'),
    t('village', '村（嘎查）'),
    t('assetName', '资产名称', 22),
    m('valueFen', '资产原值（{unit}）'),
    t('operator', '经营主体', 18),
    t('opMode', '经营方式', 10),
    m('incomeFen', '本期收益（{unit}）'),
    t('incomeType', '收益类型', 10),
    m('distributableFen', '可分配收益'),
    {
      label: '收益分配（{unit}）',
      children: [
        m('distributedFen', '分配合计'),
        m('postsFen', '公益岗位'),
        m('publicWorksFen', '小型公益事业'),
        m('rewardsFen', '奖励补助'),
        m('dividendsFen', '脱贫户/监测户分红'),
        m('collectiveFen', '村集体积累/再投入'),
        m('maintenanceFen', '管护维修'),
        m('otherFen', '其他'),
      ],
    },
    { label: '受益户数', children: [i('beneHouseholds', '合计'), i('poorHouseholds', '其中脱贫户'), i('monitorHouseholds', '其中监测户')] },
    i('benePersons', '受益人数'),
    d('decisionDate', '分配方案决策日期'),
    d('publicityDate', '公示日期'),
  ],
  indexColumn: true,
  subtotal: { key: 'town', labelKey: 'town', label: '{group}小计' },
  total: { label: '合计', labelKey: 'town', position: 'top' },
  footer: standardFooter,
  print: landscapeA3,
}
empty('later.income', ['town', 'village', 'assetName', 'valueFen', 'operator', 'opMode', 'incomeFen', 'incomeType', 'distributableFen', 'distributedFen', 'postsFen', 'publicWorksFen', 'rewardsFen', 'dividendsFen', 'collectiveFen', 'maintenanceFen', 'otherFen', 'beneHouseholds', 'poorHouseholds', 'monitorHouseholds', 'benePersons', 'decisionDate', 'publicityDate'])

export const r11Layout: ReportLayout = {
  id: 'R11',
  dataset: 'later.disposals',
  title: '{县}{年度}{资产称谓}处置情况表',
  sheetName: '资产处置',
  unitRow: standardUnitRow,
  header: [
    t('town', '乡镇（苏木）'),
    t('village', '村（嘎查）'),
    t('code', '资产编号', 17),
    t('name', '资产名称', 22),
    t('class', '类别', 8),
    m('valueFen', '原值（{unit}）'),
    t('situation', '处置情形', 14),
    t('method', '处置方式', 10),
    m('appraisedFen', '评估价值（{unit}）'),
    m('proceedsFen', '处置收入（{unit}）'),
    t('approval', '审批单位/文号', 18),
    d('disposalDate', '处置日期'),
    t('proceedsUse', '收入去向（再投入项目）', 20),
  ],
  indexColumn: true,
  total: { label: '合计', labelKey: 'town', position: 'bottom' },
  footer: standardFooter,
  print: landscapeA4,
}
empty('later.disposals', ['town', 'village', 'code', 'name', 'class', 'valueFen', 'situation', 'method', 'appraisedFen', 'proceedsFen', 'approval', 'disposalDate', 'proceedsUse'])

export const r12Layout: ReportLayout = {
  id: 'R12',
  dataset: 'later.performance',
  title: '{县}{年度}衔接资金项目绩效自评汇总表',
  sheetName: '绩效自评',
  unitRow: standardUnitRow,
  header: [
    t('projectName', '项目名称', 24),
    m('budgetFen', '全年预算数（A）'),
    m('spentFen', '全年执行数（B）'),
    { key: 'execRate', label: '执行率（B/A）', format: 'percent', width: 10, total: { ratio: ['spentFen', 'budgetFen'] } },
    { key: 'score', label: '自评得分', format: 'decimal', width: 8, total: 'none' },
    t('outputs', '主要产出完成情况', 24),
    i('benePoorPersons', '受益脱贫（含监测）人口'),
    { key: 'satisfaction', label: '满意度', format: 'percent', width: 9, total: 'none' },
    t('problems', '存在问题', 20),
  ],
  indexColumn: true,
  total: { label: '合计', labelKey: 'projectName', position: 'bottom' },
  footer: standardFooter,
  print: landscapeA4,
}
empty('later.performance', ['projectName', 'budgetFen', 'spentFen', 'execRate', 'score', 'outputs', 'benePoorPersons', 'satisfaction', 'problems'])

const pairOf = (label: string, key: string) => ({ label, children: [i(`${key}Count`, '个数'), m(`${key}Fen`, '金额（{unit}）')] })
export const r13Layout: ReportLayout = {
  id: 'R13',
  dataset: 'later.stocktake',
  title: '{县}{年度}{资产称谓}清产核资（清查）结果表',
  sheetName: '清查结果',
  unitRow: countUnitRow,
  header: [
    t('town', '乡镇（苏木）'),
    t('village', '村（嘎查）'),
    pairOf('账面资产', 'book'),
    pairOf('清查实有', 'actual'),
    pairOf('盘盈', 'surplus'),
    pairOf('盘亏', 'shortage'),
    pairOf('应登记未登记', 'unregistered'),
    i('noCustodianCount', '无管护主体（个）', 10),
    pairOf('闲置', 'idle'),
    t('opinion', '处理意见', 20),
  ],
  subtotal: { key: 'town', labelKey: 'village', label: '小计' },
  total: { label: '合计', labelKey: 'town', position: 'top' },
  footer: standardFooter,
  print: landscapeA3,
}
empty('later.stocktake', [
  'town', 'village', ...['book', 'actual', 'surplus', 'shortage', 'unregistered', 'idle'].flatMap((k) => [`${k}Count`, `${k}Fen`]), 'noCustodianCount', 'opinion',
])
