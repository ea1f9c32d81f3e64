// @vitest-environment jsdom
// The sync history tells the user when a run left out items Mode sent unreadable: a count, not their content.
import { afterEach, describe, expect, it } from 'vitest'
import type { SyncRun, SyncState } from '../../../../src/shared/model.ts'
import { SyncScreen } from '../../../../src/renderer/src/screens/sync/SyncScreen.tsx'
import { installFakeBridge } from '../library/fake-bridge.ts'
import { mount, settle, type Mounted } from '../library/render.ts'

const run = (id: number, itemsSkipped: number): SyncRun => ({
  id, kind: 'full', trigger: 'manual', startedAt: '2025-06-01T10:00:00Z', endedAt: '2025-06-01T10:01:00Z', outcome: 'success',
  requests: 120, rateLimited: 0, reportsChanged: 4, queriesFetched: 4, errors: 0, errorMessage: null, itemsSkipped,
})
const state: SyncState = { status: 'idle', progress: null, lastRun: null, lastSuccessAt: null, nextScheduledAt: null, error: null }

describe('SyncScreen history', () => {
  let mounted: Mounted | null = null
  afterEach(() => { mounted?.unmount(); mounted = null })

  it('shows how many unreadable items a run skipped, and nothing for runs that skipped none', async () => {
    installFakeBridge({ 'sync.getState': () => state, 'sync.history': () => [run(2, 3), run(1, 0)] })
    mounted = mount(<SyncScreen />)
    await settle(10)
    const notes = [...mounted.container.querySelectorAll('[data-testid="run-skipped"]')].map((n) => n.textContent)
    expect(notes).toEqual(['3 unreadable items from Mode skipped'])
  })
})
