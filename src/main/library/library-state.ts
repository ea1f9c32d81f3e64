// A key that changes whenever a library does, for caches of whole-library reads (report statuses, the reports
// with a copy): another connection's commit moves data_version, this connection's own writes move
// total_changes(). A sync committing between two searches is therefore seen by the next one.
import type { DatabaseSync } from 'node:sqlite'
import { prepareCached } from './statement-cache.ts'

export function libraryState(db: DatabaseSync): string {
  const version = (prepareCached(db, 'PRAGMA data_version').get() as { data_version: number }).data_version
  const own = (prepareCached(db, 'SELECT total_changes() AS n').get() as { n: number }).n
  return `${version}:${own}`
}
