// The token and password of a full connect-and-sync must appear nowhere but inside the Mode client's
// requests and (encrypted) the secret file: not in any IPC response, event payload, log line, console output,
// error, or file under the data dir. Every call the UI makes goes through the real IPC registry.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import type { SearchResult } from '../../../src/shared/model.ts'
import { createCoreHarness, valueOf, type CoreHarness } from './core-harness.ts'

const TOKEN = 'a1b2c3d4e5f6'
const PASSWORD = 'scanPW-7fK2qZx9Lm4Vt8Rw'

/** Every form a secret could leak in: as typed, and inside an HTTP Basic header. */
const NEEDLES = [
  TOKEN,
  PASSWORD,
  Buffer.from(`${TOKEN}:${PASSWORD}`).toString('base64'),
  Buffer.from(PASSWORD).toString('base64'),
]

function leaks(text: string): string[] {
  return NEEDLES.filter((n) => text.includes(n))
}

/** An error as a crash report would show it: name, message, stack, code and the whole cause chain. */
function describeError(error: unknown, depth = 0): string {
  if (depth > 8 || typeof error !== 'object' || error === null) return String(error)
  const e = error as Record<string, unknown>
  const own = Object.getOwnPropertyNames(e).map((k) => `${k}=${safeString(e[k])}`).join(' ')
  return `${own} cause:${describeError(e.cause, depth + 1)}`
}

function safeString(value: unknown): string {
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...filesUnder(path))
    else out.push(path)
  }
  return out
}

/**
 * No secret in anything the app core handed out — its IPC answers, events, unexpected errors, the console lines
 * and errors the test caught — nor in any file under its data folder (read as UTF-8 and as Latin-1).
 */
function expectNoSecretHandedOut(core: CoreHarness, consoleOutput: string[], thrown: unknown[]): void {
  const texts: [string, string][] = [
    ...core.responses.map((r) => [`response ${r.call}`, JSON.stringify(r.envelope)] as [string, string]),
    ...core.events.map((e) => [`event ${e.event}`, JSON.stringify(e.payload)] as [string, string]),
    ...consoleOutput.map((l) => ['console', l] as [string, string]),
    ...core.unexpected.map((e) => ['unexpected error', describeError(e)] as [string, string]),
    ...thrown.map((e) => ['thrown error', describeError(e)] as [string, string]),
  ]
  for (const [where, text] of texts) expect(leaks(text), where).toEqual([])
  for (const file of filesUnder(core.dataDir)) {
    const bytes = readFileSync(file)
    expect(leaks(bytes.toString('utf8')).concat(leaks(bytes.toString('latin1'))), file).toEqual([])
  }
}

let sim: Simulator
let h: CoreHarness
const consoleLines: string[] = []

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => { consoleLines.push(args.map((a) => (a instanceof Error ? describeError(a) : safeString(a))).join(' ')) })
  }
  sim = await startSimulator({ port: 0, seed: 11, reports: 90, rate: null, latencyMs: 0, token: TOKEN, password: PASSWORD })
  // No injected logger: the core's default logger writes to the (spied) console.
  h = createCoreHarness({ modeBaseUrl: sim.url, adapters: { log: undefined } })
})

afterAll(async () => {
  await h?.close()
  await sim?.close()
  vi.restoreAllMocks()
})

