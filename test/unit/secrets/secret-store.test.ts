import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SecretStore, SECRET_FILE_NAME } from '../../../src/main/secrets/secret-store.ts'
import { createSafeStorageDouble, type SafeStorageDouble } from './safe-storage-double.ts'

const creds = { token: 'tok_9f8e7d6c5b4a', password: 'pw-S3cr3t-value-XYZ' }
let dataDir: string

beforeEach(() => { dataDir = mkdtempSync(join(tmpdir(), 'mc-secrets-')) })
afterEach(() => { rmSync(dataDir, { recursive: true, force: true }) })

function storeWith(double: SafeStorageDouble, platform: NodeJS.Platform = 'linux'): SecretStore {
  return new SecretStore({ dataDir, safeStorage: double, platform })
}

describe('SecretStore with a system keyring', () => {
  it('round-trips credentials through an encrypted file readable by the user only', async () => {
    const double = createSafeStorageDouble('gnome_libsecret')
    // The data folder as Electron leaves it (the umask's 0755), not mkdtemp's 0700.
    if (process.platform !== 'win32') chmodSync(dataDir, 0o755)
    expect(await storeWith(double).save(creds)).toBe('keychain')
    if (process.platform !== 'win32') expect(statSync(dataDir).mode & 0o777, 'data folder').toBe(0o700)

    const path = join(dataDir, SECRET_FILE_NAME)
    const text = readFileSync(path, 'utf8')
    expect(text).not.toContain(creds.token)
    expect(text).not.toContain(creds.password)
    const file = JSON.parse(text) as Record<string, unknown>
    expect(file).toMatchObject({ formatVersion: 1, backend: 'gnome_libsecret', storage: 'keychain', createdWith: 'safeStorage-async' })
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600)
    // No temp file left behind by the atomic write.
    expect(readdirSync(dataDir)).toEqual([SECRET_FILE_NAME])

    // A new store (a later launch) reads it back.
    expect(await storeWith(double).load()).toEqual({ status: 'ok', credentials: creds, storage: 'keychain' })
  })

  it('re-encrypts when safeStorage says the key rotated, and still reads it afterwards', async () => {
    const double = createSafeStorageDouble('kwallet6')
    await storeWith(double).save(creds)
    const before = readFileSync(join(dataDir, SECRET_FILE_NAME), 'utf8')
    double.rotateKey()
    expect(await storeWith(double).load()).toMatchObject({ status: 'ok', credentials: creds })
    const after = readFileSync(join(dataDir, SECRET_FILE_NAME), 'utf8')
    expect(after).not.toBe(before)
    double.rotateKey() // the original key is forgotten now: only the rewritten file still decrypts
    expect(await storeWith(double).load()).toMatchObject({ status: 'ok', credentials: creds })
  })

  it('labels macOS and Windows ciphertext with their OS facility', async () => {
    const double = createSafeStorageDouble('unknown') // Linux-only call; must not be consulted elsewhere
    expect((await storeWith(double, 'darwin').storageOptions()).protection).toBe('strong')
    await storeWith(double, 'win32').save(creds)
    expect(JSON.parse(readFileSync(join(dataDir, SECRET_FILE_NAME), 'utf8'))).toMatchObject({ backend: 'dpapi' })
  })
})

describe('SecretStore on Linux without a keyring (basic_text)', () => {
  it('reports weak protection and refuses to store without an explicit choice', async () => {
    const double = createSafeStorageDouble('basic_text')
    const store = storeWith(double)
    expect((await store.storageOptions()).protection).toBe('weak')
    await expect(store.save(creds)).rejects.toMatchObject({ code: 'storage_unavailable' })
    await expect(store.save(creds, 'keychain')).rejects.toMatchObject({ code: 'storage_unavailable' })
    expect(existsSync(join(dataDir, SECRET_FILE_NAME))).toBe(false)
    expect(double.encryptCalls).toBe(0)
  })

  it("keeps 'session-only' credentials in memory and never writes them", async () => {
    const double = createSafeStorageDouble('basic_text')
    const store = storeWith(double)
    expect(await store.save(creds, 'session-only')).toBe('session-only')
    expect(await store.load()).toEqual({ status: 'ok', credentials: creds, storage: 'session-only' })
    expect(readdirSync(dataDir)).toEqual([])
    // The next launch has nothing.
    expect(await storeWith(double).load()).toEqual({ status: 'none' })
  })

  it("stores with 'weak' only when the user acknowledged it, and says so on load", async () => {
    const double = createSafeStorageDouble('basic_text')
    expect(await storeWith(double).save(creds, 'weak')).toBe('weak')
    expect(await storeWith(double).load()).toEqual({ status: 'ok', credentials: creds, storage: 'weak' })
  })

  it('an unknown backend counts as weak too', async () => {
    const store = storeWith(createSafeStorageDouble('unknown'))
    expect((await store.storageOptions()).protection).toBe('weak')
    await expect(store.save(creds)).rejects.toMatchObject({ code: 'storage_unavailable' })
  })
})

