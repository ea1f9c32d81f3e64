// Libraries for the library tests: temp data folders removed after the file, a library filled with reports, and
// a file damaged past its header (a page in the middle overwritten, so it opens and reads until a query meets it).
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { openLibrary, type Library } from '../../../src/main/library/index.ts'

/** A factory of temp folders, all removed after the test file. */
export function tempDirs(prefix: string): () => string {
  const roots: string[] = []
  afterAll(() => { for (const dir of roots) rmSync(dir, { recursive: true, force: true }) })
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    roots.push(dir)
    return dir
  }
}

export function fill(library: Library, reports: number): void {
  library.transaction(() => {
    const insert = library.prepare(`INSERT INTO reports(token, name, description, first_seen_at) VALUES (?, ?, ?, '2025-01-01')`)
    for (let i = 0; i < reports; i++) insert.run(`r${i}`, `Report ${i}`, 'd'.repeat(300))
  })
}

/** A closed library of `reports` reports in `dataDir`, its log folded into the file. */
export async function closedLibrary(dataDir: string, reports: number): Promise<void> {
  const library = openLibrary({ dataDir, workspace: 'acme' })
  fill(library, reports)
  library.truncateWal()
  await library.close()
}

/** Overwrites one page in the middle of the file with garbage: the header and the first pages stay intact. */
export function damageMiddle(path: string): void {
  const size = statSync(path).size
  const fd = openSync(path, 'r+')
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 4096 / 2) * 4096)
  closeSync(fd)
}
