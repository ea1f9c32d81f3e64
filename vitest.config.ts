import { availableParallelism } from 'node:os'
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
    // One test file per core. Vitest's default (cores - 1) ran one file at a time on a 2-core CI machine, leaving
    // a core mostly idle: measured on the whole suite, 626 s → 442 s of wall time (272 → 244 s of CPU) on a shared
    // machine at load 6–11.
    maxWorkers: availableParallelism(),
    // Fails a test that leaves a worker thread, timer, server or open database behind.
    setupFiles: ['test/support/leak-check.ts'],
  },
})
