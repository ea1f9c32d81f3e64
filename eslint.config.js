import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// Everything must run without Electron (the CLI, tests and benchmarks use the same code) except the app's
// lifecycle, its window and protocol, and the adapters in src/main/electron/. By folder, so a new file or
// folder is covered without touching this list.
const ELECTRON_FREE = ['src/main/**', 'src/sim/**', 'src/cli/**', 'src/shared/**', 'test/**', 'bin/**']
const ELECTRON_BOUND = ['src/main/index.ts', 'src/main/window.ts', 'src/main/protocol.ts', 'src/main/electron/**']
// Tests of the adapters mock `electron` and import them.
const ELECTRON_TESTS = ['test/unit/electron/**', 'test/e2e/electron-app.spec.ts']

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ELECTRON_FREE,
    ignores: [...ELECTRON_BOUND, ...ELECTRON_TESTS],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'Only src/main/index.ts, window.ts, protocol.ts and src/main/electron/ may import Electron (CLI, tests and benchmarks run the rest in plain Node).' },
          { name: 'electron-store', message: 'electron-store needs Electron: use it through src/main/electron/settings-store.ts.' },
        ],
        patterns: [{ group: ['electron/*', '**/main/electron/*', '**/electron/safe-storage.ts', '**/electron/settings-store.ts'], message: 'Electron adapters are wired in src/main/index.ts only.' }],
      }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/unit/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks to main only through the typed bridge.' }],
        patterns: [{ group: ['node:*'], message: 'The renderer has no Node APIs.' }],
      }],
    },
  },
  {
    // Everything but the stores (screens, components, the shell, actions…) reaches main only through the stores, which hold the one subscription
    // to each of main's events and the bridge's error handling.
    files: ['src/renderer/src/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/stores/**', 'src/renderer/src/bridge.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks to main only through the typed bridge.' }],
        patterns: [
          { group: ['node:*'], message: 'The renderer has no Node APIs.' },
          { group: ['**/bridge.ts', '**/bridge'], message: 'Reach main through a store in src/renderer/src/stores/ (main-reads.ts for one-shot reads).' },
        ],
      }],
    },
  },
)
