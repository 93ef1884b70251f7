/** What the user calls each kind of audited record, for the change history. */
export const entityLabels: Record<string, string> = {
  region: '区划',
  setting: '参数',
  county: '旗县设置',
}
