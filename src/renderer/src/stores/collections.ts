// The library's collections (with their live and archived report counts), read from main and shared by the
// Collections screen and the library's header for an open collection.
import { create } from 'zustand'
import type { CollectionSummary } from '../../../shared/model.ts'
import { call } from '../bridge.ts'

interface CollectionsStore {
  collections: CollectionSummary[] | null
  error: string | null
  load: () => Promise<void>
}

export const useCollections = create<CollectionsStore>((set) => ({
  collections: null,
  error: null,
  load: async () => {
    try {
      set({ collections: await call('library.listCollections'), error: null })
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) })
    }
  },
}))
