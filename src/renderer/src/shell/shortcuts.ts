// App-wide keyboard shortcuts. Ctrl/Cmd+K opens the library and asks its search box to take focus (the
// library screen listens for `mc:focus-search`); Ctrl/Cmd+, opens Settings, as on most desktop apps.
import { useEffect } from 'react'
import { useNavigation } from '../stores/navigation.ts'

export const FOCUS_SEARCH_EVENT = 'mc:focus-search'

export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
}

/** Opens the library (keeping the last query) and focuses its search box once the screen is there. */
export function openLibrary(): void {
  const { view, history, navigate } = useNavigation.getState()
  if (view.name !== 'library') {
    const last = [...history].reverse().find((v) => v.name === 'library')
    navigate({ name: 'library', query: last?.name === 'library' ? last.query : '' })
  }
  // After React has rendered the library screen, so its listener exists.
  requestAnimationFrame(() => window.dispatchEvent(new CustomEvent(FOCUS_SEARCH_EVENT)))
}

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const mod = isMac() ? e.metaKey : e.ctrlKey
      if (!mod || e.altKey || e.shiftKey) return
      if (e.key === 'k' || e.key === 'K') {
        e.preventDefault()
        openLibrary()
      } else if (e.key === ',') {
        e.preventDefault()
        useNavigation.getState().navigate({ name: 'settings' })
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
