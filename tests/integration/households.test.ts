import { describe, expect, it } from 'vitest'
import { validateInput } from '../../src-main/api/validate'
import { luhnValid } from '../../src-main/domain/contact'
import type { AppError } from '../../src-main/domain/errors'
import { listAudit } from '../../src-main/services/audit'
import { createHousehold, createHouseholdLine, deleteHousehold, deleteHouseholdLine, getHousehold, listHouseholdLines, listHouseholds, updateHousehold } from '../../src-main/services/households'
import { mergeRegion } from '../../src-main/services/regions'
import { catchError, DAXINZHUANG, findingsOf, FUSHANDI, householdInput, householdTables, idNo, lineInput, LONGCHANG_CUN, refused } from '../support/households'
import { auditCount, autoCleanup, count, LINDONG, LONGCHANG, setUpHost } from '../support/temp'

autoCleanup()

/** A Luhn-valid card number starting with `prefix` (length = prefix + 1). */
function bankCard(prefix: string) {
  for (let d = 0; d <= 9; d++) if (luhnValid(prefix + d)) return prefix + d
  throw new Error('unreachable')
}

const onlyField = (e: AppError, field: string, level: 'E' | 'W') => findingsOf(e).filter((f) => f.field === field && f.level === level)

describe('households.create: the ID number (GB 11643, domain.md §7.1)', () => {
  it('saves a valid household: lower-case x stored as X, town taken from the village, audit row with the head name and the ID masked', async () => {
    const host = await setUpHost()
    // find a sequence whose check character is X
    let id = ''
    for (let seq = 100; seq < 999 && !id.endsWith('X'); seq++) id = idNo('19800101', String(seq))
    const saved = createHousehold(host.ctx, householdInput({ idNo: id.toLowerCase(), householdCode: '150422100201001' }))
    expect(saved.findings).toEqual([])
    expect(saved.code).toBe('150422100201001')
    const row = host.db.prepare('SELECT id_no, town_code, village_code, sort_key FROM household WHERE id = ?').get(saved.id) as Record<string, string>
    expect(row).toMatchObject({ id_no: id, town_code: LINDONG, village_code: FUSHANDI, sort_key: 'zhang san\t张三' })
    const audit = listAudit(host.ctx, { entity: 'household', entityId: String(saved.id), page: 1, pageSize: 5 }).rows
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'create', entityName: '张三', summary: '登记农户「张三」（林东镇福山地村）' })
    expect(audit[0].after).toMatchObject({ idNo: `${id.slice(0, 4)}**********${id.slice(-4)}`, phone: '138****5678', townCode: LINDONG })
    expect(JSON.stringify(audit[0].after)).not.toContain(id)
  })

  it.each([
    ['a wrong check character', () => idNo().slice(0, 17) + (idNo().endsWith('1') ? '2' : '1'), '校验位不符'],
    ['17 characters', () => idNo().slice(0, 17), '应为18位'],
    ['letters inside', () => `15042219800101A12${idNo().slice(-1)}`, '只能由数字组成'],
    ['a birth date that does not exist', () => idNo('19800230'), '不是有效日期'],
    ['a birth date in the future', () => idNo('20991231'), '晚于今天'],
    ['a birth year before 1900', () => idNo('18991231'), '早于1900年'],
    ['an unknown province code', () => idNo('19800101', '123', '990422'), '不是有效的省级行政区划代码'],
  ])('refuses %s (E), naming the field, and writes nothing', async (_label, make, reason) => {
    const host = await setUpHost()
    const error = refused(host, () => createHousehold(host.ctx, householdInput({ idNo: make() })))
    expect(error.code).toBe('INVALID')
    expect(error.message).toContain('身份证号')
    expect(error.message).toContain(reason)
    expect(onlyField(error, 'idNo', 'E')).toHaveLength(1)
    expect(onlyField(error, 'idNo', 'E')[0].label).toBe('身份证号')
  })

  it('warns (W) about an ID number from another province, and saves it once confirmed', async () => {
    const host = await setUpHost()
    const input = householdInput({ idNo: idNo('19800101', '123', '130102') })
    const error = refused(host, () => createHousehold(host.ctx, input))
    expect(error.code).toBe('NEEDS_CONFIRMATION')
    expect(error.message).toMatch(/^有 1 条需要确认的提示：【警告】身份证号：地址码（130102）不属于本地（15）/)
    const saved = createHousehold(host.ctx, { ...input, acceptWarnings: true })
    expect(saved.findings).toEqual([expect.objectContaining({ level: 'W', field: 'idNo', label: '身份证号' })])
    expect(count(host.db, 'household')).toBe(1)
    // an ID of the county's own province is no warning
    expect(createHousehold(host.ctx, householdInput({ idNo: idNo('19800101', '125', '152301'), headName: '李四' })).findings).toEqual([])
  })

  it('refuses an ID number already registered, naming the other household head and village', async () => {
    const host = await setUpHost()
    createHousehold(host.ctx, householdInput())
    const error = refused(host, () => createHousehold(host.ctx, householdInput({ headName: '王五', villageCode: LONGCHANG_CUN })))
    expect(error.code).toBe('INVALID')
    expect(error.message).toContain('【错误】身份证号：该身份证号已登记在林东镇福山地村「张三」户下')
    // the same number typed with a lower-case x or spaces is the same number
    const x = (() => {
      for (let seq = 200; seq < 999; seq++) if (idNo('19700101', String(seq)).endsWith('X')) return idNo('19700101', String(seq))
      throw new Error('no X')
    })()
    createHousehold(host.ctx, householdInput({ idNo: x, headName: '赵六' }))
    expect(refused(host, () => createHousehold(host.ctx, householdInput({ idNo: ` ${x.toLowerCase()} `, headName: '钱七' }))).message).toContain('「赵六」户下')
  })

  it('converts a legacy 15-digit number with a warning', async () => {
    const host = await setUpHost()
    const error = refused(host, () => createHousehold(host.ctx, householdInput({ idNo: '150422800101123' })))
    expect(error.code).toBe('NEEDS_CONFIRMATION')
    expect(error.message).toContain('15位旧身份证号已按规则转换为18位')
    const saved = createHousehold(host.ctx, householdInput({ idNo: '150422800101123', acceptWarnings: true }))
    expect(getHousehold(host.ctx, { id: saved.id, reveal: true }).idNo).toBe(idNo('19800101', '123'))
  })
})

