// Which top-level screen the app shows, from the connection state. Kept as a pure function so the rules are
// in one place: setup until connected (and while switching credentials, connecting, or waiting for the first
// names), the shell once connected — or while disconnected, when the user chose to browse the library kept
// on this computer.
import type { ConnectionStatus } from '../../../shared/model.ts'

export type AppScreen = 'boot' | 'setup' | 'shell'

export function appScreen(s: {
  status: ConnectionStatus | null
  switching: unknown
  connecting: boolean
  preparing: boolean
  browsingOffline: boolean
}): AppScreen {
  if (!s.status) return 'boot'
  if (s.switching || s.connecting || s.preparing) return 'setup'
  if (s.status.connected) return 'shell'
  return s.browsingOffline && s.status.hasLibrary ? 'shell' : 'setup'
}
