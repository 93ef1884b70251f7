import { householdLineInput } from '../../../api/channels/households'
import { householdItemStatuses, issueMethods } from '../../../domain/asset-enums'
import { normalizeName, normalizeText } from '../../../domain/text'
import type { ServiceContext } from '../../../services/context'
import { checkHouseholdLine, type HouseholdLineInput } from '../../../services/households/rules'
import { parseCellDate, parseCellDecimal, parseCellIdCard, parseCellYear, parseEnum } from '../normalise'
import { foldText, shortText } from '../normalise/text'
import type { CellValue, FieldSpec } from '../types'
import { cellReaders, field, memoized, RowMessages, type ImportKind, type KindEnv, type RowCells, type RowOutcome } from './kind'
import { bulkLoad } from './bulk-load'
import { FieldwiseParser } from './fieldwise'
import { FileLines } from './file-lines'
import { BulkLineLookups, type HouseholdRef } from './household-line-lookups'
import { fundSourceNames, matchFundSource, SubtypeLookup } from './lookups'

const issueSynonyms: Record<string, string> = {
  实物: '实物发放',
  发放实物: '实物发放',
  直接发放: '实物发放',
  先建后补: '先建后补',
  以奖代补: '以奖代补',
  现金: '现金补助（打卡）',
  打卡: '现金补助（打卡）',
  现金补助: '现金补助（打卡）',
  一卡通发放: '现金补助（打卡）',
  打卡发放: '现金补助（打卡）',
}
const statusSynonyms: Record<string, string> = {
  在养: '在养/正常使用',
  正常: '在养/正常使用',
  正常使用: '在养/正常使用',
  存栏: '在养/正常使用',
  出栏: '已出栏/出售',
  已出栏: '已出栏/出售',
  出售: '已出栏/出售',
  已出售: '已出栏/出售',
  死亡: '死亡/灭失',
  灭失: '死亡/灭失',
  丢失: '死亡/灭失',
  已转让: '转让',
  损毁: '损坏',
}

/** The columns of a 到户项目花名册 (domain.md §2.5): one row per household, item and project. */
export const householdLineFields: FieldSpec[] = [
  field('headName', '户主姓名', 'text', ['户主', '姓名', '农户姓名', '受益户姓名']),
  field('idNo', '身份证号', 'idCard', ['户主身份证号', '身份证号码', '证件号码', '身份证', '户主身份证号码'], { required: true }),
  field('projectName', '项目名称', 'text', ['所属项目', '项目'], { required: true }),
  field('projectCode', '项目编号', 'text', ['项目代码', '项目库编号']),
  field('projectYear', '项目年度', 'year', ['年度', '资金年度', '实施年度'], { required: true }),
  field('item', '扶持内容', 'text', ['资产名称', '发放物品', '扶持项目内容', '物品名称', '补助内容', '扶持物资'], { required: true }),
  field('subtypeCode', '资产类型', 'text', ['到户资产类型', '类型', '资产类别'], { required: true }),
  field('spec', '品种/规格', 'text', ['品种', '规格', '规格型号', '品种规格']),
  field('unit', '单位', 'text', ['计量单位']),
  field('quantity', '数量', 'decimal', ['发放数量', '补助数量', '扶持数量'], { required: true }),
  field('standardFen', '补助标准', 'money', ['标准', '补助标准（元/单位）', '单价']),
  field('amountFen', '补助金额', 'money', ['金额', '补助资金', '补助资金额'], { required: true }),
  field('selfRaisedFen', '农户自筹', 'money', ['自筹', '自筹资金', '自筹金额']),
  field('fundSource', '资金来源', 'enum', ['资金性质', '资金类别'], { required: true }),
  field('issueMethod', '发放方式', 'enum', ['补助方式', '扶持方式'], { enumValues: issueMethods, enumSynonyms: issueSynonyms }),
  field('issueDate', '发放日期', 'date', ['验收日期', '发放时间', '验收时间'], { required: true }),
  field('tagNo', '耳标号/设备编号', 'text', ['耳标号', '设备编号', '编号']),
  field('currentQuantity', '现存数量', 'decimal', ['存栏', '现存栏', '现存栏数', '现有数量']),
  field('currentStatus', '现状', 'enum', ['现状态', '当前状态', '状态'], { enumValues: householdItemStatuses, enumSynonyms: statusSynonyms }),
]

const columnOf = (path: string) => {
  if (path === 'householdId') return 'idNo'
  return householdLineFields.some((f) => f.key === path) ? path : null
}
const labelOf = (path: PropertyKey[]) => householdLineFields.find((f) => f.key === String(path[0]))?.label ?? String(path[0])

