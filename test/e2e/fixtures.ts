// Playwright fixtures: the real renderer (out/renderer, served on 127.0.0.1) in system Chromium, with the
// preload API injected through addInitScript + exposeBinding and backed by the real main-side handlers
// (app-core + IPC registry). Only Electron's own IPC transport is replaced.
import { test as base, type Page } from '@playwright/test'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BRIDGE_GLOBAL, CALL_NAMES, EVENT_NAMES, type EventName, type EventPayload } from '../../src/shared/contract.ts'
import { buildBridgeApi } from '../../src/shared/bridge.ts'
import { createAppCore, type AppCore } from '../../src/main/app-core.ts'
import { IpcRegistry } from '../../src/main/ipc.ts'
import { serveRenderer } from './static-server.ts'

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version

export interface AppHarness {
  page: Page
  core: AppCore
  /** Every external URL the app asked to open (the system browser is not opened in tests). */
  openedUrls: string[]
  /** Saves a screenshot under test-results/screenshots/<name>.png. */
  screenshot: (name: string) => Promise<void>
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

export const test = base.extend<{ app: AppHarness }>({
  app: async ({ page, context }, use, testInfo) => {
    const server = await serveRenderer()
    const openedUrls: string[] = []
    const pages = new Set<Page>([page])
    const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
      for (const p of pages) void p.evaluate(([e, d]) => (globalThis as unknown as { __mcEmit?: (e: string, d: unknown) => void }).__mcEmit?.(e, d), [event, payload] as const).catch(() => {})
    }
    const core = createAppCore({
      version,
      electronVersion: null,
      openExternal: async (url) => { openedUrls.push(url) },
      emit,
    })
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
      openedUrls,
      screenshot: async (name) => { await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: false }) },
    })
    await core.dispose()
    await server.close()
    void testInfo
  },
})

export { expect } from '@playwright/test'