describe('secret scan over a full connect-and-sync', () => {
  it('no secret in any IPC response, event, log line, console output, error or data file', async () => {
    const thrown: unknown[] = []
    const { call } = h

    // First launch and the wizard.
    await call('app.getInfo')
    await call('connection.getStatus')
    await call('connection.getStorageOptions')
    // Mistakes a user makes on the way, including input the schema refuses.
    await call('connection.connect', { token: TOKEN, password: `${PASSWORD}x`, workspace: sim.workspace })
    await call('connection.connect', { token: TOKEN, password: PASSWORD, workspace: 'not-my-workspace' })
    await call('connection.connect', { token: TOKEN, password: '', workspace: sim.workspace } as never)
    await call('connection.connect', { token: `${TOKEN}\u0000`, password: PASSWORD, workspace: 'https://evil.example/x' })
    // The real connect; the first sync starts at once.
    const connected = valueOf<{ ok: boolean }>(await call('connection.connect', { token: ` ${TOKEN} `, password: `${PASSWORD}\n`, workspace: `https://app.mode.com/${sim.workspace}/reports/x` }))
    expect(connected.ok).toBe(true)
    await call('sync.getState')
    await h.core.scheduler.idle()

    // The library screens.
    const stats = valueOf<{ reports: number }>(await call('library.getStats'))
    // Mode's Datasets are listed among a collection's reports, so the library holds them as reports too.
    expect(stats.reports).toBe(sim.truth().reports.length + sim.truth().datasets.length)
    const result = valueOf<SearchResult>(await call('library.search', { query: 'revenue' }))
    await call('library.search', { query: `${sim.truth().reports[0]!.token} collection:"x" -foo` })
    await call('library.listCollections')
    const token = result.hits[0]?.token ?? sim.truth().reports[0]!.token
    await call('library.getReport', { token })
    await call('library.fetchCharts', { token })
    await call('people.list')
    await call('sync.history', { limit: 20 })

    // Sync controls, including a sync that fails at Mode's end and one that is cancelled.
    await call('sync.start', { full: false })
    await call('sync.cancel')
    await h.core.scheduler.idle()
    sim.setFaults([{ route: 'spaces', kind: 'status', status: 500 }])
    await call('sync.start', { full: true })
    await h.core.scheduler.idle()
    const failed = valueOf<{ status: string; error: { code: string } | null }>(await call('sync.getState'))
    expect(failed.status).toBe('error')
    sim.clearFaults()
    sim.setFaults([{ route: 'spaces', kind: 'status', status: 401 }])
    await call('sync.start', { full: false })
    await h.core.scheduler.idle()
    sim.clearFaults()

    // Settings and saved searches.
    await call('settings.get')
    await call('settings.update', { theme: 'dark', nightlySyncTime: '04:15' })
    await call('settings.update', { nightlySyncTime: 'bad' } as never)
    await call('settings.revealDataDir')
    const saved = valueOf<{ id: string }[]>(await call('savedSearches.save', { name: 'Revenue', query: 'revenue' }))
    await call('savedSearches.list')
    await call('savedSearches.remove', { id: saved[0]!.id })
    await call('app.openExternal', { url: `https://app.mode.com/${sim.workspace}` })

    // Errors thrown by the services themselves (not only envelopes).
    try {
      await h.core.connection.getSession()!.createClient({ maxAttempts: 1 }).getReport('doesnotexist')
    } catch (error) {
      thrown.push(error)
    }
    expect(thrown).toHaveLength(1)

    // Leave: disconnect keeps the library; then shut everything down.
    await call('connection.disconnect', { deleteLibrary: false })
    await h.core.dispose()

    // Some failures really happened (the scan would be hollow otherwise).
    const failures = h.responses.filter((r) => !r.envelope.ok || (r.envelope.value as { ok?: boolean } | null)?.ok === false)
    expect(failures.length).toBeGreaterThanOrEqual(5)
    expect(h.events.filter((e) => e.event === 'sync.state').length).toBeGreaterThan(3)
    expect(consoleLines.length).toBeGreaterThan(3)

    expectNoSecretHandedOut(h, consoleLines, thrown)
    const files = filesUnder(h.dataDir)
    expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true)
    expect(files.some((f) => f.endsWith('settings.json'))).toBe(true)
  })
})

// A server (or a proxy in front of Mode) that echoes the request's credentials in its error bodies: the text
// reaches error messages, the connect log, the failed sync's record in SQLite and the sync worker's report.
// None of them may carry the secrets.
describe('secret scan with a server that echoes the credentials in its errors', () => {
  it('keeps them out of envelopes, events, logs, thrown errors and data files', async () => {
    let echo = true
    const proxy: Server = createServer((req, res) => {
      const auth = req.headers.authorization ?? ''
      if (echo) {
        const decoded = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString('utf8')
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ id: 'internal_server_error', message: `upstream refused ${auth} (${decoded}) token=${TOKEN}` }))
        return
      }
      void fetch(`${sim.url}${req.url ?? '/'}`, { headers: { authorization: auth } }).then(async (upstream) => {
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' })
        res.end(Buffer.from(await upstream.arrayBuffer()))
      }, () => { res.writeHead(502).end() })
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    const address = proxy.address()
    const proxyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const echoing = createCoreHarness({ modeBaseUrl: proxyUrl, adapters: { log: undefined } })
    const before = consoleLines.length
    const thrown: unknown[] = []
    try {
      const refused = valueOf<{ ok: boolean }>(await echoing.call('connection.connect', { token: TOKEN, password: PASSWORD, workspace: sim.workspace }))
      expect(refused.ok).toBe(false)
      echo = false
      const connected = valueOf<{ ok: boolean }>(await echoing.call('connection.connect', { token: TOKEN, password: PASSWORD, workspace: sim.workspace }))
      expect(connected.ok).toBe(true)
      await echoing.core.scheduler.idle()
      echo = true
      await echoing.call('sync.start', { full: true })
      await echoing.core.scheduler.idle()
      const failed = valueOf<{ status: string }>(await echoing.call('sync.getState'))
      expect(failed.status).toBe('error')
      await echoing.call('sync.history', { limit: 5 })
      await echoing.call('library.fetchCharts', { token: sim.truth().reports[0]!.token })
      try {
        await echoing.core.connection.getSession()!.createClient({ maxAttempts: 1 }).verify()
      } catch (error) {
        thrown.push(error)
      }
      expect(thrown).toHaveLength(1)
      await echoing.core.dispose()

      const lines = consoleLines.slice(before)
      expect(lines.join('\n')).toMatch(/failed/)
      expectNoSecretHandedOut(echoing, lines, thrown)
    } finally {
      await echoing.close()
      await new Promise<void>((resolve) => proxy.close(() => resolve()))
    }
  })
})
