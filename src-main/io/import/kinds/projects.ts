import type { z } from 'zod'
import { projectInput } from '../../../api/channels/projects'
import { constructionNatures, expectedAssetClasses } from '../../../domain/project-enums'
import { normalizeName } from '../../../domain/text'
import type { ServiceContext } from '../../../services/context'
import { listProjectTypes } from '../../../services/projects/read'
import { checkProject, createProject } from '../../../services/projects/write'
import { parseCellYear, parseEnum } from '../normalise'
import { foldKey, foldText, shortText } from '../normalise/text'
import type { FieldSpec } from '../types'
import { cellReaders, field, RowMessages, writeEach, type ImportKind, type KindEnv, type RowCells, type RowOutcome } from './kind'
import { cachingContext, RegionLookup } from './lookups'

type ProjectInput = z.output<typeof projectInput>

const FUND_PARENTS = ['资金来源', '资金规模及来源', '资金规模', '资金来源构成', '财政衔接资金', '衔接资金', '财政资金', '其中', '投资构成']
const levelField = (key: string, label: string, synonyms: string[]) => field(key, label, 'money', synonyms, { parents: FUND_PARENTS })

/** The columns of a 项目库 list / 年度项目计划表 as counties spell them (domain.md §4.2, R9). */
export const projectFields: FieldSpec[] = [
  field('code', '项目编号', 'text', ['项目代码', '项目库编号', '入库编号']),
  field('name', '项目名称', 'text', ['项目'], { required: true }),
  field('year', '实施年度', 'year', ['年度', '项目年度', '计划年度', '实施年份'], { required: true }),
  field('libraryYear', '入库年度', 'year', ['入库年份']),
  field('typeCode', '项目类型', 'text', ['项目类别', '类型', '项目分类'], { required: true }),
  field('nature', '建设性质', 'enum', ['性质'], { enumValues: constructionNatures, enumSynonyms: { 维修: '维修（改造）', 改造: '维修（改造）', 维修改造: '维修（改造）' } }),
  field('townCode', '乡镇', 'region', ['实施乡镇', '实施地点（乡镇）', '乡镇（苏木）', '所在乡镇', '实施乡镇（苏木）', '建设地点（乡镇）'], { required: true }),
  field('villageCodes', '村', 'region', ['实施村', '实施村（嘎查）', '村（嘎查）', '所在村', '建设地点（村）', '嘎查村']),
  field('content', '建设内容及规模', 'text', ['建设内容', '建设规模', '建设内容和规模', '主要建设内容'], { required: true }),
  field('subsidyStandard', '补助标准', 'text', []),
  field('totalInvestmentFen', '项目总投资', 'money', ['总投资', '投资总额', '资金规模合计', '合计'], { required: true }),
  levelField('fund.中央', '中央', ['中央资金', '中央衔接资金']),
  levelField('fund.自治区', '自治区', ['自治区资金', '省级', '自治区级']),
  levelField('fund.盟市', '盟市', ['盟市资金', '市级', '盟市级']),
  levelField('fund.旗县', '旗县', ['旗县资金', '县级', '旗县级']),
  field('fund.HY', '行业资金', 'money', ['行业扶贫资金']),
  field('fund.DX', '京蒙协作资金', 'money', ['东西部协作资金', '协作资金']),
  field('fund.self', '自筹资金', 'money', ['自筹', '群众自筹', '村集体自筹']),
  field('fund.QT', '其他资金', 'money', ['其他']),
  field('sectorDept', '行业主管部门', 'text', ['主管部门', '行业部门'], { required: true }),
  field('implUnit', '项目实施单位', 'text', ['实施单位', '业主单位', '建设单位'], { required: true }),
  field('responsiblePerson', '项目责任人', 'text', ['责任人']),
  field('beneficiaryVillages', '受益村数', 'integer', ['受益村（嘎查）数']),
  field('beneficiaryHouseholds', '受益户数', 'integer', ['受益总户数']),
  field('beneficiaryPersons', '受益人数', 'integer', ['受益总人数', '受益人口']),
  field('poorHouseholds', '其中脱贫户户数', 'integer', ['脱贫户数', '受益脱贫户数']),
  field('poorPersons', '其中脱贫人口', 'integer', ['脱贫人口数', '受益脱贫人口']),
  field('linkMechanism', '联农带农机制', 'text', ['利益联结机制', '联农带农']),
  field('planStart', '计划开工时间', 'date', ['计划开工日期', '开工时间']),
  field('planEnd', '计划完工时间', 'date', ['计划完工日期', '完工时间']),
  field('formsAsset', '是否形成资产', 'enum', ['形成资产'], { enumValues: ['是', '否'], enumSynonyms: { Y: '是', N: '否', 形成: '是', 不形成: '否' } }),
  field('expectedAssetClass', '预计形成资产类别', 'enum', ['资产类别', '形成资产类别'], {
    enumValues: expectedAssetClasses,
    enumSynonyms: { 经营性: '经营类', 公益性: '公益类', 到户: '到户类', 无: '不形成资产' },
  }),
  field('remarks', '备注', 'text', []),
]

