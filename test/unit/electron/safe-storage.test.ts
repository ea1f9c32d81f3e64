// The Electron edge passes safeStorage's async API through unchanged, and on Linux allows the plain-text
// fallback (which SecretStore still treats as weak and never uses without the user's explicit choice).
import { describe, expect, it, vi } from 'vitest'

const calls: string[] = []
vi.mock('electron', () => {
  const safeStorage = {
    setUsePlainTextEncryption: (v: boolean) => { calls.push(`setUsePlainTextEncryption(${v})`) },
    isAsyncEncryptionAvailable: async () => { calls.push('isAsyncEncryptionAvailable'); return true },
    encryptStringAsync: async (s: string) => { calls.push('encryptStringAsync'); return Buffer.from(`enc:${s}`) },
    decryptStringAsync: async (b: Buffer) => { calls.push('decryptStringAsync'); return { result: b.toString().slice(4), shouldReEncrypt: false } },
    getSelectedStorageBackend: () => { calls.push('getSelectedStorageBackend'); return 'kwallet6' },
  }
  return { safeStorage, default: { safeStorage } }
})

const { electronSafeStorage } = await import('../../../src/main/electron/safe-storage.ts')

describe('electronSafeStorage', () => {
  it('passes every call through to Electron', async () => {
    const s = electronSafeStorage()
    expect(await s.isAsyncEncryptionAvailable()).toBe(true)
    const buf = await s.encryptStringAsync('x')
    expect(await s.decryptStringAsync(buf)).toEqual({ result: 'x', shouldReEncrypt: false })
    if (process.platform === 'linux') {
      expect(s.getSelectedStorageBackend()).toBe('kwallet6')
      expect(calls[0]).toBe('setUsePlainTextEncryption(true)')
    }
    expect(calls).toEqual(expect.arrayContaining(['isAsyncEncryptionAvailable', 'encryptStringAsync', 'decryptStringAsync']))
  })
})
