// Keeps the search index in step with the library. The sync calls these inside the same transaction as the
// write that changed the reports, so a search never sees a half-written report.
import type { DatabaseSync } from 'node:sqlite'

// Filled in by the search index (issue 5)
export function indexReports(_db: DatabaseSync, _reportTokens: string[]): void {}

// Filled in by the search index (issue 5)
export function unindexReports(_db: DatabaseSync, _reportTokens: string[]): void {}
