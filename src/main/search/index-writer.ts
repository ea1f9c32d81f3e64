// Keeps the search index in step with the library. The sync calls these inside the same transaction as the
// write that changed the reports, so a search never sees a half-written report. They read the report's
// current state from the library tables (report, collection, creator, queries, tables, charts, data sources)
// and replace its search documents (fields, SQL, attributes), logging the document ids in search_changes so
// the search service's in-memory attributes (doc-store.ts) can catch up by reading only what changed.
import type { DatabaseSync } from 'node:sqlite'
import { prepareCached } from '../library/statement-cache.ts'
import { tokenizeWords } from './query-parser.ts'
import { FIELD_TABLES } from './fields.ts'
import { MAX_INDEXED_SQL_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS, capText } from './field-caps.ts'
import { stripSqlStopwords } from './sql-stopwords.ts'

interface ReportRow {
  token: string
  name: string | null
  description: string | null
  archived: number
  collection_token: string | null
  creator_username: string | null
  edited_at: string | null
  view_count: number
  collection_name: string | null
  creator_name: string | null
}

/** (Re)indexes each report; a token whose report no longer exists is removed from the index. */
export function indexReports(db: DatabaseSync, reportTokens: string[]): void {
  writeReports(db, reportTokens, true)
}

function writeReports(db: DatabaseSync, reportTokens: string[], logChanges: boolean): void {
  if (reportTokens.length === 0) return
  const readReport = prepareCached(
    db,
    `SELECT r.token, substr(r.name, 1, ${MAX_NAME_CHARS + 1}) AS name, substr(r.description, 1, ${MAX_TEXT_CHARS + 1}) AS description,
            r.archived, r.collection_token, r.creator_username, r.last_edited_at AS edited_at, r.view_count,
            substr(c.name, 1, ${MAX_NAME_CHARS + 1}) AS collection_name, substr(m.name, 1, ${MAX_NAME_CHARS + 1}) AS creator_name
       FROM reports r
       LEFT JOIN collections c ON c.token = r.collection_token
       LEFT JOIN members m ON m.username = r.creator_username
      WHERE r.token = ?`,
  )
  const readQueries = prepareCached(
    db,
    `SELECT q.token, substr(q.name, 1, ${MAX_NAME_CHARS + 1}) AS name, substr(q.raw_query, 1, ${MAX_INDEXED_SQL_CHARS}) AS raw_query,
            q.data_source_id, substr(ds.name, 1, ${MAX_NAME_CHARS + 1}) AS source_name
       FROM queries q LEFT JOIN data_sources ds ON ds.id = q.data_source_id
      WHERE q.report_token = ? ORDER BY q.position`,
  )
  const readTables = prepareCached(
    db,
    `SELECT DISTINCT qt.table_name FROM queries q JOIN query_tables qt ON qt.query_token = q.token
      WHERE q.report_token = ?`,
  )
  const readCharts = prepareCached(
    db,
    `SELECT substr(ch.title, 1, ${MAX_NAME_CHARS + 1}) AS title FROM queries q JOIN charts ch ON ch.query_token = q.token
      WHERE q.report_token = ? AND ch.title IS NOT NULL`,
  )
  const findDoc = prepareCached(db, 'SELECT id FROM search_docs WHERE report_token = ?')
  const insertDoc = prepareCached(
    db,
    `INSERT INTO search_docs(report_token, archived, collection_token, creator_username, edited_at, view_count,
       edited_days, popularity, source_ids, table_ids, name_len, desc_len, meta_len, sql_len)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const updateDoc = prepareCached(
    db,
    `UPDATE search_docs SET archived = ?, collection_token = ?, creator_username = ?, edited_at = ?, view_count = ?,
       edited_days = ?, popularity = ?, source_ids = ?, table_ids = ?, name_len = ?, desc_len = ?, meta_len = ?,
       sql_len = ?
      WHERE id = ?`,
  )
  const insertName = prepareCached(db, 'INSERT INTO search_name_fts(rowid, name) VALUES (?, ?)')
  const insertDesc = prepareCached(db, 'INSERT INTO search_desc_fts(rowid, description) VALUES (?, ?)')
  const insertMeta = prepareCached(
    db,
    'INSERT INTO search_meta_fts(rowid, collection, author, queries, tables, sources) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const insertSql = prepareCached(db, 'INSERT INTO search_sql_fts(rowid, sql) VALUES (?, ?)')
  const logChange = prepareCached(db, 'INSERT INTO search_changes(doc_id) VALUES (?)')

  const missing: string[] = []
  for (const token of new Set(reportTokens)) {
    const r = readReport.get(token) as ReportRow | undefined
    if (!r) {
      missing.push(token)
      continue
    }
    const queries = readQueries.all(token) as Array<{
      name: string | null
      raw_query: string
      data_source_id: string | null
      source_name: string | null
    }>
    const tables = (readTables.all(token) as Array<{ table_name: string }>).map((t) => t.table_name)
    const charts = (readCharts.all(token) as Array<{ title: string }>).map((c) => c.title)
    const sourceIds = [...new Set(queries.map((q) => q.data_source_id).filter((s): s is string => s !== null))]
    const sourceNames = [...new Set(queries.map((q) => q.source_name).filter((s): s is string => s !== null))]
    const tableIds = tableIdsOf(db, tables)

    const existing = findDoc.get(token) as { id: number } | undefined
    const editedMs = r.edited_at ? Date.parse(r.edited_at) : NaN
    const editedDays = Number.isFinite(editedMs) ? editedMs / 86_400_000 : null
    // log-scaled: 10 views → 0.25, 100 → 0.5, 10,000 → 1.
    const popularity = Math.min(1, Math.log10(1 + Math.max(0, Number(r.view_count) || 0)) / 4)
    const sourceText = sourceIds.join('\n')
    const tableText = tableIds.join(',')
    const name = capText(r.name ?? '', MAX_NAME_CHARS)
    const description = capText(r.description ?? '', MAX_TEXT_CHARS)
    const author = [r.creator_name, r.creator_username].filter(Boolean).join(' ')
    const queryNames = capText([...queries.map((q) => q.name ?? ''), ...charts].join('\n'), MAX_TEXT_CHARS)
    // SQL grammar words (SELECT, COUNT, GROUP BY…) are not indexed: see sql-stopwords.ts.
    const sql = stripSqlStopwords(queries.map((q) => q.raw_query).join('\n;\n').slice(0, MAX_INDEXED_SQL_CHARS))
    const lengths = [
      wordCount(name),
      wordCount(description),
      wordCount(r.collection_name) + wordCount(author) + wordCount(queryNames) + tables.reduce((n, t) => n + wordCount(t), 0)
        + sourceNames.reduce((n, s) => n + wordCount(s), 0),
      wordCount(sql),
    ]
    let id: number
    if (existing) {
      id = existing.id
      updateDoc.run(r.archived, r.collection_token, r.creator_username, r.edited_at, r.view_count, editedDays, popularity,
        sourceText, tableText, ...lengths, id)
      deleteFromWordIndexes(db, id)
    } else {
      id = Number(
        insertDoc.run(token, r.archived, r.collection_token, r.creator_username, r.edited_at, r.view_count, editedDays,
          popularity, sourceText, tableText, ...lengths).lastInsertRowid,
      )
    }
    if (name) insertName.run(id, name)
    if (description) insertDesc.run(id, description)
    insertMeta.run(id, r.collection_name ?? '', author, queryNames, capText(tables.join('\n'), MAX_TEXT_CHARS),
      capText(sourceNames.join('\n'), MAX_TEXT_CHARS))
    if (sql) insertSql.run(id, sql)
    if (logChanges) logChange.run(id)
    addVocabulary(db, [r.name, r.collection_name, r.creator_name, r.creator_username, ...tables,
      ...queries.map((q) => q.name), ...charts])
  }
  if (missing.length > 0) removeReports(db, missing, logChanges)
  if (logChanges) pruneChanges(db)
}

/** Removes reports from the index (call before or after deleting them from the library, same transaction). */
export function unindexReports(db: DatabaseSync, reportTokens: string[]): void {
  if (reportTokens.length === 0) return
  removeReports(db, reportTokens, true)
  pruneChanges(db)
}

function removeReports(db: DatabaseSync, reportTokens: string[], logChanges: boolean): void {
  const findDoc = prepareCached(db, 'SELECT id FROM search_docs WHERE report_token = ?')
  const deleteDoc = prepareCached(db, 'DELETE FROM search_docs WHERE id = ?')
  const logChange = prepareCached(db, 'INSERT INTO search_changes(doc_id) VALUES (?)')
  for (const token of new Set(reportTokens)) {
    const doc = findDoc.get(token) as { id: number } | undefined
    if (!doc) continue
    deleteFromWordIndexes(db, doc.id)
    deleteDoc.run(doc.id)
    if (logChanges) logChange.run(doc.id)
  }
}

function deleteFromWordIndexes(db: DatabaseSync, id: number): void {
  for (const table of FIELD_TABLES) prepareCached(db, `DELETE FROM ${table} WHERE rowid = ?`).run(id)
}

const WORD = /[\p{L}\p{N}]+/gu
function wordCount(text: string | null): number {
  if (!text) return 0
  let n = 0
  for (const _ of text.matchAll(WORD)) n++
  return n
}

/** Keeps the change log short: a reader further behind than this reloads everything instead. */
export const CHANGE_LOG_KEEP = 20_000
function pruneChanges(db: DatabaseSync): void {
  prepareCached(db, 'DELETE FROM search_changes WHERE seq < (SELECT max(seq) FROM search_changes) - ?').run(CHANGE_LOG_KEEP)
}

/** Bumped when the SQL stoplist changes in a way that needs existing libraries re-indexed. */
export const SQL_STOPLIST_VERSION = '1'

/**
 * Drops and rebuilds the whole index from the library (after a restore, or to recover from a damaged index).
 * Runs in the caller's transaction if there is one, else in its own.
 */
export function rebuildSearchIndex(db: DatabaseSync, options: { batchSize?: number } = {}): void {
  const own = !db.isTransaction
  // A rebuild writes the whole index in one transaction: a larger page cache keeps it from spilling
  // (measured: 100k reports took 3x longer with the 2 MB default).
  const cacheSize = (db.prepare('PRAGMA cache_size').get() as { cache_size: number }).cache_size
  db.exec('PRAGMA cache_size = -262144')
  if (own) db.exec('BEGIN IMMEDIATE')
  try {
    db.exec(`DELETE FROM search_docs; DELETE FROM search_changes;
      ${FIELD_TABLES.map((t) => `INSERT INTO ${t}(${t}) VALUES ('delete-all');`).join('\n')}
      DELETE FROM search_table_names; DELETE FROM search_terms;
      INSERT INTO search_table_names_tri(search_table_names_tri) VALUES ('delete-all');
      INSERT INTO search_terms_tri(search_terms_tri) VALUES ('delete-all');`)
    const tokens = (db.prepare('SELECT token FROM reports ORDER BY rowid').all() as Array<{ token: string }>).map((r) => r.token)
    const batch = options.batchSize ?? 1000
    for (let i = 0; i < tokens.length; i += batch) writeReports(db, tokens.slice(i, i + batch), false)
    // Readers holding an in-memory copy reload it whole.
    db.exec('INSERT INTO search_changes(doc_id) VALUES (-1)')
    // Merge the many small FTS segments a bulk load leaves behind: faster queries, smaller file.
    for (const t of FIELD_TABLES) db.exec(`INSERT INTO ${t}(${t}) VALUES ('optimize')`)
    // The SQL index now leaves grammar words out (searchSqlStoplistMigration checks this).
    db.prepare(`INSERT INTO meta(key, value) VALUES ('search_sql_stoplist', ?)
      ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(SQL_STOPLIST_VERSION)
    if (own) db.exec('COMMIT')
  } catch (error) {
    if (own && db.isTransaction) db.exec('ROLLBACK')
    throw error
  } finally {
    db.exec(`PRAGMA cache_size = ${Number(cacheSize)}`)
  }
}

