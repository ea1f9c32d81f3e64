// The one place API credentials are kept. Encryption is Electron safeStorage's async API, reached through an
// injected object of the same shape (src/main/electron/safe-storage.ts passes Electron's through; tests pass a double),
// so this file runs in plain Node. The ciphertext lives in its own file, tagged with a format version and the
// backend that produced it, readable by the user only, replaced atomically.
//
// Rules: a Linux `basic_text` or unknown backend encrypts with a public constant key, so credentials
// are never written under it unless the caller passes the user's explicit 'weak' choice; 'session-only' keeps
// them in memory. A file that no longer decrypts, or is damaged, is removed and the caller is told why, so
// the user reconnects. A file written under another keyring backend, or by a newer version of the app, is
// kept (switching back, or upgrading again, reads it) and reported unavailable. Nothing is retried in a loop
// and nothing crashes.
import { randomBytes } from 'node:crypto'
import { chmod, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AppFailure } from '../../shared/errors.ts'
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../library/file-modes.ts'
import type { CredentialStorage, StorageOptions } from '../../shared/model.ts'

/** The subset of Electron 45's `safeStorage` used here, with the same signatures. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>
  encryptStringAsync(plainText: string): Promise<Buffer>
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>
  /** Linux only in Electron; called only when `platform` is 'linux'. */
  getSelectedStorageBackend(): string
}

export interface Credentials {
  token: string
  password: string
}

export type SecretLoadResult =
  | { status: 'none' }
  | { status: 'ok'; credentials: Credentials; storage: CredentialStorage }
  /** The stored secret is gone (removed, or never readable): the user must connect again, for `reason`. */
  | { status: 'reconnect'; reason: string }
  /** The keyring is locked or absent right now; the file is kept for the next launch. */
  | { status: 'unavailable'; reason: string }

export interface SecretStoreOptions {
  dataDir: string
  safeStorage: SafeStorageLike
  platform?: NodeJS.Platform
  /** Receives fixed-text notices only (never a secret). */
  log?: (message: string) => void
}

export const SECRET_FILE_NAME = 'credentials.json'
const FORMAT_VERSION = 1
const CREATED_WITH = 'safeStorage-async'
/** Linux backends whose key is public or unknown: encrypting under them protects nothing. */
const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown'])

interface SecretFile {
  formatVersion: number
  createdWith: string
  backend: string
  storage: 'keychain' | 'weak'
  savedAt: string
  /** base64 of safeStorage's ciphertext of JSON {token, password}. */
  ciphertext: string
}

export class SecretStore {
  readonly filePath: string
  private readonly options: Required<Omit<SecretStoreOptions, 'log'>> & Pick<SecretStoreOptions, 'log'>
  /** Credentials kept for this session only (user's choice, or nothing could be stored). */
  private sessionCredentials: Credentials | null = null

  constructor(options: SecretStoreOptions) {
    this.options = { platform: process.platform, ...options }
    this.filePath = join(options.dataDir, SECRET_FILE_NAME)
  }

  /** The backend name recorded with a ciphertext: the Linux password store, or the OS facility elsewhere. */
  backend(): string {
    const { platform, safeStorage } = this.options
    if (platform === 'linux') return safeStorage.getSelectedStorageBackend()
    if (platform === 'darwin') return 'keychain'
    if (platform === 'win32') return 'dpapi'
    return 'unknown'
  }

  /** What protection is on offer, for the wizard to explain before the user connects. */
  async storageOptions(): Promise<StorageOptions> {
    const backend = this.backend()
    const available = await this.encryptionAvailable()
    if (this.options.platform === 'linux' && WEAK_LINUX_BACKENDS.has(backend)) {
      return {
        protection: 'weak',
        backend,
        explanation:
          'No system keyring (such as GNOME Keyring or KWallet) is available, so credentials saved on this computer ' +
          'would be protected only by a publicly known key. Keep them for this session only (you enter them again ' +
          'next time), or save them anyway with weak protection.',
      }
    }
    if (!available) {
      return {
        protection: 'unavailable',
        backend,
        explanation:
          'The system keyring cannot encrypt right now, so credentials are kept for this session only and asked for ' +
          'again next time.',
      }
    }
    return {
      protection: 'strong',
      backend,
      explanation: `Credentials are encrypted with the system keyring (${describeBackend(backend)}) and readable only by your user account.`,
    }
  }

  /**
   * Keeps the credentials as the user chose. Returns where they ended up. Throws `storage_unavailable` when
   * the protection is weak and the user has not chosen between 'session-only' and 'weak'.
   */
  async save(credentials: Credentials, choice?: CredentialStorage): Promise<CredentialStorage> {
    const options = await this.storageOptions()
    if (choice === 'session-only' || options.protection === 'unavailable') {
      await this.removeFile()
      this.sessionCredentials = { ...credentials }
      return 'session-only'
    }
    if (options.protection === 'weak' && choice !== 'weak') {
      throw new AppFailure(
        'storage_unavailable',
        'This computer has no system keyring, so your credentials cannot be stored safely.',
        'Choose "Keep for this session only", or "Store with weak protection" if you accept that risk.',
      )
    }
    const storage = options.protection === 'weak' ? 'weak' : 'keychain'
    await this.writeEncrypted(credentials, storage, options.backend)
    this.sessionCredentials = null
    return storage
  }

