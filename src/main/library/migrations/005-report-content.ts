// What a report shows besides its SQL: the last successful run's preview picture and each query's results,
// schedules, the datasets a report imports, and each chart's fields. Beside `reports` rather than in it, so the
// listing writer stays as it is; everything goes with its report (ON DELETE CASCADE).
import type { Migration } from '../migrate.ts'

export const migration: Migration = {
  version: 5,
  name: 'report content: run info, previews, query results, schedules, imported datasets, chart fields',
  sql: `
  -- What the latest listing said about a report's runs and schedules, and what the library fetched for them.
  CREATE TABLE report_run_info (
    report_token              TEXT PRIMARY KEY REFERENCES reports(token) ON DELETE CASCADE,
    last_successful_run_token TEXT,
    schedules_count           INTEGER NOT NULL DEFAULT 0,
    -- The run whose results are stored (NULL: never fetched); results are refetched when the listing names another.
    results_run_token         TEXT,
    results_fetched_at        TEXT,
    -- Why the run's results are missing or partial, for the report page (NULL: all fine).
    results_note              TEXT,
    -- run token|schedules_count for which the schedules were fetched.
    schedules_version         TEXT,
    -- Last opened in the app: results scope and which previews survive the disk cap.
    opened_at                 TEXT
  ) STRICT;
  CREATE INDEX report_run_info_by_opened ON report_run_info(opened_at);

  CREATE TABLE report_previews (
    report_token TEXT PRIMARY KEY REFERENCES reports(token) ON DELETE CASCADE,
    run_token    TEXT,
    mime         TEXT,
    -- PNG, JPEG or WebP bytes (checked by signature); NULL when only a note is kept.
    bytes        BLOB,
    byte_size    INTEGER NOT NULL DEFAULT 0,
    fetched_at   TEXT,
    note         TEXT
  ) STRICT;

  -- The last successful results of each query: header, up to the row/byte cap of rows (JSON arrays of text
  -- cells) and the total row count. Keyed by query token without a reference to queries, because refetching a
  -- report's SQL replaces its query rows, and the run's results stay the run's results.
  CREATE TABLE query_results (
    report_token    TEXT NOT NULL REFERENCES reports(token) ON DELETE CASCADE,
    query_token     TEXT NOT NULL,
    query_name      TEXT,
    run_token       TEXT NOT NULL,
    query_run_token TEXT,
    columns_json    TEXT NOT NULL,
    rows_json       TEXT NOT NULL,
    stored_rows     INTEGER NOT NULL,
    total_rows      INTEGER NOT NULL,
    total_exact     INTEGER NOT NULL,
    byte_size       INTEGER NOT NULL,
    fetched_at      TEXT NOT NULL,
    note            TEXT,
    PRIMARY KEY (report_token, query_token)
  ) STRICT;

  CREATE TABLE report_schedules (
    token              TEXT PRIMARY KEY,
    report_token       TEXT NOT NULL REFERENCES reports(token) ON DELETE CASCADE,
    name               TEXT,
    freq               TEXT,
    hour               INTEGER,
    minute             INTEGER,
    day_of_week        INTEGER,
    day_of_month       INTEGER,
    time_zone          TEXT,
    last_succeeded_at  TEXT,
    next_scheduled_run TEXT,
    position           INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX report_schedules_by_report ON report_schedules(report_token);

  -- A report's imported_datasets as listed (the dataset itself is a reports row of type DatasetReport).
  CREATE TABLE report_datasets (
    report_token  TEXT NOT NULL REFERENCES reports(token) ON DELETE CASCADE,
    dataset_token TEXT NOT NULL,
    name          TEXT,
    PRIMARY KEY (report_token, dataset_token)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX report_datasets_by_dataset ON report_datasets(dataset_token);

  -- The result columns each chart draws (view_vegas.encoding): x, and y or value.
  CREATE TABLE chart_fields (
    chart_token TEXT PRIMARY KEY REFERENCES charts(token) ON DELETE CASCADE,
    x_json      TEXT NOT NULL,
    y_json      TEXT NOT NULL
  ) STRICT;
`,
}
