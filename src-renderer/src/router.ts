import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

/** Menu groups: only screens that work are listed. */
export const menu: { group: string; items: { path: string; title: string; icon: string }[] }[] = [
  {
    group: '概览',
    items: [
      { path: '/home', title: '总览', icon: 'House' },
      { path: '/problems', title: '问题清单', icon: 'Warning' },
    ],
  },
  {
    group: '三本账',
    items: [
      { path: '/ledger/public', title: '公益类资产', icon: 'OfficeBuilding' },
      { path: '/ledger/operating', title: '经营类资产', icon: 'Shop' },
      { path: '/ledger/household', title: '到户类资产', icon: 'Box' },
    ],
  },
  {
    group: '农户',
    items: [
      { path: '/households', title: '农户登记', icon: 'User' },
      { path: '/household-lines', title: '到户资产花名册', icon: 'List' },
    ],
  },
  {
    group: '项目库',
    items: [
      { path: '/projects', title: '项目库', icon: 'Folder' },
      { path: '/fund-docs', title: '资金文件', icon: 'Tickets' },
      { path: '/project-board', title: '调度', icon: 'TrendCharts' },
      { path: '/compliance', title: '使用监测', icon: 'Odometer' },
    ],
  },
  { group: '报表', items: [{ path: '/reports', title: '上报报表', icon: 'DataAnalysis' }] },
  { group: '基础数据', items: [{ path: '/regions', title: '区划管理', icon: 'Location' }] },
  {
    group: '系统',
    items: [
      { path: '/settings', title: '参数设置', icon: 'Setting' },
      { path: '/audit', title: '变动记录', icon: 'Document' },
      { path: '/data', title: '数据与备份', icon: 'FolderOpened' },
      { path: '/import', title: '数据导入', icon: 'Upload' },
    ],
  },
]

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/home' },
  { path: '/setup', component: () => import('./views/SetupView.vue'), meta: { title: '首次设置', bare: true } },
  { path: '/home', component: () => import('./views/HomeView.vue'), meta: { title: '总览' } },
  { path: '/problems', component: () => import('./views/ProblemsView.vue'), meta: { title: '问题清单' } },
  { path: '/ledger/:kind(public|operating|household)', component: () => import('./views/AssetLedgerView.vue'), meta: { title: '资产台账' } },
  { path: '/assets/new/:kind(public|operating|household)', component: () => import('./views/AssetFormView.vue'), meta: { title: '登记资产' } },
  { path: '/assets/:id(\\d+)/edit', component: () => import('./views/AssetFormView.vue'), meta: { title: '修改资产' } },
  { path: '/assets/:id(\\d+)', component: () => import('./views/AssetPageView.vue'), meta: { title: '资产详情' } },
  { path: '/households', component: () => import('./views/HouseholdsView.vue'), meta: { title: '农户登记' } },
  { path: '/household-lines', component: () => import('./views/HouseholdLinesView.vue'), meta: { title: '到户资产花名册' } },
  { path: '/projects', component: () => import('./views/ProjectListView.vue'), meta: { title: '项目库' } },
  { path: '/projects/new', component: () => import('./views/ProjectFormView.vue'), meta: { title: '新建项目' } },
  { path: '/projects/:id(\\d+)/edit', component: () => import('./views/ProjectFormView.vue'), meta: { title: '修改项目' } },
  { path: '/projects/:id(\\d+)/handover', component: () => import('./views/HandoverWizardView.vue'), meta: { title: '资产移交' } },
  { path: '/projects/:id(\\d+)', component: () => import('./views/ProjectPageView.vue'), meta: { title: '项目详情' } },
  { path: '/fund-docs', component: () => import('./views/FundDocsView.vue'), meta: { title: '资金文件' } },
  { path: '/project-board', component: () => import('./views/ProjectBoardView.vue'), meta: { title: '项目调度' } },
  { path: '/compliance', component: () => import('./views/ComplianceView.vue'), meta: { title: '资金使用监测' } },
  { path: '/reports', component: () => import('./views/ReportsView.vue'), meta: { title: '上报报表' } },
  { path: '/regions', component: () => import('./views/RegionsView.vue'), meta: { title: '区划管理' } },
  { path: '/settings', component: () => import('./views/SettingsView.vue'), meta: { title: '参数设置' } },
  { path: '/audit', component: () => import('./views/AuditView.vue'), meta: { title: '变动记录' } },
  { path: '/data', component: () => import('./views/DataView.vue'), meta: { title: '数据与备份' } },
  { path: '/import', component: () => import('./views/ImportView.vue'), meta: { title: '数据导入' } },
  { path: '/:rest(.*)*', redirect: '/home' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
