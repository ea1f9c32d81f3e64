// The user's settings as main keeps them. Changes apply optimistically (the control moves at once), are
// saved through `settings.update`, and roll back with a message if main refuses. The theme is applied
// immediately through the theme store.
import { create } from 'zustand'
import type { Settings, SettingsView } from '../../../shared/model.ts'
import { call } from '../bridge.ts'
import { toAppError } from '../../../shared/errors.ts'
import { useTheme } from './theme.ts'
import { useLibrary } from './library.ts'

interface SettingsState {
  settings: SettingsView | null
  loadError: string | null
  saveError: string | null
  /** The key saved most recently, for a quiet "Saved" confirmation next to it. */
  lastSaved: keyof Settings | null
  load: () => Promise<void>
  update: (patch: Partial<Settings>) => Promise<boolean>
}

export const useSettings = create<SettingsState>((set, get) => ({
  settings: null,
  loadError: null,
  saveError: null,
  lastSaved: null,
  load: async () => {
    try {
      const settings = await call('settings.get')
      set({ settings, loadError: null })
      useTheme.getState().setPreference(settings.theme)
      useLibrary.getState().setSort(settings.librarySort)
    } catch (e) {
      set({ loadError: toAppError(e).message })
    }
  },
  update: async (patch) => {
    const before = get().settings
    if (before) set({ settings: { ...before, ...patch }, saveError: null, lastSaved: null })
    if (patch.theme) useTheme.getState().setPreference(patch.theme)
    try {
      const settings = await call('settings.update', patch)
      set({ settings, lastSaved: (Object.keys(patch)[0] as keyof Settings | undefined) ?? null })
      useTheme.getState().setPreference(settings.theme)
      return true
    } catch (e) {
      set({ settings: before, saveError: toAppError(e).message })
      if (before) useTheme.getState().setPreference(before.theme)
      return false
    }
  },
}))
