// Hostile sizes from the server: a report with a 10 MB name and fifty 1 MB queries syncs, is found, and its hit
// stays small; the full SQL stays stored; table names are parsed before the write transaction opens.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library/index.ts'
import type { Library } from '../../../src/main/library/index.ts'
import type { ModeQuery } from '../../../src/main/mode/schemas.ts'
import { MAX_NAME_CHARS } from '../../../src/main/search/field-caps.ts'
import { indexReports } from '../../../src/main/search/index-writer.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import { extractTableRefs } from '../../../src/main/sql/table-refs.ts'
import { saveReportQueries } from '../../../src/main/library/writes/content-writes.ts'
import { SearchResult } from '../../../src/shared/model.ts'

const dir = mkdtempSync(join(tmpdir(), 'search-huge-'))
const library: Library = openLibrary({ dataDir: dir, workspace: 'huge' })
afterAll(async () => {
  await library.close()
  rmSync(dir, { recursive: true, force: true })
})

const HUGE_NAME = 'Quarterly bookings ' + 'padding '.repeat(1_300_000) // ~10 MB
const MB_SQL = (i: number): string =>
  `-- query ${i}\nselect b.amount from finance.bookings_${i} b join finance.accounts a on a.id = b.account_id\n` +
  `where b.note = '${'x'.repeat(1_000_000)}'`

function query(i: number, rawQuery: string): ModeQuery {
  return { token: `q${i}`, id: String(i), name: `Query ${i}`, rawQuery, dataSourceId: null, createdAt: null, updatedAt: null,
    creatorUsername: null }
}

describe('huge fields', () => {
  library.transaction(() => {
    library.prepare(`INSERT INTO collections(token, name) VALUES ('c1', 'Finance')`).run()
    library.prepare(`INSERT INTO reports(token, name, collection_token, first_seen_at) VALUES ('big', ?, 'c1', '2025-01-01')`).run(HUGE_NAME)
    library.prepare(`INSERT INTO reports(token, name, collection_token, first_seen_at) VALUES ('small', 'Bookings by region', 'c1', '2025-01-01')`).run()
    indexReports(library.db, ['big', 'small'])
  })
  const inTransaction: boolean[] = []
  const queries = Array.from({ length: 50 }, (_, i) => query(i, MB_SQL(i)))
  const saved = saveReportQueries(library, 'big', 'v1', queries, (sql) => {
    inTransaction.push(library.db.isTransaction)
    return extractTableRefs(sql)
  }, '2025-01-02T00:00:00Z')

  it('parses table names before the write transaction, and keeps the whole SQL', () => {
    expect(saved).toBe(true)
    expect(inTransaction).toHaveLength(50)
    expect(inTransaction.every((t) => !t)).toBe(true)
    const stored = library.prepare(`SELECT sum(length(raw_query)) AS n FROM queries WHERE report_token = 'big'`).get() as { n: number }
    expect(stored.n).toBe(queries.reduce((n, q) => n + q.rawQuery.length, 0))
    const tables = library.prepare(`SELECT count(DISTINCT table_name) AS n FROM query_tables`).get() as { n: number }
    expect(tables.n).toBe(51) // finance.bookings_0 … _49 and finance.accounts
  })

  it('sends a bounded name and snippet for the huge report, and still finds it by name, SQL and table', () => {
    const service = createSearchService(library.db)
    for (const q of ['quarterly bookings', 'bookings_7', 'table:finance.accounts']) {
      const result = service.search({ query: q })
      SearchResult.parse(result)
      const hit = result.hits.find((h) => h.token === 'big')
      expect(hit, q).toBeDefined()
      expect(hit!.name.length).toBeLessThanOrEqual(MAX_NAME_CHARS)
      expect(hit!.name.startsWith('Quarterly bookings')).toBe(true)
      expect(hit!.name.endsWith('…')).toBe(true)
      expect(JSON.stringify(result).length).toBeLessThan(20_000)
    }
  })
})
