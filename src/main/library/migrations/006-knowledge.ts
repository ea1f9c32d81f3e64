// The knowledge repository: earlier SQL of every query, tombstones of deleted reports, the change feed, and
// what duplicate detection knows about each query. Written by knowledge/record-changes.ts (called from the
// sync's library writes) and knowledge/duplicate-index.ts (one step at the end of each sync).
import type { Migration } from '../migrate.ts'

export const migration: Migration = {
  version: 6,
  name: 'knowledge: SQL versions, deleted reports, report changes, query shapes and near duplicates',
  sql: `
  -- Superseded SQL: one row per earlier text of a query, oldest first (the current text is in queries).
  CREATE TABLE sql_versions (
    id              INTEGER PRIMARY KEY,
    query_token     TEXT NOT NULL,
    report_token    TEXT NOT NULL,
    query_name      TEXT,
    raw_query       TEXT NOT NULL,
    -- When a sync first saw this text, and when one saw the text that replaced it.
    seen_at         TEXT NOT NULL,
    replaced_at     TEXT NOT NULL,
    replaced_run_id INTEGER
  ) STRICT;
  CREATE INDEX sql_versions_by_query ON sql_versions(query_token, id);
  CREATE INDEX sql_versions_by_report ON sql_versions(report_token, id);

  -- A report the listings stopped showing: its last metadata and SQL, until purged.
  CREATE TABLE deleted_reports (
    token            TEXT PRIMARY KEY,
    deleted_at       TEXT NOT NULL,
    run_id           INTEGER,
    name             TEXT,
    description      TEXT,
    collection_token TEXT,
    collection_name  TEXT,
    creator_username TEXT,
    archived         INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT,
    updated_at       TEXT,
    last_run_at      TEXT,
    view_count       INTEGER NOT NULL DEFAULT 0,
    web_url          TEXT,
    -- [{token, name, sql, dataSourceId}] in report order.
    queries_json     TEXT NOT NULL
  ) STRICT;
  CREATE INDEX deleted_reports_by_time ON deleted_reports(deleted_at);

  -- What each sync changed: new, sql_edited, renamed, moved, archived, unarchived, deleted.
  CREATE TABLE report_changes (
    id           INTEGER PRIMARY KEY,
    run_id       INTEGER,
    at           TEXT NOT NULL,
    report_token TEXT NOT NULL,
    kind         TEXT NOT NULL,
    detail_json  TEXT
  ) STRICT;
  CREATE INDEX report_changes_by_at ON report_changes(at);
  CREATE INDEX report_changes_by_report ON report_changes(report_token, id);

  -- Duplicate detection's view of each query whose current SQL it has seen (missing = to be computed).
  CREATE TABLE query_shapes (
    query_token  TEXT PRIMARY KEY,
    report_token TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    -- MinHash sketch (minhash.ts); NULL for queries too short to compare.
    sketch       BLOB,
    token_count  INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX query_shapes_by_fingerprint ON query_shapes(fingerprint);
  CREATE INDEX query_shapes_by_report ON query_shapes(report_token);

  -- Near-duplicate pairs (query_a < query_b); exact duplicates are read from equal fingerprints instead.
  CREATE TABLE near_duplicates (
    query_a    TEXT NOT NULL REFERENCES query_shapes(query_token) ON DELETE CASCADE,
    query_b    TEXT NOT NULL REFERENCES query_shapes(query_token) ON DELETE CASCADE,
    report_a   TEXT NOT NULL,
    report_b   TEXT NOT NULL,
    similarity REAL NOT NULL,
    PRIMARY KEY (query_a, query_b)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX near_duplicates_by_b ON near_duplicates(query_b);
  CREATE INDEX near_duplicates_by_report_a ON near_duplicates(report_a);
  CREATE INDEX near_duplicates_by_report_b ON near_duplicates(report_b);
`,
}
