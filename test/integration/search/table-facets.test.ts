// The table facet shows one value per table however the SQL wrote it: qualified by project or database, by
// schema only, or (when no other schema has a table of that name) not at all. Choosing the value filters on
// every spelling, so the count a facet shows is the count the filter finds.
import { DatabaseSync } from 'node:sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateDatabase } from '../../../src/main/library/migrate.ts'
import { rebuildSearchIndex } from '../../../src/main/search/index-writer.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import { extractTableRefs } from '../../../src/main/sql/table-refs.ts'

/** key, SQL */
const REPORTS: Array<[string, string]> = [
  ['bq-full', 'select * from `acme-data-prod.events.fct_events`'],
  ['bq-quoted-parts', 'select * from `acme-data-prod`.`events`.`FCT_EVENTS`'],
  ['schema-only', 'select * from events.fct_events'],
  ['quoted-caps', 'select * from "Events"."Fct_Events"'],
  ['both-spellings', 'select * from events.fct_events a join `acme-data-prod.events.fct_events` b on true'],
  ['bare-unique', 'select * from fct_events'],
  ['staging-orders', 'select * from staging.orders'],
  ['mart-orders', 'select * from mart.orders'],
  ['bare-ambiguous', 'select * from orders'],
]

function library(): DatabaseSync {
  const db = new DatabaseSync(':memory:')
  migrateDatabase(db)
  db.exec('BEGIN')
  const rep = db.prepare(`INSERT INTO reports(token, name, archived, updated_at, view_count, first_seen_at) VALUES (?, ?, 0, '2026-01-01T00:00:00Z', 1, '2026-01-01')`)
  const q = db.prepare('INSERT INTO queries(token, report_token, name, raw_query, position) VALUES (?, ?, ?, ?, 0)')
  const qt = db.prepare('INSERT OR IGNORE INTO query_tables(query_token, table_name) VALUES (?, ?)')
  for (const [key, sql] of REPORTS) {
    rep.run(key, `Report ${key}`)
    q.run(`q-${key}`, key, 'Query 1', sql)
    for (const t of extractTableRefs(sql)) qt.run(`q-${key}`, t)
  }
  db.exec('COMMIT')
  rebuildSearchIndex(db)
  return db
}

const db = library()
afterAll(() => db.close())
const service = createSearchService(db)
const tableFacet = (query: string) => service.search({ query, limit: 50, facets: true }).facets.tables
const tokens = (query: string) => service.search({ query, limit: 50 }).hits.map((h) => h.token).sort()

describe('table facet', () => {
  it('shows the same table written with a project, a schema, quotes, capitals or nothing as one value', () => {
    const facets = tableFacet('report')
    const events = facets.filter((f) => f.value.endsWith('fct_events'))
    expect(events).toEqual([{ value: 'events.fct_events', label: 'events.fct_events', count: 6 }])
  })

  it('keeps tables of the same name in different schemas apart, and a bare name that could be either', () => {
    const values = tableFacet('report').filter((f) => f.value.endsWith('orders')).map((f) => [f.value, f.count])
    expect(values.sort()).toEqual([['mart.orders', 1], ['orders', 1], ['staging.orders', 1]])
  })

  it('counts a report reading two spellings of one table once, and its filter finds what it counted', () => {
    const events = tableFacet('report').find((f) => f.value === 'events.fct_events')!
    const found = tokens('table:events.fct_events')
    expect(found).toEqual(['both-spellings', 'bq-full', 'bq-quoted-parts', 'bare-unique', 'quoted-caps', 'schema-only'].sort())
    expect(found.length).toBe(events.count)
  })

  it('finds the same reports for a table spelled as one report wrote it (a report page link) as for its facet value', () => {
    const events = tokens('table:events.fct_events')
    expect(tokens('table:acme-data-prod.events.fct_events')).toEqual(events)
    expect(tokens('table:fct_events')).toEqual(events)
    // A table of the same name in another schema stays apart when spelled with its schema.
    expect(tokens('table:staging.orders')).toEqual(['staging-orders'])
  })
})
