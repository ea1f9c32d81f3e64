// The search index's tables, appended to the library's migrations (src/main/library/migrations.ts).
//
// - search_fts: one FTS5 document per report (word index, unicode61 with diacritics folded, prefix indexes
//   for 2- and 3-letter prefixes so as-you-type queries stay fast). Contentless: the text lives in the
//   library's own tables and snippets are cut from there, so the SQL is not stored twice.
// - search_docs: the document id of each report plus the fields filters and ranking need, so a match never
//   has to visit the wide reports row.
// - search_doc_facets: data sources and tables per document (facet counts and the source:/table: filters).
// - search_table_names + trigram index: distinct table names, for substring search inside identifiers
//   (`ders_dai` finds `analytics.orders_daily`). Trigram only here: over all SQL it is ~8x bigger and slower.
// - search_terms + trigram index: distinct words of names (reports, collections, people, tables, queries),
//   the vocabulary the typo-tolerant fallback looks for near-misses in.
import type { DatabaseSync } from 'node:sqlite'
import { rebuildSearchIndex } from './index-writer.ts'

export const SEARCH_SCHEMA_SQL = `
  CREATE TABLE search_docs (
    id               INTEGER PRIMARY KEY,
    report_token     TEXT NOT NULL UNIQUE,
    archived         INTEGER NOT NULL DEFAULT 0,
    collection_token TEXT,
    creator_username TEXT,
    -- coalesce(edited_at, updated_at): "last edited" for ranking and the updated: filter.
    edited_at        TEXT,
    view_count       INTEGER NOT NULL DEFAULT 0,
    -- Ranking inputs precomputed at index time: days since 1970 of the last edit, and 0..1 popularity.
    edited_days      REAL,
    popularity       REAL NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX search_docs_by_collection ON search_docs(collection_token);
  CREATE INDEX search_docs_by_creator ON search_docs(creator_username);
  CREATE INDEX search_docs_by_edited ON search_docs(edited_at);

  -- kind 1 = data source id, 2 = table name.
  CREATE TABLE search_doc_facets (
    doc_id INTEGER NOT NULL,
    kind   INTEGER NOT NULL,
    value  TEXT NOT NULL,
    PRIMARY KEY (doc_id, kind, value)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX search_doc_facets_by_value ON search_doc_facets(kind, value, doc_id);

  CREATE VIRTUAL TABLE search_fts USING fts5(
    name, description, collection, author, queries, tables, sources, sql,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
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
`

/** Column order of search_fts, and the bm25 weight of each: name above description above tables and SQL. */
export const FTS_COLUMNS = ['name', 'description', 'collection', 'author', 'queries', 'tables', 'sources', 'sql'] as const
export const FTS_WEIGHTS = [10, 5, 2.5, 2.5, 3, 2, 1.5, 1] as const

/** The migration the library applies (appended at the end of its migrations array). */
export const searchIndexMigration = {
  name: 'search index: FTS5 documents per report, facets, trigram vocabularies',
  up(db: DatabaseSync): void {
    db.exec(SEARCH_SCHEMA_SQL)
    // A library synced before search existed gets its documents now (inside the migration's transaction).
    rebuildSearchIndex(db)
  },
}
