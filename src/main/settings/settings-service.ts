// Settings and the connected workspace's non-secret profile, over a key-value store (saved searches, pins and
// recents are per workspace: src/main/home/).
// Everything read back is validated: a value that fails its schema falls back to its default with a logged
// warning, field by field, so one bad entry never costs the user the rest of their settings.
import { z } from 'zod'
import { CredentialStorage, DEFAULT_SETTINGS, Settings } from '../../shared/model.ts'
import type { KeyValueStore } from './key-value-store.ts'

/** Bump when the stored layout changes, and migrate in `migrate()`. */
export const SETTINGS_SCHEMA_VERSION = 2

export const SETTINGS_KEYS = { schemaVersion: 'schemaVersion', settings: 'settings', profile: 'profile' } as const

/** What is remembered about the connection, never the secret: enough to show it and reconnect. */
export const ConnectionProfile = z.object({
  /** The workspace's slug (its Mode username). */
  workspace: z.string().min(1),
  workspaceDisplayName: z.string().nullable(),
  accountName: z.string().nullable(),
  storage: CredentialStorage,
  apiBase: z.string().min(1),
  isSample: z.boolean(),
})
export type ConnectionProfile = z.infer<typeof ConnectionProfile>

export interface SettingsServiceOptions {
  store: KeyValueStore
  log?: (message: string) => void
}

export class SettingsService {
  private readonly store: KeyValueStore
  private readonly log: (message: string) => void

  constructor(options: SettingsServiceOptions) {
    this.store = options.store
    this.log = options.log ?? ((m) => console.warn(m))
    this.migrate()
  }

  get(): Settings {
    const stored = this.store.get(SETTINGS_KEYS.settings)
    const source = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {}
    if (stored !== undefined && source !== stored) this.log('[settings] stored settings were not an object; using defaults')
    const result: Record<string, unknown> = {}
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      if (!(key in source)) {
        result[key] = DEFAULT_SETTINGS[key]
        continue
      }
      const parsed = Settings.shape[key].safeParse(source[key])
      if (parsed.success) result[key] = parsed.data
      else {
        this.log(`[settings] stored value of "${key}" is invalid; using the default (${JSON.stringify(DEFAULT_SETTINGS[key])})`)
        result[key] = DEFAULT_SETTINGS[key]
      }
    }
    return result as Settings
  }

  /** Applies a validated partial update and returns the settings now in force. */
  update(patch: Partial<Settings>): Settings {
    const next = Settings.parse({ ...this.get(), ...patch })
    this.store.set(SETTINGS_KEYS.settings, next)
    return next
  }

  getProfile(): ConnectionProfile | null {
    const stored = this.store.get(SETTINGS_KEYS.profile)
    if (stored === undefined || stored === null) return null
    const parsed = ConnectionProfile.safeParse(stored)
    if (parsed.success) return parsed.data
    this.log('[settings] the stored connection profile is invalid; treating the app as not connected')
    return null
  }

  setProfile(profile: ConnectionProfile): void {
    this.store.set(SETTINGS_KEYS.profile, ConnectionProfile.parse(profile))
  }

  clearProfile(): void {
    this.store.delete(SETTINGS_KEYS.profile)
  }

  private migrate(): void {
    const version = this.store.get(SETTINGS_KEYS.schemaVersion)
    if (version === SETTINGS_SCHEMA_VERSION) return
    if (typeof version === 'number' && version > SETTINGS_SCHEMA_VERSION) {
      // Written by a newer app: read what we understand (validation covers the rest), change nothing.
      this.log(`[settings] settings were written by a newer version (schema ${version}); unknown values are ignored`)
      return
    }
    // No version yet (first launch) or an older one. Schema 2 renamed the profile's `workspaceName` (the display
    // name, which the slug was also called) to `workspaceDisplayName`.
    const profile = this.store.get(SETTINGS_KEYS.profile)
    if (typeof profile === 'object' && profile !== null && !Array.isArray(profile) && 'workspaceName' in profile) {
      const { workspaceName, ...rest } = profile as Record<string, unknown>
      this.store.set(SETTINGS_KEYS.profile, { ...rest, workspaceDisplayName: workspaceName })
    }
    this.store.set(SETTINGS_KEYS.schemaVersion, SETTINGS_SCHEMA_VERSION)
  }
}
