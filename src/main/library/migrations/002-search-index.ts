// The search index's tables:
//
// - search_docs: one row per report: its document id (the rowid of both FTS tables) and every attribute
//   filters, facets and ranking need, compact enough that the search service keeps all of them in memory
//   (see doc-store.ts): facets and totals are then counted in JS over a rowid list instead of joins.
// - search_name_fts, search_desc_fts, search_meta_fts (collection, author, query names and chart titles, tables,
//   data sources): word indexes of the high-value fields. Small, so as-you-type prefixes match a modest share
//   of reports, and a rowid-only pass over each tells which fields a report matched in (ranking).
// - search_sql_fts: the word index of the SQL bodies. Large; SQL-only matches rank below the fields above.
//   All are contentless: the text lives in the library's own tables and snippets are cut from there.
// - search_changes: a log of the documents each write touched (seq grows forever). The search service keeps
//   its in-memory copy current by re-reading only those; a doc_id of -1 means "everything changed" (rebuild).
// - search_table_names + trigram index: distinct table names (their ids are the table facet values), for
//   substring search inside identifiers (`ders_dai` finds `analytics.orders_daily`).
// - search_terms + trigram index: distinct words of names (reports, collections, people, tables, queries),
//   the vocabulary the typo-tolerant fallback looks for near-misses in.
import type { Migration } from '../migrate.ts'

export const migration: Migration = {
  version: 2,
  name: 'search index: FTS5 word indexes (fields, SQL), per-report attributes, trigram vocabularies',
  sql: `
  CREATE TABLE search_docs (
    id               INTEGER PRIMARY KEY,
    report_token     TEXT NOT NULL UNIQUE,
    archived         INTEGER NOT NULL DEFAULT 0,
    collection_token TEXT,
    creator_username TEXT,
    -- The report's "last edited" (reports.last_edited_at) for ranking and the updated: filter.
    edited_at        TEXT,
    view_count       INTEGER NOT NULL DEFAULT 0,
    -- Ranking inputs precomputed at index time: days since 1970 of the last edit, and 0..1 popularity.
    edited_days      REAL,
    popularity       REAL NOT NULL DEFAULT 0,
    -- Words per field (name, description, the other fields, SQL): the length normalisation of ranking.
    name_len         INTEGER NOT NULL DEFAULT 0,
    desc_len         INTEGER NOT NULL DEFAULT 0,
    meta_len         INTEGER NOT NULL DEFAULT 0,
    sql_len          INTEGER NOT NULL DEFAULT 0,
    -- Facet values: data source ids (newline-separated) and search_table_names ids (comma-separated).
    source_ids       TEXT NOT NULL DEFAULT '',
    table_ids        TEXT NOT NULL DEFAULT ''
  ) STRICT;

  -- One word index per field group, so a query's pass over each is rowid-only and tells which fields matched
  -- (a column filter on one wide table would still walk every column's postings).
  CREATE VIRTUAL TABLE search_name_fts USING fts5(
    name, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5'
  );
  CREATE VIRTUAL TABLE search_desc_fts USING fts5(
    description, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5'
  );
  CREATE VIRTUAL TABLE search_meta_fts USING fts5(
    collection, author, queries, tables, sources,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5'
  );
  CREATE VIRTUAL TABLE search_sql_fts USING fts5(
    sql, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5'
  );

  CREATE TABLE search_changes (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL
  );

  CREATE TABLE search_table_names (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  ) STRICT;
  CREATE VIRTUAL TABLE search_table_names_tri USING fts5(
    name, content = 'search_table_names', content_rowid = 'id', tokenize = 'trigram'
  );

  CREATE TABLE search_terms (
    id   INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE
  ) STRICT;
  CREATE VIRTUAL TABLE search_terms_tri USING fts5(
    term, content = 'search_terms', content_rowid = 'id', tokenize = 'trigram'
  );

  -- Built once every pending migration is in (openLibrary's migrate step rebuilds flagged indexes).
  INSERT INTO meta(key, value) VALUES ('search_index_stale', 'search index created')
    ON CONFLICT(key) DO UPDATE SET value = excluded.value;
`,
}
