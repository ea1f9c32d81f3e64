// What each sync phase is called and what it counts, written once: the Sync screen, the sidebar badge, the
// library's empty state and the CLI all say the same thing for the same phase.
import type { SyncPhase, SyncProgress } from './model.ts'

export const PHASE_LABELS: Record<SyncPhase, string> = {
  starting: 'Starting',
  collections: 'Listing collections',
  listing: 'Listing reports',
  people: 'Reading people',
  queries: 'Fetching SQL',
  access: 'Reading who can see what',
  charts: 'Fetching chart titles',
  results: 'Fetching last results',
  schedules: 'Fetching schedules',
  finishing: 'Finishing',
}

/** The unit `done` and `total` count in each phase (singular, plural); null where a phase counts nothing. */
export const PHASE_UNITS: Record<SyncPhase, [string, string] | null> = {
  starting: null,
  collections: ['collection', 'collections'],
  // Reports are listed collection by collection.
  listing: ['collection', 'collections'],
  // The memberships list and the groups list.
  people: ['list', 'lists'],
  queries: ['report', 'reports'],
  // Collection permissions and member activity: no total is known in advance.
  access: null,
  charts: ['report', 'reports'],
  results: ['report', 'reports'],
  schedules: ['report', 'reports'],
  finishing: null,
}

/** "12 of 40 collections", "7 reports so far", or null when the phase counts nothing. */
export function phaseCount(p: Pick<SyncProgress, 'phase' | 'done' | 'total'>, locale?: string): string | null {
  const unit = PHASE_UNITS[p.phase]
  if (!unit) return null
  const n = (v: number) => v.toLocaleString(locale)
  const word = (v: number) => (v === 1 ? unit[0] : unit[1])
  return p.total !== null ? `${n(p.done)} of ${n(p.total)} ${word(p.total)}` : `${n(p.done)} ${word(p.done)} so far`
}
