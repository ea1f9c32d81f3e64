import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // electron-store imports `electron`; inline it so vi.mock('electron') reaches it (see toolchain-trials.md).
    server: { deps: { inline: ['electron-store'] } },
    pool: 'forks',
    // Fails a test that leaves a worker thread, timer, server or open database behind.
    setupFiles: ['test/support/leak-check.ts'],
  },
})
