// The app opens its library off the main thread (openLibraryOffThread): the integrity check, a damaged file's
// move aside and the migrations run in a worker, and the main thread gets a connection to the prepared file —
// with the data, the damage report and the refusals of the ordinary open — while its event loop keeps turning.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { libraryPath, migrations, openLibrary, openLibraryOffThread } from '../../../src/main/library/index.ts'
import { closedLibrary, damageMiddle, fill, tempDirs } from './library-fixtures.ts'

const tempDir = tempDirs('mc-open-thread-')

/** Event-loop turns of this thread while `work` is pending: 0 for anything that holds the thread throughout. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0
  let pending = true
  const spin = (): void => { if (pending) { turns++; setImmediate(spin) } }
  setImmediate(spin)
  const value = await work()
  pending = false
  return { value, turns }
}

describe('opening a library off the main thread', () => {
  it('creates and migrates a new library in a worker; this thread keeps turning and gets a usable library', async () => {
    const dataDir = tempDir()
    const fallbacks: string[] = []
    const { value: library, turns } = await turnsDuring(() => openLibraryOffThread({ dataDir, workspace: 'acme', onFallback: (why) => fallbacks.push(why) }))
    expect(fallbacks).toEqual([])
    expect(turns).toBeGreaterThan(0)
    expect(library.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length })
    expect(library.damagedCopy).toBeNull()
    fill(library, 10)
    expect(library.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: 10 })
    await library.close()
  })

  it('opens an existing library with its data, checked in the worker', async () => {
    const dataDir = tempDir()
    await closedLibrary(dataDir, 3000)
    const fallbacks: string[] = []
    const library = await openLibraryOffThread({ dataDir, workspace: 'acme', onFallback: (why) => fallbacks.push(why) })
    expect(fallbacks).toEqual([])
    expect(library.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: 3000 })
    await library.close()
  })

  it('moves a damaged file aside in the worker and reports the copy, like the ordinary open', async () => {
    const dataDir = tempDir()
    await closedLibrary(dataDir, 3000)
    const path = libraryPath(dataDir, 'acme')
    damageMiddle(path)
    const damagedBytes = readFileSync(path)

    const library = await openLibraryOffThread({ dataDir, workspace: 'acme' })
    expect(library.damagedCopy?.folder).toMatch(/acme\.sqlite\.corrupt-/)
    expect(readFileSync(join(library.damagedCopy!.folder, 'acme.sqlite')).equals(damagedBytes)).toBe(true)
    expect(library.getMeta('needs_full_sync')).not.toBeNull()
    expect(library.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: 0 })
    await library.close()
  })

  it('refuses a library of a newer schema with the ordinary open’s message, leaving the file as it was', async () => {
    const dataDir = tempDir()
    const first = openLibrary({ dataDir, workspace: 'acme' })
    await first.close()
    const raw = new DatabaseSync(libraryPath(dataDir, 'acme'))
    raw.exec(`PRAGMA user_version = ${migrations.length + 1}`)
    raw.close()
    const before = readFileSync(libraryPath(dataDir, 'acme'))
    await expect(openLibraryOffThread({ dataDir, workspace: 'acme' })).rejects.toMatchObject({ code: 'library_error', userMessage: expect.stringMatching(/newer version of Mode Companion/) })
    expect(readFileSync(libraryPath(dataDir, 'acme')).equals(before)).toBe(true)
  })

  it('opens on this thread, and says why, when the worker cannot start', async () => {
    const dataDir = tempDir()
    const fallbacks: string[] = []
    const library = await openLibraryOffThread({ dataDir, workspace: 'acme', workerUrl: pathToFileURL('/nonexistent/mode-companion/library-open-worker.js'), onFallback: (why) => fallbacks.push(why) })
    expect(fallbacks).toEqual([expect.stringMatching(/MODULE_NOT_FOUND/)])
    expect(library.prepare('PRAGMA user_version').get()).toEqual({ user_version: migrations.length })
    await library.close()
  })
})