export const householdLineKind: ImportKind<HouseholdLineInput> = {
  key: 'householdLines',
  title: '到户资产花名册',
  noun: '条明细',
  fields: householdLineFields,
  example: ['张三', '150422198001011234', '2021年肉牛养殖到户项目', 'XM2021-001', 2021, '基础母牛', '牲畜/生物资产', '西门塔尔', '头', 2, 8000, 16000, 0, '衔接资金', '实物发放', '2021-07-28', '', 2, '在养/正常使用'],
  start: (ctx, env) => startLines(ctx, env),
}

const nameOf = (v: CellValue | undefined) => normalizeName(foldText(v))
const decimal4 = (v: CellValue | undefined) => parseCellDecimal(v, { places: 4 })
const parseIssueMethod = (v: CellValue | undefined) => parseEnum(v, issueMethods, issueSynonyms)
const parseStatus = (v: CellValue | undefined) => parseEnum(v, householdItemStatuses, statusSynonyms)

/** The per-row triggers of household_asset_line (migration 003) set aside during a bulk import. */
const BULK_TRIGGERS = ['hal_count_insert', 'hal_summary_insert', 'hal_head_insert'] as const
/** From this many lines (and at least as many as the roster holds) the indexes are rebuilt rather than updated line by line. */
const BULK_INDEX_ROWS = 20_000
/** Distinct ID numbers memoised (a county has up to some 100,000 households). */
const HOUSEHOLD_MEMO_LIMIT = 200_000
/** The key of a summary cell (as in migration 003). */
const SUMMARY_CELL = 'town_code, project_year, subtype_code, fund_source, current_status, attribute'