describe('households.create: the other rules', () => {
  it('refuses a household size below 1 (E) — at the contract and in the service', async () => {
    const host = await setUpHost()
    const atContract = validateInput('households.create', { ...householdInput(), size: 0 })
    expect(atContract.ok).toBe(false)
    if (!atContract.ok) expect(atContract.message).toContain('家庭人口至少为1')
    const error = refused(host, () => createHousehold(host.ctx, { ...householdInput(), size: 0 }))
    expect(error.message).toContain('【错误】家庭人口：家庭人口应为不小于1的整数')
  })

  it('refuses a village that is not an active village of the county (E)', async () => {
    const host = await setUpHost()
    const town = refused(host, () => createHousehold(host.ctx, householdInput({ villageCode: LINDONG })))
    expect(town.message).toContain('【错误】所在村（嘎查）：「林东镇」已停用或不是村（嘎查）')
    const unknown = refused(host, () => createHousehold(host.ctx, householdInput({ villageCode: '150422999201' })))
    expect(unknown.message).toContain('区划代码 150422999201 不是本旗县的村（嘎查）')
    mergeRegion(host.ctx, { fromCode: DAXINZHUANG, intoCode: FUSHANDI })
    const merged = refused(host, () => createHousehold(host.ctx, householdInput({ villageCode: DAXINZHUANG })))
    expect(merged.message).toContain('「大新庄村」已停用（已合并）')
    expect(onlyField(merged, 'villageCode', 'E')[0].label).toBe('所在村（嘎查）')
  })

  it('accepts mobile and landline numbers and warns (W) about anything else', async () => {
    const host = await setUpHost()
    expect(createHousehold(host.ctx, householdInput({ phone: '138 1234 5678' })).findings).toEqual([])
    expect(createHousehold(host.ctx, householdInput({ phone: '0476-8221234', idNo: idNo('19800101', '125'), headName: '李四' })).findings).toEqual([])
    const input = householdInput({ phone: '12345', idNo: idNo('19800101', '127'), headName: '王五' })
    const error = refused(host, () => createHousehold(host.ctx, input))
    expect(error.message).toContain('【警告】联系电话：不是有效的手机号')
    const saved = createHousehold(host.ctx, { ...input, acceptWarnings: true })
    expect(saved.findings.map((f) => f.field)).toEqual(['phone'])
    expect(getHousehold(host.ctx, { id: saved.id, reveal: true }).phone).toBe('12345')
  })

  it('checks the bank card: 12–19 digits with the Luhn check, else W', async () => {
    const host = await setUpHost()
    const good = bankCard('622202020011223344')
    expect(createHousehold(host.ctx, householdInput({ bankAccount: good })).findings).toEqual([])
    const badLuhn = good.slice(0, -1) + ((Number(good.slice(-1)) + 1) % 10)
    const e1 = refused(host, () => createHousehold(host.ctx, householdInput({ bankAccount: badLuhn, idNo: idNo('19800101', '125') })))
    expect(e1.message).toContain('【警告】补助发放账号：银行卡号校验不通过（Luhn）')
    const e2 = refused(host, () => createHousehold(host.ctx, householdInput({ bankAccount: '12345678', idNo: idNo('19800101', '125') })))
    expect(e2.message).toContain('银行卡号应为12–19位数字')
  })

  it('warns (W) when a 监测对象 does not say whether the risk is eliminated', async () => {
    const host = await setUpHost()
    const input = householdInput({ attribute: '监测对象（边缘易致贫户）', exitYear: null })
    const error = refused(host, () => createHousehold(host.ctx, input))
    expect(error.message).toBe('有 1 条需要确认的提示：【警告】是否风险消除：监测对象（边缘易致贫户）应注明是否已风险消除')
    expect(createHousehold(host.ctx, { ...input, riskEliminated: false }).findings).toEqual([])
  })

  it('refuses a head name with digits and an exit year in the future', async () => {
    const host = await setUpHost()
    expect(refused(host, () => createHousehold(host.ctx, householdInput({ headName: '张3' }))).message).toContain('【错误】户主姓名')
    const next = new Date().getFullYear() + 1
    expect(refused(host, () => createHousehold(host.ctx, householdInput({ exitYear: next }))).message).toContain(`【错误】脱贫年度：不能晚于今年`)
  })

  it('lists every warning in one NEEDS_CONFIRMATION, writes nothing, and saves them all with acceptWarnings', async () => {
    const host = await setUpHost()
    const input = householdInput({ phone: '999', bankAccount: '1234', attribute: '监测对象（脱贫不稳定户）', idNo: idNo('19800101', '123', '110101') })
    const error = refused(host, () => createHousehold(host.ctx, input))
    expect(error.code).toBe('NEEDS_CONFIRMATION')
    expect(error.message).toMatch(/^有 4 条需要确认的提示：/)
    expect(findingsOf(error).map((f) => f.field).sort()).toEqual(['bankAccount', 'idNo', 'phone', 'riskEliminated'])
    expect(findingsOf(error).every((f) => f.level === 'W')).toBe(true)
    const saved = createHousehold(host.ctx, { ...input, acceptWarnings: true })
    expect(saved.findings).toHaveLength(4)
    expect(count(host.db, 'household')).toBe(1)
    expect(auditCount(host.ctx)).toBeGreaterThan(0)
  })

  it('refuses errors even with acceptWarnings, and reports errors and warnings together', async () => {
    const host = await setUpHost()
    const error = refused(host, () => createHousehold(host.ctx, householdInput({ idNo: '123', phone: '999', acceptWarnings: true })))
    expect(error.code).toBe('INVALID')
    expect(error.message).toMatch(/^有 1 处错误，未保存：【错误】身份证号/)
    expect(findingsOf(error).map((f) => `${f.level}:${f.field}`)).toEqual(['E:idNo', 'W:phone'])
  })
})

