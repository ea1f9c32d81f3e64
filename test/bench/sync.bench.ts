// npm run bench:sync — how close a sync comes to the physical limit of Mode's rate limit, and whether writing a
// 10,000-report library ever blocks the event loop.
//
// Part 1 (simulator at Mode's default 40 requests / 10 s, with datasets, previews, results and schedules in the sync): a full sync, a
// no-change sync and a sync after 10 in-scope reports ran in Mode, of a
// 400-report workspace. Printed for each: requests made, the minimum a correct client needs, wall time, the
// lower bound (minimum ÷ allowed rate), the ratios, 429s received and how many went unrecovered.
// The minimum counts every list as its pages plus the one request that proves the end (Mode gives no reliable
// page count: docs/DESIGN.md, “The Mode API in one screen”): Σ(⌈n/30⌉ + 1) per collection listing, the same for spaces, memberships,
// groups, each group's members and data sources, plus one queries request per report (full sync only).
// Part 2 (rate limit off): a 10,000-report full sync, with the main thread's event-loop delay monitored throughout:
// (a) the app's path: the app core connects and runs its first sync in a worker thread, which makes its own
// requests as on a network without a proxy (BENCH_SYNC_ROUTE=bridge: they come back over the fetch bridge to
// this thread's fetch adapter, as on a proxied network); (b) for comparison, syncWorkspace on the main thread
// itself (BENCH_SYNC_IN_THREAD=0 skips it). `--loop-only` skips part 1, `--rate-only` part 2.
// CPU time per transaction is the process's (all threads), so it is an upper bound for the transaction itself.
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { constants as perfConstants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'
import type { PerformanceEntry } from 'node:perf_hooks'
import { openLibrary } from '../../src/main/library/open-library.ts'
import { createModeClient } from '../../src/main/mode/client.ts'
import { RateLimiter } from '../../src/main/mode/rate-limiter.ts'
import { createAppCore } from '../../src/main/app-core.ts'
import { listSyncRuns } from '../../src/main/library/index.ts'
import { JsonFileKeyValueStore } from '../support/json-file-key-value-store.ts'
import { previewOrigins } from '../../src/main/report-content/preview-url.ts'
import { DEFAULT_REPORT_CONTENT } from '../../src/main/sync/fetch-report-content.ts'
import { syncWorkspace } from '../../src/main/sync/sync-workspace.ts'
import type { SyncProgress, SyncState } from '../../src/shared/model.ts'
import type { SimStats } from '../../src/sim/server.ts'
import type { Truth } from '../../src/sim/truth.ts'
import { createSafeStorageDouble } from '../unit/secrets/safe-storage-double.ts'
import { startSimProcess, type SimProcess } from './sim-process.ts'

const PAGE = 30
const RATE_PER_S = 40 / 10
const REPORTS = Number(process.env.BENCH_SYNC_REPORTS ?? 400)
const BIG_REPORTS = Number(process.env.BENCH_SYNC_BIG_REPORTS ?? 10_000)

const admin = async <T>(sim: SimProcess, path: string, method = 'GET'): Promise<T> => (await (await fetch(sim.url + path, { method })).json()) as T

const pages = (n: number): number => Math.ceil(n / PAGE) + 1

/** The access data: one permissions listing per shared collection and Discovery's pages of 999 members (groups count as people). */
function accessRequests(truth: Truth): number {
  return truth.spaces.filter((s) => s.space_type !== 'private').length + Math.max(1, Math.ceil(truth.members.length / 999))
}

const ACCESS_ROUTES = ['groups', 'group_memberships', 'space_permissions', 'member_activity'] as const

interface Minimum { total: number; listing: number; people: number; queries: number; results: number; schedules: number; access: number }

/**
 * The fewest requests a correct sync needs. Listings: every collection's reports and datasets. Queries: one per
 * report and dataset (full sync). Results: for each in-scope report (the 200 most viewed) whose last successful
 * run is new, 1 (its query runs) + 1 per query result. Schedules: each scheduled report whose run is new, its pages.
 */
function minimumRequests(truth: Truth, full: boolean, newRuns: Set<string> | 'all'): Minimum {
  const perSpace = new Map(truth.spaces.map((s) => [s.token, 0]))
  const datasetsPerSpace = new Map(truth.spaces.map((s) => [s.token, 0]))
  for (const r of truth.reports) perSpace.set(r.space_token, (perSpace.get(r.space_token) ?? 0) + 1)
  for (const d of truth.datasets) datasetsPerSpace.set(d.space_token, (datasetsPerSpace.get(d.space_token) ?? 0) + 1)
  const listing = pages(truth.spaces.length) + [...perSpace.values()].reduce((sum, n) => sum + pages(n), 0) + [...datasetsPerSpace.values()].reduce((sum, n) => sum + pages(n), 0)
  const people = pages(truth.members.length) + pages(truth.groups.length) + truth.groups.reduce((sum, g) => sum + pages(g.member_usernames.length), 0) + pages(truth.data_sources.length)
  const queries = full ? truth.reports.length + truth.datasets.length : 0
  const isNew = (token: string) => newRuns === 'all' || newRuns.has(token)
  const inScope = [...truth.reports].sort((a, b) => b.view_count - a.view_count || (a.token < b.token ? -1 : 1)).slice(0, DEFAULT_REPORT_CONTENT.topViewed)
  const results = inScope.filter((r) => r.last_successful_run_token && isNew(r.token)).reduce((sum, r) => sum + 1 + r.queries.filter((q) => q.result).length, 0)
  // Schedules are a paged list (Airbyte pages them): its page(s) plus the one that proves the end.
  const schedules = truth.reports.filter((r) => r.schedules.length > 0 && isNew(r.token)).reduce((sum, r) => sum + pages(r.schedules.length), 0)
  const access = accessRequests(truth)
  return { total: listing + people + queries + results + schedules + access, listing, people, queries, results, schedules, access }
}

const fmt = (n: number, digits = 2): string => n.toFixed(digits)

async function rateLimitedPart(): Promise<void> {
  const sim = await startSimProcess({ seed: 11, reports: REPORTS, latencyMs: 25 }, { lowPriority: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'mc-bench-sync-'))
  const library = openLibrary({ dataDir, workspace: sim.workspace })
  try {
    const truth = await admin<Truth>(sim, '/__sim/truth')
    // The client as the app builds it: Mode's documented limit, default limiter.
    const client = createModeClient({ baseUrl: sim.url, token: sim.token, password: sim.password, workspace: sim.workspace, limiter: new RateLimiter({ requests: 40, perMs: 10_000 }) })
    console.log(`Part 1 — simulator at 40 requests / 10 s, ${truth.reports.length} reports in ${truth.spaces.length} collections, ${truth.members.length} members, ${truth.groups.length} groups`)
    const content = { content: DEFAULT_REPORT_CONTENT, previews: { fetch: globalThis.fetch, origins: previewOrigins(sim.url) } }
    const phases: [string, 'full' | 'incremental', () => Promise<Set<string> | 'all'>][] = [
      ['full sync', 'full', async () => 'all'],
      ['no-change sync', 'incremental', async () => new Set()],
      ['sync after 10 reports ran in Mode', 'incremental', async () => {
        const ran = [...truth.reports].sort((a, b) => b.view_count - a.view_count).slice(0, 40).filter((_, i) => i % 4 === 0).map((r) => r.token)
        await fetch(`${sim.url}/__sim/mutate`, { method: 'POST', body: JSON.stringify({ ops: ran.map((token) => ({ kind: 'runReport', token })) }) })
        return new Set(ran)
      }],
    ]
    for (const [label, kind, prepare] of phases) {
      const newRuns = await prepare()
      const current = await admin<Truth>(sim, '/__sim/truth')
      await admin(sim, '/__sim/stats/reset', 'POST')
      const started = performance.now()
      const phaseStart = new Map<string, number>()
      let firstNamesAt: number | null = null
      const result = await syncWorkspace({
        library, client, kind, trigger: 'bench', ...content,
        onProgress: (p) => {
          if (!phaseStart.has(p.phase)) phaseStart.set(p.phase, performance.now() - started)
          if (firstNamesAt === null && p.phase === 'listing' && library.prepare('SELECT 1 FROM reports LIMIT 1').get()) firstNamesAt = performance.now() - started
        },
      })
      const wallS = (performance.now() - started) / 1000
      const stats = await admin<SimStats>(sim, '/__sim/stats')
      const min = minimumRequests(current, kind === 'full', newRuns)
      const boundS = min.total / RATE_PER_S
      const r = stats.routes
      console.log(`\n  ${label}: outcome ${result.run.outcome}`)
      console.log(`    requests made        ${stats.total}  (by route: ${JSON.stringify(stats.routes)})`)
      console.log(`    minimum needed       ${min.total}  (listings ${min.listing}, people+sources ${min.people}, queries ${min.queries}, results ${min.results}, schedules ${min.schedules}, access ${min.access})`)
      console.log(`    per phase            listings ${(r.spaces ?? 0) + (r.space_reports ?? 0) + (r.space_datasets ?? 0)} (min ${min.listing}); queries ${r.queries ?? 0} (min ${min.queries}); results ${(r.query_runs ?? 0) + (r.query_result ?? 0)} (min ${min.results}: 1 + queries per in-scope report whose run changed); schedules ${r.schedules ?? 0} (min ${min.schedules})`)
      console.log(`    previews             ${stats.previews} downloads from the storage host, 0 Mode API requests (${stats.previews_with_credentials} sent credentials)`)
      console.log(`    names first searchable ${firstNamesAt === null ? '—' : fmt(firstNamesAt / 1000, 1) + ' s'}; SQL phase began ${fmt((phaseStart.get('queries') ?? 0) / 1000, 1)} s; results phase began ${fmt((phaseStart.get('results') ?? 0) / 1000, 1)} s (after names and SQL)`)
      const access = ACCESS_ROUTES.map((route) => stats.routes[route] ?? 0)
      const added = (stats.routes.space_permissions ?? 0) + (stats.routes.member_activity ?? 0)
      console.log(`    access data requests ${access.reduce((a, b) => a + b, 0)} (${ACCESS_ROUTES.map((route, i) => `${route} ${access[i]}`).join(', ')}); added by the access review ${added} (permissions + Discovery) = ${fmt((100 * added) / stats.total, 1)}% of this sync, paced by the same limiter (the bound above includes them)`)
      console.log(`    requests / minimum   ${fmt(stats.total / min.total, 3)}   target ≤ 1.05`)
      console.log(`    wall time            ${fmt(wallS, 1)} s`)
      console.log(`    lower bound          ${fmt(boundS, 1)} s  (minimum ÷ 4 requests/s)`)
      console.log(`    wall / bound         ${fmt(wallS / boundS, 3)}   target ≤ 1.15`)
      console.log(`    429s received        ${stats.rate_limited}; unrecovered ${result.run.errors}  target 0 unrecovered`)
      if (kind === 'incremental') {
        const perReport = (r.queries ?? 0) + (r.charts ?? 0) + (r.report ?? 0) + (r.user ?? 0) + (r.query_runs ?? 0) + (r.query_result ?? 0) + (r.schedules ?? 0) - min.results - min.schedules
        console.log(`    per-report requests  ${perReport}   target 0 beyond the results of reports that ran (listing requests only when nothing changed)`)
      }
    }
  } finally {
    await library.close()
    rmSync(dataDir, { recursive: true, force: true })
    sim.stop()
  }
}

const ms = (ns: number): number => ns / 1e6

interface LoopFigures {
  max: number
  p99: number
  mean: number
  phaseMax: Map<string, number>
  /** Between two probe ticks: the longest wall gap, the CPU this thread used in it, and the most CPU in any one gap. */
  longestGap: { wallMs: number; cpuMs: number; phase: string }
  maxCpuInGap: number
  /** Every gap in which this thread used more than BLOCK_CPU_MS of its own CPU, with the GC pauses inside it. */
  blocks: Block[]
}

/** A frame at 60 Hz: a main thread that holds its CPU longer than this stalls the UI it relays for. */
const BLOCK_CPU_MS = 16

interface Block { atS: number; wallMs: number; cpuMs: number; phase: string; gc: string }

const GC_KINDS: Record<number, string> = {
  [perfConstants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [perfConstants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [perfConstants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
}

/**
 * Watches this thread's event loop: the delay histogram; per phase the longest gap a 5 ms probe timer saw; and
 * this thread's own CPU time in each gap (process.threadCpuUsage). A long gap with little CPU is the OS giving
 * the CPU to someone else (other processes, the sync worker); CPU time is what code on this thread blocked.
 */
function watchEventLoop(): { setPhase: (phase: string) => void; stop: () => LoopFigures } {
  const histogram = monitorEventLoopDelay({ resolution: 5 })
  const phaseMax = new Map<string, number>()
  let phase = 'starting'
  let lastTick = performance.now()
  let lastCpu = process.threadCpuUsage()
  let longestGap = { wallMs: 0, cpuMs: 0, phase }
  let maxCpuInGap = 0
  const started = performance.now()
  // Garbage collections on this thread (start, duration, kind), to tell a GC pause from our own code in a block.
  const gcs: PerformanceEntry[] = []
  const gcObserver = new PerformanceObserver((list) => void gcs.push(...list.getEntries()))
  gcObserver.observe({ entryTypes: ['gc'] })
  const blockGaps: { from: number; to: number; cpuMs: number; phase: string }[] = []
  const probe = setInterval(() => {
    const now = performance.now()
    const cpu = process.threadCpuUsage(lastCpu)
    lastCpu = process.threadCpuUsage()
    const cpuMs = (cpu.user + cpu.system) / 1000
    const gap = now - lastTick
    if (cpuMs > BLOCK_CPU_MS) blockGaps.push({ from: lastTick, to: now, cpuMs, phase })
    lastTick = now
    phaseMax.set(phase, Math.max(phaseMax.get(phase) ?? 0, gap - 5))
    if (gap > longestGap.wallMs) longestGap = { wallMs: gap, cpuMs, phase }
    maxCpuInGap = Math.max(maxCpuInGap, cpuMs)
  }, 5)
  histogram.enable()
  return {
    setPhase: (next) => void (phase = next),
    stop: () => {
      histogram.disable()
      clearInterval(probe)
      gcObserver.disconnect()
      const blocks = blockGaps.map(({ from, to, cpuMs, phase }) => {
        const inside = gcs.filter((g) => g.startTime < to && g.startTime + g.duration > from)
        const gc = inside.map((g) => `${GC_KINDS[(g as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'gc'} ${fmt(g.duration, 1)} ms`).join(', ')
        return { atS: (from - started) / 1000, wallMs: to - from, cpuMs, phase, gc: gc || 'none' }
      })
      return { max: ms(histogram.max), p99: ms(histogram.percentile(99)), mean: ms(histogram.mean), phaseMax, longestGap, maxCpuInGap, blocks }
    },
  }
}

function printLoop(loop: LoopFigures): void {
  console.log(`    event-loop delay     max ${fmt(loop.max, 1)} ms, p99 ${fmt(loop.p99, 1)} ms, mean ${fmt(loop.mean, 2)} ms   target max ≤ 50 ms`)
  console.log(`    load average         ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} CPUs (event-loop delay includes time other processes held the CPU)`)
  console.log(`    longest gap by phase ${[...loop.phaseMax].map(([p, v]) => `${p} ${fmt(Math.max(0, v), 1)} ms`).join(', ')}`)
  console.log(`    main thread's CPU    longest gap ${fmt(loop.longestGap.wallMs, 1)} ms wall held ${fmt(loop.longestGap.cpuMs, 1)} ms of this thread's CPU (${loop.longestGap.phase}); most CPU in any gap ${fmt(loop.maxCpuInGap, 1)} ms (what code on this thread blocked at most)`)
  console.log(`    blocks over ${BLOCK_CPU_MS} ms   ${loop.blocks.length} gaps held more than ${BLOCK_CPU_MS} ms of this thread's CPU   target 0`)
  for (const b of loop.blocks) console.log(`      at ${fmt(b.atS, 1)} s (${b.phase}): ${fmt(b.cpuMs, 1)} ms CPU in a ${fmt(b.wallMs, 1)} ms gap; GC in it: ${b.gc}`)
}

/**
 * The path the app takes: createAppCore (as src/main/index.ts builds it, with test adapters for the keyring and
 * settings), connect, and the first sync that connect starts — in a worker thread, its requests performed on
 * this thread by the `fetch` adapter over the fetch bridge, progress and library.changed events flowing here,
 * and this thread's own read connection to the library open throughout.
 */
async function appEventLoopPart(): Promise<void> {
  const sim = await startSimProcess({ seed: 12, reports: BIG_REPORTS, rate: null, latencyMs: 0 }, { lowPriority: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'mc-bench-sync-'))
  // The adapter stands in for Electron's net.fetch. Node loads and compiles its own fetch (undici, its HTTP
  // parser's WebAssembly) at the first request of the process — 20–25 ms of this thread's CPU that net.fetch
  // does not cost, and that part 1 has already paid when it runs first: pay it here before watching too.
  await admin(sim, '/__sim/stats')
  const bridged = process.env.BENCH_SYNC_ROUTE === 'bridge'
  const watch = watchEventLoop()
  let requestsThroughAdapter = 0
  let libraryChangedEvents = 0
  const core = createAppCore({
    version: '0.0.0-bench', electronVersion: null, dataDir, platform: 'linux',
    openExternal: async () => {}, revealInFolder: () => {}, log: () => {},
    safeStorage: createSafeStorageDouble('gnome_libsecret'),
    settingsStore: new JsonFileKeyValueStore(join(dataDir, 'settings.json')),
    emit: (event, payload) => {
      if (event === 'sync.state') watch.setPhase((payload as SyncState).progress?.phase ?? (payload as SyncState).status)
      if (event === 'library.changed') libraryChangedEvents++
    },
    // In Electron this is net.fetch; here Node's, on this thread either way.
    fetch: ((input: string | URL | Request, init?: RequestInit) => {
      requestsThroughAdapter++
      return fetch(input, init)
    }) as typeof fetch,
    // A desktop without a proxy (the common case): the sync worker makes its own requests, as the app does when
    // Chromium resolves DIRECT. BENCH_SYNC_ROUTE=bridge: a proxied network, every request through the adapter.
    reachedDirectly: async () => !bridged,
    modeBaseUrl: () => sim.url,
    // The simulator's rate limit is off: pace the client to match (4 requests in flight, the default).
    modeRequestsPer10s: 10_000_000,
  })
  try {
    await core.start()
    watch.setPhase('connect')
    const started = performance.now()
    const outcome = await core.connection.connect({ token: sim.token, password: sim.password, workspace: sim.workspace, storage: 'session-only' })
    if (!outcome.ok) throw new Error(`connect failed: ${outcome.error.code}`)
    await core.scheduler.idle()
    const wallS = (performance.now() - started) / 1000
    const loop = watch.stop()
    const run = listSyncRuns(core.connection.getLibrary()!, 1)[0]!
    const route = bridged ? "requests over the fetch bridge to this thread's fetch (a proxied network)" : "the worker's own requests (no proxy; the connect's go through this thread's fetch)"
    console.log(`\nPart 2a — ${BIG_REPORTS.toLocaleString('en-US')}-report connect + first full sync through the app core (sync in a worker thread, ${route}), rate limit off: outcome ${run.outcome}, ${run.requests} sync requests (${requestsThroughAdapter} through the fetch adapter incl. connect), ${libraryChangedEvents} library.changed events, ${fmt(wallS, 1)} s`)
    printLoop(loop)
  } finally {
    await core.dispose()
    rmSync(dataDir, { recursive: true, force: true })
    sim.stop()
  }
}

/** For comparison: syncWorkspace on this thread (what app-core did before the worker), longest transaction timed. */
async function threadEventLoopPart(): Promise<void> {
  const sim = await startSimProcess({ seed: 12, reports: BIG_REPORTS, rate: null, latencyMs: 0 }, { lowPriority: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'mc-bench-sync-'))
  const library = openLibrary({ dataDir, workspace: sim.workspace, backgroundCheckpoints: process.env.BENCH_SYNC_BG_CHECKPOINTS !== '0' })
  try {
    const client = createModeClient({
      baseUrl: sim.url, token: sim.token, password: sim.password, workspace: sim.workspace,
      limiter: new RateLimiter({ requests: 1_000_000, perMs: 1000, concurrency: 4 }),
    })
    let longestTxWall = 0
    let longestTxCpu = 0
    // Every library write is one transaction run synchronously on this thread: time the longest, in wall time and
    // in CPU time (CPU time is what our code costs; wall time also counts other processes taking the CPU).
    let depth = 0
    const transaction = library.transaction.bind(library)
    library.transaction = <T>(fn: () => T): T => {
      if (depth > 0) return transaction(fn)
      depth++
      const wall0 = performance.now()
      const cpu0 = process.cpuUsage()
      try {
        return transaction(fn)
      } finally {
        depth--
        const cpu = process.cpuUsage(cpu0)
        longestTxWall = Math.max(longestTxWall, performance.now() - wall0)
        longestTxCpu = Math.max(longestTxCpu, (cpu.user + cpu.system) / 1000)
      }
    }
    const watch = watchEventLoop()
    const started = performance.now()
    const result = await syncWorkspace({ library, client, kind: 'full', trigger: 'bench', onProgress: (p: SyncProgress) => watch.setPhase(p.phase) })
    const wallS = (performance.now() - started) / 1000
    const loop = watch.stop()
    console.log(`\nPart 2b — ${BIG_REPORTS.toLocaleString('en-US')}-report full sync on the main thread (syncWorkspace, for comparison; the app no longer does this), rate limit off: outcome ${result.run.outcome}, ${result.run.requests} requests, ${fmt(wallS, 1)} s`)
    printLoop(loop)
    console.log(`    longest transaction  ${fmt(longestTxWall, 1)} ms wall, ${fmt(longestTxCpu, 1)} ms CPU`)
  } finally {
    await library.close()
    rmSync(dataDir, { recursive: true, force: true })
    sim.stop()
  }
}

/** The same measurement with nothing running: on a shared or loaded machine, what the OS alone costs. */
async function idleBaseline(ms: number): Promise<void> {
  const histogram = monitorEventLoopDelay({ resolution: 5 })
  histogram.enable()
  await new Promise((resolve) => setTimeout(resolve, ms))
  histogram.disable()
  console.log(`\nBaseline — this process idle for ${ms / 1000} s: event-loop delay max ${fmt(histogram.max / 1e6, 1)} ms, p99 ${fmt(histogram.percentile(99) / 1e6, 1)} ms; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`)
}

if (!process.argv.includes('--loop-only')) await rateLimitedPart()
if (!process.argv.includes('--rate-only')) {
  await idleBaseline(10_000)
  await appEventLoopPart()
  if (process.env.BENCH_SYNC_IN_THREAD !== '0') await threadEventLoopPart()
}
