// What report status needs beyond the first schema: when a report last ran successfully (besides when it last
// ran at all), so "failing" can be told from the listing alone, and which Mode definitions ({{ @name }}) each
// query uses, so the report page can list reports built on the same definitions. The definitions are filled by
// duplicate detection as it describes each query: its rows are cleared here, so the first sync after this step
// describes every query again (once) and fills them.
import type { Migration } from '../migrate.ts'

export const migration: Migration = {
  version: 9,
  name: 'report_run_info.last_successfully_run_at; query_definitions; views index',
  sql: `
  ALTER TABLE report_run_info ADD COLUMN last_successfully_run_at TEXT;
  -- 1 when the listing carried last_successfully_run_at at all (null included): without the field nothing is
  -- known about failures, and no report is called failing.
  ALTER TABLE report_run_info ADD COLUMN success_listed INTEGER NOT NULL DEFAULT 0;

  CREATE TABLE query_definitions (
    query_token  TEXT NOT NULL,
    report_token TEXT NOT NULL,
    -- The definition's name as written after @, lowercased.
    definition   TEXT NOT NULL,
    PRIMARY KEY (query_token, definition)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX query_definitions_by_name ON query_definitions(definition);
  CREATE INDEX query_definitions_by_report ON query_definitions(report_token);

  DELETE FROM near_duplicates;
  DELETE FROM query_shapes;

  -- "Popular" is the top of the workspace by views among live reports.
  CREATE INDEX reports_by_views ON reports(archived, view_count DESC);
`,
}
