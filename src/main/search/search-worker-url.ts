// Where the search worker's entry is: search-worker.ts beside this file from source (Node type stripping:
// tests, CLI, e2e harness), search-worker.js beside the built code (an entry of electron.vite.config.ts).
export const searchWorkerUrl = (): URL =>
  new URL(`./search-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url)
