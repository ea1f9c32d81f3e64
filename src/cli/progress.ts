// Sync progress for the terminal: a redrawn one-line bar on a TTY (phase, done/total, requests, rate-limit
// waits, ETA), plain lines otherwise (one per phase and a heartbeat every few seconds), so logs from cron
// stay short and readable.
import type { SyncPhase, SyncProgress } from '../shared/model.ts'
import { formatDuration, truncate, type OutStream, type Style } from './output.ts'
import { PHASE_LABELS } from '../shared/sync-phases.ts'

export { PHASE_LABELS }

export interface ProgressRenderer {
  update(progress: SyncProgress): void
  /** Clears the bar (TTY) so the next output starts on a clean line. */
  finish(): void
}

export interface ProgressOptions {
  stream: OutStream
  style: Style
  /** Injected clock for tests. */
  now?: () => number
  /** Minimum time between redraws on a TTY. */
  redrawMs?: number
  /** Time between heartbeat lines when not on a TTY. */
  heartbeatMs?: number
  /** Prefix of each line (e.g. two spaces inside the demo). */
  indent?: string
}

const BAR_WIDTH = 24

export function progressBar(done: number, total: number | null, width = BAR_WIDTH): string {
  if (!total || total <= 0) return '·'.repeat(width)
  const filled = Math.min(width, Math.round((done / total) * width))
  return '█'.repeat(filled) + '░'.repeat(width - filled)
}

/** The facts of one progress event as short parts: `120/400`, `35 requests`, `waiting for rate limit`, `ETA 12 s`. */
export function progressParts(p: SyncProgress): string[] {
  const parts: string[] = []
  if (p.total === 0) parts.push('nothing to do')
  else if (p.total !== null) parts.push(`${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')}`)
  else if (p.done > 0) parts.push(p.done.toLocaleString('en-US'))
  parts.push(`${p.requests.toLocaleString('en-US')} request${p.requests === 1 ? '' : 's'}`)
  // The limiter counts every request it held back even for a millisecond, so only "waiting now" is news.
  if (p.waitingForRateLimit) parts.push('waiting for the rate limit')
  if (p.etaMs !== null && p.etaMs > 0) parts.push(`ETA ${formatDuration(p.etaMs)}`)
  return parts
}

/** Phases worth a line of their own ('starting' and 'finishing' take no time a user would notice). */
const SHOWN: ReadonlySet<SyncPhase> = new Set(['collections', 'listing', 'people', 'queries', 'charts'])

export function createProgressRenderer(options: ProgressOptions): ProgressRenderer {
  const { stream, style } = options
  const now = options.now ?? Date.now
  const indent = options.indent ?? ''
  const redrawMs = options.redrawMs ?? 80
  const heartbeatMs = options.heartbeatMs ?? 5000
  let lastPhase: SyncPhase | null = null
  let lastDraw = -Infinity
  let drawn = false
  let pending: SyncProgress | null = null

  const drawTty = (p: SyncProgress) => {
    const columns = stream.columns || 100
    const label = PHASE_LABELS[p.phase].padEnd(19)
    const bar = p.total !== null ? `${style.cyan(progressBar(p.done, p.total))}  ` : ''
    const facts = progressParts(p).join(' · ')
    const plainBar = p.total !== null ? `${progressBar(p.done, p.total)}  ` : ''
    const plain = `${indent}${label}  ${plainBar}${facts}`
    // Never wider than the terminal: a wrapped line cannot be redrawn in place.
    const line = [...plain].length < columns ? `${indent}${label}  ${bar}${facts}` : truncate(plain, columns - 1)
    stream.write(`\r\x1b[2K${line}`)
    drawn = true
  }

  /** A phase that was followed by the next one ran to its end, whatever its last (throttled) event said. */
  const completed = (p: SyncProgress, next?: SyncProgress): SyncProgress => ({
    ...p,
    done: p.total ?? p.done,
    // The next phase's first event carries the requests counted when this phase ended.
    requests: next ? next.requests : p.requests,
    etaMs: null,
    waitingForRateLimit: false,
  })

  const plainLine = (p: SyncProgress) => `${indent}${PHASE_LABELS[p.phase]}: ${progressParts({ ...p, etaMs: null, waitingForRateLimit: false }).join(', ')}\n`

  const finish = (): void => {
    if (style.tty) {
      if (drawn) {
        if (pending) drawTty(pending)
        stream.write('\n')
        drawn = false
      }
    } else if (pending) stream.write(plainLine(pending))
    pending = null
  }

  return {
    update(p) {
      if (!SHOWN.has(p.phase)) {
        // Close the previous phase's line and show nothing for the bookkeeping phases.
        if (pending && p.phase === 'finishing') pending = completed(pending, p)
        finish()
        lastPhase = p.phase
        return
      }
      const t = now()
      const phaseChanged = p.phase !== lastPhase
      if (style.tty) {
        if (phaseChanged && drawn) {
          // Keep a finished phase on screen as its own line with its final counts, then start the next one.
          if (pending) drawTty(completed(pending, p))
          stream.write('\n')
          drawn = false
        }
        lastPhase = p.phase
        pending = p
        if (phaseChanged || t - lastDraw >= redrawMs) {
          drawTty(p)
          lastDraw = t
        }
        return
      }
      // In a log: one line per finished phase with its final counts, and a heartbeat during long phases.
      if (phaseChanged && pending) stream.write(plainLine(completed(pending, p)))
      if (phaseChanged) lastDraw = t
      else if (t - lastDraw >= heartbeatMs) {
        stream.write(plainLine(p).replace(/\n$/, ' …\n'))
        lastDraw = t
      }
      lastPhase = p.phase
      pending = p
    },
    finish,
  }
}
