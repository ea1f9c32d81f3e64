import { spawn } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs'
import { setPriority } from 'node:os'
import { join, resolve } from 'node:path'
import { NO_CHROMIUM_MESSAGE, findChromium } from './chromium.ts'
import { BUILD_ENV, CACHE_DIR, cachedLibraryFile, failureFile } from './latency-library.ts'

export default function globalSetup(): () => Promise<void> {
  if (!findChromium()) throw new Error(NO_CHROMIUM_MESSAGE)
  if (!existsSync('out/renderer/index.html')) throw new Error('out/renderer is missing: run `npm run build` first (npm run test:e2e does).')
  return startLatencyLibraryBuild()
}

/**
 * search-latency.spec.ts needs a 100,000-report library that takes 1–2 minutes of CPU to build on a fresh
 * clone. Built in a child process from here, it overlaps the specs that run before that one (one worker
 * leaves the second core mostly idle), and at the lowest priority, so it takes only CPU they leave unused.
 * Skipped when the library is cached or the command line names only other specs (the spec then builds it
 * itself, as it does whenever no build was started).
 */
function startLatencyLibraryBuild(): () => Promise<void> {
  const target = cachedLibraryFile()
  if (existsSync(target) || !runIncludesLatencySpec(process.argv)) return async () => {}
  mkdirSync(CACHE_DIR, { recursive: true })
  removeLeftovers(target)
  const log = join(CACHE_DIR, 'build.log')
  const out = openSync(log, 'w')
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'test/e2e/build-latency-library.ts'], {
    stdio: ['ignore', out, out],
  })
  closeSync(out)
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  if (child.pid === undefined) return async () => {}
  try {
    setPriority(child.pid, 19)
  } catch {
    // Not allowed here: it still works, only with a fairer share of the CPU.
  }
  // The workers inherit this (they are started after global setup): awaitLatencyLibrary waits on it.
  process.env[BUILD_ENV] = `${child.pid}:${log}`
  return async () => {
    // The run ended before the build (a failure, or the spec was filtered out): stop it, and drop its half-file.
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
      await exited
      removeLeftovers(target)
    }
  }
}

/** A build killed mid-way leaves its folder behind (the build is synchronous: no signal handler would run). */
function removeLeftovers(target: string): void {
  for (const name of readdirSync(CACHE_DIR)) if (name.startsWith('build-')) rmSync(join(CACHE_DIR, name), { recursive: true, force: true })
  rmSync(failureFile(target), { force: true })
}

/**
 * No file filters on the command line, or one that matches the latency spec the way Playwright matches them (a
 * regular expression against the file's path, `:line` aside). An option's value may pass for a filter: then the
 * build may not start, and the spec builds the library itself as before.
 */
function runIncludesLatencySpec(argv: string[]): boolean {
  const at = argv.indexOf('test')
  const filters = (at >= 0 ? argv.slice(at + 1) : []).filter((arg) => !arg.startsWith('-'))
  const spec = resolve('test/e2e/search-latency.spec.ts')
  return filters.length === 0 || filters.some((filter) => {
    const pattern = filter.replace(/:\d+(:\d+)?$/, '')
    try {
      return new RegExp(pattern).test(spec) || spec.endsWith(resolve(pattern))
    } catch {
      return spec.endsWith(resolve(pattern))
    }
  })
}
