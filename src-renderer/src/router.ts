import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

/** Menu groups: only screens that work are listed. */
export const menu: { group: string; items: { path: string; title: string; icon: string }[] }[] = [
  { group: '概览', items: [{ path: '/home', title: '旗县概况', icon: 'House' }] },
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
  { path: '/home', component: () => import('./views/HomeView.vue'), meta: { title: '旗县概况' } },
  { path: '/regions', component: () => import('./views/RegionsView.vue'), meta: { title: '区划管理' } },
  { path: '/settings', component: () => import('./views/SettingsView.vue'), meta: { title: '参数设置' } },
  { path: '/audit', component: () => import('./views/AuditView.vue'), meta: { title: '变动记录' } },
  { path: '/data', component: () => import('./views/DataView.vue'), meta: { title: '数据与备份' } },
  { path: '/:rest(.*)*', redirect: '/home' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
