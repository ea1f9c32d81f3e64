// "Connect" against the simulator as Mode: each failure reaches its own message and action, nothing is stored
// on failure, and success stores the profile and starts the first sync.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import type { ConnectOutcome } from '../../../src/shared/contract.ts'
import { createCoreHarness, unusedPort, valueOf, type CoreHarness } from './core-harness.ts'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({
    port: 0, seed: 7, reports: 12, workspace: 'acme-analytics', rate: null, latencyMs: 0,
    token: 'tok1234567890ab', password: 'pw-correct-horse-battery',
    workspaces: [{ workspace: 'other-co', reports: 3, member: false }],
  })
})
afterAll(async () => { await sim?.close() })

async function connectWith(h: CoreHarness, input: { token?: string; password?: string; workspace?: string }): Promise<ConnectOutcome> {
  return valueOf<ConnectOutcome>(await h.call('connection.connect', {
    token: input.token ?? sim.token, password: input.password ?? sim.password, workspace: input.workspace ?? sim.workspace,
  }))
}

async function expectFailure(h: CoreHarness, input: Parameters<typeof connectWith>[1], code: string, message: RegExp): Promise<void> {
  const outcome = await connectWith(h, input)
  expect(outcome.ok).toBe(false)
  if (outcome.ok) return
  expect(outcome.error.code).toBe(code)
  expect(outcome.error.message).toMatch(message)
  expect(outcome.error.action, 'every connect error says what to do next').toBeTruthy()
  // A failed connect stores nothing and leaves the app disconnected.
  expect(existsSync(join(h.dataDir, 'credentials.json'))).toBe(false)
  expect(valueOf<{ connected: boolean }>(await h.call('connection.getStatus')).connected).toBe(false)
}

describe('connect errors (simulator as Mode)', () => {
  let h: CoreHarness
  beforeAll(() => { h = createCoreHarness({ modeBaseUrl: sim.url }) })
  afterAll(async () => { await h.close() })

  it('wrong password → bad credentials', async () => {
    await expectFailure(h, { password: 'not-the-password' }, 'bad_credentials', /did not accept the API token and password/)
  })

  it('wrong token → bad credentials', async () => {
    await expectFailure(h, { token: 'ffffffffffff' }, 'bad_credentials', /did not accept/)
  })

  it('unknown workspace → not found', async () => {
    await expectFailure(h, { workspace: 'no-such-workspace' }, 'not_found', /no workspace "no-such-workspace"/)
  })

  it('a workspace the account is not a member of → not a member', async () => {
    await expectFailure(h, { workspace: 'https://app.mode.com/other-co/reports/abc' }, 'no_access', /not a member of the workspace "other-co"/)
  })

  it('plan without API access → says so', async () => {
    sim.setFaults([{ route: 'verify', kind: 'status', status: 402 }])
    try {
      await expectFailure(h, {}, 'plan_no_api', /API access is not available on this workspace’s plan/)
    } finally {
      sim.clearFaults()
    }
  })

  it('Mode answering 500 → Mode unavailable', async () => {
    sim.setFaults([{ route: 'workspace', kind: 'status', status: 500 }])
    try {
      await expectFailure(h, {}, 'server_error', /Mode had a problem answering/)
    } finally {
      sim.clearFaults()
    }
  })

  it('garbage in the workspace field → asks for the name, without a request', async () => {
    sim.resetStats()
    await expectFailure(h, { workspace: 'https://example.com/x' }, 'invalid_input', /workspace name/)
    expect(sim.stats().total).toBe(0)
  })

  it('a TLS handshake that fails (HTTPS-inspecting proxy, untrusted certificate) → proxy or certificate problem', async () => {
    // https:// to the simulator's plain-HTTP port: the handshake fails like a bad certificate or proxy would.
    const tls = createCoreHarness({ modeBaseUrl: sim.url.replace('http://', 'https://') })
    try {
      await expectFailure(tls, {}, 'tls_or_proxy', /certificate was not trusted/)
    } finally {
      await tls.close()
    }
  })

  it('nothing listening → offline, answered quickly', async () => {
    const offline = createCoreHarness({ modeBaseUrl: `http://127.0.0.1:${await unusedPort()}` })
    try {
      const started = Date.now()
      await expectFailure(offline, {}, 'offline', /could not be reached/)
      expect(Date.now() - started).toBeLessThan(10_000)
    } finally {
      await offline.close()
    }
  })
})

