// @vitest-environment jsdom
// The setup wizard as a user meets it: step 1 leads to step 2, the workspace name is read from a pasted
// address as it is typed, missing fields are named, each connect failure shows its own message while the
// fields keep what was typed, the Linux weak-storage choice is required, and success opens the library.
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../../../src/renderer/src/App.tsx'
import { resetConnectionStoreForTests } from '../../../../src/renderer/src/stores/connection.ts'
import type { ConnectInput, StorageOptions } from '../../../../src/shared/model.ts'
import { buttonNamed, byLabel, click, flush, render, typeInto, waitFor, type Rendered } from '../shell/dom-helpers.ts'
import { connectedStatus, DISCONNECTED, FakeFailure, installFakeBridge, type FakeBridge } from '../shell/fake-bridge.ts'

const STRONG: StorageOptions = { protection: 'strong', backend: 'keychain', explanation: '' }
const WEAK: StorageOptions = { protection: 'weak', backend: 'basic_text', explanation: 'No secret service was found.' }

let view: Rendered | null = null
let bridge: FakeBridge

async function openStep2(storage: StorageOptions = STRONG): Promise<void> {
  bridge = installFakeBridge({
    'connection.getStatus': () => DISCONNECTED,
    'connection.getStorageOptions': () => storage,
  })
  view = await render(<App />)
  await waitFor(() => document.querySelector('[data-app-state="ready"]'), 'the app to boot')
  expect(document.body.textContent).toContain('Create new API key')
  await click(buttonNamed('I have my token — continue'))
  await waitFor(() => document.querySelector('[data-testid="setup-step-credentials"]'), 'step 2')
  await flush()
}

/** The app launched disconnected from workspace "acme", whose library is kept, asking to connect again for `reason`. */
async function openReconnect(reason: string): Promise<void> {
  installFakeBridge({
    'connection.getStatus': () => ({ ...DISCONNECTED, workspace: 'acme', hasLibrary: true, reconnectReason: reason }),
    'connection.getStorageOptions': () => STRONG,
  })
  view = await render(<App />)
  await waitFor(() => document.querySelector('[data-testid="reconnect-reason"]'), 'the reconnect notice')
}

async function fill(workspace: string, token: string, password: string): Promise<void> {
  await typeInto(byLabel('Workspace'), workspace)
  await typeInto(byLabel('API token'), token)
  await typeInto(byLabel('API token password'), password)
}

beforeEach(() => {
  resetConnectionStoreForTests()
})
afterEach(() => {
  view?.unmount()
  view = null
  document.body.innerHTML = ''
})

