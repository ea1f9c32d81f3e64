// Index updates during a sync never let a search see a half-written report: a writer thread rewrites reports
// (name and SQL in one transaction, re-indexed inside it) while this thread searches on its own connection.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, describe, expect, it } from 'vitest'
import { MARK_END, MARK_START } from '../../../src/shared/model.ts'
import { openLibrary } from '../../../src/main/library/index.ts'
import { indexReports } from '../../../src/main/search/index-writer.ts'
import { createSearchService } from '../../../src/main/search/search-service.ts'

const dir = mkdtempSync(join(tmpdir(), 'search-consistency-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('search during an incremental sync', () => {
  it('only ever sees whole reports', async () => {
    const writer = openLibrary({ dataDir: dir, workspace: 'acme' })
    const tokens = Array.from({ length: 25 }, (_, i) => `rep${String(i).padStart(4, '0')}`)
    writer.transaction(() => {
      writer.prepare(`INSERT INTO collections(token, name) VALUES ('c1', 'Data Platform')`).run()
      for (const t of tokens) {
        writer.prepare(`INSERT INTO reports(token, name, collection_token, first_seen_at) VALUES (?, ?, 'c1', '2025-01-01')`)
          .run(t, `Pipeline report ${t} v0`)
        writer.prepare(`INSERT INTO queries(token, report_token, raw_query) VALUES (?, ?, ?)`)
          .run(`q-${t}`, t, 'select * from analytics.stage_v0 where batch = 0')
      }
      indexReports(writer.db, tokens)
    })
    const reader = openLibrary({ dataDir: dir, workspace: 'acme' })
    const search = createSearchService(reader.db)

    const rounds = 60
    const worker = new Worker(new URL('./writer-worker.ts', import.meta.url), {
      workerData: { path: writer.path, tokens, rounds },
    })
    const finished = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve())
      worker.once('error', reject)
    })
    let done = false
    void finished.then(() => (done = true), () => (done = true))

    const plain = (s: string): string => s.replaceAll(MARK_START, '').replaceAll(MARK_END, '')
    let checks = 0
    const versionsSeen = new Set<string>()
    // Bounded: the writer finishes in a few seconds; the loop also stops after 20,000 searches.
    for (let i = 0; i < 20_000 && !done; i++) {
      const result = search.search({ query: 'analytics stage', limit: 50 })
      // Never a report missing while it is re-indexed, never one counted twice.
      expect(result.total).toBe(tokens.length)
      expect(result.hits).toHaveLength(tokens.length)
      const versions = new Set<string>()
      for (const hit of result.hits) {
        const nameVersion = /v(\d+)$/.exec(hit.name)?.[1]
        expect(hit.snippet?.field).toBe('sql')
        const sqlVersion = /stage_v(\d+)/.exec(plain(hit.snippet?.text ?? ''))?.[1]
        // The name and the SQL of each hit come from the same write.
        expect(sqlVersion).toBe(nameVersion)
        versions.add(nameVersion ?? '?')
        checks++
      }
      // A transaction rewrites all the reports: one search sees one version across them.
      expect(versions.size).toBe(1)
      versionsSeen.add([...versions][0] ?? '')
      // The index agrees with the text: searching the version's table name finds exactly those reports.
      const v = [...versions][0]
      const byTable = search.search({ query: `stage_v${v}`, limit: 50, facets: false })
      for (const hit of byTable.hits.filter((h) => !h.fuzzy)) expect(hit.name.endsWith(`v${v}`)).toBe(true)
      await new Promise((resolve) => setImmediate(resolve))
    }
    await finished
    const last = search.search({ query: 'analytics stage', limit: 50 })
    expect(last.hits.every((h) => h.name.endsWith(`v${rounds}`))).toBe(true)
    expect(checks).toBeGreaterThan(0)
    // The reader really ran while the writer was writing (it saw intermediate versions).
    expect(versionsSeen.size).toBeGreaterThan(1)
    await reader.close()
    await writer.close()
  })
})
