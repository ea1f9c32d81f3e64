// Which sync run fetched a report's SQL and its charts. A full sync refetches everything fetched by a run older
// than the one that started it — compared by run id, which only grows, instead of by wall-clock time, which the
// user (or NTP) can move back: a clock set back an hour made a full sync refetch nothing and report success.
// Existing libraries start with NULL here, which the next full sync refetches.
import type { Migration } from '../migrate.ts'

export const migration: Migration = {
  version: 7,
  name: 'reports.queries_synced_run and charts_synced_run',
  sql: `
  ALTER TABLE reports ADD COLUMN queries_synced_run INTEGER;
  ALTER TABLE reports ADD COLUMN charts_synced_run INTEGER;
`,
}