describe('the setup wizard', () => {
  it('shows the workspace name read from a pasted address while typing', async () => {
    await openStep2()
    await typeInto(byLabel('Workspace'), 'https://app.mode.com/organizations/mycompany')
    expect(document.querySelector('[data-testid="workspace-understood"]')?.textContent).toContain('Workspace: mycompany')
    await typeInto(byLabel('Workspace'), 'https://app.mode.com/data_team/reports/abc123')
    expect(document.querySelector('[data-testid="workspace-understood"]')?.textContent).toContain('Workspace: data_team')
  })

  it('names the missing fields and does not call Mode', async () => {
    await openStep2()
    await click(buttonNamed('Connect'))
    const text = document.body.textContent ?? ''
    expect(text).toContain('Enter the workspace name')
    expect(text).toContain('Enter the API token.')
    expect(bridge.calls.some((c) => c.name === 'connection.connect')).toBe(false)
    expect(document.activeElement).toBe(byLabel('Workspace'))
  })

  it('masks the secrets, can show them, and trims pasted whitespace', async () => {
    await openStep2()
    const token = byLabel('API token')
    expect(token.type).toBe('password')
    await typeInto(token, '  abc123\n')
    expect(token.value).toBe('abc123')
    await click(buttonNamed('Show api token'))
    expect(byLabel('API token').type).toBe('text')
  })

  it('shows the failure Mode reported, keeps the fields and puts the cursor where the fix is', async () => {
    await openStep2()
    let sent: ConnectInput | null = null
    bridge.handle({
      'connection.connect': (input) => {
        sent = input as ConnectInput
        return { ok: false, error: { code: 'bad_credentials', message: 'Mode did not accept the API token.', action: 'Check the token.' } }
      },
    })
    await fill('https://app.mode.com/acme/reports/1', 'tok', 'wrong')
    await click(buttonNamed('Connect'))
    const alert = await waitFor(() => document.querySelector('[data-testid="connect-error"]'), 'the error')
    expect(alert.getAttribute('data-error-code')).toBe('bad_credentials')
    expect(alert.textContent).toContain('Mode did not accept this token and password')
    expect(sent).toEqual({ workspace: 'acme', token: 'tok', password: 'wrong', storage: 'keychain' })
    expect(byLabel('API token').value).toBe('tok')
    expect(byLabel('API token password').value).toBe('wrong')
    expect(byLabel('Workspace').value).toBe('https://app.mode.com/acme/reports/1')
    expect(document.activeElement).toBe(byLabel('API token'))
  })

  it.each([
    ['not_found', 'Workspace “acme” was not found'],
    ['plan_no_api', 'has no API access'],
    ['offline', 'you seem to be offline'],
    ['tls_or_proxy', 'proxy or certificate'],
    ['server_error', 'Mode is unavailable right now'],
  ])('explains %s in its own words', async (code, words) => {
    await openStep2()
    bridge.handle({ 'connection.connect': () => ({ ok: false, error: { code, message: 'from main' } }) })
    await fill('acme', 'tok', 'pw')
    await click(buttonNamed('Connect'))
    const alert = await waitFor(() => document.querySelector('[data-testid="connect-error"]'), 'the error')
    expect(alert.getAttribute('data-error-code')).toBe(code)
    expect(alert.textContent).toContain(words)
  })

  it('shows a failure the bridge throws (not an outcome) the same way', async () => {
    await openStep2()
    bridge.handle({ 'connection.connect': () => { throw new FakeFailure({ code: 'offline', message: 'getaddrinfo ENOTFOUND' }) } })
    await fill('acme', 'tok', 'pw')
    await click(buttonNamed('Connect'))
    const alert = await waitFor(() => document.querySelector('[data-testid="connect-error"]'), 'the error')
    expect(alert.getAttribute('data-error-code')).toBe('offline')
  })

  it('requires a storage choice on Linux without a keychain, and sends it', async () => {
    await openStep2(WEAK)
    await waitFor(() => document.querySelector('[data-testid="storage-choice"]'), 'the storage choice')
    let sent: ConnectInput | null = null
    bridge.handle({ 'connection.connect': (input) => { sent = input as ConnectInput; return { ok: false, error: { code: 'offline', message: '' } } } })
    await fill('acme', 'tok', 'pw')
    await click(buttonNamed('Connect'))
    expect(document.body.textContent).toContain('Choose how to keep the credentials')
    expect(sent).toBeNull()
    await click(byLabel(/Store anyway/))
    await click(buttonNamed('Connect'))
    expect(document.body.textContent).toContain('Tick the box')
    expect(sent).toBeNull()
    await click(byLabel(/I understand/))
    await click(buttonNamed('Connect'))
    await waitFor(() => sent, 'the connect call')
    expect(sent!.storage).toBe('weak')
  })

  it('opens the library once connected and the first names are in', async () => {
    await openStep2()
    bridge.handle({
      'connection.connect': () => ({ ok: true, status: connectedStatus() }),
      'library.getStats': () => ({ workspace: 'acme', reports: 0, archivedReports: 0, queries: 0, reportsWithSql: 0, collections: 0, members: 0, groups: 0, dataSources: 0, lastSyncedAt: null, damagedCopy: null }),
    })
    await fill('acme', 'tok', 'pw')
    await click(buttonNamed('Connect'))
    await waitFor(() => document.querySelector('[data-testid="setup-preparing"]'), 'the preparing step')
    expect(document.body.textContent).toContain('Connected to Acme Inc')
    await act(async () => bridge.emit('library.changed', { reports: 30 }))
    await waitFor(() => document.querySelector('[data-testid="shell"]'), 'the shell')
    expect(document.querySelector('[data-screen="shell"]')).not.toBeNull()
  })
})

describe('opening the app', () => {
  it('goes straight to the shell with a Sample data label when connected to the sample', async () => {
    installFakeBridge({ 'connection.getStatus': () => connectedStatus({ isSample: true, workspace: 'sample' }) })
    view = await render(<App />)
    await waitFor(() => document.querySelector('[data-testid="shell"]'), 'the shell')
    expect(document.querySelector('[data-testid="sample-label"]')?.textContent).toContain('Sample data')
  })

  it('asks to reconnect with the reason when the stored secret no longer decrypts', async () => {
    await openReconnect('The saved credentials could not be decrypted.')
    expect(document.body.textContent).toContain('could not be decrypted')
    expect(byLabel('Workspace').value).toBe('acme')
  })

  it('lets the user browse the library kept from before while disconnected, and come back to reconnect', async () => {
    await openReconnect('The keychain was reset.')
    await click(buttonNamed('Browse the offline library meanwhile'))
    const banner = await waitFor(() => document.querySelector('[data-testid="not-connected-banner"]'), 'the not-connected banner')
    expect(banner.textContent).toContain('The keychain was reset.')
    expect(document.querySelector('[data-screen="shell"]')).not.toBeNull()
    await click(buttonNamed('Reconnect'))
    await waitFor(() => document.querySelector('[data-testid="setup-step-credentials"]'), 'step 2')
    expect(byLabel('Workspace').value).toBe('acme')
  })
})
