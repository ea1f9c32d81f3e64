// The next nightly sync after `now`, at HH:MM local time (the desktop app's schedule; the CLI only reports it).
export function nextNightlyRun(time: string, now: Date): Date {
  const [h, m] = time.split(':').map(Number)
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate(), h ?? 3, m ?? 0, 0, 0)
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1)
  return next
}
