/**
 * Project notices in a batch (项目公示公告批量打印): the 入库公示, 计划公告 or 竣工公告 of every project
 * of one 项目年度 (optionally one 乡镇 or 村) in ONE document, each project on its own page, ordered by
 * 乡镇 then project code. Which projects a notice covers (by status on the main line, see
 * domain/project-lifecycle.ts; 退回修改, 出库 and 终止 are never posted):
 *   入库公示  from 论证 on: the 拟入库 projects (the 县级入库 publicity runs after 论证, before 审定入库)
 *             and every project already in the library, whatever it reached since;
 *   计划公告  from 纳入年度计划 on: the projects of the year's plan;
 *   竣工公告  from 完工 on: completed projects, accepted or not (the notice says 并通过验收 when accepted).
 * The year is the project's 实施年度 (`project.year`), the year the project list filters by.
 * Five statements whatever the batch size (the projects, then sources, payments, allocations and
 * publicity of all of them), never a query per project.
 */
import { AppError } from '../domain/errors'
import type { ProjectStatus } from '../domain/project-enums'
import { statusesFrom } from '../domain/project-lifecycle'
import type { ServiceContext } from '../services/context'
import { projectWhere } from '../services/projects/read'
import { documentShell, type PrintHeader } from './blocks'
import type { PrintLayout } from './layouts'
import type { PageSetup } from './page'
import { hasProjects, loadNoticeData, noticeCss, noticeKinds, noticeSection, projectColumns, projectFrom, type ProjectRecord, type ProjectTemplateKey } from './project-forms'

export interface ProjectBatchScope {
  projectYear: number
  townCode?: string
  villageCode?: string
  /** For the title: 乡镇 and 村 names (null when not chosen). */
  townName: string | null
  villageName: string | null
}

export const batchStatuses: Record<ProjectTemplateKey, ProjectStatus[]> = {
  projectEntry: statusesFrom('论证'),
  projectPlan: statusesFrom('纳入年度计划'),
  projectCompletion: statusesFrom('完工'),
}

/** What the dialog tells the clerk a batch contains. */
export const batchNotes: Record<ProjectTemplateKey, string> = {
  projectEntry: '批量打印：所选年度已通过论证（拟入库）和已入库的项目，不含退回修改、出库、终止的项目',
  projectPlan: '批量打印：所选年度已纳入年度计划的项目（含已开工、完工的）',
  projectCompletion: '批量打印：所选年度已完工（含已验收、已移交）的项目',
}

const emptyText: Record<ProjectTemplateKey, string> = {
  projectEntry: '所选范围内没有拟入库或已入库的项目。',
  projectPlan: '所选范围内没有纳入年度计划的项目。',
  projectCompletion: '所选范围内没有已完工的项目。',
}

export function renderProjectBatch(
  ctx: ServiceContext,
  template: ProjectTemplateKey,
  scope: ProjectBatchScope,
  layout: PrintLayout,
  setup: PageSetup,
  header: PrintHeader,
): { html: string; title: string } {
  if (!hasProjects(ctx)) throw new AppError('NOT_AVAILABLE', '项目库尚未建立，暂不能打印项目公告公示。')
  // The project list's own filter: the same year, 乡镇 and 村 as the list the clerk came from.
  const { sql, params } = projectWhere({ year: scope.projectYear, townCode: scope.townCode, villageCode: scope.villageCode, statuses: batchStatuses[template] })
  const projects = ctx.db
    .prepare(`SELECT ${projectColumns} FROM ${projectFrom} ${sql} ORDER BY t.sort, p.town_code, p.code, p.name`)
    .all(params) as ProjectRecord[]
  if (!projects.length) throw new AppError('EMPTY', emptyText[template], { template, projectYear: scope.projectYear, townCode: scope.townCode, villageCode: scope.villageCode })
  const data = loadNoticeData(ctx, projects, `SELECT p.id FROM project p ${sql}`, params)
  const area = `${header.countyName}${scope.townName ?? ''}${scope.villageName ?? ''}`
  const title = `${area} ${scope.projectYear}年度项目${noticeKinds[template]}（共${projects.length}个项目）`
  const body = data.map((d) => noticeSection(template, d, layout, header, 'page'))
  return { title, html: documentShell(title, setup, body, noticeCss) }
}
