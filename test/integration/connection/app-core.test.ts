// The app core answers every call of the contract with a real handler, and behaves sensibly before any
// workspace is connected (empty reads, a clear "not connected" for actions that need Mode).
import { afterEach, describe, expect, it } from 'vitest'
import { CALL_NAMES } from '../../../src/shared/contract.ts'
import { DEFAULT_SETTINGS } from '../../../src/shared/model.ts'
import { startSimulator } from '../../../src/sim/server.ts'
import { createCoreHarness, valueOf, type CoreHarness } from './core-harness.ts'

let h: CoreHarness | null = null
afterEach(async () => { await h?.close(); h = null })

describe('createAppCore', () => {
  it('has a handler for every call in the contract', () => {
    h = createCoreHarness()
    expect(CALL_NAMES.filter((name) => typeof h!.core.handlers[name] !== 'function')).toEqual([])
  })

  it('before connecting: empty library reads, not_connected for sync and charts, settings with the data dir', async () => {
    const revealed: string[] = []
    h = createCoreHarness({ adapters: { revealInFolder: (p) => { revealed.push(p) } } })
    await h.core.start()
    expect(valueOf(await h.call('connection.getStatus'))).toEqual({
      connected: false, workspace: null, workspaceDisplayName: null, accountName: null, storage: null, isSample: false, reconnectReason: null, hasLibrary: false,
    })
    expect(valueOf<{ total: number }>(await h.call('library.search', { query: 'revenue' })).total).toBe(0)
    expect(valueOf(await h.call('library.listCollections'))).toEqual([])
    expect(valueOf(await h.call('people.list'))).toEqual({ members: [], groups: [] })
    expect(valueOf(await h.call('sync.getState'))).toMatchObject({ status: 'not_connected' })
    const sync = await h.call('sync.start', { full: false })
    expect(!sync.ok && sync.error.code).toBe('not_connected')
    const charts = await h.call('library.fetchCharts', { token: 'abc' })
    expect(!charts.ok && charts.error.code).toBe('not_connected')

    expect(valueOf(await h.call('settings.get'))).toEqual({ ...DEFAULT_SETTINGS, dataDir: h.dataDir })
    expect(valueOf(await h.call('settings.update', { includeChartsInSync: true }))).toMatchObject({ includeChartsInSync: true })
    const bad = await h.call('settings.update', { nightlySyncTime: '24:00' })
    expect(!bad.ok && bad.error.code).toBe('invalid_input')
    expect(valueOf(await h.call('settings.revealDataDir'))).toBe(true)
    expect(revealed).toEqual([h.dataDir])
  })

  it('announces the connection, the sync and library changes as events', async () => {
    const sim = await startSimulator({ port: 0, seed: 3, reports: 40, rate: null, latencyMs: 0 })
    try {
      h = createCoreHarness({ modeBaseUrl: sim.url })
      await h.call('connection.connect', { token: sim.token, password: sim.password, workspace: sim.workspace })
      await h.core.scheduler.idle()
      const names = h.events.map((e) => e.event)
      expect(names).toContain('connection.status')
      expect(names).toContain('library.changed')
      const states = h.events.filter((e) => e.event === 'sync.state').map((e) => (e.payload as { status: string; progress: { phase: string } | null }))
      expect(states.some((s) => s.status === 'syncing' && s.progress !== null)).toBe(true)
      expect(states.at(-1)).toMatchObject({ status: 'idle' })
      const nightly = valueOf<{ nextScheduledAt: string | null }>(await h.call('sync.getState')).nextScheduledAt
      expect(nightly).not.toBeNull()
      // A new nightly time re-arms the schedule.
      await h.call('settings.update', { nightlySyncTime: '23:59' })
      const rearmed = valueOf<{ nextScheduledAt: string }>(await h.call('sync.getState')).nextScheduledAt
      expect(new Date(rearmed).getHours()).toBe(23)
      expect(new Date(rearmed).getMinutes()).toBe(59)
    } finally {
      await h?.close()
      h = null
      await sim.close()
    }
  })
})
