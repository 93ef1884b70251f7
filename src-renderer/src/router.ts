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
  { group: '基础数据', items: [{ path: '/regions', title: '区划管理', icon: 'Location' }] },
  {
    group: '系统',
    items: [
      { path: '/settings', title: '参数设置', icon: 'Setting' },
      { path: '/audit', title: '变动记录', icon: 'Document' },
      { path: '/data', title: '数据与备份', icon: 'FolderOpened' },
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
  { path: '/regions', component: () => import('./views/RegionsView.vue'), meta: { title: '区划管理' } },
  { path: '/settings', component: () => import('./views/SettingsView.vue'), meta: { title: '参数设置' } },
  { path: '/audit', component: () => import('./views/AuditView.vue'), meta: { title: '变动记录' } },
  { path: '/data', component: () => import('./views/DataView.vue'), meta: { title: '数据与备份' } },
  { path: '/:rest(.*)*', redirect: '/home' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
