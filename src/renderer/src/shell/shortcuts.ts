// App-wide keyboard shortcuts. Ctrl/Cmd+K opens the library and asks its search box to take focus (the
// library screen listens for `mc:focus-search`); Ctrl/Cmd+, opens Settings, as on most desktop apps; Alt+Left/Right
// (and Cmd+[ / Cmd+] on macOS) go back and forward, like a browser; `?` shows every shortcut (shortcut-list.ts).
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

/** True while the user is typing into something (where `?`, Alt+arrows and paste mean text editing). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target instanceof HTMLElement ? target : null
  if (!el) return false
  if (el.closest('.cm-editor')) return false // the read-only SQL view: nothing is typed there
  return el.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]') !== null
}

/** Back or forward for a key press, or null: Alt+Left/Right everywhere, Cmd+[ / Cmd+] on macOS. */
export function historyDirection(e: KeyboardEvent, mac = isMac()): 'back' | 'forward' | null {
  if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
    if (e.key === 'ArrowLeft') return 'back'
    if (e.key === 'ArrowRight') return 'forward'
  }
  if (mac && e.metaKey && !e.altKey && !e.ctrlKey && !e.shiftKey) {
    if (e.key === '[') return 'back'
    if (e.key === ']') return 'forward'
  }
  return null
}

export function useGlobalShortcuts(onShowShortcuts: () => void): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return
      const direction = historyDirection(e)
      // On macOS Alt+arrows move by word in a text box: leave them to the box there (Cmd+[ / ] still work).
      const inTextBox = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement
      if (direction && !(inTextBox && e.altKey && isMac())) {
        e.preventDefault()
        if (direction === 'back') useNavigation.getState().back()
        else useNavigation.getState().goForward()
        return
      }
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) {
        e.preventDefault()
        onShowShortcuts()
        return
      }
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
  }, [onShowShortcuts])
}
