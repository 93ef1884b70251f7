import 'element-plus/theme-chalk/el-message.css'
import 'element-plus/theme-chalk/el-message-box.css'
import 'element-plus/theme-chalk/el-overlay.css'
import './styles.css'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { useAppStore } from './stores/app'

const app = createApp(App)
app.use(createPinia())
app.use(router)

router.beforeEach(async (to) => {
  const store = useAppStore()
  if (!store.info) await store.load()
  if (store.info && !store.info.setupDone && to.path !== '/setup') return '/setup'
  if (store.info?.setupDone && to.path === '/setup') return '/home'
  return true
})
router.afterEach((to) => {
  document.title = `${(to.meta.title as string) ?? ''} - 帮扶项目资产台账`
})
app.mount('#app')