describe('SecretStore when the stored secret can no longer be used', () => {
  it('a ciphertext that no longer decrypts is removed and the user asked to reconnect', async () => {
    const double = createSafeStorageDouble('gnome_libsecret')
    await storeWith(double).save(creds)
    double.resetKey()
    const result = await storeWith(double).load()
    expect(result).toMatchObject({ status: 'reconnect' })
    expect(result.status === 'reconnect' && result.reason).toMatch(/can no longer be decrypted.*Connect again/)
    expect(existsSync(join(dataDir, SECRET_FILE_NAME))).toBe(false)
    // Asked again: nothing there, no loop, no error.
    expect(await storeWith(double).load()).toEqual({ status: 'none' })
  })

  it('a backend change keeps the file, reports it unavailable naming both backends, and reads it after switching back', async () => {
    const double = createSafeStorageDouble('kwallet5')
    await storeWith(double).save(creds)
    const before = readFileSync(join(dataDir, SECRET_FILE_NAME), 'utf8')
    double.backend = 'kwallet6'
    const result = await storeWith(double).load()
    expect(result.status).toBe('unavailable')
    expect(result.status === 'unavailable' && result.reason).toMatch(/unavailable.*kwallet5.*kwallet6.*Connect again, or switch back/)
    expect(readFileSync(join(dataDir, SECRET_FILE_NAME), 'utf8')).toBe(before)
    double.backend = 'kwallet5'
    expect(await storeWith(double).load()).toMatchObject({ status: 'ok', credentials: creds })
  })

  it('a file from a newer version (after a downgrade) is kept and reported unavailable', async () => {
    const double = createSafeStorageDouble('gnome_libsecret')
    await storeWith(double).save(creds)
    const path = join(dataDir, SECRET_FILE_NAME)
    const newer = JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), formatVersion: 2, createdWith: 'some-future-scheme' })
    writeFileSync(path, newer)
    const result = await storeWith(double).load()
    expect(result.status).toBe('unavailable')
    expect(result.status === 'unavailable' && result.reason).toMatch(/newer version.*Connect again, or switch back/)
    expect(readFileSync(path, 'utf8')).toBe(newer)
  })

  it('a damaged or foreign file is removed with a reason', async () => {
    writeFileSync(join(dataDir, SECRET_FILE_NAME), '{"formatVersion": 99')
    const result = await storeWith(createSafeStorageDouble()).load()
    expect(result.status).toBe('reconnect')
    expect(existsSync(join(dataDir, SECRET_FILE_NAME))).toBe(false)
    writeFileSync(join(dataDir, SECRET_FILE_NAME), JSON.stringify({ formatVersion: 1, createdWith: 'something-else', backend: 'x', storage: 'keychain', ciphertext: 'abc' }))
    expect((await storeWith(createSafeStorageDouble()).load()).status).toBe('reconnect')
    expect(existsSync(join(dataDir, SECRET_FILE_NAME))).toBe(false)
  })

  it('a locked keyring keeps the file for the next launch and asks nothing to be retried now', async () => {
    const double = createSafeStorageDouble('gnome_libsecret')
    await storeWith(double).save(creds)
    double.locked = true
    expect((await storeWith(double).load()).status).toBe('unavailable')
    expect(existsSync(join(dataDir, SECRET_FILE_NAME))).toBe(true)
    double.locked = false
    expect(await storeWith(double).load()).toMatchObject({ status: 'ok', credentials: creds })
  })

  it('when the keyring cannot encrypt at all, credentials stay in memory for the session', async () => {
    const double = createSafeStorageDouble('gnome_libsecret')
    double.available = false
    const store = storeWith(double)
    expect((await store.storageOptions()).protection).toBe('unavailable')
    expect(await store.save(creds)).toBe('session-only')
    expect(readdirSync(dataDir)).toEqual([])
  })

  it('clear() forgets memory and disk', async () => {
    const double = createSafeStorageDouble()
    const store = storeWith(double)
    await store.save(creds)
    await store.clear()
    expect(await store.load()).toEqual({ status: 'none' })
    expect(readdirSync(dataDir)).toEqual([])
  })
})
