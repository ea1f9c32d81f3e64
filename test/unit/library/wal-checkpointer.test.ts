import { mkdtempSync, statSync } from 'node:fs'
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
      for (let i = 0; i < 60 && grown < 10_000_000; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        grown = sizeOf(library.path) - before
      }
      expect(grown).toBeGreaterThanOrEqual(10_000_000)
      // The writer copied little or nothing itself (at most what a background pass had done meanwhile).
      expect(grownInline).toBeLessThan(grown)
    } finally {
      library.close()
    }
  })

  it('can be turned off: then SQLite checkpoints inside commits as usual', () => {
    const library = openLibrary({ dataDir: mkdtempSync(join(tmpdir(), 'mc-wal-')), workspace: 'acme', backgroundCheckpoints: false })
    try {
      expect(library.db.prepare('PRAGMA wal_autocheckpoint').get()).toEqual({ wal_autocheckpoint: 1000 })
    } finally {
      library.close()
    }
  })
})