describe('households.get and masking', () => {
  it('masks ID, phone and bank account unless revealed', async () => {
    const host = await setUpHost()
    const id = idNo('19800101', '123')
    const card = bankCard('622202020011223344')
    const saved = createHousehold(host.ctx, householdInput({ idNo: id, bankAccount: card, householdCode: 'HC-1' }))
    const masked = getHousehold(host.ctx, { id: saved.id, reveal: false })
    expect(masked.idNo).toBe(`1504**********${id.slice(-4)}`)
    expect(masked.phone).toBe('138****5678')
    expect(masked.bankAccount).toBe(`${'*'.repeat(card.length - 4)}${card.slice(-4)}`)
    expect(masked).toMatchObject({ headName: '张三', townName: '林东镇', villageName: '福山地村', size: 4, lineCount: 0, amountFen: 0, riskEliminated: null })
    const full = getHousehold(host.ctx, { id: saved.id, reveal: true })
    expect(full).toMatchObject({ idNo: id, phone: '13812345678', bankAccount: card })
    expect(catchError(() => getHousehold(host.ctx, { id: 999, reveal: false })).code).toBe('NOT_FOUND')
  })
})

describe('households.update', () => {
  it('keeps values sent back masked, moves the lines with the household, and audits masked before/after', async () => {
    const host = await setUpHost()
    const id = idNo()
    const card = bankCard('622202020011223344')
    const saved = createHousehold(host.ctx, householdInput({ bankAccount: card }))
    createHouseholdLine(host.ctx, lineInput(saved.id))
    const shown = getHousehold(host.ctx, { id: saved.id, reveal: false })
    const result = updateHousehold(host.ctx, {
      ...householdInput({ idNo: shown.idNo, phone: shown.phone, bankAccount: shown.bankAccount, villageCode: LONGCHANG_CUN, size: 5 }),
      id: saved.id,
    })
    expect(result.findings).toEqual([])
    const full = getHousehold(host.ctx, { id: saved.id, reveal: true })
    expect(full).toMatchObject({ idNo: id, phone: '13812345678', bankAccount: card, townCode: LONGCHANG, villageCode: LONGCHANG_CUN, size: 5 })
    // the line follows the household's village (and so do the summary and the filters)
    expect(host.db.prepare('SELECT town_code, village_code FROM household_asset_line').get()).toEqual({ town_code: LONGCHANG, village_code: LONGCHANG_CUN })
    expect(listHouseholdLines(host.ctx, { villageCode: LONGCHANG_CUN, sort: 'id', order: 'asc', page: 1, pageSize: 50 }).total).toBe(1)
    expect(listHouseholdLines(host.ctx, { townCode: LINDONG, sort: 'id', order: 'asc', page: 1, pageSize: 50 }).total).toBe(0)
    const audit = listAudit(host.ctx, { entity: 'household', page: 1, pageSize: 1 }).rows[0]
    expect(audit).toMatchObject({ action: 'update', entityName: '张三', summary: '修改农户信息：家庭人口、所在村（嘎查）' })
    expect(audit.before).toMatchObject({ size: 4, villageCode: FUSHANDI, idNo: shown.idNo })
    expect(audit.after).toMatchObject({ size: 5, villageCode: LONGCHANG_CUN, idNo: shown.idNo })
  })

  it('checks an update like a create, ignoring the household itself for uniqueness, and refuses an unknown id', async () => {
    const host = await setUpHost()
    const a = createHousehold(host.ctx, householdInput())
    createHousehold(host.ctx, householdInput({ headName: '李四', idNo: idNo('19800101', '125') }))
    expect(updateHousehold(host.ctx, { ...householdInput({ headName: '张三丰' }), id: a.id }).findings).toEqual([])
    const clash = refused(host, () => updateHousehold(host.ctx, { ...householdInput({ idNo: idNo('19800101', '125') }), id: a.id }))
    expect(clash.message).toContain('「李四」户下')
    expect(refused(host, () => updateHousehold(host.ctx, { ...householdInput(), id: 999 })).code).toBe('NOT_FOUND')
  })
})

