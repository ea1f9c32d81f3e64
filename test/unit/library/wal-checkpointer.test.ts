import { createHook } from 'node:async_hooks'
import { existsSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library/open-library.ts'

const sizeOf = (path: string): number => statSync(path).size

describe('WAL checkpoints in the background', () => {
  it('commits never copy the log into the database themselves; the background checkpointer does, soon after', async () => {
    const library = openLibrary({ dataDir: mkdtempSync(join(tmpdir(), 'mc-wal-')), workspace: 'acme' })
    try {
      expect(library.db.prepare('PRAGMA wal_autocheckpoint').get()).toEqual({ wal_autocheckpoint: 0 })
      const before = sizeOf(library.path)
      const text = 'x'.repeat(8000)
      // ~12 MB: three times SQLite's automatic checkpoint threshold (1000 pages), which would run inside a COMMIT.
      for (let i = 0; i < 1500; i++) library.transaction(() => library.setMeta(`k${i}`, text))
      const grownInline = sizeOf(library.path) - before
      let grown = grownInline
      for (let i = 0; i < 200 && grown < 10_000_000; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        grown = sizeOf(library.path) - before
      }
      expect(grown).toBeGreaterThanOrEqual(10_000_000)
      // The writer copied little or nothing itself (at most what a background pass had done meanwhile).
      expect(grownInline).toBeLessThan(grown)
    } finally {
      await library.close()
    }
  })

  it('can be turned off: then SQLite checkpoints inside commits as usual', async () => {
    const library = openLibrary({ dataDir: mkdtempSync(join(tmpdir(), 'mc-wal-')), workspace: 'acme', backgroundCheckpoints: false })
    try {
      expect(library.db.prepare('PRAGMA wal_autocheckpoint').get()).toEqual({ wal_autocheckpoint: 1000 })
    } finally {
      await library.close()
    }
  })

  it('one checkpointer thread per file: libraries of the same file share it, and close resolves once it let go', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mc-wal-'))
    let threads = 0
    const hook = createHook({ init: (_id, type) => void (type === 'WORKER' && threads++) }).enable()
    const first = openLibrary({ dataDir, workspace: 'acme' })
    const second = openLibrary({ dataDir, workspace: 'acme' })
    hook.disable()
    expect(threads).toBe(1)
    for (let i = 0; i < 200; i++) first.transaction(() => first.setMeta(`k${i}`, 'x'.repeat(4000)))
    await first.close()
    // The second library still writes, and its commits still leave checkpoints to the shared thread.
    second.setMeta('after', '1')
    expect(second.db.prepare('PRAGMA wal_autocheckpoint').get()).toEqual({ wal_autocheckpoint: 0 })
    await second.close()
    // The last connection to close folds the log in and removes it: nothing is left holding the file.
    expect(existsSync(`${second.path}-wal`)).toBe(false)
    expect(existsSync(`${second.path}-shm`)).toBe(false)
  })
})
