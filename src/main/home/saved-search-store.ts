// Saved searches of each workspace, in the user's order, kept in the settings store beside pins and recents: a
// query means something only in the workspace it was written for. Read back with validation: a damaged entry is
// dropped, never a crash. Names are unique regardless of case, so a list of them never shows two alike.
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { AppFailure } from '../../shared/errors.ts'
import { MAX_SAVED_SEARCHES, SavedSearch } from '../../shared/model.ts'
import type { KeyValueStore } from '../settings/key-value-store.ts'

export const SAVED_SEARCHES_KEY = 'savedSearchesByWorkspace'
/** Where one list for every workspace was kept before they were kept per workspace. */
export const LEGACY_SAVED_SEARCHES_KEY = 'savedSearches'

const sameName = (a: string, b: string): boolean => a.toLocaleLowerCase() === b.toLocaleLowerCase()

export class SavedSearchStore {
  private readonly store: KeyValueStore
  private readonly now: () => Date
  private readonly log: (message: string) => void
  constructor(store: KeyValueStore, now: () => Date = () => new Date(), log: (message: string) => void = (m) => console.warn(m)) {
    this.store = store
    this.now = now
    this.log = log
  }

  list(workspace: string): SavedSearch[] {
    const all = this.all()
    if (!(workspace in all)) {
      // The old single list belonged to the only workspace there was: the first one read adopts it.
      const legacy = this.store.get(LEGACY_SAVED_SEARCHES_KEY)
      if (legacy !== undefined) {
        const adopted = this.valid(legacy)
        this.store.set(SAVED_SEARCHES_KEY, { ...all, [workspace]: adopted })
        this.store.delete(LEGACY_SAVED_SEARCHES_KEY)
        return adopted
      }
      return []
    }
    return this.valid(all[workspace])
  }

  /** Saves a search under a name; saving again under the same name replaces its query and keeps its place. */
  save(workspace: string, name: string, query: string): SavedSearch[] {
    return this.change(workspace, (list) => {
      const existing = list.find((s) => sameName(s.name, name))
      if (existing) return list.map((s) => (s === existing ? { ...s, name, query } : s))
      if (list.length >= MAX_SAVED_SEARCHES) {
        throw new AppFailure('invalid_input', `You can keep up to ${MAX_SAVED_SEARCHES} saved searches.`, 'Delete one you no longer use, then save again.')
      }
      return [...list, { id: randomUUID(), name, query, createdAt: this.now().toISOString() }]
    })
  }

  rename(workspace: string, id: string, name: string): SavedSearch[] {
    return this.change(workspace, (list) => {
      if (list.some((s) => s.id !== id && sameName(s.name, name))) {
        throw new AppFailure('invalid_input', `A saved search is already called “${name}”.`, 'Choose another name.')
      }
      return list.map((s) => (s.id === id ? { ...s, name } : s))
    })
  }

  /** Moves a search to position `to` (0 = first; past the end = last). */
  move(workspace: string, id: string, to: number): SavedSearch[] {
    return this.change(workspace, (list) => {
      const from = list.findIndex((s) => s.id === id)
      if (from < 0) return list
      const next = list.filter((s) => s.id !== id)
      next.splice(Math.max(0, Math.min(to, next.length)), 0, list[from]!)
      return next
    })
  }

  remove(workspace: string, id: string): SavedSearch[] {
    return this.change(workspace, (list) => list.filter((s) => s.id !== id))
  }

  /**
   * Puts a deleted search back where it was (undo). Nothing changes when it is back already, or when a search of
   * the same name was saved meanwhile (that newer one is what the user wants now).
   */
  restore(workspace: string, search: SavedSearch, index: number): SavedSearch[] {
    return this.change(workspace, (list) => {
      if (list.some((s) => s.id === search.id || sameName(s.name, search.name)) || list.length >= MAX_SAVED_SEARCHES) return list
      const next = [...list]
      next.splice(Math.max(0, Math.min(index, next.length)), 0, search)
      return next
    })
  }

  /** Forgets a workspace's saved searches (its library was deleted on disconnect). */
  forget(workspace: string): void {
    const all = this.all()
    delete all[workspace]
    this.store.set(SAVED_SEARCHES_KEY, all)
  }

  private change(workspace: string, edit: (list: SavedSearch[]) => SavedSearch[]): SavedSearch[] {
    const next = z.array(SavedSearch).max(MAX_SAVED_SEARCHES).parse(edit(this.list(workspace)))
    this.store.set(SAVED_SEARCHES_KEY, { ...this.all(), [workspace]: next })
    return next
  }

  private valid(stored: unknown): SavedSearch[] {
    if (!Array.isArray(stored)) {
      this.log('[saved searches] the stored list was not a list; ignoring it')
      return []
    }
    const out: SavedSearch[] = []
    for (const item of stored) {
      const parsed = SavedSearch.safeParse(item)
      if (parsed.success && !out.some((s) => s.id === parsed.data.id)) out.push(parsed.data)
      else this.log('[saved searches] skipped an invalid saved search')
    }
    return out.slice(0, MAX_SAVED_SEARCHES)
  }

  private all(): Record<string, unknown> {
    const stored = this.store.get(SAVED_SEARCHES_KEY)
    // A null-prototype copy: a workspace named "__proto__" is just a key.
    const out = Object.create(null) as Record<string, unknown>
    if (typeof stored === 'object' && stored !== null && !Array.isArray(stored)) Object.assign(out, stored)
    return out
  }
}
