/** What the user calls each kind of audited record, for the change history. */
export const entityLabels: Record<string, string> = {
  region: '区划',
  setting: '参数',
  county: '旗县设置',
  asset: '资产',
  household: '农户',
  household_line: '到户资产明细',
  project: '项目',
  fund_doc: '资金文件',
  import_batch: '数据导入',
}