describe('successful connect, switching credentials, disconnect', () => {
  it('connects, syncs at once, keeps the library on a credential switch, and disconnect deletes what was asked', async () => {
    const h = createCoreHarness({ modeBaseUrl: sim.url })
    try {
      const outcome = await connectWith(h, { workspace: `  https://app.mode.com/organizations/${sim.workspace}/  ` })
      expect(outcome).toMatchObject({ ok: true, status: { connected: true, workspace: sim.workspace, storage: 'keychain', isSample: false, reconnectReason: null } })
      expect(h.events.some((e) => e.event === 'connection.status')).toBe(true)
      await h.core.scheduler.idle()
      const stats = valueOf<{ reports: number; reportsWithSql: number }>(await h.call('library.getStats'))
      expect(stats.reports).toBe(sim.truth().reports.length + sim.truth().datasets.length)
      expect(valueOf<{ lastRun: { kind: string; outcome: string } }>(await h.call('sync.getState')).lastRun).toMatchObject({ kind: 'full', outcome: 'success' })

      // Switching credentials for the same workspace keeps the library (no full re-import).
      const again = await connectWith(h, {})
      expect(again.ok).toBe(true)
      await h.core.scheduler.idle()
      const history = valueOf<{ kind: string }[]>(await h.call('sync.history', { limit: 10 }))
      expect(history.map((r) => r.kind)).toEqual(['incremental', 'full'])

      const status = valueOf<{ connected: boolean; hasLibrary: boolean }>(await h.call('connection.disconnect', { deleteLibrary: true }))
      expect(status).toMatchObject({ connected: false, hasLibrary: false })
      expect(existsSync(join(h.dataDir, 'credentials.json'))).toBe(false)
      expect(existsSync(join(h.dataDir, 'libraries', `${sim.workspace}.sqlite`))).toBe(false)
    } finally {
      await h.close()
    }
  })

  it('a later launch restores the connection; a stale secret asks to reconnect and the library stays readable', async () => {
    const first = createCoreHarness({ modeBaseUrl: sim.url })
    expect((await connectWith(first, {})).ok).toBe(true)
    await first.core.scheduler.idle()
    await first.close({ keepDataDir: true })

    const second = createCoreHarness({ modeBaseUrl: sim.url, dataDir: first.dataDir, safeStorage: first.safeStorage })
    await second.core.start()
    expect(second.core.connection.getStatus()).toMatchObject({ connected: true, workspace: sim.workspace, storage: 'keychain' })
    await second.core.scheduler.idle()
    await second.close({ keepDataDir: true })

    first.safeStorage.resetKey() // keychain reset between launches
    const third = createCoreHarness({ modeBaseUrl: sim.url, dataDir: first.dataDir, safeStorage: first.safeStorage })
    try {
      await third.core.start()
      const status = third.core.connection.getStatus()
      expect(status).toMatchObject({ connected: false, workspace: sim.workspace, hasLibrary: true })
      expect(status.reconnectReason).toMatch(/can no longer be decrypted/)
      expect(existsSync(join(first.dataDir, 'credentials.json'))).toBe(false)
      expect(valueOf<{ reports: number }>(await third.call('library.getStats')).reports).toBe(sim.truth().reports.length + sim.truth().datasets.length)
      const refused = await third.call('sync.start', { full: false })
      expect(refused.ok === false && refused.error.code).toBe('not_connected')
    } finally {
      await third.close()
    }
  })

  it('on Linux without a keyring, connect needs an explicit choice and session-only writes no secret', async () => {
    const { createSafeStorageDouble } = await import('../../unit/secrets/safe-storage-double.ts')
    const h = createCoreHarness({ modeBaseUrl: sim.url, safeStorage: createSafeStorageDouble('basic_text') })
    try {
      expect(valueOf<{ protection: string }>(await h.call('connection.getStorageOptions')).protection).toBe('weak')
      const refused = await connectWith(h, {})
      expect(refused.ok === false && refused.error.code).toBe('storage_unavailable')
      const outcome = valueOf<ConnectOutcome>(await h.call('connection.connect', { token: sim.token, password: sim.password, workspace: sim.workspace, storage: 'session-only' }))
      expect(outcome).toMatchObject({ ok: true, status: { storage: 'session-only' } })
      await h.core.scheduler.idle()
      expect(existsSync(join(h.dataDir, 'credentials.json'))).toBe(false)
    } finally {
      await h.close()
    }
  })
})
