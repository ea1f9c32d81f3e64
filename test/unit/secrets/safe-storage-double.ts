// A stand-in for Electron's safeStorage with the same async API. Ciphertext is AES-GCM under a key the test
// owns, prefixed like Chromium's ("v10"), so a test can rotate the key, swap the backend or lock the keyring.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { SafeStorageLike } from '../../../src/main/secrets/secret-store.ts'

export interface SafeStorageDouble extends SafeStorageLike {
  backend: string
  available: boolean
  /** Makes the next decryptions report `shouldReEncrypt: true` (a key rotation). */
  rotateKey: () => void
  /** Replaces the key: ciphertext made before no longer decrypts (keychain reset). */
  resetKey: () => void
  /** Decryption rejects like a locked keyring. */
  locked: boolean
  encryptCalls: number
}

export function createSafeStorageDouble(backend = 'gnome_libsecret'): SafeStorageDouble {
  let key = randomBytes(32)
  let previousKey: Buffer | null = null
  const double: SafeStorageDouble = {
    backend,
    available: true,
    locked: false,
    encryptCalls: 0,
    rotateKey: () => { previousKey = key; key = randomBytes(32) },
    resetKey: () => { previousKey = null; key = randomBytes(32) },
    isAsyncEncryptionAvailable: async () => double.available,
    encryptStringAsync: async (plainText) => {
      if (!double.available) throw new Error('Encryption is not available.')
      double.encryptCalls++
      return seal(key, plainText)
    },
    decryptStringAsync: async (encrypted) => {
      if (double.locked) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync. Encryption is temporarily unavailable.')
      const current = open(key, encrypted)
      if (current !== null) return { result: current, shouldReEncrypt: false }
      const old = previousKey ? open(previousKey, encrypted) : null
      if (old !== null) return { result: old, shouldReEncrypt: true }
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    },
    getSelectedStorageBackend: () => double.backend,
  }
  return double
}

function seal(key: Buffer, plainText: string): Buffer {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()])
  return Buffer.concat([Buffer.from('v10'), iv, cipher.getAuthTag(), body])
}

function open(key: Buffer, data: Buffer): string | null {
  if (data.subarray(0, 3).toString() !== 'v10') return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(3, 15))
    decipher.setAuthTag(data.subarray(15, 31))
    return Buffer.concat([decipher.update(data.subarray(31)), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
