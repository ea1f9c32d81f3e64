// Playwright fixtures: the real renderer (out/renderer, served on 127.0.0.1) in system Chromium, with the
// preload API injected through addInitScript + exposeBinding and backed by the real main-side core
// (createAppCore + IPC registry, the same services as the app). Only Electron's own IPC transport, the OS
// keyring and the settings file format are replaced: a safeStorage double, a JSON settings file, and a temp
// data dir per test.
//
// The `app` fixture (stable API for specs; add, don't change):
//   app.page                     the page, already at the first screen (the core was started first, so a
//                                connection restored from `app.dataDir` is in place before the UI asks)
//   app.core                     the AppCore (app.core.scheduler.idle() waits for a running sync, …)
//   app.dataDir                  this test's data folder (libraries/, credentials.json, settings.json)
//   app.openedUrls               every URL the app asked the system browser to open
//   app.savedFiles               every path a save dialog answered (it answers <dataDir>/saved/<suggested name>)
//   app.events                   every event main pushed: { event, payload }
//   app.logs                     every log line of the services
//   app.screenshot(name)         saves test-results/screenshots/<name>.png
//   app.startSimulator(opts?)    starts a Mode simulator (127.0.0.1, port 0; rate limit off and no latency
//                                unless opts say otherwise) and points the app's "Mode" at it; returns the
//                                Simulator (sim.token, sim.password, sim.workspace, sim.setFaults(…), …).
//                                Stopped after the test.
//   app.useModeAt(url)           points the app's "Mode" somewhere else (e.g. app.unreachableModeUrl())
//   app.unreachableModeUrl()     http://127.0.0.1:<a port nothing listens on> — for the offline case
//   app.untrustedTlsModeUrl()    https://127.0.0.1:<a plain-HTTP port> — the TLS handshake fails as it does
//                                behind an HTTPS-inspecting proxy — for the proxy/certificate case
//   app.setKeyring(backend)      the safeStorage double's backend: 'gnome_libsecret' (default, strong),
//                                'basic_text' or 'unknown' (weak: the wizard must offer session-only / weak),
//                                and app.keyring for the double itself (available, locked, resetKey(), …)
// Options: test.use({ keyringBackend: 'basic_text' }) sets the backend before the app starts.
import { test as base, type Page } from '@playwright/test'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer as createHttpServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BRIDGE_GLOBAL, CALL_NAMES, EVENT_NAMES, type EventName, type EventPayload } from '../../src/shared/contract.ts'
import { buildBridgeApi } from '../../src/shared/bridge.ts'
import { createAppCore, type AppCore } from '../../src/main/app-core.ts'
import { IpcRegistry } from '../../src/main/ipc.ts'
import { JsonFileKeyValueStore } from '../support/json-file-key-value-store.ts'
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/sim/server.ts'
import { createSafeStorageDouble, type SafeStorageDouble } from '../unit/secrets/safe-storage-double.ts'
import { serveRenderer } from './static-server.ts'
import { unusedPort } from '../support/ports.ts'

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version

export interface AppHarness {
  page: Page
  core: AppCore
  dataDir: string
  /** Every external URL the app asked to open (the system browser is not opened in tests). */
  openedUrls: string[]
  /** Every path the "save dialog" answered: <dataDir>/saved/<the name main suggested>. */
  savedFiles: string[]
  events: { event: EventName; payload: unknown }[]
  logs: string[]
  /** Saves a screenshot under test-results/screenshots/<name>.png. */
  screenshot: (name: string) => Promise<void>
  startSimulator: (options?: SimulatorOptions) => Promise<Simulator>
  useModeAt: (url: string) => void
  unreachableModeUrl: () => Promise<string>
  untrustedTlsModeUrl: () => Promise<string>
  keyring: SafeStorageDouble
  setKeyring: (backend: string) => void
}

