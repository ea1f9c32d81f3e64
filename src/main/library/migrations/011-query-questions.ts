// Duplicate detection learned to read the question a query asks (tables, breakdown, measures, ranking: see
// src/main/knowledge/sql-question.ts) and to normalise table aliases, column aliases and date grains anew, so
// every stored shape is stale: they are cleared here with their near-duplicate pairs, and the next sync
// describes every query again (once).
import type { Migration } from '../migrate.ts'

export const migration: Migration = {
  version: 11,
  name: 'query_shapes.question; shapes recomputed',
  sql: `
  -- questionToText() of the query's question; NULL for a query too short to compare.
  ALTER TABLE query_shapes ADD COLUMN question TEXT;
  DELETE FROM near_duplicates;
  DELETE FROM query_shapes;
`,
}
