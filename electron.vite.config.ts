import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // The sync runs in a worker thread, which needs its own entry file (src/main/sync/sync-worker-url.ts).
          'sync-worker': resolve(import.meta.dirname, 'src/main/sync/sync-worker.ts'),
          // Searches run in their own worker thread too (src/main/search/search-worker-url.ts).
          'search-worker': resolve(import.meta.dirname, 'src/main/search/search-worker.ts'),
          // A library's checks and migrations run in one before the main thread opens it (src/main/library/open-off-thread.ts).
          'library-open-worker': resolve(import.meta.dirname, 'src/main/library/library-open-worker.ts'),
        },
        // Shared chunks sit flat beside the entries, so built code finds the worker at `./sync-worker.js`.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot be ES modules and cannot require() npm packages: bundle everything into
      // one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
  },
})