describe('households through the contract', () => {
  it('maps a refusal to { ok: false, code, message, details }', async () => {
    const host = await setUpHost()
    const result = await host.call('households.create', householdInput({ idNo: '150422198001011239' }))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.code).toBe('INVALID')
      expect(result.message).toContain('身份证号')
      expect(result.details).toEqual([expect.objectContaining({ level: 'E', field: 'idNo', label: '身份证号' })])
    }
    const ok = await host.call('households.create', householdInput())
    expect(ok).toMatchObject({ ok: true, data: { findings: [] } })
  })
})

describe('deleting households and household asset lines', () => {
  it('deletes a line with its audit row; the household totals, summary and ledger follow', async () => {
    const host = await setUpHost()
    const { id } = createHousehold(host.ctx, householdInput())
    const first = createHouseholdLine(host.ctx, lineInput(id))
    createHouseholdLine(host.ctx, lineInput(id, { item: '肉羊', unit: '只', quantity: 10, standardFen: 120_000, amountFen: 1_200_000 }))
    deleteHouseholdLine(host.ctx, first.id)
    expect(getHousehold(host.ctx, { id, reveal: false })).toMatchObject({ lineCount: 1, amountFen: 1_200_000 })
    expect(listHouseholdLines(host.ctx, { sort: 'id', order: 'asc', page: 1, pageSize: 10 }).rows.map((r) => r.item)).toEqual(['肉羊'])
    expect(host.db.prepare('SELECT sum(n) AS n, sum(amount) AS amount FROM hal_summary').get()).toEqual({ n: 1, amount: 1_200_000 })
    const audit = listAudit(host.ctx, { entity: 'household_line', entityId: String(first.id), page: 1, pageSize: 1 }).rows[0]
    expect(audit).toMatchObject({ action: 'delete', entityName: '张三', summary: '删除到户资产「基础母牛」2头（2021年基础母牛到户项目）' })
    expect(audit.before).toMatchObject({ householdId: id, amountFen: 1_600_000 })
    expect(refused(host, () => deleteHouseholdLine(host.ctx, first.id)).code).toBe('NOT_FOUND')
  })

  it('refuses to delete a household with asset lines, saying how many, and writes nothing', async () => {
    const host = await setUpHost()
    const { id } = createHousehold(host.ctx, householdInput())
    createHouseholdLine(host.ctx, lineInput(id))
    createHouseholdLine(host.ctx, lineInput(id, { item: '肉羊', unit: '只', quantity: 10, standardFen: 120_000, amountFen: 1_200_000 }))
    const error = refused(host, () => deleteHousehold(host.ctx, id))
    expect(error.message).toBe('农户「张三」名下还有 2 条到户资产明细，不能删除；请先删除这些明细。')
    expect(count(host.db, 'household')).toBe(1)
  })

  it('deletes a household without lines: its search terms go too, and the audit row keeps it masked', async () => {
    const host = await setUpHost()
    const keep = createHousehold(host.ctx, householdInput({ headName: '李四', idNo: idNo('19800101', '125') })).id
    const termsOfKeep = count(host.db, 'household_term', 'household_id = ?', keep)
    const { id } = createHousehold(host.ctx, householdInput())
    expect(count(host.db, 'household_term', 'household_id = ?', id)).toBeGreaterThan(0)
    const before = auditCount(host.ctx)
    deleteHousehold(host.ctx, id)
    expect(count(host.db, 'household', 'id = ?', id)).toBe(0)
    expect(count(host.db, 'household_term', 'household_id = ?', id)).toBe(0)
    expect(count(host.db, 'household_term', 'household_id = ?', keep)).toBe(termsOfKeep)
    expect(auditCount(host.ctx)).toBe(before + 1)
    const audit = listAudit(host.ctx, { entity: 'household', entityId: String(id), page: 1, pageSize: 1 }).rows[0]
    expect(audit).toMatchObject({ action: 'delete', entityName: '张三', summary: '删除农户「张三」（林东镇福山地村）' })
    expect(audit.before?.idNo).toMatch(/^1504\*+\d{3}[\dX]$/)
    const list = listHouseholds(host.ctx, { q: 'zs', sort: 'headName', order: 'asc', page: 1, pageSize: 10 })
    expect(list.rows).toEqual([])
    expect(listHouseholds(host.ctx, { sort: 'headName', order: 'asc', page: 1, pageSize: 10 }).rows.map((r) => r.headName)).toEqual(['李四'])
    // the ID number is free again
    expect(createHousehold(host.ctx, householdInput()).findings).toEqual([])
    expect(householdTables(host)[0]).toHaveLength(2)
  })
})
