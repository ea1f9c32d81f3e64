import { describe, expect, it } from 'vitest'
import { columns, formatDuration, renderMarks, styleFor } from '../../../src/cli/output.ts'
import { PHASE_LABELS, createProgressRenderer, progressBar } from '../../../src/cli/progress.ts'
import { PHASE_LABELS as APP_LABELS } from '../../../src/shared/sync-phases.ts'
import { MARK_END, MARK_START, type SyncProgress } from '../../../src/shared/model.ts'

const sink = (isTTY: boolean) => {
  const chunks: string[] = []
  return { chunks, stream: { isTTY, columns: 100, write: (s: string) => chunks.push(s) } }
}
const progress = (p: Partial<SyncProgress>): SyncProgress => ({
  runId: 1, kind: 'full', phase: 'listing', done: 0, total: 10, requests: 0, rateLimitWaits: 0,
  waitingForRateLimit: false, etaMs: null, startedAt: '2025-01-01T00:00:00Z', ...p,
})

describe('progress on a terminal', () => {
  it('names each phase as the app does', () => {
    expect(PHASE_LABELS).toBe(APP_LABELS)
  })

  it('redraws the current phase in place with bar, counts, requests, rate-limit wait and ETA', () => {
    const { chunks, stream } = sink(true)
    let t = 0
    const r = createProgressRenderer({ stream, style: styleFor(stream, { NO_COLOR: '1' }), now: () => t })
    r.update(progress({ done: 5, total: 10, requests: 3, etaMs: 4000 }))
    expect(chunks.at(-1)).toBe('\r\x1b[2KListing reports      ████████████░░░░░░░░░░░░  5/10 · 3 requests · ETA 4.0 s')
    t += 1000
    r.update(progress({ phase: 'queries', done: 2, total: 8, requests: 9, waitingForRateLimit: true }))
    expect(chunks.at(-1)).toBe('\r\x1b[2KFetching SQL         ██████░░░░░░░░░░░░░░░░░░  2/8 · 9 requests · waiting for the rate limit')
  })

  it('leaves each finished phase on its own line, complete, with the requests it took', () => {
    const { chunks, stream } = sink(true)
    let t = 0
    const r = createProgressRenderer({ stream, style: styleFor(stream, { NO_COLOR: '1' }), now: () => t })
    r.update(progress({ done: 5, total: 10, requests: 3, etaMs: 4000 }))
    t += 1000
    r.update(progress({ phase: 'queries', done: 0, total: 8, requests: 9 }))
    r.update(progress({ phase: 'finishing', done: 0, total: null, requests: 17 }))
    const lines = chunks.join('').split('\n').map((l) => l.split('\r\x1b[2K').at(-1))
    expect(lines).toEqual([
      'Listing reports      ████████████████████████  10/10 · 9 requests',
      'Fetching SQL         ████████████████████████  8/8 · 17 requests',
      '',
    ])
  })

  it('throttles redraws within a phase', () => {
    const { chunks, stream } = sink(true)
    let t = 0
    const r = createProgressRenderer({ stream, style: styleFor(stream, {}), now: () => t, redrawMs: 100 })
    for (let i = 0; i < 50; i++) {
      t += 10
      r.update(progress({ done: i }))
    }
    expect(chunks.length).toBeLessThanOrEqual(6)
  })
})

describe('progress in a log', () => {
  it('prints one plain line per phase and a heartbeat, without escape codes', () => {
    const { chunks, stream } = sink(false)
    let t = 0
    const r = createProgressRenderer({ stream, style: styleFor(stream, {}), now: () => t, heartbeatMs: 5000 })
    r.update(progress({ phase: 'collections', done: 0, total: null }))
    r.update(progress({ done: 1 }))
    t += 1000
    r.update(progress({ done: 2 }))
    t += 5000
    r.update(progress({ done: 9, requests: 12, rateLimitWaits: 2, waitingForRateLimit: true }))
    r.update(progress({ phase: 'finishing', done: 0, total: null, requests: 20 }))
    expect(chunks).toEqual([
      'Listing collections: 0 requests\n',
      'Listing reports: 9/10, 12 requests …\n',
      'Listing reports: 10/10, 20 requests\n',
    ])
  })
})

describe('output helpers', () => {
  it('shows snippet marks as «» without a terminal and bold on one', () => {
    const text = `where ${MARK_START}net${MARK_END} ${MARK_START}revenue${MARK_END} is`
    expect(renderMarks(text, null)).toBe('where «net» «revenue» is')
    expect(renderMarks(text, styleFor({ isTTY: false, write: () => {} }, {}))).toBe('where «net» «revenue» is')
    expect(renderMarks(text, styleFor({ isTTY: true, write: () => {} }, {}))).toBe('where \x1b[1mnet\x1b[22m \x1b[1mrevenue\x1b[22m is')
  })

  it('aligns columns by visible width', () => {
    expect(columns([['a', '\x1b[1mbb\x1b[22m', 'x'], ['ccc', 'd', 'y']])).toEqual(['a    \x1b[1mbb\x1b[22m  x', 'ccc  d   y'])
  })

  it('formats durations for people', () => {
    expect(formatDuration(340)).toBe('340 ms')
    expect(formatDuration(4200)).toBe('4.2 s')
    expect(formatDuration(42_000)).toBe('42 s')
    expect(formatDuration(125_000)).toBe('2 min 5 s')
  })

  it('bar fills in proportion and shows an unknown total as dots', () => {
    expect(progressBar(5, 10, 10)).toBe('█████░░░░░')
    expect(progressBar(3, null, 4)).toBe('····')
  })
})

describe('an empty phase', () => {
  it('says there was nothing to do instead of 0/0', () => {
    const { chunks, stream } = sink(false)
    const r = createProgressRenderer({ stream, style: styleFor(stream, {}), now: () => 0 })
    r.update(progress({ phase: 'queries', done: 0, total: 0, requests: 76 }))
    r.update(progress({ phase: 'finishing', done: 0, total: null, requests: 76 }))
    expect(chunks).toEqual(['Fetching SQL: nothing to do, 76 requests\n'])
  })
})
