// @vitest-environment jsdom
// The connected shell: navigation, Ctrl/Cmd+K, the settings screen applying the theme at once, and the
// disconnect confirmation with its "also delete the local library" choice.
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../../../src/renderer/src/App.tsx'
import { resetConnectionStoreForTests } from '../../../../src/renderer/src/stores/connection.ts'
import { useNavigation } from '../../../../src/renderer/src/stores/navigation.ts'
import { useSettings } from '../../../../src/renderer/src/stores/settings.ts'
import type { Settings, SettingsView } from '../../../../src/shared/model.ts'
import { DEFAULT_SETTINGS } from '../../../../src/shared/model.ts'
import { buttonNamed, byLabel, click, flush, render, waitFor, type Rendered } from './dom-helpers.ts'
import { connectedStatus, DISCONNECTED, installFakeBridge, type FakeBridge } from './fake-bridge.ts'

let view: Rendered | null = null
let bridge: FakeBridge
let stored: SettingsView

async function openShell(): Promise<void> {
  stored = { ...DEFAULT_SETTINGS, dataDir: '/home/ada/.config/Mode Companion' }
  bridge = installFakeBridge({
    'connection.getStatus': () => connectedStatus(),
    'settings.get': () => stored,
    'settings.update': (patch) => (stored = { ...stored, ...(patch as Partial<Settings>) }),
    'connection.disconnect': () => DISCONNECTED,
  })
  view = await render(<App />)
  await waitFor(() => document.querySelector('[data-testid="shell"]'), 'the shell')
}

beforeEach(() => {
  resetConnectionStoreForTests()
  useNavigation.setState({ view: { name: 'library', query: '' }, history: [] })
  useSettings.setState({ settings: null, loadError: null, saveError: null, lastSaved: null })
})
afterEach(() => {
  view?.unmount()
  view = null
  document.body.innerHTML = ''
  delete document.documentElement.dataset.theme
})

describe('the shell', () => {
  it('shows the workspace and marks the current screen in the navigation', async () => {
    await openShell()
    expect(document.querySelector('[data-testid="sidebar-workspace"]')?.textContent).toBe('Acme Inc')
    expect(document.querySelector('[data-testid="sample-label"]')).toBeNull()
    expect(buttonNamed(/^People/).getAttribute('aria-current')).toBeNull()
    await click(buttonNamed(/^People/))
    expect(buttonNamed(/^People/).getAttribute('aria-current')).toBe('page')
    expect(document.querySelector('main')?.getAttribute('data-view')).toBe('people')
  })

  it('Ctrl+K opens the library and asks its search box to take focus', async () => {
    await openShell()
    await click(buttonNamed(/^Settings/))
    let focusRequests = 0
    window.addEventListener('mc:focus-search', () => focusRequests++)
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, metaKey: true, bubbles: true }))
      await new Promise((r) => setTimeout(r, 50))
    })
    expect(document.querySelector('main')?.getAttribute('data-view')).toBe('library')
    expect(focusRequests).toBe(1)
  })
})

describe('the settings screen', () => {
  it('applies and saves the theme the moment it is chosen', async () => {
    await openShell()
    await click(buttonNamed(/^Settings/))
    await waitFor(() => document.querySelector('[data-testid="data-dir"]'), 'the settings')
    expect(document.querySelector('[data-testid="data-dir"]')?.textContent).toBe('/home/ada/.config/Mode Companion')
    await click(byLabel('Dark'))
    expect(document.documentElement.dataset.theme).toBe('dark')
    await flush()
    expect(stored.theme).toBe('dark')
    await click(byLabel('Light'))
    expect(document.documentElement.dataset.theme).toBe('light')
  })

  it('saves a toggle and rolls it back when main refuses', async () => {
    await openShell()
    await click(buttonNamed(/^Settings/))
    await waitFor(() => document.querySelector('[data-testid="data-dir"]'), 'the settings')
    await click(byLabel('Include chart titles in every sync'))
    await flush()
    expect(stored.includeChartsInSync).toBe(true)
    bridge.handle({ 'settings.update': () => { throw new Error('disk full') } })
    await click(byLabel('Sync when the app opens'))
    await flush()
    expect(byLabel('Sync when the app opens').checked).toBe(true)
    expect(document.querySelector('[data-testid="settings-save-error"]')).not.toBeNull()
  })

  it('disconnects only after confirming, passing the "delete the local library" choice', async () => {
    await openShell()
    await click(buttonNamed(/^Settings/))
    expect(document.querySelector('[data-testid="connection-summary"]')?.textContent).toBe('Connected as Ada Analyst to Acme Inc (acme)')
    await click(buttonNamed('Disconnect…'))
    const dialog = await waitFor(() => document.querySelector('[role="dialog"]'), 'the dialog')
    expect(dialog.textContent).toContain('Also delete the local library')
    expect(document.activeElement?.textContent).toBe('Cancel')
    await click(byLabel(/Also delete the local library/))
    await click(buttonNamed('Disconnect'))
    await waitFor(() => document.querySelector('[data-testid="setup-wizard"]'), 'the wizard')
    expect(bridge.calls.find((c) => c.name === 'connection.disconnect')?.input).toEqual({ deleteLibrary: true })
  })

  it('Escape closes the disconnect dialog without disconnecting', async () => {
    await openShell()
    await click(buttonNamed(/^Settings/))
    await click(buttonNamed('Disconnect…'))
    const dialog = await waitFor(() => document.querySelector('[role="dialog"]'), 'the dialog')
    await act(async () => { dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })) })
    expect(document.querySelector('[role="dialog"]')).toBeNull()
    expect(bridge.calls.some((c) => c.name === 'connection.disconnect')).toBe(false)
  })

  it('"Switch credentials" reopens step 2 with the workspace filled in, and Cancel returns', async () => {
    await openShell()
    await click(buttonNamed(/^Settings/))
    await click(buttonNamed('Switch credentials'))
    await waitFor(() => document.querySelector('[data-testid="setup-step-credentials"]'), 'step 2')
    expect(byLabel('Workspace').value).toBe('acme')
    await click(buttonNamed('Cancel'))
    await waitFor(() => document.querySelector('[data-testid="shell"]'), 'the shell')
  })
})
