// `mode-companion status` on a library damaged past its header: it says so, keeps the file aside unchanged and
// exits 1 (it used to reset the library silently and exit 0).
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { libraryPath, openLibrary } from '../../../src/main/library/index.ts'
import { cli } from './cli-process.ts'

describe('mode-companion status on a damaged library', () => {
  it('says the file was damaged past its header, keeps it aside unchanged, and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mc-cli-damaged-'))
    const library = openLibrary({ dataDir: dir, workspace: 'acme' })
    library.transaction(() => {
      const insert = library.prepare(`INSERT INTO reports(token, name, description, first_seen_at) VALUES (?, ?, ?, '2025-01-01')`)
      for (let i = 0; i < 3000; i++) insert.run(`r${i}`, `Report ${i}`, 'd'.repeat(300))
    })
    library.truncateWal()
    await library.close()
    const file = libraryPath(dir, 'acme')
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(statSync(file).size / 8192) * 4096)
    closeSync(fd)
    const damaged = readFileSync(file)
    const run = await cli(['status', '--data-dir', dir, '--workspace', 'acme'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/Warning: The library file was damaged\. It was moved aside, unchanged, to .*acme\.sqlite\.corrupt-\S+ and the next sync rebuilds it/)
    const aside = (await readdir(join(dir, 'libraries'))).filter((n) => n.includes('.corrupt-'))
    expect(await readdir(join(dir, 'libraries', aside[0]!))).toEqual(['acme.sqlite'])
    expect(readFileSync(join(dir, 'libraries', aside[0]!, 'acme.sqlite')).equals(damaged)).toBe(true)
    await rm(dir, { recursive: true, force: true })
  })
})

