// The typing part of the search benchmark, in a process of its own so its main thread is like the app's main
// process: it holds the library's own connection and relays searches to the search worker, and nothing else
// (the benchmark's process also holds several in-memory search services whose garbage collection would count
// against this event loop). Arguments: the library's data folder and workspace. Types each query a character
// at a time, as the renderer sends searches (one in flight, the newest text; hits only, facets off), and prints
// one JSON line: the main thread's event-loop delay, its most CPU between two event-loop turns, and the
// keystroke-to-results times.
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { openLibrary } from '../../src/main/library/index.ts'
import { createLibrarySearch } from '../../src/main/search/library-search.ts'

const TYPED = ['net revenue retention', 'nrr by plan', 'orders', 'refunds', 'churned customers', 'fct_orders',
  'analytics.fct_orders', 'revenue retention by plan', 'author:ana', 'table:fct_refunds', 'reports by amara about churn',
  'which reports use fct_orders', 'archived dashboards about refunds', 'ltv cac', 'daily active users', 'weekly order volume',
  'cohort', 'campaign performance', 'support tickets', 'pipeline', 'refnud rate', 'is:archived revenue', 'customer health',
  'signup funnel', 'gross margin', 'mrr', 'inventory', 'collection:Finance', 'orders last quarter', 'select count']

const [dataDir, workspace] = process.argv.slice(2)
if (dataDir !== undefined && workspace !== undefined) {
  const library = openLibrary({ dataDir, workspace })
  const search = createLibrarySearch()
  // As the app does when a library opens; the first keystroke then finds the attributes loaded.
  await search.warm(library)
  const delay = monitorEventLoopDelay({ resolution: 1 })
  delay.enable()
  // This thread's own CPU time between two turns of a 5 ms probe: a long delay with little CPU is the machine
  // giving the CPU to another process; CPU time is what code on this thread blocked (what the app can fix).
  let lastCpu = process.threadCpuUsage()
  let maxCpuInGapMs = 0
  const probe = setInterval(() => {
    const cpu = process.threadCpuUsage(lastCpu)
    lastCpu = process.threadCpuUsage()
    maxCpuInGapMs = Math.max(maxCpuInGapMs, (cpu.user + cpu.system) / 1000)
  }, 5)
  const keystrokes: number[] = []
  for (const q of TYPED) {
    for (let i = 1; i <= q.length; i++) {
      const t = performance.now()
      await search.search(library, { query: q.slice(0, i), limit: 30, facets: false, asTyped: true })
      keystrokes.push(performance.now() - t)
    }
  }
  delay.disable()
  clearInterval(probe)
  await search.close()
  await library.close()
  process.stdout.write(JSON.stringify({ maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6, maxCpuInGapMs, queries: TYPED.length, keystrokes }) + '\n')
}
