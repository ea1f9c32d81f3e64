// Keyboard combinations, written once: how a combination is matched against a key press and how it is labelled
// ("Ctrl+Shift+C" on Windows and Linux, "⇧⌘C" on macOS), so the action panel, the shortcut sheet and the handlers
// never disagree.

export interface KeyCombo {
  /** `KeyboardEvent.key`, case-insensitive for letters (Shift changes it). */
  key: string
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  mod?: boolean
  shift?: boolean
  alt?: boolean
}

export function matchesCombo(e: KeyboardEvent, combo: KeyCombo, mac: boolean): boolean {
  const mod = mac ? e.metaKey : e.ctrlKey
  const other = mac ? e.ctrlKey : e.metaKey
  if (mod !== Boolean(combo.mod) || other || e.shiftKey !== Boolean(combo.shift) || e.altKey !== Boolean(combo.alt)) return false
  // With Alt held, macOS reports the composed character (Alt+C → "ç"): fall back to the physical key.
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
  const physical = /^Key[A-Z]$/.test(e.code) ? e.code.slice(3).toLowerCase() : null
  const wanted = combo.key.length === 1 ? combo.key.toLowerCase() : combo.key
  return key === wanted || (combo.alt === true && physical === wanted)
}

const MAC_KEYS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Enter: '↩', Escape: 'Esc' }
const PC_KEYS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc' }

export function comboLabel(combo: KeyCombo, mac: boolean): string {
  const key = combo.key.length === 1 ? combo.key.toUpperCase() : (mac ? MAC_KEYS : PC_KEYS)[combo.key] ?? combo.key
  if (mac) return `${combo.alt ? '⌥' : ''}${combo.shift ? '⇧' : ''}${combo.mod ? '⌘' : ''}${key}`
  return [combo.mod && 'Ctrl', combo.alt && 'Alt', combo.shift && 'Shift', key].filter(Boolean).join('+')
}
