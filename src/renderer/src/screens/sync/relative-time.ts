// "5 min ago", "in 3 h", "yesterday": the status badge and history read better in relative time.

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export function relativeTime(iso: string | null, now: number = Date.now()): string {
  if (!iso) return 'never'
  const then = Date.parse(iso)
  if (Number.isNaN(then)) return 'unknown'
  const diff = now - then
  const abs = Math.abs(diff)
  const future = diff < 0
  const say = (n: number, unit: string) => (future ? `in ${n} ${unit}` : `${n} ${unit} ago`)
  // A moment either way reads as now: clocks of the page and main differ by a few ms, and "in a moment" for
  // something that just happened would be odd.
  if (abs < 45_000) return 'just now'
  if (abs < HOUR) return say(Math.max(1, Math.round(abs / MINUTE)), 'min')
  if (abs < DAY) return say(Math.round(abs / HOUR), 'h')
  if (abs < 2 * DAY) return future ? 'tomorrow' : 'yesterday'
  if (abs < 30 * DAY) return say(Math.round(abs / DAY), 'days')
  return new Date(then).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}

export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—'
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m} min ${s % 60} s`
  return `${Math.floor(m / 60)} h ${m % 60} min`
}

export function formatDateTime(iso: string | null): string {
  if (!iso) return '—'
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return '—'
  return new Date(t).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
}
