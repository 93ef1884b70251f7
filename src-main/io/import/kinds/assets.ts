import type { z } from 'zod'
import { assetInput } from '../../../api/channels/assets'
import { assetForms, classLetter, confirmLevels, propertyNatures, type AssetClass } from '../../../domain/asset-enums'
import { normalizeName } from '../../../domain/text'
import { createAsset } from '../../../services/assets/write'
import { checkAsset, type AssetInput } from '../../../services/assets/rules'
import type { ServiceContext } from '../../../services/context'
import { parseCellDecimal, parseCellYear, parseEnum } from '../normalise'
import { foldText, shortText } from '../normalise/text'
import type { FieldSpec } from '../types'
import { cellReaders, field, RowMessages, writeEach, type ImportKind, type KindEnv, type KindKey, type RowCells, type RowOutcome } from './kind'
import { cachingContext, RegionLookup, SubtypeLookup } from './lookups'

const FUND_PARENTS = ['资金来源', '资金来源构成', '资金构成', '财政衔接资金', '衔接资金', '财政资金', '财政衔接推进乡村振兴补助资金', '其中', '投资构成', '资金组成']
const levelField = (key: string, label: string, synonyms: string[]) => field(key, label, 'money', synonyms, { parents: FUND_PARENTS })

/** The columns of an asset ledger as county files spell them (domain.md §2.1–2.4). */
export const assetFields: FieldSpec[] = [
  field('externalCode', '系统资产编号', 'text', ['国家系统编码', '系统编号', '系统编码', '资产编码', '原资产编号']),
  field('name', '资产名称', 'text', ['项目资产名称', '资产项目名称', '名称', '资产名称及规模'], { required: true }),
  field('subtypeCode', '资产类型', 'text', ['资产子类', '资产类别（子类）', '资产分类', '类型', '资产种类', '子类'], { required: true }),
  field('form', '资产形态', 'enum', ['形态'], { enumValues: assetForms, enumSynonyms: { 固定: '固定资产', 生物: '生物资产', 股权: '无形资产（股权）', 债权: '无形资产（债权）', 土地: '土地/自然资源使用权', 基金: '基金份额', 流动: '流动资产' } }),
  field('propertyNature', '资产性质', 'enum', ['产权性质', '性质'], {
    enumValues: propertyNatures,
    enumSynonyms: { 国有: '国有资产', 集体: '集体资产', 村集体: '集体资产', 村集体资产: '集体资产', 农户: '农户私有', 个人: '农户私有', 私有: '农户私有', 农户所有: '农户私有' },
  }),
  field('spec', '规格型号/建设规模', 'text', ['建设规模', '规模', '规格', '规格型号', '建设内容及规模', '建设内容', '规模及标准']),
  field('unit', '计量单位', 'text', ['单位']),
  field('quantity', '数量', 'decimal', ['资产数量', '规模数量', '建设数量']),
  field('originalValueFen', '资产原值', 'money', ['原值', '资产价值', '入账价值', '资产原值（入账价值）', '账面原值', '资产金额', '资产总额', '形成资产金额', '形成资产价值'], { required: true }),
  field('totalInvestmentFen', '项目总投资', 'money', ['总投资', '投资总额', '总投资额', '项目投资', '投资金额']),
  levelField('fund.中央', '中央', ['中央资金', '中央衔接资金', '中央财政']),
  levelField('fund.自治区', '自治区', ['自治区资金', '自治区级', '省级', '省', '自治区衔接资金', '区级']),
  levelField('fund.盟市', '盟市', ['盟市资金', '盟市级', '市级', '市']),
  levelField('fund.旗县', '旗县', ['旗县资金', '旗县级', '县级', '县', '旗级', '旗']),
  field('fund.HY', '行业资金', 'money', ['行业扶贫资金', '行业部门资金']),
  field('fund.DX', '京蒙协作资金', 'money', ['东西部协作资金', '协作资金', '京蒙资金']),
  field('fund.SH', '社会帮扶资金', 'money', ['社会资金', '社会捐赠', '社会捐赠资金']),
  field('fund.self', '自筹资金', 'money', ['自筹', '村集体自筹', '群众自筹', '农户自筹', '自筹金额']),
  field('fund.QT', '其他资金', 'money', ['其他', '其他来源资金']),
  field('accDepreciationFen', '累计折旧', 'money', ['折旧']),
  field('netValueFen', '资产净值', 'money', ['净值', '账面净值']),
  field('projectName', '项目名称', 'text', ['所属项目', '来源项目名称', '来源项目', '项目']),
  field('projectCode', '项目编号', 'text', ['项目代码', '项目库编号']),
  field('fundYear', '资金年度', 'year', ['年度', '项目年度', '实施年度', '建设年度', '资金年份']),
  field('fundDocNo', '资金批复文号', 'text', ['文号', '资金文号', '下达文号', '批复文号', '资金下达文号', '资金批复文件']),
  field('townCode', '乡镇', 'region', ['所在乡镇', '所在乡镇（苏木）', '乡镇（苏木）', '苏木乡镇', '乡镇名称', '乡镇苏木', '乡（镇）'], { required: true }),
  field('villageCode', '村', 'region', ['所在村', '所在村（嘎查）', '村（嘎查）', '嘎查村', '行政村', '村名', '村（社区）', '嘎查（村）']),
  field('groupName', '组/浩特', 'text', ['组', '自然村', '浩特', '组（浩特）']),
  field('location', '坐落位置', 'text', ['位置', '地点', '建设地点', '详细地址', '坐落地点']),
  field('sectorDept', '行业主管部门', 'text', ['主管部门', '行业部门']),
  field('implUnit', '项目实施单位', 'text', ['实施单位', '业主单位', '建设单位', '项目业主单位']),
  field('startDate', '开工日期', 'date', ['开工时间']),
  field('completionDate', '完工日期', 'date', ['竣工日期', '完工时间', '竣工时间']),
  field('acceptanceDate', '验收日期', 'date', ['验收时间']),
  field('inUseDate', '建成投用日期', 'date', ['建成时间', '投用时间', '形成资产日期', '建成日期', '投入使用时间', '投用日期', '形成资产时间']),
  field('confirmLevel', '确权层级', 'enum', ['确权级次', '确权级别', '确权主体层级'], {
    enumValues: confirmLevels,
    enumSynonyms: { 县级: '县（旗）级', 旗级: '县（旗）级', 县: '县（旗）级', 旗县级: '县（旗）级', 乡级: '乡（苏木）镇级', 镇级: '乡（苏木）镇级', 乡镇级: '乡（苏木）镇级', 苏木级: '乡（苏木）镇级', 村级: '村（嘎查）级', 嘎查级: '村（嘎查）级', 村: '村（嘎查）级', 农户: '户', 到户: '户' },
  }),
  field('beneficiaryHouseholds', '受益户数', 'integer', ['受益总户数', '受益农户数', '带动户数']),
  field('beneficiaryPersons', '受益人数', 'integer', ['受益总人数', '受益人口', '带动人数']),
  field('poorHouseholds', '其中脱贫户户数', 'integer', ['脱贫户数', '受益脱贫户数', '脱贫户户数', '其中脱贫户']),
  field('poorPersons', '其中脱贫人口', 'integer', ['脱贫人口数', '受益脱贫人口', '脱贫人口']),
  field('monitorHouseholds', '其中监测户户数', 'integer', ['监测户数', '监测对象户数', '受益监测户数']),
  field('monitorPersons', '其中监测人口', 'integer', ['监测对象人数', '监测人口数', '监测人口']),
  field('beneficiaryVillages', '受益村数', 'integer', ['受益村（嘎查）数', '受益嘎查村数']),
  field('remarks', '备注', 'text', ['说明']),
]

