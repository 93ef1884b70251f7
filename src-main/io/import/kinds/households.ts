import { householdInput } from '../../../api/channels/households'
import { householdAttributes } from '../../../domain/asset-enums'
import { normalizeText } from '../../../domain/text'
import type { ServiceContext } from '../../../services/context'
import { createHousehold } from '../../../services/households'
import { checkHousehold, type HouseholdInput } from '../../../services/households/rules'
import { parseCellIdCard, parseCellInteger, parseCellYear, parseEnum } from '../normalise'
import { foldText, shortText } from '../normalise/text'
import type { FieldSpec } from '../types'
import { field, RowMessages, writeEach, type ImportKind, type KindEnv, type RowCells, type RowOutcome } from './kind'
import { cachingContext, RegionLookup } from './lookups'

export const attributeSynonyms: Record<string, string> = {
  脱贫户: '脱贫户',
  已脱贫户: '脱贫户',
  建档立卡脱贫户: '脱贫户',
  脱贫不稳定户: '监测对象（脱贫不稳定户）',
  边缘易致贫户: '监测对象（边缘易致贫户）',
  突发严重困难户: '监测对象（突发严重困难户）',
  监测户脱贫不稳定户: '监测对象（脱贫不稳定户）',
  一般户: '一般户',
  一般农户: '一般户',
  非贫困户: '一般户',
  普通农户: '一般户',
}

/** The household register's columns as county rosters spell them (domain.md §2.5). */
export const householdFields: FieldSpec[] = [
  field('householdCode', '户编号', 'text', ['户码', '户编码', '防返贫系统户码', '系统户编号']),
  field('headName', '户主姓名', 'text', ['户主', '姓名', '户主名称', '农户姓名'], { required: true }),
  field('idNo', '身份证号', 'idCard', ['户主身份证号', '身份证号码', '证件号码', '身份证', '户主身份证号码', '证件号'], { required: true }),
  field('size', '家庭人口', 'integer', ['家庭人口数', '人口', '人口数', '家庭人数', '户人口数', '家庭成员数'], { required: true }),
  field('attribute', '农户属性', 'enum', ['户类型', '农户类型', '户属性', '贫困户属性', '人员类别'], { required: true, enumValues: householdAttributes, enumSynonyms: attributeSynonyms }),
  field('riskEliminated', '是否风险消除', 'enum', ['风险是否消除', '风险消除'], { enumValues: ['是', '否'], enumSynonyms: { 已消除: '是', 未消除: '否', Y: '是', N: '否' } }),
  field('exitYear', '脱贫年度', 'year', ['脱贫年份', '脱贫时间']),
  field('townCode', '乡镇', 'region', ['所在乡镇', '所在乡镇（苏木）', '乡镇（苏木）', '苏木乡镇', '乡镇名称', '乡镇苏木']),
  field('villageCode', '村', 'region', ['所在村', '所在村（嘎查）', '村（嘎查）', '嘎查村', '行政村', '村名', '嘎查（村）'], { required: true }),
  field('groupName', '组', 'text', ['组/浩特', '浩特', '自然村', '村民小组']),
  field('phone', '联系电话', 'phone', ['电话', '手机号', '手机号码', '联系方式']),
  field('bankAccount', '补助发放账号', 'text', ['银行账号', '一卡通账号', '社保卡号', '银行卡号', '惠农一卡通']),
]

const columnOf = (path: string) => (householdFields.some((f) => f.key === path) ? path : null)
const labelOf = (path: PropertyKey[]) => householdFields.find((f) => f.key === String(path[0]))?.label ?? String(path[0])

export const householdKind: ImportKind<HouseholdInput> = {
  key: 'households',
  title: '农户登记',
  noun: '户',
  fields: householdFields,
  example: [null, '张三', '150422198001011234', 4, '脱贫户', null, 2019, '林东镇', '福山地村', '一组', '13800000000', ''],
  start: (ctx, env) => startHouseholds(ctx, env),
}

function startHouseholds(outer: ServiceContext, env: KindEnv) {
  const ctx = cachingContext(outer)
  const regions = new RegionLookup(ctx.db)
  const seen = new Map<string, number>()
  const yearRange = { min: 2013, max: new Date().getFullYear() }

  function convert(row: RowCells): RowOutcome<HouseholdInput> {
    const m = new RowMessages(row.rowNumber, env)
    const text = (key: string) => normalizeText(foldText(row.get(key)))
    const headName = text('headName')
    const id = parseCellIdCard(row.get('idNo'))
    const label = `${shortText(headName || `第${row.rowNumber}行`, 10)}${id.value ? ` ${id.value.slice(0, 6)}…${id.value.slice(-4)}` : ''}`
    if (id.error) m.error('idNo', id.error)
    else if (!id.value) m.error('idNo', '请填写身份证号')
    const size = parseCellInteger(row.get('size'), { min: 1, max: 30 })
    if (size.error) m.error('size', size.error)
    else if (size.value === undefined) m.error('size', '请填写家庭人口')
    const attr = parseEnum(row.get('attribute'), householdAttributes, attributeSynonyms)
    if (attr.error) m.error('attribute', attr.error)
    else if (!attr.value) m.error('attribute', '请填写农户属性')
    const risk = parseEnum(row.get('riskEliminated'), ['是', '否'], { 已消除: '是', 未消除: '否', Y: '是', N: '否' })
    if (risk.error) m.error('riskEliminated', risk.error)
    const exit = parseCellYear(row.get('exitYear'), yearRange)
    if (exit.error) m.error('exitYear', exit.error)
    const place = regions.place(row.get('townCode'), row.get('villageCode'))
    if (place.townError) m.error('townCode', place.townError)
    if (place.villageError) m.error('villageCode', place.villageError)
    if (!place.villageCode && !place.villageError) m.error('villageCode', '请填写所在村（嘎查）')
    const phone = foldText(row.get('phone')).replace(/\s/g, '')

    if (m.hasErrors) return { input: null, messages: m.list, label }
    const parsed = householdInput.safeParse({
      householdCode: text('householdCode') || null,
      headName,
      idNo: id.value,
      size: size.value,
      attribute: attr.value,
      riskEliminated: risk.value === undefined ? null : risk.value === '是',
      exitYear: exit.value ?? null,
      villageCode: place.villageCode,
      groupName: text('groupName'),
      phone,
      bankAccount: foldText(row.get('bankAccount')).replace(/\s/g, ''),
      acceptWarnings: true,
    })
    if (!parsed.success) {
      m.schemaIssues(parsed.error, labelOf, columnOf)
      return { input: null, messages: m.list, label }
    }
    const input = parsed.data
    // The form's rules, incl. 「该身份证号已登记在…户下」 (a duplicate against the database, E).
    m.findings(checkHousehold(ctx, input).c.findings(), columnOf)
    for (const w of id.warnings ?? []) m.warning('idNo', w)
    const first = seen.get(id.value!)
    if (first !== undefined) m.rowError(env.header('idNo'), `与第 ${first} 行的身份证号重复，同一人只能登记一次`)
    else seen.set(id.value!, row.rowNumber)
    return { input: m.hasErrors ? null : input, messages: m.list, label }
  }

  const write = writeEach<HouseholdInput>((input) => createHousehold(outer, input))
  return { convert, write }
}
