// Pins, recently opened reports and the last session (query and open report) of each workspace, kept in the
// settings store beside the saved searches: they are the user's, not Mode's, so a full sync or a rebuilt library
// never loses them. Read back with validation: a damaged entry is dropped, never a crash.
import { z } from 'zod'
import { MAX_PINNED, MAX_RECENT } from '../../shared/home-model.ts'
import type { KeyValueStore } from '../settings/key-value-store.ts'

export const HOME_KEY = 'home'

const Token = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)
const Entry = z.object({ token: Token, at: z.string().max(40) })
const WorkspaceHome = z.object({
  pinned: z.array(Entry).max(MAX_PINNED).catch([]),
  recent: z.array(Entry).max(MAX_RECENT).catch([]),
  lastQuery: z.string().max(2000).catch(''),
  lastReport: Token.nullable().catch(null),
})
export type WorkspaceHome = z.infer<typeof WorkspaceHome>
export type HomeEntry = z.infer<typeof Entry>

const EMPTY: WorkspaceHome = { pinned: [], recent: [], lastQuery: '', lastReport: null }

export class HomeStore {
  private readonly store: KeyValueStore
  private readonly now: () => Date
  constructor(store: KeyValueStore, now: () => Date = () => new Date()) {
    this.store = store
    this.now = now
  }

  get(workspace: string): WorkspaceHome {
    const parsed = WorkspaceHome.safeParse(this.all()[workspace])
    return parsed.success ? parsed.data : { ...EMPTY }
  }

  /** Opening a report: first in the recents (once), and the report a launch reopens. */
  opened(workspace: string, token: string): WorkspaceHome {
    return this.change(workspace, (h) => ({
      ...h,
      recent: [{ token, at: this.now().toISOString() }, ...h.recent.filter((e) => e.token !== token)].slice(0, MAX_RECENT),
      lastReport: token,
    }))
  }

  setPinned(workspace: string, token: string, pinned: boolean): WorkspaceHome {
    return this.change(workspace, (h) => {
      const has = h.pinned.some((e) => e.token === token)
      const next = !pinned ? h.pinned.filter((e) => e.token !== token) : has ? h.pinned : [...h.pinned, { token, at: this.now().toISOString() }]
      return { ...h, pinned: next.slice(-MAX_PINNED) }
    })
  }

  /** Remembers where the user is: the query in the library's box and the report open now (null: none). */
  setSession(workspace: string, lastQuery: string, lastReport: string | null): WorkspaceHome {
    return this.change(workspace, (h) => ({ ...h, lastQuery, lastReport }))
  }

  /** Forgets a workspace's home (its library was deleted on disconnect). */
  forget(workspace: string): void {
    const all = this.all()
    delete all[workspace]
    this.store.set(HOME_KEY, all)
  }

  private change(workspace: string, edit: (h: WorkspaceHome) => WorkspaceHome): WorkspaceHome {
    const next = WorkspaceHome.parse(edit(this.get(workspace)))
    this.store.set(HOME_KEY, { ...this.all(), [workspace]: next })
    return next
  }

  private all(): Record<string, unknown> {
    const stored = this.store.get(HOME_KEY)
    // A null-prototype copy: a workspace named "__proto__" is just a key.
    const out = Object.create(null) as Record<string, unknown>
    if (typeof stored === 'object' && stored !== null && !Array.isArray(stored)) Object.assign(out, stored)
    return out
  }
}
