// The Electron-bound edge of settings: electron-store with a JSON schema, behind the KeyValueStore
// interface. The schema here is deliberately coarse (one type per top-level key): conf validates on every
// read and throws on a violation, which would take every setting down with one bad value. The fine-grained
// checks, with per-field fallback to defaults, are in settings-service.ts.
import { existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import Store, { type Schema } from 'electron-store'
import { ensurePrivateDir, ensurePrivateFile, PRIVATE_FILE_MODE } from '../library/file-modes.ts'
import type { KeyValueStore } from '../settings/key-value-store.ts'

interface StoredSettings {
  schemaVersion: number
  settings: Record<string, unknown>
  savedSearches: unknown[]
  profile: Record<string, unknown> | null
}

const schema: Schema<StoredSettings> = {
  schemaVersion: { type: 'integer', minimum: 1 },
  settings: { type: 'object' },
  savedSearches: { type: 'array' },
  profile: { type: ['object', 'null'] },
}

export interface ElectronSettingsStoreOptions {
  /** Absolute folder holding settings.json (the app passes Electron's userData). */
  cwd: string
  log?: (message: string) => void
}

export function createElectronSettingsStore(options: ElectronSettingsStoreOptions): KeyValueStore {
  const log = options.log ?? ((m: string) => console.warn(m))
  const path = join(options.cwd, 'settings.json')
  // Settings name the workspace and hold saved searches: private like the libraries beside them. conf applies
  // configFileMode on every write; a file written by an older version (0644) is narrowed here first.
  ensurePrivateDir(options.cwd)
  ensurePrivateFile(path)
  const open = (): Store<StoredSettings> => new Store<StoredSettings>({ name: 'settings', cwd: options.cwd, schema, configFileMode: PRIVATE_FILE_MODE })
  let store: Store<StoredSettings>
  try {
    store = open()
    void store.store // conf validates when it reads the file: surface a damaged one here, not later
  } catch (error) {
    if (!existsSync(path)) throw error
    // Keep the damaged file for the curious, then start from defaults.
    const aside = `${path}.invalid-${Date.now()}`
    renameSync(path, aside)
    log(`[settings] the settings file was invalid and was moved to ${aside}; using defaults`)
    store = open()
  }
  return {
    get: (key) => store.get(key as keyof StoredSettings),
    set: (key, value) => store.set(key as keyof StoredSettings, value as never),
    delete: (key) => store.delete(key as keyof StoredSettings),
  }
}
