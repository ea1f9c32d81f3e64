// The library's own acronyms are learned in steps (a pass over every name and description, a few thousand
// texts per step), so a search after a change to a large library never waits for the whole pass; until a pass
// is done the previous one's acronyms answer. These tests take the steps by hand (and through the service).
import { DatabaseSync } from 'node:sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { Acronyms, learnAcronyms } from '../../../src/main/search/acronyms.ts'
import { indexReports } from '../../../src/main/search/index-writer.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'
import { openAnalystLibrary } from '../../fixtures/relevance/analyst-workspace.ts'

function reportsTable(rows: Array<[name: string, description: string | null]>): DatabaseSync {
  const db = new DatabaseSync(':memory:')
  db.exec('CREATE TABLE reports (token TEXT PRIMARY KEY, name TEXT, description TEXT)')
  rows.forEach(([name, description], i) => db.prepare('INSERT INTO reports VALUES (?, ?, ?)').run(`r${i}`, name, description))
  return db
}

describe('learnAcronyms', () => {
  it('takes an acronym from a run of words whose initials the library writes in capitals', () => {
    const learned = learnAcronyms(['Gross Booking Value by Region', 'GBV weekly', 'Cost per Lead (CPL) trend', 'new users'])
    expect(learned.get('gbv')).toEqual(['gross', 'booking', 'value'])
    expect(learned.get('cpl')).toEqual(['cost', 'per', 'lead'])
    // "new users" in lowercase defines nothing, and words with digits start no run.
    expect(learnAcronyms(['New Users Weekly', 'nuw', '2025 Users Weekly', 'UW']).size).toBe(0)
  })

  it('prefers the run written next to its acronym, then the most frequent one', () => {
    const learned = learnAcronyms(['Net Revenue Retention (NRR)', 'New Returning Regions', 'New Returning Regions', 'NRR'])
    expect(learned.get('nrr')).toEqual(['net', 'revenue', 'retention'])
  })
})

describe('Acronyms (stepped learning)', () => {
  const rows: Array<[string, string | null]> = [['Gross Booking Value by Region', null], ['GBV weekly', 'The GBV of every order']]
  for (let i = 0; i < 20; i++) rows.push([`Filler report ${i}`, i % 2 === 0 ? `About nothing ${i}` : null])

  it('learns over several steps and answers with the glossary alone until the first pass is done', () => {
    const db = reportsTable(rows)
    const acronyms = new Acronyms()
    let steps = 0
    while (acronyms.refresh(db, 1, 0, 0, 5) && steps < 100) {
      steps++
      expect(acronyms.meaningsOf('gbv')).toEqual([])
      expect(acronyms.meaningsOf('nrr')).toEqual([['net', 'revenue', 'retention']])
    }
    expect(steps).toBeGreaterThan(3)
    expect(acronyms.meaningsOf('gbv')).toEqual([['gross', 'booking', 'value']])
    expect(acronyms.acronymsAt(['gross', 'booking', 'value'], 0)).toEqual([{ acronym: 'gbv', span: 3 }])
    db.close()
  })

  it('keeps the previous acronyms while a pass after a change is under way, then adds the new ones', () => {
    const db = reportsTable(rows)
    const acronyms = new Acronyms()
    while (acronyms.refresh(db, 1, 0, 0, 5)) { /* the first pass, bounded by the table's size */ }
    db.prepare('INSERT INTO reports VALUES (?, ?, ?)').run('new-1', 'Merchant Fee Yield (MFY) by Region', null)
    expect(acronyms.refresh(db, 2, 1, 0, 5)).toBe(true)
    expect(acronyms.meaningsOf('gbv')).toEqual([['gross', 'booking', 'value']])
    expect(acronyms.meaningsOf('mfy')).toEqual([])
    while (acronyms.refresh(db, 2, 1, 0, 5)) { /* bounded as above */ }
    expect(acronyms.meaningsOf('mfy')).toEqual([['merchant', 'fee', 'yield']])
    expect(acronyms.meaningsOf('gbv')).toEqual([['gross', 'booking', 'value']])
    // Unchanged library: nothing to learn.
    expect(acronyms.refresh(db, 2, 2, 0, 5)).toBe(false)
    db.close()
  })

  it('waits the refresh interval before learning again after a change', () => {
    const db = reportsTable(rows)
    const acronyms = new Acronyms()
    while (acronyms.refresh(db, 1, 0, 60_000, 5)) { /* bounded */ }
    expect(acronyms.refresh(db, 2, 30_000, 60_000, 5)).toBe(false)
    expect(acronyms.refresh(db, 2, 60_000, 60_000, 5)).toBe(true)
    db.close()
  })
})

describe('search expansions after a library change', () => {
  const db = openAnalystLibrary()
  afterAll(() => db.close())

  it('still expands the acronyms it knew and learns the new report’s', () => {
    const service = createSearchService(db, { now: () => new Date('2026-06-01T00:00:00Z'), acronymRefreshMs: 0 })
    expect(service.search({ query: 'nrr' }).expansions).toContainEqual({ acronym: 'NRR', meaning: 'Net Revenue Retention' })
    expect(service.search({ query: 'mfy' }).hits).toEqual([])
    db.prepare(`INSERT INTO reports(token, name, description, collection_token, creator_username, edited_at, updated_at, view_count, first_seen_at)
      VALUES ('mfy', 'Merchant Fee Yield (MFY) by Region', 'How much of each order the fees keep.', 'c0', 'ana', '2026-05-01T00:00:00Z',
      '2026-05-01T00:00:00Z', 1, '2026-05-01')`).run()
    db.prepare(`INSERT INTO reports(token, name, collection_token, creator_username, edited_at, updated_at, view_count, first_seen_at)
      VALUES ('merchant-fees', 'Merchant Fee Yield by Plan', 'c0', 'ana', '2026-05-01T00:00:00Z', '2026-05-01T00:00:00Z', 1, '2026-05-01')`).run()
    indexReports(db, ['mfy', 'merchant-fees'])
    // A small library is learned within one search's step.
    const mfy = service.search({ query: 'mfy' })
    expect(mfy.expansions).toContainEqual({ acronym: 'MFY', meaning: 'Merchant Fee Yield' })
    expect(mfy.hits.map((h) => h.token)).toContain('merchant-fees')
    expect(service.search({ query: 'nrr' }).expansions).toContainEqual({ acronym: 'NRR', meaning: 'Net Revenue Retention' })
    expect(service.search({ query: 'merchant fee yield' }).hits.map((h) => h.token)).toContain('mfy')
  })
})
