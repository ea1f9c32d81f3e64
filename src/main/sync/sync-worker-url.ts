// Where the sync worker's entry file is. From source (Node 24 type stripping: tests, the CLI, the e2e harness)
// it is sync-worker.ts beside this file. In the Electron build, electron.vite.config.ts emits it as its own
// entry, out/main/sync-worker.js, and keeps every shared chunk flat in out/main — so from whichever built file
// this code ends up in, the worker is `./sync-worker.js` beside it. The name is assembled at run time so the
// bundler does not try to treat it as an asset import.
const WORKER_NAME = 'sync-worker'

export function syncWorkerUrl(base: string = import.meta.url): URL {
  const extension = new URL(base).pathname.endsWith('.ts') ? '.ts' : '.js'
  return new URL(`./${WORKER_NAME}${extension}`, base)
}
