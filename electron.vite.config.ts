import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

const root = __dirname

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      emptyOutDir: true,
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'src-main/index.ts'),
          // The core worker: loaded by path at run time, under Electron and by the test bridge.
          core: resolve(root, 'src-main/core.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      emptyOutDir: true,
      // A sandboxed preload cannot require packages: bundle the contract (and zod) into it.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(root, 'src-preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    resolve: { alias: { '@': resolve(root, 'src-renderer/src') } },
    plugins: [
      vue(),
      Components({
        dts: false,
        dirs: [],
        resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      }),
    ],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
})
