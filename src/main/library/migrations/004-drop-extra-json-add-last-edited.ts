// The `extra_json` columns of the first schema were never written: dropped. "Last edited" (what ranking, the
// updated: filter, result lists and the SQL fetch order all mean by it) becomes one generated column instead of
// a coalesce repeated, two different ways, in several queries; the fetch-order index moves onto it.
import type { Migration } from '../migrate.ts'

export const migration: Migration = {
  version: 4,
  name: 'drop the unused extra_json columns; reports.last_edited_at',
  sql: `
  ALTER TABLE workspace DROP COLUMN extra_json;
  ALTER TABLE collections DROP COLUMN extra_json;
  ALTER TABLE reports DROP COLUMN extra_json;
  ALTER TABLE data_sources DROP COLUMN extra_json;
  ALTER TABLE members DROP COLUMN extra_json;
  ALTER TABLE groups DROP COLUMN extra_json;

  -- Mode moves edited_at on content edits; last_saved_at/updated_at stand in when it is missing.
  ALTER TABLE reports ADD COLUMN last_edited_at TEXT GENERATED ALWAYS AS (coalesce(edited_at, last_saved_at, updated_at)) VIRTUAL;
  DROP INDEX reports_by_priority;
  CREATE INDEX reports_by_last_edited ON reports(last_edited_at DESC);
`,
}
