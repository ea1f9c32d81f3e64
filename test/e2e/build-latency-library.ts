// Child process started by global-setup.ts: builds search-latency.spec.ts's cached 100,000-report library
// (latency-library.ts) while the other specs run. Success is the file renamed into place; a failure leaves its
// error next to it for the spec to report.
import { writeFileSync } from 'node:fs'
import { buildLibrary, cachedLibraryFile, failureFile } from './latency-library.ts'

const target = cachedLibraryFile()
try {
  await buildLibrary(target)
} catch (error) {
  writeFileSync(failureFile(target), error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exitCode = 1
}