function startLines(ctx: ServiceContext, env: KindEnv) {
  const subtypes = new SubtypeLookup(ctx.db, 'H')
  let bulk: BulkLineLookups | undefined
  // Loaded on the first row: a commit starts a run only to write.
  const lookups = () => {
    if (!bulk) {
      bulk = new BulkLineLookups(ctx.db)
      bulk.preload(ctx.db, env.rows)
    }
    return bulk
  }
  const fileLines = new FileLines()
  const schema = new FieldwiseParser(householdLineInput, { householdId: HOUSEHOLD_MEMO_LIMIT })
  const yearRange = { min: 2000, max: new Date().getFullYear() + 1 }
  // The cell parsers, made once for the run rather than once a row.
  const readCells = cellReaders(env)
  const itemOf = memoized('item', nameOf)
  const projectNameOf = memoized('projectName', nameOf)
  // A household's ID is on each of its lines: memoised for as many households as the county has.
  const idOf = memoized('idNo', parseCellIdCard, HOUSEHOLD_MEMO_LIMIT)
  const yearOf = memoized('projectYear', (v) => parseCellYear(v, yearRange))
  const issueDateOf = memoized('issueDate', parseCellDate)
  const subtypeOf = memoized('subtypeCode', (v) => subtypes.match(v))
  const quantityOf = memoized('quantity', decimal4)
  const currentQuantityOf = memoized('currentQuantity', decimal4)
  const fundSourceOf = memoized('fundSource', matchFundSource)
  const issueMethodOf = memoized('issueMethod', parseIssueMethod)
  const statusOf = memoized('currentStatus', parseStatus)

  function convert(row: RowCells): RowOutcome<HouseholdLineInput> {
    const m = new RowMessages(row.rowNumber, env)
    const { text, money } = readCells(row, m)
    const headName = text('headName')
    const item = itemOf(row)
    const label = `${shortText(headName || `第${row.rowNumber}行`, 10)} ${shortText(item, 12)}`

    const id = idOf(row)
    let hh: HouseholdRef | null = null
    if (id.error) m.error('idNo', id.error)
    else if (!id.value) m.error('idNo', '请填写户主身份证号（按身份证号找到农户）')
    else {
      hh = lookups().householdByIdNo(id.value) ?? null
      if (!hh) m.error('idNo', `没有身份证号为 ${id.value.slice(0, 6)}…${id.value.slice(-4)} 的农户，请先在“农户登记”中登记或导入该户`)
      else if (headName && headName !== hh.headName && headName.replace(/\s/g, '') !== hh.headName.replace(/\s/g, '')) m.warning('headName', `与登记的户主「${hh.headName}」不一致，请核对`)
    }

    const year = yearOf(row)
    if (year.error) m.error('projectYear', year.error)
    const issue = issueDateOf(row)
    if (issue.error) m.error('issueDate', issue.error)
    else if (!issue.value) m.error('issueDate', '请填写发放日期')
    let projectYear = year.value
    if (projectYear === undefined && !year.error) {
      if (issue.value) {
        projectYear = Number(issue.value.slice(0, 4))
        m.warning('projectYear', `未填写项目年度，按发放年份 ${projectYear} 年登记`)
      } else m.error('projectYear', '请填写项目年度')
    }

    const subtypeCode = subtypeOf(row)
    const subtypeText = subtypeCode ? '' : foldText(row.get('subtypeCode'))
    if (!subtypeCode) m.error('subtypeCode', subtypeText ? `“${shortText(subtypeText)}”不是到户类资产的类型，应为：${subtypes.choices()}` : `请填写资产类型（${subtypes.choices()}）`)

    const qty = quantityOf(row)
    if (qty.error) m.error('quantity', qty.error)
    else if (qty.value === undefined) m.error('quantity', '请填写数量')
    let standard = money('standardFen')
    let amount = money('amountFen')
    if (qty.value !== undefined) {
      if (amount === undefined && standard !== undefined && !m.hasErrors) {
        amount = Math.round(qty.value * standard)
        m.warning('amountFen', '未填写补助金额，按 数量 × 补助标准 计算')
      } else if (standard === undefined && amount !== undefined && qty.value > 0) {
        standard = Math.round(amount / qty.value)
        if (env.mapped('standardFen')) m.warning('standardFen', '未填写补助标准，按 补助金额 ÷ 数量 计算')
      }
    }
    if (amount === undefined && !m.list.some((x) => x.column === env.header('amountFen'))) m.error('amountFen', '请填写补助金额')

    const fundSource = fundSourceOf(row)
    const fundText = fundSource ? '' : foldText(row.get('fundSource'))
    if (!fundSource) m.error('fundSource', fundText ? `“${shortText(fundText)}”不是可识别的资金来源，应为：${fundSourceNames()}` : '请填写资金来源')

    const method = issueMethodOf(row)
    if (method.error) m.error('issueMethod', method.error)
    let issueMethod = method.value
    if (!issueMethod && !method.error) {
      issueMethod = '实物发放'
      if (env.mapped('issueMethod')) m.warning('issueMethod', '未填写发放方式，按“实物发放”登记')
    }
    const status = statusOf(row)
    if (status.error) m.error('currentStatus', status.error)
    const current = currentQuantityOf(row)
    if (current.error) m.error('currentQuantity', current.error)

    let unit = text('unit')
    if (!unit && subtypeCode) unit = subtypes.units.get(subtypeCode) ?? ''
    if (!unit) m.error('unit', '请填写单位')
    const projectName = projectNameOf(row)
    if (!projectName) m.error('projectName', '请填写项目名称')
    if (!item) m.error('item', '请填写扶持内容')

    if (m.hasErrors) return { input: null, messages: m.list, label }
    const parsed = schema.parse({
      householdId: hh!.id,
      assetId: null,
      projectName,
      projectCode: text('projectCode'),
      projectYear,
      item,
      subtypeCode,
      spec: text('spec'),
      unit,
      quantity: qty.value,
      standardFen: standard ?? 0,
      amountFen: amount,
      selfRaisedFen: money('selfRaisedFen') ?? 0,
      fundSource,
      issueMethod,
      issueDate: issue.value,
      tagNo: text('tagNo'),
      currentQuantity: current.value ?? null,
      currentStatus: status.value ?? '在养/正常使用',
      acceptWarnings: true,
    })
    if (!parsed.success) {
      m.schemaIssues(parsed.error, labelOf, columnOf)
      return { input: null, messages: m.list, label }
    }
    const input = parsed.data
    // The form's rules: amount = quantity × standard (W), the issue date, the same line twice (W) …
    const checked = checkHouseholdLine(ctx, input, undefined, lookups())
    m.findings(checked.c.findings(), columnOf)
    const { projectName: name, item: itemName, spec, projectCode } = checked.values
    input.projectName = name
    input.item = itemName
    input.spec = spec
    input.projectCode = projectCode
    input.unit = normalizeText(input.unit)
    input.tagNo = normalizeText(input.tagNo)

    // Duplicates by (household, item, project, year): within the file, and already in the roster.
    const first = fileLines.firstOf(input.householdId, input.item, input.projectName, input.projectYear, row.rowNumber)
    if (first !== undefined) m.rowError(env.header('item'), `与第 ${first} 行重复（同一农户、同一项目的同一扶持内容），未重复导入`)
    const dup = lookups().sameKey(input.householdId, input.item, input.projectYear, input.projectName)
    if (dup) m.rowError(env.header('item'), `花名册中已有该户同一项目的「${input.item}」（第 ${dup.id} 条），可能已导入过，未重复导入`)

    return { input: m.hasErrors ? null : input, messages: m.list, label }
  }

  /**
   * Inserts the lines in bulk, inside the caller's transaction (a failure rolls back everything
   * below with it). The household's town, village, sort key and attribute are copied onto each line
   * as the service's INSERT does. The per-row triggers (copy, per-household count and amount, summary
   * cells, line count) are set aside for the load and their work done once for the new lines; the
   * audit rows (one per line, its values as JSON) are written by one statement from the new lines.
   * A batch at least as big as the roster already is loads faster into the table without its
   * secondary indexes, rebuilt afterwards (see bulkLoad).
   */
  function write(rows: { rowNumber: number; input: HouseholdLineInput }[], tick: (n: number) => void, batchId: number): number[] {
    const db = ctx.db
    const existing = db.prepare('SELECT lines FROM household_ledger_state').pluck().get() as number
    const firstNew = (db.prepare('SELECT coalesce(max(id), 0) FROM household_asset_line').pluck().get() as number) + 1
    const insert = db.prepare(
      `INSERT INTO household_asset_line (id, household_id, asset_id, project_name, project_code, project_year, item, subtype_code, spec, unit,
         quantity, standard, amount, self_raised, fund_source, issue_method, issue_date, tag_no, current_quantity, current_status,
         town_code, village_code, head_key, attribute)
       VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const householdOf = db.prepare('SELECT town_code AS townCode, village_code AS villageCode, sort_key AS sortKey, attribute FROM household WHERE id = ?')
    const households = new Map<number, { townCode: string; villageCode: string; sortKey: string; attribute: string }>()
    const ids: number[] = []
    bulkLoad(db, 'household_asset_line', { triggers: BULK_TRIGGERS, dropIndexes: rows.length >= BULK_INDEX_ROWS && rows.length >= existing }, () => {
      rows.forEach(({ input: i }, n) => {
        let h = households.get(i.householdId)
        if (!h) {
          h = householdOf.get(i.householdId) as typeof h
          if (!h) throw new Error(`农户 ${i.householdId} 已不存在`)
          households.set(i.householdId, h)
        }
        const id = firstNew + n
        insert.run(id, i.householdId, i.projectName, i.projectCode, i.projectYear, i.item, i.subtypeCode, i.spec, i.unit, i.quantity, i.standardFen, i.amountFen, i.selfRaisedFen, i.fundSource, i.issueMethod, i.issueDate, i.tagNo, i.currentQuantity, i.currentStatus, h.townCode, h.villageCode, h.sortKey, h.attribute)
        ids.push(id)
        tick(n + 1)
      })
    })
    db.prepare(
      `INSERT INTO audit_log (user, entity, entity_id, entity_name, action, summary, before_json, after_json)
       SELECT ?, 'household_line', l.id, h.head_name, 'create',
         '导入到户资产「' || l.item || '」' || printf('%.15g', l.quantity) || l.unit || '（' || l.project_name || '，批次 ' || ? || '）',
         NULL,
         json_object('householdId', l.household_id, 'assetId', l.asset_id, 'projectName', l.project_name, 'projectCode', l.project_code,
           'projectYear', l.project_year, 'item', l.item, 'subtypeCode', l.subtype_code, 'spec', l.spec, 'unit', l.unit, 'quantity', l.quantity,
           'standardFen', l.standard, 'amountFen', l.amount, 'selfRaisedFen', l.self_raised, 'fundSource', l.fund_source,
           'issueMethod', l.issue_method, 'issueDate', l.issue_date, 'tagNo', l.tag_no, 'currentQuantity', l.current_quantity,
           'currentStatus', l.current_status)
       FROM household_asset_line l JOIN household h ON h.id = l.household_id WHERE l.id >= ? ORDER BY l.id`,
    ).run(ctx.user, String(batchId), firstNew)
    // What the set-aside triggers would have done, once for all new lines.
    db.prepare(
      `UPDATE household SET line_count = line_count + n.c, amount_total = amount_total + n.a
       FROM (SELECT household_id AS hid, count(*) AS c, sum(amount) AS a FROM household_asset_line WHERE id >= ? GROUP BY household_id) AS n
       WHERE household.id = n.hid`,
    ).run(firstNew)
    db.prepare(
      `INSERT INTO hal_summary (${SUMMARY_CELL}, n, amount, quantity)
       SELECT ${SUMMARY_CELL}, count(*), sum(amount), sum(quantity) FROM household_asset_line WHERE id >= ? GROUP BY ${SUMMARY_CELL}
       ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount, quantity = quantity + excluded.quantity`,
    ).run(firstNew)
    db.prepare('UPDATE household_ledger_state SET lines = lines + ?').run(ids.length)
    return ids
  }

  return { convert, write }
}
