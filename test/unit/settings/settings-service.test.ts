import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src/shared/model.ts'
import { MemoryKeyValueStore } from '../../../src/main/settings/key-value-store.ts'
import { SETTINGS_SCHEMA_VERSION, SettingsService } from '../../../src/main/settings/settings-service.ts'

function service(initial: Record<string, unknown> = {}) {
  const store = new MemoryKeyValueStore(initial)
  const warnings: string[] = []
  const settings = new SettingsService({ store, log: (m) => warnings.push(m) })
  return { store, settings, warnings }
}

describe('SettingsService', () => {
  it('starts from the defaults and records its schema version', () => {
    const { settings, store, warnings } = service()
    expect(settings.get()).toEqual(DEFAULT_SETTINGS)
    expect(store.get('schemaVersion')).toBe(SETTINGS_SCHEMA_VERSION)
    expect(warnings).toEqual([])
  })

  it('keeps valid stored values and replaces each invalid one by its default, with a warning', () => {
    const { settings, warnings } = service({
      schemaVersion: 1,
      settings: { nightlySyncTime: '25:99', syncOnLaunch: false, theme: 'purple', includeChartsInSync: true },
    })
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, syncOnLaunch: false, includeChartsInSync: true })
    expect(warnings.join('\n')).toMatch(/nightlySyncTime/)
    expect(warnings.join('\n')).toMatch(/theme/)
  })

  it('a settings value that is not an object falls back to all defaults', () => {
    const { settings, warnings } = service({ settings: 'garbage' })
    expect(settings.get()).toEqual(DEFAULT_SETTINGS)
    expect(warnings.length).toBe(1)
  })

  it('updates persist and invalid updates are refused', () => {
    const { settings, store } = service()
    expect(settings.update({ nightlySyncTime: '22:30', theme: 'dark' })).toMatchObject({ nightlySyncTime: '22:30', theme: 'dark' })
    expect(new SettingsService({ store }).get()).toMatchObject({ nightlySyncTime: '22:30', theme: 'dark', syncOnLaunch: true })
    expect(() => settings.update({ nightlySyncTime: '7pm' })).toThrow()
    expect(settings.get().nightlySyncTime).toBe('22:30')
  })

  it('stores the connection profile and rejects a damaged one', () => {
    const { settings, store } = service()
    const profile = { workspace: 'acme', workspaceDisplayName: 'Acme', accountName: 'Ana', storage: 'keychain' as const, apiBase: 'https://app.mode.com/api', isSample: false }
    settings.setProfile(profile)
    expect(settings.getProfile()).toEqual(profile)
    store.set('profile', { workspace: 3 })
    expect(settings.getProfile()).toBeNull()
    settings.clearProfile()
    expect(store.get('profile')).toBeUndefined()
  })

  it('keeps a profile stored by schema 1, whose display name was called workspaceName', () => {
    const stored = { workspace: 'acme', workspaceName: 'Acme Inc', accountName: 'Ana', storage: 'keychain', apiBase: 'https://app.mode.com/api', isSample: false }
    const { settings, store, warnings } = service({ schemaVersion: 1, profile: stored })
    expect(settings.getProfile()).toEqual({ workspace: 'acme', workspaceDisplayName: 'Acme Inc', accountName: 'Ana', storage: 'keychain', apiBase: 'https://app.mode.com/api', isSample: false })
    expect(store.get('schemaVersion')).toBe(2)
    expect(warnings).toEqual([])
  })
})