const columnOf = (path: string) => {
  if (path.startsWith('villageCodes')) return 'villageCodes'
  return projectFields.some((f) => f.key === path) ? path : null
}
const labelOf = (path: PropertyKey[]) => projectFields.find((f) => f.key === String(path[0]))?.label ?? String(path[0])
const LEVELS = ['中央', '自治区', '盟市', '旗县'] as const

export const projectKind: ImportKind<ProjectInput> = {
  key: 'projects',
  title: '项目库',
  noun: '个项目',
  fields: projectFields,
  example: [null, '2026年林东镇福山地村肉牛养殖暖棚建设项目', 2026, 2025, '产业发展', '新建', '林东镇', '福山地村', '新建肉牛养殖暖棚2座，每座500平方米', '', 1000000, 800000, 200000],
  start: (ctx, env) => startProjects(ctx, env),
}

function startProjects(outer: ServiceContext, env: KindEnv) {
  const ctx = cachingContext(outer)
  const regions = new RegionLookup(ctx.db)
  const types = listProjectTypes(ctx)
  const typeByKey = new Map<string, string>()
  for (const t of types) {
    typeByKey.set(foldKey(t.code), t.code)
    typeByKey.set(foldKey(t.name), t.code)
    typeByKey.set(foldKey(t.name.replace(/类$|项目$/, '')), t.code)
  }
  const seen = new Map<string, number>()
  const existing = ctx.db.prepare('SELECT code FROM project WHERE name = ? AND year = ? LIMIT 1')
  const yearRange = { min: 2000, max: new Date().getFullYear() + 2 }

  const readCells = cellReaders(env)
  function convert(row: RowCells): RowOutcome<ProjectInput> {
    const m = new RowMessages(row.rowNumber, env)
    const { text, money, int: intOrEmpty, date } = readCells(row, m)
    const int = (key: string) => intOrEmpty(key) ?? 0
    const name = normalizeName(foldText(row.get('name')))
    const label = shortText(name || `第${row.rowNumber}行`, 30)
    if (!name) m.error('name', '请填写项目名称')
    const year = parseCellYear(row.get('year'), yearRange)
    if (year.error) m.error('year', year.error)
    else if (year.value === undefined) m.error('year', '请填写实施年度')
    const libraryYear = parseCellYear(row.get('libraryYear'), yearRange)
    if (libraryYear.error) m.error('libraryYear', libraryYear.error)
    const typeText = foldText(row.get('typeCode'))
    const typeCode = typeByKey.get(foldKey(typeText)) ?? null
    if (!typeCode) m.error('typeCode', typeText ? `“${shortText(typeText)}”不是可选的项目类型，应为：${types.map((t) => t.name).join('、')}` : '请填写项目类型')
    const nature = parseEnum(row.get('nature'), constructionNatures, projectFields.find((f) => f.key === 'nature')!.enumSynonyms)
    if (nature.error) m.error('nature', nature.error)

    const place = regions.place(row.get('townCode'), null)
    if (place.townError) m.error('townCode', place.townError)
    else if (!place.townCode) m.error('townCode', '请填写实施乡镇（苏木）')
    const villageCodes: string[] = []
    for (const part of foldText(row.get('villageCodes')).split(/[、,，;；/\s]+/).filter(Boolean)) {
      if (/^全(镇|乡|苏木)$/.test(part)) continue
      const v = regions.place(row.get('townCode'), part)
      if (v.villageError) m.error('villageCodes', v.villageError)
      else if (v.villageCode && !villageCodes.includes(v.villageCode)) villageCodes.push(v.villageCode)
    }

    const fundSources: ProjectInput['fundSources'] = []
    const fiscal = year.value !== undefined && year.value < 2021 ? 'ZX' : 'XJ'
    for (const level of LEVELS) {
      const fen = money(`fund.${level}`)
      if (fen) fundSources.push({ sourceType: fiscal, level, taskLine: '', integrated: false, amountFen: fen, docNo: '', fundYear: year.value ?? null, note: '' })
    }
    for (const [key, sourceType, note] of [['fund.HY', 'HY', ''], ['fund.DX', 'DX', ''], ['fund.self', 'CJ', ''], ['fund.QT', 'QT', '导入：原表“其他资金”']] as const) {
      const fen = money(key)
      if (fen) fundSources.push({ sourceType, level: null, taskLine: '', integrated: false, amountFen: fen, docNo: '', fundYear: year.value ?? null, note })
    }
    let total = money('totalInvestmentFen')
    if (total === undefined && fundSources.length) total = fundSources.reduce((s, f) => s + f.amountFen, 0)
    if (total === undefined && !m.hasErrors) m.error('totalInvestmentFen', '请填写项目总投资')
    const forms = parseEnum(row.get('formsAsset'), ['是', '否'], { Y: '是', N: '否', 形成: '是', 不形成: '否' })
    if (forms.error) m.error('formsAsset', forms.error)
    const expected = parseEnum(row.get('expectedAssetClass'), expectedAssetClasses, projectFields.find((f) => f.key === 'expectedAssetClass')!.enumSynonyms)
    if (expected.error) m.error('expectedAssetClass', expected.error)
    const formsAsset = forms.value ? forms.value === '是' : !!expected.value && expected.value !== '不形成资产'

    const candidate = {
      code: text('code'),
      externalCode: null,
      name,
      year: year.value,
      libraryYear: libraryYear.value ?? year.value,
      batch: '',
      typeCode,
      subtype: '',
      nature: nature.value ?? '新建',
      townCode: place.townCode,
      villageCodes,
      content: text('content'),
      subsidyStandard: text('subsidyStandard'),
      totalInvestmentFen: total,
      fundSources,
      sectorDept: text('sectorDept'),
      implUnit: text('implUnit'),
      responsiblePerson: text('responsiblePerson'),
      beneficiaryVillages: int('beneficiaryVillages'),
      beneficiaryHouseholds: int('beneficiaryHouseholds'),
      beneficiaryPersons: int('beneficiaryPersons'),
      poorHouseholds: int('poorHouseholds'),
      poorPersons: int('poorPersons'),
      linkMechanism: text('linkMechanism'),
      planStart: date('planStart'),
      planEnd: date('planEnd'),
      formsAsset,
      expectedAssetClass: expected.value ?? (formsAsset ? undefined : '不形成资产'),
      remarks: text('remarks'),
      acceptWarnings: true,
    }
    if (m.hasErrors) return { input: null, messages: m.list, label }
    const parsed = projectInput.safeParse(candidate)
    if (!parsed.success) {
      m.schemaIssues(parsed.error, labelOf, columnOf)
      return { input: null, messages: m.list, label }
    }
    const input = parsed.data
    m.findings(checkProject(ctx, input).findings(), columnOf)
    const key = `${input.name}\u0000${input.year}`
    const first = seen.get(key)
    if (first !== undefined) m.rowError(env.header('name'), `与第 ${first} 行重复（同一项目名称和年度），未重复导入`)
    else seen.set(key, row.rowNumber)
    const dup = existing.get(input.name, input.year) as { code: string } | undefined
    if (dup) m.rowError(env.header('name'), `项目库中已有同年度同名项目（${dup.code}），可能已导入过，未重复导入`)
    return { input: m.hasErrors ? null : input, messages: m.list, label }
  }

  const write = writeEach<ProjectInput>((input) => createProject(outer, input))
  return { convert, write }
}
