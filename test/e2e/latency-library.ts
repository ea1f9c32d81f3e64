// The 100,000-report library search-latency.spec.ts types over. It is written straight from the simulator's
// generator with the library's own code (openLibrary, loadTruthIntoLibrary, rebuildSearchIndex — as the search
// benchmark does) and cached under test-results/, keyed by the code that shapes it, so only the first run pays
// for the build. On a fresh clone that build costs 1–2 minutes of CPU, so global-setup.ts starts it in a child
// process (build-latency-library.ts) when the run includes that spec, and it overlaps the specs before it; the
// spec waits for it (awaitLatencyLibrary) or, when no build was started, builds it itself.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { getPriority, setPriority } from 'node:os'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { openLibrary } from '../../src/main/library/index.ts'
import { libraryPath } from '../../src/main/library/paths.ts'
import { rebuildSearchIndex } from '../../src/main/search/index-writer.ts'
import { generateWorkspace } from '../../src/sim/generator.ts'
import { loadTruthIntoLibrary } from '../fixtures/relevance/truth-library.ts'

export const WORKSPACE = 'latency-analytics'
export const REPORTS = 100_000
export const SEED = 20250101
export const CACHE_DIR = join('test-results', 'search-latency')
/** Set by global-setup.ts for the workers when it has started the build: `<pid>:<log file>`. */
export const BUILD_ENV = 'MC_LATENCY_LIBRARY_BUILD'

/** Everything that decides the cached file's contents: change any of it and the cache is rebuilt (the table
 * references written with the library come from every file of src/main/sql/). */
const SHAPING_SOURCES = [
  ...readdirSync('src/main/sql').filter((f) => f.endsWith('.ts')).sort().map((f) => `src/main/sql/${f}`),
  'src/main/library/migrations/index.ts', 'src/main/library/migrations/001-core-schema.ts', 'src/main/library/migrations/002-search-index.ts',
  'src/main/library/migrations/004-drop-extra-json-add-last-edited.ts', 'src/main/search/index-writer.ts',
  'src/sim/generator.ts', 'src/sim/vocabulary.ts', 'src/sim/sql-templates.ts', 'test/fixtures/relevance/truth-library.ts',
]

export function cachedLibraryFile(): string {
  const hash = createHash('sha256')
  for (const file of SHAPING_SOURCES) hash.update(existsSync(file) ? readFileSync(file) : file)
  hash.update(`${REPORTS}:${SEED}:${WORKSPACE}`)
  return join(CACHE_DIR, `library-${REPORTS}-${hash.digest('hex').slice(0, 12)}.sqlite`)
}

/** Where a failed build leaves its error, for the spec waiting on it. */
export const failureFile = (target: string): string => `${target}.failed`

export async function buildLibrary(target: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true })
  // Built next to the target (same file system: the finished file is renamed into place, not copied).
  const dir = mkdtempSync(join(dirname(target), 'build-'))
  try {
    const started = performance.now()
    const cpuStarted = process.cpuUsage()
    // No checkpointer thread: the file is written once, in rollback-journal mode (below).
    const library = openLibrary({ dataDir: dir, workspace: WORKSPACE, backgroundCheckpoints: false })
    // A throwaway file until it is renamed into place: no fsyncs, and the rollback journal in memory, so each
    // page is written once (in WAL mode the whole file went through the log first). The file's contents — what
    // the app reads — are the same; it is switched back to WAL before closing, as the app keeps it.
    library.db.exec('PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF')
    loadTruthIntoLibrary(library.db, generateWorkspace({ seed: SEED, reports: REPORTS, workspace: WORKSPACE, queriesPerReport: 2 }))
    rebuildSearchIndex(library.db)
    // Back to the app's mode (recorded in the file's header); the log it starts is empty, nothing to checkpoint.
    library.db.exec('PRAGMA journal_mode = WAL')
    await library.close()
    // Older builds (other code versions) are 100+ MB each: keep only the current one.
    for (const old of readdirSync(dirname(target))) if (/^library-.*\.sqlite$/.test(old)) rmSync(join(dirname(target), old), { force: true })
    rmSync(failureFile(target), { force: true })
    renameSync(libraryPath(dir, WORKSPACE), target)
    const cpu = process.cpuUsage(cpuStarted)
    console.log(`[search-latency] built the ${REPORTS.toLocaleString('en-US')}-report library in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `(${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU) → ${target}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The cached library, waiting for the build global-setup.ts started (polling for the file it renames into
 * place, or the error it leaves); when none was started, or it failed or went away, builds it here.
 */
export async function awaitLatencyLibrary(deadlineMs: number): Promise<string> {
  const target = cachedLibraryFile()
  const build = /^(\d+):(.+)$/.exec(process.env[BUILD_ENV] ?? '')
  const pid = build ? Number(build[1]) : 0
  const log = build?.[2]
  const deadline = Date.now() + deadlineMs
  const started = Date.now()
  let waited = false
  // The build ran at the lowest priority so as not to slow the specs before this one; now this spec waits on
  // it, give it this process's own priority back (allowed where the tests run as root, as in CI).
  if (log && !existsSync(target)) {
    try {
      setPriority(pid, getPriority())
    } catch {
      // Not allowed: it still finishes, only with a smaller share if something else is busy.
    }
  }
  while (log && !existsSync(target)) {
    if (existsSync(failureFile(target))) {
      // Reported, then built here as before (with the machine to itself, should the other specs have been the cause).
      console.log(`[search-latency] the background build failed; building here. Its error:\n${readFileSync(failureFile(target), 'utf8')}`)
      rmSync(failureFile(target), { force: true })
      break
    }
    if (!isAlive(pid)) {
      // Exited between the two checks, or died without writing (killed): look once more, then build here.
      if (existsSync(target)) break
      console.log(`[search-latency] the background build is gone (log: ${existsSync(log) ? readFileSync(log, 'utf8').trim() || 'empty' : 'none'}); building here`)
      break
    }
    if (Date.now() > deadline) throw new Error(`The background build of the latency library did not finish in ${deadlineMs / 1000} s (log: ${log})`)
    waited = true
    await sleep(250)
  }
  if (existsSync(target)) {
    if (log && existsSync(log)) console.log(`${readFileSync(log, 'utf8').trim()}${waited ? ` (waited ${((Date.now() - started) / 1000).toFixed(1)} s for it)` : ''}`)
    return target
  }
  await buildLibrary(target)
  return target
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: alive but not ours (cannot happen for our child, but it is not "gone").
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
