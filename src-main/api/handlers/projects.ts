import { projectBoard } from '../../services/projects/board'
import { compliance } from '../../services/projects/compliance'
import { handoverProject } from '../../services/projects/handover'
import { allocate, createFundDoc, deleteEntry, deleteFundDoc, getFundDoc, listFundDocs, pay, spend, updateFundDoc } from '../../services/projects/money'
import { filterOptions, getProjectDetail, listAdjustments, listAllocations, listEntries, listProjects, listProjectTypes, listPublicity } from '../../services/projects/read'
import {
  addAdjustment,
  addPublicity,
  createProject,
  deleteProject,
  deletePublicity,
  peekProjectCode,
  saveIndicators,
  transitionProject,
  updateProject,
} from '../../services/projects/write'
import type { projectChannels } from '../channels/projects'
import type { HandlersOf } from '../handler-types'

export const projectHandlers: HandlersOf<typeof projectChannels> = {
  'projects.types': (ctx, input) => listProjectTypes(ctx, input.year),
  'projects.filterOptions': (ctx) => filterOptions(ctx),
  'projects.nextCode': (ctx, input) => ({ code: peekProjectCode(ctx, input.year, input.typeCode) }),
  'projects.create': (ctx, input) => createProject(ctx, input),
  'projects.update': (ctx, input) => updateProject(ctx, input),
  'projects.delete': (ctx, input) => deleteProject(ctx, input.id),
  'projects.get': (ctx, input) => getProjectDetail(ctx, input.id),
  'projects.list': (ctx, input) => listProjects(ctx, input),
  'projects.transition': (ctx, input) => transitionProject(ctx, input),
  'projects.addPublicity': (ctx, input) => addPublicity(ctx, input),
  'projects.deletePublicity': (ctx, input) => deletePublicity(ctx, input.id),
  'projects.listPublicity': (ctx, input) => listPublicity(ctx, input.projectId),
  'projects.addAdjustment': (ctx, input) => addAdjustment(ctx, input),
  'projects.listAdjustments': (ctx, input) => listAdjustments(ctx, input.projectId),
  'projects.saveIndicators': (ctx, input) => saveIndicators(ctx, input),
  'fundDocs.create': (ctx, input) => createFundDoc(ctx, input),
  'fundDocs.update': (ctx, input) => updateFundDoc(ctx, input),
  'fundDocs.delete': (ctx, input) => deleteFundDoc(ctx, input.id),
  'fundDocs.get': (ctx, input) => getFundDoc(ctx, input.id, input.asOf),
  'fundDocs.list': (ctx, input) => listFundDocs(ctx, input),
  'funds.allocate': (ctx, input) => allocate(ctx, input),
  'funds.pay': (ctx, input) => pay(ctx, input),
  'funds.spend': (ctx, input) => spend(ctx, input),
  'funds.deleteEntry': (ctx, input) => deleteEntry(ctx, input),
  'funds.allocations': (ctx, input) => listAllocations(ctx, input),
  'funds.entries': (ctx, input) => listEntries(ctx, input),
  'projects.board': (ctx, input) => projectBoard(ctx, input),
  'projects.compliance': (ctx, input) => compliance(ctx, input),
  'projects.handover': (ctx, input) => handoverProject(ctx, input),
}