function initScript(rendererOrigin: string): string {
  // Runs in the page before its scripts, like the preload. Calls go to the __mcInvoke binding; events
  // arrive through __mcEmit, which the harness calls with page.evaluate.
  return `(() => {
    const listeners = new Map();
    const buildBridgeApi = ${buildBridgeApi.toString()};
    if (location.origin !== ${JSON.stringify(rendererOrigin)}) return;
    const api = buildBridgeApi(${JSON.stringify(CALL_NAMES)}, ${JSON.stringify(EVENT_NAMES)},
      (call, input) => window.__mcInvoke(call, input),
      (event, listener) => {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event).add(listener);
        return () => listeners.get(event).delete(listener);
      });
    Object.defineProperty(window, '__mcEmit', { value: (event, payload) => {
      for (const l of listeners.get(event) ?? []) l(payload);
    } });
    Object.defineProperty(window, ${JSON.stringify(BRIDGE_GLOBAL)}, { value: Object.freeze(api) });
  })();`
}


export const test = base.extend<{ app: AppHarness; keyringBackend: string }>({
  keyringBackend: ['gnome_libsecret', { option: true }],
  app: async ({ page, context, keyringBackend }, use, testInfo) => {
    const server = await serveRenderer()
    const dataDir = mkdtempSync(join(tmpdir(), 'mc-e2e-'))
    const openedUrls: string[] = []
    const savedFiles: string[] = []
    const events: AppHarness['events'] = []
    const logs: string[] = []
    const simulators: Simulator[] = []
    const helpers: Server[] = []
    const keyring = createSafeStorageDouble(keyringBackend)
    let modeBaseUrl = 'http://127.0.0.1:9'
    let simulatorRate: number | null = null
    const pages = new Set<Page>([page])
    const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
      events.push({ event, payload })
      for (const p of pages) void p.evaluate(([e, d]) => (globalThis as unknown as { __mcEmit?: (e: string, d: unknown) => void }).__mcEmit?.(e, d), [event, payload] as const).catch(() => {})
    }
    const core = createAppCore({
      version,
      electronVersion: null,
      openExternal: async (url) => { openedUrls.push(url) },
      emit,
      dataDir,
      safeStorage: keyring,
      platform: 'linux',
      settingsStore: new JsonFileKeyValueStore(join(dataDir, 'settings.json')),
      revealInFolder: () => {},
      // The save dialog: always "Save" into a folder of this test's data dir, under the suggested name.
      chooseSaveFile: async (suggestedName) => {
        mkdirSync(join(dataDir, 'saved'), { recursive: true })
        const path = join(dataDir, 'saved', suggestedName)
        savedFiles.push(path)
        return path
      },
      log: (level, message) => { logs.push(`${level} ${message}`) },
      modeBaseUrl: () => modeBaseUrl,
      // Simulators started here run without a rate limit unless a spec asks for one; pace the client to match.
      modeRequestsPer10s: () => (simulators.length > 0 && simulatorRate !== null ? simulatorRate : 10_000),
    })
    await core.start()
    const registry = new IpcRegistry({ allowedOrigins: [server.url], handlers: core.handlers })
    await context.exposeBinding('__mcInvoke', (source, call: string, input: unknown) =>
      registry.dispatch(call, { frameUrl: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }, input),
    )
    await context.addInitScript({ content: initScript(server.url) })
    const shotsDir = join('test-results', 'screenshots')
    mkdirSync(shotsDir, { recursive: true })
    await page.goto(`${server.url}/index.html`)
    await use({
      page,
      core,
      dataDir,
      openedUrls,
      savedFiles,
      events,
      logs,
      screenshot: async (name) => { await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: false }) },
      startSimulator: async (options = {}) => {
        const sim = await startSimulator({ rate: null, latencyMs: 0, ...options, port: 0 })
        simulators.push(sim)
        simulatorRate = options.rate ? Math.floor((options.rate.requests * 10_000) / options.rate.perMs) : null
        modeBaseUrl = sim.url
        return sim
      },
      useModeAt: (url) => { modeBaseUrl = url },
      unreachableModeUrl: async () => `http://127.0.0.1:${await unusedPort()}`,
      untrustedTlsModeUrl: async () => {
        const plain = createHttpServer((_req, res) => { res.writeHead(404); res.end() })
        await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', () => resolve()))
        helpers.push(plain)
        const address = plain.address()
        return `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
      },
      keyring,
      setKeyring: (backend) => { keyring.backend = backend },
    })
    await core.dispose()
    await Promise.all(simulators.map((s) => s.close()))
    await Promise.all(helpers.map((h) => new Promise((resolve) => h.close(resolve))))
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
    void testInfo
  },
})

export { expect } from '@playwright/test'
