// The Mode address a connection was verified against is remembered in the settings file, a plain file anyone
// with the user's account can edit. At the next launch the stored credentials must go only to the address the
// app itself is configured for (app.mode.com in a packaged build): a profile whose address was changed since is
// not trusted with them, and the user is asked to connect again instead.
import { createServer, type Server } from 'node:http'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../src/sim/server.ts'
import { createCoreHarness, valueOf } from './core-harness.ts'

let sim: Simulator
let listener: Server
let listenerUrl: string
const seenAuthorization: string[] = []

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 5, reports: 12, rate: null, latencyMs: 0 })
  // Stands in for a host the settings file was pointed at: records any credentials sent to it.
  listener = createServer((req, res) => {
    if (req.headers.authorization) seenAuthorization.push(req.headers.authorization)
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"id":"unauthorized","message":"no"}')
  })
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
  const address = listener.address()
  listenerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})

afterAll(async () => {
  await sim?.close()
  await new Promise<void>((resolve) => listener?.close(() => resolve()))
})

describe('restoring a connection whose stored Mode address was changed', () => {
  it('never sends the stored credentials to that address; asks to reconnect and keeps the library readable', async () => {
    const first = createCoreHarness({ modeBaseUrl: sim.url })
    const connected = valueOf<{ ok: boolean }>(await first.call('connection.connect', { token: sim.token, password: sim.password, workspace: sim.workspace }))
    expect(connected.ok).toBe(true)
    await first.core.scheduler.idle()
    await first.close({ keepDataDir: true })

    const settingsPath = join(first.dataDir, 'settings.json')
    const stored = JSON.parse(readFileSync(settingsPath, 'utf8')) as { profile: { apiBase: string } }
    expect(stored.profile.apiBase).toBe(`${sim.url}/api`)
    stored.profile.apiBase = `${listenerUrl}/api`
    writeFileSync(settingsPath, JSON.stringify(stored))

    const second = createCoreHarness({ modeBaseUrl: sim.url, dataDir: first.dataDir, safeStorage: first.safeStorage })
    try {
      await second.core.start()
      await second.core.scheduler.idle()
      await second.call('sync.start', { full: false })
      await second.call('library.fetchCharts', { token: sim.truth().reports[0]!.token })
      await second.core.scheduler.idle()

      expect(seenAuthorization).toEqual([])
      const status = second.core.connection.getStatus()
      expect(status).toMatchObject({ connected: false, workspace: sim.workspace, hasLibrary: true })
      expect(status.reconnectReason).toMatch(/different Mode address/)
      expect(valueOf<{ reports: number }>(await second.call('library.getStats')).reports).toBe(sim.truth().reports.length + sim.truth().datasets.length)

      // Connecting again stores a profile for the configured address, and the next launch restores it.
      const again = valueOf<{ ok: boolean }>(await second.call('connection.connect', { token: sim.token, password: sim.password, workspace: sim.workspace }))
      expect(again.ok).toBe(true)
      await second.core.scheduler.idle()
    } finally {
      await second.close({ keepDataDir: true })
    }
    const third = createCoreHarness({ modeBaseUrl: sim.url, dataDir: first.dataDir, safeStorage: first.safeStorage })
    try {
      await third.core.start()
      expect(third.core.connection.getStatus()).toMatchObject({ connected: true, reconnectReason: null })
      await third.core.scheduler.idle()
    } finally {
      await third.close()
    }
    expect(seenAuthorization).toEqual([])
  })
})
