// Every keyboard shortcut of the app, grouped as the `?` sheet shows them. The handlers live with their screens;
// the action combinations come from the same list the handlers match (action-list.ts, key-combos.ts).
import { ACTION_DEFS, ACTION_PANEL_COMBO } from '../actions/action-list.ts'
import { comboLabel } from '../actions/key-combos.ts'
import { pinStore } from '../actions/pin-store.ts'

export interface ShortcutGroup {
  title: string
  items: { keys: string[]; what: string }[]
}

export function shortcutGroups(mac: boolean): ShortcutGroup[] {
  const mod = mac ? '⌘' : 'Ctrl+'
  return [
    {
      title: 'Anywhere',
      items: [
        { keys: [`${mod}K`], what: 'Search the library' },
        { keys: [`${mod},`], what: 'Settings' },
        { keys: mac ? ['⌥←', '⌘['] : ['Alt+←'], what: 'Back' },
        { keys: mac ? ['⌥→', '⌘]'] : ['Alt+→'], what: 'Forward' },
        { keys: [comboLabel(ACTION_PANEL_COMBO, mac)], what: 'Actions on the report (or the selected result)' },
        { keys: [`${mod}V`], what: 'Paste a Mode link (in the search box, or outside any text box) to open it' },
        { keys: ['?'], what: 'This list of shortcuts' },
      ],
    },
    {
      title: 'Library',
      items: [
        { keys: ['↑', '↓'], what: 'Move through the results' },
        { keys: ['Page Up', 'Page Down'], what: 'Move a page' },
        { keys: [mac ? '↩' : 'Enter'], what: 'Open the selected report' },
        { keys: ['Esc'], what: 'Clear the search' },
      ],
    },
    {
      title: 'Saved searches (sidebar)',
      items: [
        { keys: [mac ? '⌥↑' : 'Alt+↑', mac ? '⌥↓' : 'Alt+↓'], what: 'Move the focused saved search up / down' },
        { keys: ['F2'], what: 'Rename the focused saved search' },
        { keys: [mac ? '⌦' : 'Delete'], what: 'Delete the focused saved search' },
        { keys: [`${mod}Z`], what: 'Undo the delete (while its notice shows)' },
      ],
    },
    {
      title: 'Report',
      items: [
        { keys: [`${mod}F`], what: 'Find in the report (names, description, every query)' },
        { keys: [mac ? '↩' : 'Enter', mac ? '⇧↩' : 'Shift+Enter'], what: 'Next / previous match' },
        { keys: [mac ? '⌥C' : 'Alt+C', mac ? '⌥W' : 'Alt+W'], what: 'Match case / whole words' },
        { keys: [mac ? '⌥⌘[' : 'Ctrl+Shift+[', mac ? '⌥⌘]' : 'Ctrl+Shift+]'], what: 'Fold / unfold the SQL at the cursor' },
        { keys: ['Esc'], what: 'Close find, or go back' },
      ],
    },
    {
      title: 'Actions (report page and selected result)',
      items: ACTION_DEFS.filter((a) => a.id !== 'toggle-pin' || pinStore() !== null).map((a) => ({ keys: [comboLabel(a.combo, mac)], what: a.id === 'toggle-pin' ? 'Pin / Unpin' : a.title })),
    },
  ]
}
