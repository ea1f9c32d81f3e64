// The desktop app's settings (nightly sync time, personal collections), read without Electron and without
// writing: the app keeps them as `settings.json` in the data dir (electron-store, name "settings").
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MemoryKeyValueStore } from '../main/settings/key-value-store.ts'
import { SettingsService } from '../main/settings/settings-service.ts'
import type { Settings } from '../shared/model.ts'

export function readAppSettings(dataDir: string): Settings {
  let data: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) data = parsed as Record<string, unknown>
  } catch {
    // no settings yet (or unreadable): the defaults apply, exactly as in the app
  }
  // A memory copy: the service may migrate what it reads, and the CLI must never rewrite the app's file.
  return new SettingsService({ store: new MemoryKeyValueStore(data), log: () => {} }).get()
}
