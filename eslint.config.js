import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// Folders that must run without Electron (CLI, tests, benchmarks use the same code).
const ELECTRON_FREE = [
  'src/main/mode/**', 'src/main/library/**', 'src/main/sync/**', 'src/main/search/**', 'src/main/sql/**',
  'src/sim/**', 'src/cli/**', 'src/shared/**',
  'src/main/app-core.ts', 'src/main/ipc.ts', 'src/main/app-error.ts', 'src/main/external-links.ts',
]

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
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'This folder must stay Electron-free (CLI, tests and benchmarks run it in plain Node).' }],
        patterns: [{ group: ['electron/*'], message: 'This folder must stay Electron-free.' }],
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
)
