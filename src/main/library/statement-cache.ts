// The one prepared-statement cache: each connection compiles a given SQL text once. Library.prepare and the
// search index's writers and readers all go through here, so a statement is never compiled twice per connection.
import type { DatabaseSync, StatementSync } from 'node:sqlite'

const caches = new WeakMap<DatabaseSync, Map<string, StatementSync>>()

export function prepareCached(db: DatabaseSync, sql: string): StatementSync {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  let statement = cache.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    cache.set(sql, statement)
  }
  return statement
}

/** Drops a connection's statements (before it closes). */
export function forgetStatements(db: DatabaseSync): void {
  caches.delete(db)
}
