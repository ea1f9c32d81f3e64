// The actions on a report (the action panel's rows), each with its own shortcut. Shortcuts avoid Ctrl/Cmd+K (the
// library), Ctrl/Cmd+F (find), Ctrl/Cmd+C/V/A/X (the clipboard and selection) and the OS's own (quit, close, hide).
import type { KeyCombo } from './key-combos.ts'

export type ActionId = 'open-in-mode' | 'open-query-in-editor' | 'copy-link' | 'copy-name' | 'copy-sql' | 'copy-all-sql'
  | 'export-sql' | 'toggle-pin' | 'table-reports'

export interface ActionDef {
  id: ActionId
  title: string
  combo: KeyCombo
}

export const ACTION_DEFS: readonly ActionDef[] = [
  { id: 'open-in-mode', title: 'Open in Mode', combo: { key: 'o', mod: true } },
  { id: 'open-query-in-editor', title: "Open this query in Mode's editor", combo: { key: 'e', mod: true, shift: true } },
  { id: 'copy-link', title: 'Copy link', combo: { key: 'l', mod: true, shift: true } },
  { id: 'copy-name', title: 'Copy name', combo: { key: 'n', mod: true, shift: true } },
  { id: 'copy-sql', title: 'Copy SQL of this query', combo: { key: 'c', mod: true, shift: true } },
  { id: 'copy-all-sql', title: 'Copy SQL of all queries', combo: { key: 'a', mod: true, shift: true } },
  { id: 'export-sql', title: 'Export .sql…', combo: { key: 's', mod: true } },
  { id: 'toggle-pin', title: 'Pin', combo: { key: 'p', mod: true, shift: true } },
  { id: 'table-reports', title: 'Reports that read this table…', combo: { key: 't', mod: true, shift: true } },
]

/** Opens the action panel: Ctrl/Cmd+. (Ctrl/Cmd+K already opens the library's search). */
export const ACTION_PANEL_COMBO: KeyCombo = { key: '.', mod: true }
