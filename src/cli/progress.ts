// Sync progress for the terminal: a redrawn one-line bar on a TTY (phase, done/total, requests, rate-limit
// waits, ETA), plain lines otherwise (one per phase and a heartbeat every few seconds), so logs from cron
// stay short and readable.
import type { SyncPhase, SyncProgress } from '../shared/model.ts'
import { formatDuration, truncate, type OutStream, type Style } from './output.ts'

export const PHASE_LABELS: Record<SyncPhase, string> = {
  starting: 'Connecting',
  collections: 'Listing collections',
  listing: 'Listing reports',
  people: 'Reading people',
  queries: 'Fetching SQL',
  charts: 'Fetching charts',
  finishing: 'Finishing',
}

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
  const parts = [p.total !== null ? `${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')}` : `${p.done.toLocaleString('en-US')}`]
  parts.push(`${p.requests.toLocaleString('en-US')} request${p.requests === 1 ? '' : 's'}`)
  if (p.waitingForRateLimit) parts.push('waiting for the rate limit')
  else if (p.rateLimitWaits > 0) parts.push(`${p.rateLimitWaits} rate-limit wait${p.rateLimitWaits === 1 ? '' : 's'}`)
  if (p.etaMs !== null && p.etaMs > 0) parts.push(`ETA ${formatDuration(p.etaMs)}`)
  return parts
}

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
    const columns = stream.columns ?? 100
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

  return {
    update(p) {
      const t = now()
      if (style.tty) {
        const phaseChanged = p.phase !== lastPhase
        if (phaseChanged && lastPhase !== null && drawn) {
          // Keep a finished phase on screen as its own line, then start the next one below it.
          if (pending) drawTty(pending)
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
      if (p.phase !== lastPhase || t - lastDraw >= heartbeatMs) {
        stream.write(`${indent}${PHASE_LABELS[p.phase]}: ${progressParts(p).join(', ')}\n`)
        lastPhase = p.phase
        lastDraw = t
      }
    },
    finish() {
      if (style.tty && drawn) {
        if (pending) drawTty(pending)
        stream.write('\n')
        drawn = false
      }
    },
  }
}
