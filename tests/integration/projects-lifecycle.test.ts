/**
 * Issue 4: the project library's lifecycle — every transition allowed and refused, the 入库 refusal
 * for industry projects without 联农带农, date ordering, publicity, adjustments, audit rows, and that
 * a refused call leaves the database unchanged.
 */
import { describe, expect, it } from 'vitest'
import { projectActions, projectStatuses } from '../../src-main/domain/project-enums'
import { allowedActions, checkTransition, transitionRules, type TransitionFacts } from '../../src-main/domain/project-lifecycle'
import { collector } from '../../src-main/domain/severity'
import type { ProjectDetail } from '../../src-main/api/types/projects'
import { auditCount, autoCleanup, count, dump, setUpHost } from '../support/temp'
import { advance, api, createProject, indicators, refusal, step } from './projects-support'

autoCleanup()

const facts = (status: string, extra: Partial<TransitionFacts> = {}): TransitionFacts => ({
  status,
  formsAsset: true,
  isIndustry: false,
  linkMechanism: '',
  indicatorCount: 1,
  lastDate: null,
  actualStart: null,
  actualEnd: null,
  acceptanceDate: null,
  publicity: [{ stage: '村级申报', endDate: '2024-01-01' }],
  today: '2026-01-01',
  viaHandover: true,
  ...extra,
})
const input = (action: string, date = '2024-06-01', note = '原因说明') => ({ action: action as never, date, docNo: '文号', actor: '经办', note })

describe('the state machine (pure)', () => {
  it('allows each action exactly from its listed statuses and leads to its status', () => {
    let allowed = 0
    let refused = 0
    for (const action of projectActions) {
      for (const status of projectStatuses) {
        const c = collector()
        const to = checkTransition(facts(status, { formsAsset: action !== '绩效评价' }), input(action), c)
        const rule = transitionRules[action]
        if (action === '调整') {
          // recorded through projects.addAdjustment, never a transition
          expect(to).toBeNull()
          continue
        }
        if (rule.from.includes(status as never)) {
          expect(to, `${action} from ${status}`).toBe(rule.to)
          allowed++
        } else {
          expect(to, `${action} from ${status}`).toBeNull()
          expect(c.findings()[0].message).toContain(`不能${action}`)
          refused++
        }
      }
    }
    expect(allowed).toBeGreaterThan(20)
    expect(refused).toBeGreaterThan(150)
  })

  it('lists the buttons of a status; 资产移交 only for projects forming assets', () => {
    expect(allowedActions('草稿', true).map((a) => a.action)).toEqual(['申报'])
    expect(allowedActions('论证', true).map((a) => a.action)).toEqual(['审定入库', '退回修改', '终止'])
    expect(allowedActions('验收', true).map((a) => a.action)).toEqual(['资产移交'])
    expect(allowedActions('验收', false).map((a) => a.action)).toEqual(['绩效评价'])
    expect(allowedActions('归档', true)).toEqual([])
  })

  it('refuses 入库 of an industry project without 联农带农 and of any project without performance targets (E)', () => {
    const c = collector()
    expect(checkTransition(facts('论证', { isIndustry: true, linkMechanism: ' ' }), input('审定入库'), c)).toBeNull()
    expect(c.findings().map((f) => f.label)).toContain('联农带农机制')
    const c2 = collector()
    expect(checkTransition(facts('论证', { indicatorCount: 0 }), input('审定入库'), c2)).toBeNull()
    expect(c2.findings().map((f) => f.label)).toContain('绩效目标')
    const c3 = collector()
    expect(checkTransition(facts('论证', { isIndustry: true, linkMechanism: '保底分红' }), input('审定入库'), c3)).toBe('入库')
  })

  it('grades dates: a step before the previous one W, 完工 before 开工 E, future E', () => {
    const c = collector()
    expect(checkTransition(facts('审核', { lastDate: '2024-07-01' }), input('论证', '2024-06-01'), c)).toBe('论证')
    expect(c.findings().map((f) => f.level)).toEqual(['W'])
    const c2 = collector()
    expect(checkTransition(facts('开工', { actualStart: '2024-07-01' }), input('完工', '2024-06-01'), c2)).toBeNull()
    expect(c2.findings()[0].message).toContain('不能早于实际开工日期')
    const c3 = collector()
    expect(checkTransition(facts('完工', { actualEnd: '2024-07-01' }), input('验收', '2024-06-30'), c3)).toBeNull()
    const c4 = collector()
    expect(checkTransition(facts('申报'), input('审核', '2027-01-01'), c4)).toBeNull()
  })

  it('needs a reason for 退回修改, 出库 and 终止', () => {
    for (const [status, action] of [['审核', '退回修改'], ['入库', '出库'], ['开工', '终止']]) {
      const c = collector()
      expect(checkTransition(facts(status), input(action, '2024-06-01', ''), c)).toBeNull()
      expect(c.findings()[0].label).toBe('说明')
    }
  })
})

