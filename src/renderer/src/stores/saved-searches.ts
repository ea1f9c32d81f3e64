// Saved searches: a name for a query text (filters included), kept by main.
import { create } from 'zustand'
import type { SavedSearch } from '../../../shared/model.ts'
import { call } from '../bridge.ts'

interface SavedSearchesStore {
  items: SavedSearch[]
  loaded: boolean
  error: string | null
  load: () => Promise<void>
  save: (name: string, query: string) => Promise<boolean>
  remove: (id: string) => Promise<void>
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

export const useSavedSearches = create<SavedSearchesStore>((set) => ({
  items: [],
  loaded: false,
  error: null,
  load: async () => {
    try {
      set({ items: await call('savedSearches.list'), loaded: true, error: null })
    } catch (e) {
      set({ error: messageOf(e), loaded: true })
    }
  },
  save: async (name, query) => {
    try {
      set({ items: await call('savedSearches.save', { name, query }), error: null })
      return true
    } catch (e) {
      set({ error: messageOf(e) })
      return false
    }
  },
  remove: async (id) => {
    try {
      set({ items: await call('savedSearches.remove', { id }), error: null })
    } catch (e) {
      set({ error: messageOf(e) })
    }
  },
}))
