// The library's first schema, as the first release shipped it: the workspace, collections, reports, queries,
// charts, people and sync bookkeeping. The `extra_json` columns here were never written; 004 drops them.
import type { Migration } from '../migrate.ts'

export const migration: Migration = {
  version: 1,
  name: 'core schema: workspace, collections, reports, queries, charts, people, sync runs',
  sql: `
  -- Key/value facts about this library: 'needs_full_sync' after a corrupt file was replaced, and so on.
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT
  ) STRICT;

  -- The one workspace this database mirrors (one database per workspace).
  CREATE TABLE workspace (
    username   TEXT PRIMARY KEY,
    name       TEXT,
    id         TEXT,
    token      TEXT,
    extra_json TEXT,
    synced_at  TEXT
  ) STRICT;

  -- Mode calls collections "spaces".
  CREATE TABLE collections (
    token          TEXT PRIMARY KEY,
    id             TEXT,
    name           TEXT NOT NULL,
    description    TEXT,
    space_type     TEXT,
    state          TEXT,
    restricted     INTEGER NOT NULL DEFAULT 0,
    is_personal    INTEGER NOT NULL DEFAULT 0,
    owner_username TEXT,
    extra_json     TEXT,
    position       INTEGER NOT NULL DEFAULT 0,
    -- The listing generation that last saw this collection in a complete spaces listing.
    listed_gen     INTEGER,
    -- The listing generation whose report listing of this collection completed.
    reports_listed_gen INTEGER
  ) STRICT;

  CREATE TABLE reports (
    token            TEXT PRIMARY KEY,
    id               TEXT,
    name             TEXT,
    description      TEXT,
    collection_token TEXT,
    archived         INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT,
    updated_at       TEXT,
    edited_at        TEXT,
    last_saved_at    TEXT,
    last_run_at      TEXT,
    view_count       INTEGER NOT NULL DEFAULT 0,
    query_count      INTEGER,
    chart_count      INTEGER,
    creator_username TEXT,
    web_url          TEXT,
    report_type      TEXT,
    extra_json       TEXT,
    -- updated_at|edited_at|last_saved_at as listed: when it differs from queries_version the SQL is stale.
    change_signature TEXT,
    -- The change_signature for which the queries were fetched; NULL = SQL never fetched.
    queries_version  TEXT,
    queries_synced_at TEXT,
    charts_fetched_at TEXT,
    listed_gen       INTEGER,
    first_seen_at    TEXT NOT NULL
  ) STRICT;
  CREATE INDEX reports_by_collection ON reports(collection_token);
  CREATE INDEX reports_by_creator ON reports(creator_username);
  CREATE INDEX reports_by_priority ON reports(coalesce(edited_at, updated_at) DESC);

  CREATE TABLE queries (
    token          TEXT PRIMARY KEY,
    report_token   TEXT NOT NULL REFERENCES reports(token) ON DELETE CASCADE,
    id             TEXT,
    name           TEXT,
    raw_query      TEXT NOT NULL,
    data_source_id TEXT,
    created_at     TEXT,
    updated_at     TEXT,
    position       INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX queries_by_report ON queries(report_token);
  CREATE INDEX queries_by_data_source ON queries(data_source_id);

  -- Tables each query reads, as found in its SQL by src/main/sql/table-refs.ts.
  CREATE TABLE query_tables (
    query_token TEXT NOT NULL REFERENCES queries(token) ON DELETE CASCADE,
    table_name  TEXT NOT NULL,
    PRIMARY KEY (query_token, table_name)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX query_tables_by_table ON query_tables(table_name);

  CREATE TABLE charts (
    token       TEXT PRIMARY KEY,
    query_token TEXT NOT NULL REFERENCES queries(token) ON DELETE CASCADE,
    title       TEXT,
    chart_type  TEXT,
    position    INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX charts_by_query ON charts(query_token);

  CREATE TABLE data_sources (
    id         TEXT PRIMARY KEY,
    token      TEXT,
    name       TEXT NOT NULL,
    adapter    TEXT,
    database   TEXT,
    host       TEXT,
    extra_json TEXT
  ) STRICT;

  CREATE TABLE members (
    username   TEXT PRIMARY KEY,
    name       TEXT,
    email      TEXT,
    is_admin   INTEGER NOT NULL DEFAULT 0,
    state      TEXT,
    extra_json TEXT
  ) STRICT;

  CREATE TABLE groups (
    token      TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    extra_json TEXT
  ) STRICT;

  CREATE TABLE group_members (
    group_token TEXT NOT NULL REFERENCES groups(token) ON DELETE CASCADE,
    username    TEXT NOT NULL,
    PRIMARY KEY (group_token, username)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE sync_runs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT NOT NULL,
    trigger         TEXT NOT NULL,
    started_at      TEXT NOT NULL,
    ended_at        TEXT,
    outcome         TEXT,
    requests        INTEGER NOT NULL DEFAULT 0,
    rate_limited    INTEGER NOT NULL DEFAULT 0,
    reports_changed INTEGER NOT NULL DEFAULT 0,
    queries_fetched INTEGER NOT NULL DEFAULT 0,
    errors          INTEGER NOT NULL DEFAULT 0,
    error_message   TEXT
  ) STRICT;

  -- Resume points: what an interrupted sync had already finished (JSON per key).
  CREATE TABLE sync_checkpoints (
    key        TEXT PRIMARY KEY,
    value_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  -- Cross-process guard so the app and the CLI never sync the same workspace at once.
  CREATE TABLE sync_lock (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    pid        INTEGER NOT NULL,
    run_id     INTEGER,
    heartbeat  TEXT NOT NULL
  ) STRICT;
`,
}
