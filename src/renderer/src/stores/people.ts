// Workspace members and groups from the local library (readable offline).
import { create } from 'zustand'
import type { PeopleList } from '../../../shared/model.ts'
import { call } from '../bridge.ts'

interface PeopleStore {
  people: PeopleList | null
  error: string | null
  load: () => Promise<void>
}

export const usePeople = create<PeopleStore>((set) => ({
  people: null,
  error: null,
  load: async () => {
    try {
      set({ people: await call('people.list'), error: null })
    } catch (e) {
      set({ error: e instanceof Error ? e.message : String(e) })
    }
  },
}))
