// The colour theme: the user's preference (system, light, dark) resolved against prefers-color-scheme and
// applied to <html data-theme>, which the design tokens in styles.css key on. The preference is mirrored in
// localStorage so the first paint after launch already has the right colours (settings arrive over IPC later).
import { create } from 'zustand'
import type { Theme } from '../../../shared/model.ts'

export type ResolvedTheme = 'light' | 'dark'

const STORAGE_KEY = 'mc.theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'

function readStoredPreference(): Theme {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return value === 'light' || value === 'dark' || value === 'system' ? value : 'system'
  } catch {
    return 'system'
  }
}

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches
}

export function resolveTheme(preference: Theme, systemDark: boolean): ResolvedTheme {
  if (preference === 'system') return systemDark ? 'dark' : 'light'
  return preference
}

function apply(resolved: ResolvedTheme): void {
  document.documentElement.dataset.theme = resolved
  document.documentElement.style.colorScheme = resolved
}

interface ThemeState {
  preference: Theme
  resolved: ResolvedTheme
  setPreference: (preference: Theme) => void
}

export const useTheme = create<ThemeState>((set, get) => ({
  preference: 'system',
  resolved: 'light',
  setPreference: (preference) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, preference)
    } catch {
      // Storage can be unavailable (private contexts); the setting itself lives in main.
    }
    const resolved = resolveTheme(preference, systemPrefersDark())
    apply(resolved)
    if (get().preference !== preference || get().resolved !== resolved) set({ preference, resolved })
  },
}))

let started = false

/** Applies the stored preference now and follows system changes from then on. Call once at start-up. */
export function startTheme(): void {
  if (started) return
  started = true
  useTheme.getState().setPreference(readStoredPreference())
  if (typeof window.matchMedia !== 'function') return
  window.matchMedia(DARK_QUERY).addEventListener('change', () => {
    const { preference, setPreference } = useTheme.getState()
    if (preference === 'system') setPreference('system')
  })
}