/** The column a finding of checkAsset belongs to (its field path → field key). */
function columnOf(path: string): string | null {
  if (path.startsWith('fundSources')) return null
  return assetFields.some((f) => f.key === path) ? path : null
}

const labelOf = (path: PropertyKey[]) => {
  const key = String(path[0] ?? '')
  return assetFields.find((f) => f.key === key)?.label ?? ((assetInput.shape as Record<string, z.ZodType>)[key]?.description ?? key)
}

const KINDS: Record<AssetClass, { key: KindKey; title: string }> = {
  公益类: { key: 'assets.public', title: '公益类资产台账' },
  经营类: { key: 'assets.operating', title: '经营类资产台账' },
  到户类: { key: 'assets.household', title: '到户类资产台账' },
}

const LEVELS = ['中央', '自治区', '盟市', '旗县'] as const

function assetKind(cls: AssetClass): ImportKind<AssetInput> {
  return {
    key: KINDS[cls].key,
    title: KINDS[cls].title,
    noun: '项资产',
    fields: assetFields,
    example: [
      null,
      cls === '经营类' ? '福山地村2021年肉牛养殖暖棚' : cls === '到户类' ? '福山地村2021年户用光伏' : '福山地村2021年村内道路硬化',
      cls === '经营类' ? '养殖业设施' : cls === '到户类' ? '户用光伏' : '道路交通',
      '固定资产',
      cls === '到户类' ? '农户私有' : '集体资产',
      cls === '公益类' ? '长5.08公里、宽4.5米、水泥混凝土路面' : '',
      cls === '公益类' ? '公里' : cls === '到户类' ? '套' : '座',
      cls === '公益类' ? 5.08 : 2,
      123456.78,
      123456.78,
      100000,
      23456.78,
    ],
    start: (ctx, env) => startAssets(ctx, env, cls),
  }
}

