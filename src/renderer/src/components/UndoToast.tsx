// A notice at the bottom of the window after something was deleted, with Undo: a click, Tab to its button, or
// Ctrl/Cmd+Z outside a text box. It leaves by itself after `ms`, but not while the pointer or the focus is on it.
import { useEffect, useRef, useState } from 'react'
import { isMac, isTyping } from '../shell/shortcuts.ts'

export function UndoToast({ message, onUndo, onDismiss, ms = 10_000 }: { message: string; onUndo: () => void; onDismiss: () => void; ms?: number }) {
  const [held, setHeld] = useState(false)
  const latest = useRef({ onUndo, onDismiss })
  useEffect(() => { latest.current = { onUndo, onDismiss } })
  useEffect(() => {
    if (held) return
    const t = setTimeout(() => latest.current.onDismiss(), ms)
    return () => clearTimeout(t)
  }, [held, ms, message])
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const mod = isMac() ? e.metaKey : e.ctrlKey
      if (e.key.toLowerCase() === 'z' && mod && !e.shiftKey && !e.altKey && !isTyping(e.target) && !e.defaultPrevented) {
        e.preventDefault()
        latest.current.onUndo()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
  return (
    <div
      className="undo-toast"
      role="status"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span className="undo-toast-message">{message}</span>
      <button type="button" className="btn" onClick={onUndo} aria-keyshortcuts={isMac() ? 'Meta+Z' : 'Control+Z'}>
        Undo <span className="undo-toast-keys" aria-hidden="true">{isMac() ? '⌘Z' : 'Ctrl+Z'}</span>
      </button>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>×</button>
    </div>
  )
}