/** search_table_names ids of these tables (adding the new ones), in the same order. */
function tableIdsOf(db: DatabaseSync, tables: string[]): number[] {
  if (tables.length === 0) return []
  const insertTable = prepareCached(db, 'INSERT OR IGNORE INTO search_table_names(name) VALUES (?)')
  const insertTableTri = prepareCached(db, 'INSERT INTO search_table_names_tri(rowid, name) VALUES (?, ?)')
  const findTable = prepareCached(db, 'SELECT id FROM search_table_names WHERE name = ?')
  const ids: number[] = []
  for (const t of tables) {
    const res = insertTable.run(t)
    if (res.changes > 0) {
      insertTableTri.run(res.lastInsertRowid, t)
      ids.push(Number(res.lastInsertRowid))
    } else {
      ids.push(Number((findTable.get(t) as { id: number }).id))
    }
  }
  return ids
}

/**
 * Adds new words to the vocabulary the typo-tolerant fallback uses. Grows only (table names too):
 * a word whose last report went away costs a few bytes and finds nothing, which is harmless.
 */
function addVocabulary(db: DatabaseSync, texts: Array<string | null>): void {
  const insertTerm = prepareCached(db, 'INSERT OR IGNORE INTO search_terms(term) VALUES (?)')
  const insertTermTri = prepareCached(db, 'INSERT INTO search_terms_tri(rowid, term) VALUES (?, ?)')
  const seen = new Set<string>()
  for (const text of texts) {
    if (!text) continue
    for (const w of tokenizeWords(text)) {
      // Short words and numbers are poor typo candidates (and trigram needs three characters).
      if (w.length < 4 || seen.has(w) || /^\d+$/.test(w)) continue
      seen.add(w)
      const res = insertTerm.run(w)
      if (res.changes > 0) insertTermTri.run(res.lastInsertRowid, w)
    }
  }
}
