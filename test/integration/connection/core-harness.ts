// Builds the real app core (the same createAppCore the app and the e2e harness use) over a temp data dir, a
// safeStorage double, a JSON settings file, and a capturing logger and event sink, for integration tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppCore, type AppCore, type AppCoreAdapters } from '../../../src/main/app-core.ts'
import { IpcRegistry } from '../../../src/main/ipc.ts'
import { JsonFileKeyValueStore } from '../../support/json-file-key-value-store.ts'
import type { CallInput, CallName, Envelope } from '../../../src/shared/contract.ts'
import { createSafeStorageDouble, type SafeStorageDouble } from '../../unit/secrets/safe-storage-double.ts'

export const ORIGIN = 'app://renderer'

export interface CoreHarness {
  core: AppCore
  registry: IpcRegistry
  dataDir: string
  safeStorage: SafeStorageDouble
  events: { event: string; payload: unknown }[]
  logs: string[]
  responses: { call: string; envelope: Envelope<unknown> }[]
  unexpected: unknown[]
  setModeBaseUrl: (url: string) => void
  call: <C extends CallName>(name: C, input?: CallInput<C>) => Promise<Envelope<unknown>>
  close: (options?: { keepDataDir?: boolean }) => Promise<void>
}

export function createCoreHarness(options: {
  modeBaseUrl?: string
  dataDir?: string
  safeStorage?: SafeStorageDouble
  adapters?: Partial<AppCoreAdapters>
} = {}): CoreHarness {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mc-core-'))
  const safeStorage = options.safeStorage ?? createSafeStorageDouble('gnome_libsecret')
  const events: CoreHarness['events'] = []
  const logs: string[] = []
  const responses: CoreHarness['responses'] = []
  const unexpected: unknown[] = []
  let baseUrl = options.modeBaseUrl ?? 'http://127.0.0.1:9'
  const core = createAppCore({
    version: '0.0.0-test',
    electronVersion: null,
    openExternal: async () => {},
    emit: (event, payload) => { events.push({ event, payload: structuredClone(payload) }) },
    dataDir,
    safeStorage,
    platform: 'linux',
    settingsStore: new JsonFileKeyValueStore(join(dataDir, 'settings.json')),
    revealInFolder: () => {},
    log: (level, message) => { logs.push(`${level} ${message}`) },
    modeBaseUrl: () => baseUrl,
    // The simulator runs with its rate limit off in these tests; pace the client to match.
    modeRequestsPer10s: 10_000,
    ...options.adapters,
  })
  const registry = new IpcRegistry({ allowedOrigins: [ORIGIN], handlers: core.handlers, onUnexpectedError: (_c, e) => unexpected.push(e) })
  return {
    core, registry, dataDir, safeStorage, events, logs, responses, unexpected,
    setModeBaseUrl: (url) => { baseUrl = url },
    call: async (name, input) => {
      const envelope = await registry.dispatch(name, { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true }, input)
      responses.push({ call: name, envelope: structuredClone(envelope) })
      return envelope
    },
    close: async (closeOptions) => {
      await core.dispose()
      if (!closeOptions?.keepDataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The value of a successful envelope; fails the test with the error otherwise. */
export function valueOf<T = unknown>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`call failed: ${envelope.error.code}: ${envelope.error.message}`)
  return envelope.value as T
}

export { unusedPort } from '../../support/ports.ts'