describe('projects through the contract', () => {
  it('creates a project with a generated code and audit row; the code follows {年}{县}{类}{序}', async () => {
    const host = await setUpHost()
    const before = auditCount(host.ctx)
    const next = await api<{ code: string }>(host, 'projects.nextCode', { year: 2024, typeCode: 'CY' })
    const saved = await api<{ id: number; code: string }>(host, 'projects.create', (await import('./projects-support')).projectInput())
    expect(saved.code).toBe('2024150422CY0001')
    expect(next.code).toBe(saved.code)
    expect(auditCount(host.ctx)).toBe(before + 1)
    const d = await api<ProjectDetail>(host, 'projects.get', { id: saved.id })
    expect(d.status).toBe('草稿')
    expect(d.villages.map((v) => v.name)).toEqual(['福山地村'])
    expect(d.fundSources.reduce((n, f) => n + f.amountFen, 0)).toBe(100_000_000)
    expect(d.allowedActions.map((a) => a.action)).toEqual(['申报'])
  })

  it('refuses a fund plan that does not add up to the investment, and an old type in a new year — naming the field', async () => {
    const host = await setUpHost()
    const { projectInput } = await import('./projects-support')
    const r = await refusal(host, 'projects.create', projectInput({ totalInvestmentFen: 100_000_001 }))
    expect(r.code).toBe('INVALID')
    expect(r.message).toContain('资金来源')
    expect(r.message).toContain('相差 0.01 元')
    const r2 = await refusal(host, 'projects.create', projectInput({ typeCode: 'CF' }))
    expect(r2.message).toContain('项目类型')
    expect(r2.message).toContain('2016–2020')
    expect(count(host.ctx.db, 'project')).toBe(0)
    // the historic classification in its own years
    await api(host, 'projects.create', projectInput({ year: 2019, libraryYear: 2019, typeCode: 'CF', name: '2019年福山地村肉牛养殖项目' }))
    const types = await api<{ code: string }[]>(host, 'projects.types', { year: 2019 })
    expect(types.map((t) => t.code)).toContain('CF')
    expect(types.map((t) => t.code)).not.toContain('CY')
  })

  it('runs the main line 申报 → 归档 and records date, doc no. and actor of every step', async () => {
    const host = await setUpHost()
    const id = await createProject(host, { formsAsset: false, expectedAssetClass: '不形成资产' })
    await advance(host, id, '验收')
    await api(host, 'projects.transition', step(id, '绩效评价', '2024-12-20'))
    await api(host, 'projects.transition', step(id, '归档', '2025-01-10', { docNo: '档2025-01' }))
    const d = await api<ProjectDetail>(host, 'projects.get', { id })
    expect(d.status).toBe('归档')
    expect(d.transitions.map((t) => t.action)).toEqual(['申报', '审核', '论证', '审定入库', '纳入计划', '开工', '完工', '验收', '绩效评价', '归档'])
    expect(d.transitions.every((t) => t.actor === '林东镇人民政府' && t.date)).toBe(true)
    expect(d.libraryDocNo).toBe('左乡振组字〔2024〕3号')
    expect(d.planDocNo).toBe('左政发〔2024〕8号')
    expect([d.actualStart, d.actualEnd, d.acceptanceDate]).toEqual(['2024-04-10', '2024-09-30', '2024-10-20'])
    expect(count(host.ctx.db, 'audit_log', "entity = 'project' AND entity_id = ?", String(id))).toBe(1 + 2 + 10) // create, indicators, publicity, 10 steps
  })

  it('refuses 入库 of an industry project without 联农带农 (E) and leaves the database unchanged', async () => {
    const host = await setUpHost()
    const id = await createProject(host, { linkMechanism: '' })
    await api(host, 'projects.saveIndicators', { projectId: id, indicators })
    await api(host, 'projects.addPublicity', { projectId: id, stage: '村级申报', startDate: '2024-01-11', endDate: '2024-01-18', place: '村务公开栏' })
    for (const [a, d] of [['申报', '2024-01-10'], ['审核', '2024-01-25'], ['论证', '2024-02-05']]) await api(host, 'projects.transition', step(id, a, d))
    const tables = ['project', 'project_transition', 'audit_log']
    const before = tables.map((t) => dump(host.ctx.db, t))
    const r = await refusal(host, 'projects.transition', step(id, '审定入库', '2024-02-20'))
    expect(r.code).toBe('INVALID')
    expect(r.message).toContain('联农带农机制')
    expect(r.message).toContain('不得入库')
    expect(tables.map((t) => dump(host.ctx.db, t))).toEqual(before)
    // with the mechanism filled in (before 入库 the project is still editable) it passes
    const { projectInput } = await import('./projects-support')
    await api(host, 'projects.update', { ...projectInput(), id })
    await api(host, 'projects.transition', step(id, '审定入库', '2024-02-20', { docNo: '左乡振组字〔2024〕3号' }))
    expect((await api<ProjectDetail>(host, 'projects.get', { id })).status).toBe('入库')
  })

  it('refuses steps out of order, 资产移交 outside the wizard, and an edit of a library project outside 调整', async () => {
    const host = await setUpHost()
    const id = await createProject(host)
    expect((await refusal(host, 'projects.transition', step(id, '开工', '2024-04-01'))).message).toContain('不能开工')
    await advance(host, id, '验收')
    expect((await refusal(host, 'projects.transition', step(id, '资产移交', '2024-11-01'))).message).toContain('向导')
    expect((await refusal(host, 'projects.transition', step(id, '绩效评价', '2024-11-01'))).message).toContain('应先办理资产移交')
    const { projectInput } = await import('./projects-support')
    const r = await refusal(host, 'projects.update', { ...projectInput({ content: '新建暖棚12座' }), id })
    expect(r.message).toContain('建设内容及规模')
    expect(r.message).toContain('调整')
    // remarks stay editable
    await api(host, 'projects.update', { ...projectInput({ remarks: '已完成审计' }), id })
  })

  it('warns (W) when a step is dated before the previous one, and asks for confirmation', async () => {
    const host = await setUpHost()
    const id = await createProject(host)
    await api(host, 'projects.transition', step(id, '申报', '2024-03-01'))
    const r = await refusal(host, 'projects.transition', step(id, '审核', '2024-02-01', { acceptWarnings: false }))
    expect(r.code).toBe('NEEDS_CONFIRMATION')
    expect(r.message).toContain('早于上一环节日期')
    await api(host, 'projects.transition', step(id, '审核', '2024-02-01'))
  })

  it('退回修改 goes back to 申报 by 申报 again; 出库 and 终止 end the project', async () => {
    const host = await setUpHost()
    const id = await createProject(host)
    await api(host, 'projects.transition', step(id, '申报', '2024-01-10'))
    await api(host, 'projects.transition', step(id, '退回修改', '2024-01-15', { note: '投资估算依据不足' }))
    await api(host, 'projects.transition', step(id, '申报', '2024-01-20'))
    expect((await api<ProjectDetail>(host, 'projects.get', { id })).status).toBe('申报')
    const id2 = await createProject(host, { name: '2024年林东镇福山地村饲草料基地项目' })
    await advance(host, id2, '审定入库')
    await api(host, 'projects.transition', step(id2, '出库', '2024-05-01', { note: '已由其他资金实施' }))
    expect((await api<ProjectDetail>(host, 'projects.get', { id: id2 })).allowedActions).toEqual([])
    const id3 = await createProject(host, { name: '2024年林东镇福山地村青贮窖项目' })
    await advance(host, id3, '开工')
    await api(host, 'projects.transition', step(id3, '终止', '2024-06-01', { note: '选址变更，无法实施' }))
    expect((await api<ProjectDetail>(host, 'projects.get', { id: id3 })).status).toBe('终止')
  })

  it('records publicity with the minimum days from settings (W below it)', async () => {
    const host = await setUpHost()
    const id = await createProject(host)
    const r = await refusal(host, 'projects.addPublicity', { projectId: id, stage: '村级申报', startDate: '2024-01-11', endDate: '2024-01-15', place: '村务公开栏' })
    expect(r.code).toBe('NEEDS_CONFIRMATION')
    expect(r.message).toContain('公示 5 天，少于规定的 7 天')
    await api(host, 'projects.addPublicity', { projectId: id, stage: '村级申报', startDate: '2024-01-11', endDate: '2024-01-15', place: '村务公开栏', acceptWarnings: true })
    const list = await api<{ days: number; tooShort: boolean }[]>(host, 'projects.listPublicity', { projectId: id })
    expect(list).toEqual([expect.objectContaining({ days: 5, tooShort: true })])
  })

  it('records an adjustment with before/after and approval, applies it, and refuses one with nothing changed', async () => {
    const host = await setUpHost()
    const id = await createProject(host)
    await advance(host, id, '纳入计划')
    const { projectInput } = await import('./projects-support')
    const base = projectInput()
    await api(host, 'projects.addAdjustment', {
      projectId: id,
      changeType: '内容',
      after: { content: '新建暖棚12座，每座200平方米' },
      approvalOrg: '巴林左旗巩固衔接领导小组',
      approvalDocNo: '左乡振组字〔2024〕9号',
      approvalDate: '2024-03-15',
      reason: '养殖规模扩大',
      acceptWarnings: true,
    })
    const d = await api<ProjectDetail>(host, 'projects.get', { id })
    expect(d.content).toBe('新建暖棚12座，每座200平方米')
    expect(d.adjustments).toEqual([
      expect.objectContaining({ changeType: '内容', before: { content: base.content }, after: { content: '新建暖棚12座，每座200平方米' }, labels: { content: '建设内容及规模' }, approvalDocNo: '左乡振组字〔2024〕9号' }),
    ])
    expect(d.status).toBe('纳入年度计划')
    expect(d.transitions.at(-1)).toEqual(expect.objectContaining({ action: '调整', fromStatus: '纳入年度计划', toStatus: '纳入年度计划' }))
    const r = await refusal(host, 'projects.addAdjustment', {
      projectId: id, changeType: '内容', after: { content: '新建暖棚12座，每座200平方米' }, approvalOrg: '领导小组', approvalDocNo: '文号1', approvalDate: '2024-03-20', reason: '再次调整', acceptWarnings: true,
    })
    expect(r.message).toContain('没有需要登记的变更')
  })

  it('deletes only drafts without money', async () => {
    const host = await setUpHost()
    const id = await createProject(host)
    await api(host, 'projects.transition', step(id, '申报', '2024-01-10'))
    expect((await refusal(host, 'projects.delete', { id })).message).toContain('不能删除')
    const id2 = await createProject(host, { name: '2024年林东镇福山地村草原围栏项目' })
    await api(host, 'projects.delete', { id: id2 })
    expect(count(host.ctx.db, 'project')).toBe(1)
  })
})
