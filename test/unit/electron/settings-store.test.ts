// electron-store itself, outside Electron: `electron` is mocked (electron-store imports it at the top) and
// vitest.config.ts inlines electron-store so the mock reaches it.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '../../../src/shared/model.ts'
import { SETTINGS_SCHEMA_VERSION, SettingsService } from '../../../src/main/settings/settings-service.ts'

vi.mock('electron', () => ({ default: {}, app: undefined, ipcMain: undefined, shell: undefined }))
const { createElectronSettingsStore } = await import('../../../src/main/electron/settings-store.ts')

let dir: string
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'mc-settings-')) })
afterEach(() => { rmSync(dir, { recursive: true, force: true }) })

describe('electron-store adapter', () => {
  it('persists settings to settings.json with the schema version', () => {
    const settings = new SettingsService({ store: createElectronSettingsStore({ cwd: dir }) })
    settings.update({ theme: 'light' })
    const file = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>
    expect(file).toMatchObject({ schemaVersion: SETTINGS_SCHEMA_VERSION, settings: { ...DEFAULT_SETTINGS, theme: 'light' } })
    expect(new SettingsService({ store: createElectronSettingsStore({ cwd: dir }) }).get().theme).toBe('light')
  })

  it('a file that breaks the schema is moved aside and defaults are used, with a warning', () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 1, settings: 'not an object' }))
    const warnings: string[] = []
    const settings = new SettingsService({ store: createElectronSettingsStore({ cwd: dir, log: (m) => warnings.push(m) }) })
    expect(settings.get()).toEqual(DEFAULT_SETTINGS)
    expect(warnings.join('\n')).toMatch(/invalid/)
    expect(readdirSync(dir).some((f) => f.startsWith('settings.json.invalid-'))).toBe(true)
  })

  it('a field-level invalid value falls back to its default only', () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 1, settings: { theme: 'neon', syncOnLaunch: false } }))
    const warnings: string[] = []
    const settings = new SettingsService({ store: createElectronSettingsStore({ cwd: dir }), log: (m) => warnings.push(m) })
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, syncOnLaunch: false })
    expect(warnings).toHaveLength(1)
  })

  it.skipIf(process.platform === 'win32')('keeps settings.json 0600 and its folder 0700, narrowing what an older version left 0644/0755', () => {
    const mode = (p: string): number => statSync(p).mode & 0o777
    // A new file in a folder as Electron creates it (the umask's 0755, not mkdtemp's 0700).
    chmodSync(dir, 0o755)
    new SettingsService({ store: createElectronSettingsStore({ cwd: dir }) }).update({ theme: 'dark' })
    expect(mode(dir), 'folder').toBe(0o700)
    expect(mode(join(dir, 'settings.json')), 'new file').toBe(0o600)

    // An existing file and folder left open by an older version are narrowed at open and stay so after writes.
    chmodSync(dir, 0o755)
    chmodSync(join(dir, 'settings.json'), 0o644)
    const reopened = new SettingsService({ store: createElectronSettingsStore({ cwd: dir }) })
    expect(mode(dir), 'folder at open').toBe(0o700)
    expect(mode(join(dir, 'settings.json')), 'file at open').toBe(0o600)
    reopened.update({ theme: 'light' })
    expect(mode(join(dir, 'settings.json')), 'file after a write').toBe(0o600)
  })

  it.skipIf(process.platform === 'win32')('a damaged settings file moved aside stays 0600', () => {
    writeFileSync(join(dir, 'settings.json'), '{ not json', { mode: 0o644 })
    new SettingsService({ store: createElectronSettingsStore({ cwd: dir, log: () => {} }) }).update({ theme: 'dark' })
    const aside = readdirSync(dir).find((f) => f.startsWith('settings.json.invalid-'))!
    expect(statSync(join(dir, aside)).mode & 0o777).toBe(0o600)
    expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600)
  })
})
