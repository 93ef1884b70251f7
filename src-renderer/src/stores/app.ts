import { defineStore } from 'pinia'
import { call } from '../api'
import type { AppInfo } from '../../../src-main/services/system'

export const useAppStore = defineStore('app', {
  state: () => ({ info: null as AppInfo | null, loadError: '' }),
  getters: {
    countyName: (s) => s.info?.county?.name ?? '',
    ready: (s) => !!s.info?.setupDone,
  },
  actions: {
    async load() {
      try {
        this.info = await call('app.info')
        this.loadError = ''
      } catch (error) {
        this.loadError = (error as Error).message
      }
    },
  },
})
