// Saved searches of the open workspace: a name for a query text (filters included), kept by main in the user's
// order, with how many reports each lists now (counted by main's search worker, reloaded when the library
// changes). A delete can be undone while its notice shows: the store keeps the deleted search and its place.
import { create } from 'zustand'
import type { SavedSearch } from '../../../shared/model.ts'
import { call } from '../bridge.ts'
import { useLibrary } from './library.ts'

export interface DeletedSearch {
  search: SavedSearch
  index: number
}

interface SavedSearchesStore {
  items: SavedSearch[]
  loaded: boolean
  error: string | null
  /** Reports each search lists now, by id; absent until counted. */
  counts: Record<string, number>
  /** The last delete, while it can be undone. */
  deleted: DeletedSearch | null
  load: () => Promise<void>
  loadCounts: () => Promise<void>
  save: (name: string, query: string) => Promise<boolean>
  rename: (id: string, name: string) => Promise<boolean>
  move: (id: string, to: number) => Promise<void>
  remove: (id: string) => Promise<void>
  undoRemove: () => Promise<void>
  dismissUndo: () => void
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

export const useSavedSearches = create<SavedSearchesStore>((set, get) => {
  /** Applies a change main answered with the new list; false (and the message kept) when main refused it. */
  const apply = async (change: () => Promise<SavedSearch[]>, recount: boolean): Promise<boolean> => {
    try {
      set({ items: await change(), error: null })
      if (recount) void get().loadCounts()
      return true
    } catch (e) {
      set({ error: messageOf(e) })
      return false
    }
  }
  let countsAsked = 0
  return {
    items: [],
    loaded: false,
    error: null,
    counts: {},
    deleted: null,
    load: async () => {
      try {
        set({ items: await call('savedSearches.list'), loaded: true, error: null })
        void get().loadCounts()
      } catch (e) {
        set({ error: messageOf(e), loaded: true })
      }
    },
    loadCounts: async () => {
      const asked = ++countsAsked
      try {
        const counts = await call('savedSearches.counts')
        // An older answer arriving after a newer one would show counts from before the last change.
        if (asked === countsAsked) set({ counts: Object.fromEntries(counts.map((c) => [c.id, c.count])) })
      } catch {
        // Counts are a hint beside each name; the list itself works without them.
      }
    },
    save: (name, query) => apply(() => call('savedSearches.save', { name, query }), true),
    rename: (id, name) => apply(() => call('savedSearches.rename', { id, name }), false),
    move: async (id, to) => { await apply(() => call('savedSearches.move', { id, to }), false) },
    remove: async (id) => {
      const index = get().items.findIndex((s) => s.id === id)
      const search = get().items[index]
      if (!search) return
      if (await apply(() => call('savedSearches.remove', { id }), false)) set({ deleted: { search, index } })
    },
    undoRemove: async () => {
      const deleted = get().deleted
      if (!deleted) return
      set({ deleted: null })
      await apply(() => call('savedSearches.restore', deleted), true)
    },
    dismissUndo: () => set({ deleted: null }),
  }
})

// A sync wrote (or another library opened): the counts, and the list of the workspace now open, are read again.
let seenVersion = useLibrary.getState().libraryVersion
useLibrary.subscribe((s) => {
  if (s.libraryVersion === seenVersion) return
  seenVersion = s.libraryVersion
  if (useSavedSearches.getState().loaded) void useSavedSearches.getState().load()
})