function startAssets(outer: ServiceContext, env: KindEnv, cls: AssetClass) {
  const ctx = cachingContext(outer)
  const regions = new RegionLookup(ctx.db)
  const subtypes = new SubtypeLookup(ctx.db, classLetter[cls])
  const seen = new Map<string, number>()
  const thisYear = new Date().getFullYear()
  const yearRange = { min: 2000, max: thisYear + 1 }
  const existing = ctx.db.prepare(
    "SELECT code FROM asset WHERE name = ? AND coalesce(village_code, '') = ? AND town_code = ? AND fund_year = ? AND class = ? LIMIT 1",
  )

  const readCells = cellReaders(env)
  function convert(row: RowCells): RowOutcome<AssetInput> {
    const m = new RowMessages(row.rowNumber, env)
    const { text, money, int, date } = readCells(row, m)
    const enumOf = (key: string) => {
      const f = assetFields.find((x) => x.key === key)!
      const r = parseEnum(row.get(key), f.enumValues!, f.enumSynonyms)
      if (r.error) m.error(key, r.error)
      return r.value
    }

    const name = normalizeName(foldText(row.get('name')))
    const label = shortText(name || `第${row.rowNumber}行`, 30)
    if (!name) m.error('name', '请填写资产名称')

    let subtypeCode = subtypes.match(row.get('subtypeCode'))
    const subtypeText = foldText(row.get('subtypeCode'))
    if (!subtypeCode) {
      if (subtypeText) m.error('subtypeCode', `“${shortText(subtypeText)}”不是${cls}资产的类型，应为：${subtypes.choices()}`)
      else m.error('subtypeCode', `请填写资产类型（${cls}：${subtypes.choices()}）`)
    }

    const place = regions.place(row.get('townCode'), row.get('villageCode'))
    if (place.townError) m.error('townCode', place.townError)
    if (place.villageError) m.error('villageCode', place.villageError)
    if (!place.townCode && !place.townError) m.error('townCode', '请填写所在乡镇（苏木）')

    const inUseDate = date('inUseDate')
    const completionDate = date('completionDate')
    let fundYear = parseCellYear(row.get('fundYear'), yearRange)
    if (fundYear.error) m.error('fundYear', fundYear.error)
    if (fundYear.value === undefined && !fundYear.error) {
      const from = completionDate ?? inUseDate
      if (from) {
        fundYear = { value: Number(from.slice(0, 4)) }
        m.warning('fundYear', `未填写资金年度，按${completionDate ? '完工' : '建成'}年份 ${fundYear.value} 年登记，请核对`)
      } else m.error('fundYear', '请填写资金年度')
    }

    const original = money('originalValueFen')
    if (original === undefined && !m.list.some((x) => x.column === env.header('originalValueFen'))) m.error('originalValueFen', '请填写资产原值')

    // Funding lines: 中央/自治区/盟市/旗县 of 衔接资金 (专项扶贫资金 before 2021), and the other sources.
    const fundSources: AssetInput['fundSources'] = []
    const year = fundYear.value ?? null
    const fiscal = year !== null && year < 2021 ? 'ZX' : 'XJ'
    for (const level of LEVELS) {
      const fen = money(`fund.${level}`)
      if (fen) fundSources.push({ sourceType: fiscal, level, taskLine: '', integrated: false, amountFen: fen, docNo: '', fundYear: year, note: '' })
    }
    const others: [string, string, string][] = [
      ['fund.HY', 'HY', ''],
      ['fund.DX', 'DX', ''],
      ['fund.SH', 'SH', ''],
      ['fund.self', cls === '到户类' ? 'NH' : 'CJ', ''],
      ['fund.QT', 'QT', '导入：原表“其他资金”'],
    ]
    for (const [key, sourceType, note] of others) {
      const fen = money(key)
      if (fen) fundSources.push({ sourceType, level: null, taskLine: '', integrated: false, amountFen: fen, docNo: '', fundYear: year, note })
    }
    const fundSum = fundSources.reduce((s, f) => s + f.amountFen, 0)
    let total = money('totalInvestmentFen')
    if (total === undefined) total = fundSources.length ? fundSum : original
    if (fundSources.length === 0 && total !== undefined && total > 0) {
      fundSources.push({ sourceType: 'QT', level: null, taskLine: '', integrated: false, amountFen: total, docNo: '', fundYear: year, note: '导入：原表未分资金来源' })
      m.warning(env.mapped('fund.中央') ? 'fund.中央' : 'totalInvestmentFen', '原表没有资金来源分项，已记为“其他”，请导入后补充资金来源')
    }

    const villageCode = place.villageCode
    let confirmLevel = enumOf('confirmLevel')
    if (!confirmLevel && !env.mapped('confirmLevel')) confirmLevel = cls === '到户类' ? '户' : villageCode ? '村（嘎查）级' : '乡（苏木）镇级'
    if (!confirmLevel && env.mapped('confirmLevel') && !foldText(row.get('confirmLevel'))) m.error('confirmLevel', '请填写确权层级')
    let propertyNature = enumOf('propertyNature')
    if (!propertyNature && !foldText(row.get('propertyNature')))
      propertyNature = cls === '到户类' || confirmLevel === '户' ? '农户私有' : confirmLevel === '县（旗）级' ? '国有资产' : '集体资产'
    let form = enumOf('form')
    if (!form && !foldText(row.get('form'))) form = '固定资产'

    let unit = text('unit')
    if (!unit && subtypeCode) unit = subtypes.units.get(subtypeCode) ?? ''
    if (!unit) m.error('unit', '请填写计量单位')
    const qty = parseCellDecimal(row.get('quantity'), { places: 4 })
    if (qty.error) m.error('quantity', qty.error)
    let quantity = qty.value
    if (quantity === undefined && !qty.error) quantity = 1

    const counts = {
      beneficiaryHouseholds: int('beneficiaryHouseholds') ?? 0,
      beneficiaryPersons: int('beneficiaryPersons') ?? 0,
      poorHouseholds: int('poorHouseholds') ?? 0,
      poorPersons: int('poorPersons') ?? 0,
      monitorHouseholds: int('monitorHouseholds') ?? 0,
      monitorPersons: int('monitorPersons') ?? 0,
    }
    const beneficiaryVillages = int('beneficiaryVillages') ?? null

    const candidate = {
      externalCode: text('externalCode') || null,
      name,
      class: cls,
      subtypeCode: subtypeCode ?? '',
      form,
      propertyNature,
      spec: text('spec'),
      unit,
      quantity,
      originalValueFen: original,
      totalInvestmentFen: total,
      accDepreciationFen: money('accDepreciationFen') ?? 0,
      netValueFen: money('netValueFen') ?? null,
      projectName: normalizeName(foldText(row.get('projectName'))),
      projectCode: text('projectCode'),
      fundYear: year,
      fundDocNo: text('fundDocNo'),
      townCode: place.townCode,
      villageCode,
      groupName: text('groupName'),
      location: text('location'),
      sectorDept: text('sectorDept'),
      implUnit: text('implUnit'),
      startDate: date('startDate'),
      completionDate,
      acceptanceDate: date('acceptanceDate'),
      inUseDate,
      confirmLevel,
      ...counts,
      beneficiaryVillages,
      remarks: text('remarks'),
      historic: true,
      fundSources,
      acceptWarnings: true,
    }
    if (m.hasErrors) return { input: null, messages: m.list, label }

    const parsed = assetInput.safeParse(candidate)
    if (!parsed.success) {
      m.schemaIssues(parsed.error, labelOf, columnOf)
      return { input: null, messages: m.list, label }
    }
    const input = parsed.data
    m.findings(checkAsset(ctx, input).findings(), columnOf)

    // Duplicates: the same name, village and year twice in the file or already in the ledger.
    const key = `${input.name}\u0000${input.villageCode ?? ''}\u0000${input.townCode}\u0000${input.fundYear}`
    const first = seen.get(key)
    if (first !== undefined) m.rowError(env.header('name'), `与第 ${first} 行重复（同一资产名称、村和资金年度），未重复导入`)
    else seen.set(key, row.rowNumber)
    const dup = existing.get(input.name, input.villageCode ?? '', input.townCode, input.fundYear, cls) as { code: string } | undefined
    if (dup) m.rowError(env.header('name'), `台账中已有同名资产（${dup.code}，同一村和资金年度），可能已导入过，未重复导入`)

    return { input: m.hasErrors ? null : input, messages: m.list, label }
  }

  // The same service as the form: code, funding lines, status history, completeness, audit row.
  const write = writeEach<AssetInput>((input) => createAsset(outer, input))

  return { convert, write }
}

export const assetKinds = [assetKind('公益类'), assetKind('经营类'), assetKind('到户类')]
