// The Electron-bound edge of the SecretStore: Electron's own safeStorage, passed through unchanged. Call only
// after `app.whenReady()`: before it, macOS may fix the keychain item under the wrong name
// (https://github.com/electron/electron/issues/45328).
import { safeStorage } from 'electron'
import type { SafeStorageLike } from '../secrets/secret-store.ts'

export function electronSafeStorage(): SafeStorageLike {
  if (process.platform === 'linux') {
    // Without a keyring, Linux refuses to encrypt unless plain-text encryption is allowed. Allowing it is safe
    // here because SecretStore reports such a backend as 'weak' and writes under it only on the user's explicit
    // "store with weak protection" choice; a real keyring, when present, is still the one used.
    safeStorage.setUsePlainTextEncryption(true)
  }
  return {
    isAsyncEncryptionAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    encryptStringAsync: (plainText) => safeStorage.encryptStringAsync(plainText),
    decryptStringAsync: (encrypted) => safeStorage.decryptStringAsync(encrypted),
    getSelectedStorageBackend: () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'unknown'),
  }
}
