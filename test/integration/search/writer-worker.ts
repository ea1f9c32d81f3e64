// Writer half of the consistency test: plays a sync that rewrites reports (name and SQL together) in
// transactions and re-indexes them inside the same transactions, on its own connection and thread.
import { DatabaseSync } from 'node:sqlite'
import { parentPort, workerData } from 'node:worker_threads'
import { indexReports } from '../../../src/main/search/index-writer.ts'

const { path, tokens, rounds } = workerData as { path: string; tokens: string[]; rounds: number }
const db = new DatabaseSync(path, { timeout: 10_000 })
db.exec('PRAGMA foreign_keys = ON')
const pause = new Int32Array(new SharedArrayBuffer(4))
const rename = db.prepare('UPDATE reports SET name = ?, edited_at = ? WHERE token = ?')
const setSql = db.prepare('UPDATE queries SET raw_query = ? WHERE report_token = ?')
const clearTables = db.prepare('DELETE FROM query_tables WHERE query_token IN (SELECT token FROM queries WHERE report_token = ?)')
const addTable = db.prepare('INSERT OR IGNORE INTO query_tables(query_token, table_name) SELECT token, ? FROM queries WHERE report_token = ?')
for (let v = 1; v <= rounds; v++) {
  db.exec('BEGIN IMMEDIATE')
  for (const token of tokens) {
    rename.run(`Pipeline report ${token} v${v}`, new Date(Date.UTC(2025, 0, 1, 0, v)).toISOString(), token)
    // Widen the window between the name and the SQL: a reader outside the transaction must see neither.
    Atomics.wait(pause, 0, 0, 1)
    setSql.run(`select * from analytics.stage_v${v} where batch = ${v}`, token)
    clearTables.run(token)
    addTable.run(`analytics.stage_v${v}`, token)
  }
  indexReports(db, tokens)
  db.exec('COMMIT')
}
db.close()
parentPort?.postMessage('done')