  /** The stored credentials, or why there are none. Never throws for a bad file: it removes it and says so. */
  async load(): Promise<SecretLoadResult> {
    if (this.sessionCredentials) return { status: 'ok', credentials: { ...this.sessionCredentials }, storage: 'session-only' }
    let raw: string
    try {
      raw = await readFile(this.filePath, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'none' }
      return { status: 'unavailable', reason: 'The saved credentials could not be read from disk. Connect again.' }
    }
    const file = parseSecretFile(raw)
    if (file === 'newer') {
      // A later version wrote this after the user downgraded: it may well read it again after an upgrade.
      return {
        status: 'unavailable',
        reason: 'Your saved credentials were stored by a newer version of Mode Companion and are unavailable in this one. Connect again, or switch back to the newer version.',
      }
    }
    if (!file) return this.forget('The saved credentials were in a format this version cannot read. Connect again to store them anew.')
    const backend = this.backend()
    if (file.backend !== backend) {
      // Only the backend that encrypted the secret can decrypt it; switching back (e.g. a --password-store
      // flag, a desktop session) makes it readable again, so the file is kept.
      return {
        status: 'unavailable',
        reason:
          `Your saved credentials are unavailable: they were stored with ${describeBackend(file.backend)}, and this ` +
          `session uses ${describeBackend(backend)}. Connect again, or switch back to ${describeBackend(file.backend)}.`,
      }
    }
    if (!(await this.encryptionAvailable())) {
      return { status: 'unavailable', reason: 'The system keyring is locked or unavailable right now. Unlock it and restart the app, or connect again.' }
    }
    let decrypted: { result: string; shouldReEncrypt: boolean }
    try {
      decrypted = await this.options.safeStorage.decryptStringAsync(Buffer.from(file.ciphertext, 'base64'))
    } catch (error) {
      const message = error instanceof Error ? error.message : ''
      if (/temporarily unavailable/i.test(message)) {
        return { status: 'unavailable', reason: 'The system keyring is locked or unavailable right now. Unlock it and restart the app, or connect again.' }
      }
      return this.forget('Your saved credentials can no longer be decrypted (the system keyring was reset or replaced). Connect again.')
    }
    const credentials = parseCredentials(decrypted.result)
    if (!credentials) return this.forget('Your saved credentials were damaged. Connect again.')
    if (decrypted.shouldReEncrypt) {
      // The keyring rotated its key: store the same secret under the new one so the next launch still reads it.
      try {
        await this.writeEncrypted(credentials, file.storage, backend)
        this.options.log?.('[secrets] re-encrypted the stored credentials after a key rotation')
      } catch {
        this.options.log?.('[secrets] re-encryption after a key rotation failed; the old ciphertext is kept')
      }
    }
    return { status: 'ok', credentials, storage: file.storage }
  }

  /** Forgets the credentials everywhere: memory and disk. */
  async clear(): Promise<void> {
    this.sessionCredentials = null
    await this.removeFile()
  }

  private async forget(reason: string): Promise<SecretLoadResult> {
    await this.removeFile()
    this.options.log?.('[secrets] removed stored credentials that can no longer be used')
    return { status: 'reconnect', reason }
  }

  private async encryptionAvailable(): Promise<boolean> {
    try {
      return await this.options.safeStorage.isAsyncEncryptionAvailable()
    } catch {
      return false
    }
  }

  private async writeEncrypted(credentials: Credentials, storage: 'keychain' | 'weak', backend: string): Promise<void> {
    let ciphertext: Buffer
    try {
      ciphertext = await this.options.safeStorage.encryptStringAsync(JSON.stringify({ token: credentials.token, password: credentials.password }))
    } catch {
      throw new AppFailure('storage_unavailable', 'The system keyring could not encrypt your credentials.', 'Unlock the keyring and try again, or keep the credentials for this session only.')
    }
    const file: SecretFile = {
      formatVersion: FORMAT_VERSION,
      createdWith: CREATED_WITH,
      backend,
      storage,
      savedAt: new Date().toISOString(),
      ciphertext: ciphertext.toString('base64'),
    }
    ensurePrivateDir(this.options.dataDir)
    // Temp file in the same folder, then rename: a crash leaves either the old file or the new one, never half.
    const temp = `${this.filePath}.${randomBytes(6).toString('hex')}.tmp`
    try {
      await writeFile(temp, JSON.stringify(file, null, 2), { mode: PRIVATE_FILE_MODE })
      await chmod(temp, PRIVATE_FILE_MODE)
      await rename(temp, this.filePath)
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
  }

  private async removeFile(): Promise<void> {
    await rm(this.filePath, { force: true })
  }
}

/** The file as this version reads it; 'newer' when a later format version wrote it; null when damaged or foreign. */
function parseSecretFile(raw: string): SecretFile | 'newer' | null {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const f = value as Partial<SecretFile>
  if (typeof f.formatVersion === 'number' && Number.isInteger(f.formatVersion) && f.formatVersion > FORMAT_VERSION) return 'newer'
  if (f.formatVersion !== FORMAT_VERSION || f.createdWith !== CREATED_WITH) return null
  if (typeof f.backend !== 'string' || typeof f.ciphertext !== 'string' || f.ciphertext.length === 0) return null
  if (f.storage !== 'keychain' && f.storage !== 'weak') return null
  return f as SecretFile
}

function parseCredentials(plain: string): Credentials | null {
  try {
    const value = JSON.parse(plain) as Partial<Credentials>
    if (typeof value.token === 'string' && typeof value.password === 'string' && value.token && value.password) {
      return { token: value.token, password: value.password }
    }
  } catch {
    // fall through: not our plaintext
  }
  return null
}

function describeBackend(backend: string): string {
  switch (backend) {
    case 'keychain': return 'macOS Keychain'
    case 'dpapi': return 'Windows Data Protection'
    case 'gnome_libsecret': return 'GNOME Keyring / Secret Service'
    case 'kwallet': case 'kwallet5': case 'kwallet6': return `KDE Wallet (${backend})`
    case 'basic_text': return 'no keyring (basic_text)'
    default: return backend
  }
}
