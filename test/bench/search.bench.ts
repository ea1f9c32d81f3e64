// npm run bench:search [-- --reports 100000]
// Builds a library of N reports (default 100,000; about 2 queries each) from the simulator's generator straight
// into SQLite, times the search index build, then runs ≥ 500 mixed queries end to end through the search
// service (parse, match, rank, snippets, facets) and prints p50/p95 per kind. Also scores the judged relevance
// set (MRR, nDCG@10). Targets: p95 ≤ 10 ms for words, phrases and filters; ≤ 30 ms for identifier substrings.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from '../../src/main/library/index.ts'
import { rebuildSearchIndex } from '../../src/main/search/index-writer.ts'
import { createSearchService } from '../../src/main/search/search-service.ts'
import { generateWorkspace } from '../../src/sim/generator.ts'
import { Rng } from '../../src/sim/prng.ts'
import { scoreRelevance } from '../fixtures/relevance/relevance-score.ts'
import { loadTruthIntoLibrary } from '../fixtures/relevance/truth-library.ts'

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const REPORTS = arg('reports', 100_000)
const QUERIES = Math.max(500, arg('queries', 600))

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0
}
const fmt = (ms: number): string => `${ms.toFixed(2)} ms`

// --keep DIR reuses (or leaves behind) the built library, for iterating on query speed.
const keepAt = process.argv.indexOf('--keep')
const keepDir = keepAt >= 0 ? process.argv[keepAt + 1] : undefined
const dir = keepDir ?? mkdtempSync(join(tmpdir(), 'mode-companion-search-bench-'))
try {
  const reuse = keepDir !== undefined && existsSync(join(keepDir, 'built'))
  const library = openLibrary({ dataDir: dir, workspace: 'bench' })
  const db = library.db

  let t = performance.now()
  const truth = generateWorkspace({ seed: 20250101, reports: REPORTS, queriesPerReport: 2 })
  const queryCount = truth.reports.reduce((n, r) => n + r.queries.length, 0)
  console.log(`generated ${truth.reports.length.toLocaleString()} reports, ${queryCount.toLocaleString()} queries in ${((performance.now() - t) / 1000).toFixed(1)} s`)

  if (!reuse) {
    t = performance.now()
    loadTruthIntoLibrary(db, truth)
    console.log(`library written (incl. table references) in ${((performance.now() - t) / 1000).toFixed(1)} s`)

    t = performance.now()
    rebuildSearchIndex(db)
    const buildS = (performance.now() - t) / 1000
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    console.log(`index build (rebuildSearchIndex, ${REPORTS.toLocaleString()} reports): ${buildS.toFixed(1)} s`)
    if (keepDir) writeFileSync(join(keepDir, 'built'), '')
  }
  const sizeMb = statSync(library.path).size / 1e6
  const ftsMb = Number((db.prepare(`SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'search%'`).get() as { n: number }).n) / 1e6
  console.log(`database ${sizeMb.toFixed(0)} MB (search tables ${ftsMb.toFixed(0)} MB)`)

  // ---- the query mix, drawn from the workspace itself so every kind has real matches
  const rng = new Rng(7)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)] as T
  const nameWords = truth.reports.flatMap((r) => (r.name ?? '').split(/[^A-Za-z]+/).filter((w) => w.length >= 4)).slice(0, 50_000)
  const names = truth.reports.map((r) => r.name ?? '').filter((n) => n.split(' ').length >= 3)
  const tables = [...new Set(truth.reports.flatMap((r) => r.queries.flatMap((q) => [...q.raw_query.matchAll(/\b([a-z]+_[a-z_]+)\b/g)].map((m) => m[1] ?? ''))))].filter((x) => x.length >= 8)
  const collections = truth.spaces.filter((s) => s.space_type !== 'private').map((s) => s.name)
  const people = truth.members.map((m) => m.username)
  const sources = truth.data_sources.map((d) => d.name.split(/\s/)[0] ?? '')
  const queries: Array<{ kind: string; q: string }> = []
  for (let i = 0; queries.length < QUERIES; i++) {
    switch (i % 6) {
      case 0: {
        const n = 1 + (i % 3)
        const ws = Array.from({ length: n }, () => pick(nameWords).toLowerCase())
        // As typed: the last word often cut short.
        if (rng.next() < 0.5) ws[n - 1] = (ws[n - 1] ?? '').slice(0, 3 + Math.floor(rng.next() * 3))
        queries.push({ kind: 'words', q: ws.join(' ') })
        break
      }
      case 1: {
        const parts = pick(names).split(' ')
        const start = Math.floor(rng.next() * Math.max(1, parts.length - 2))
        queries.push({ kind: 'phrase', q: `"${parts.slice(start, start + 2).join(' ')}"` })
        break
      }
      case 2:
        queries.push({ kind: 'filter', q: `collection:"${pick(collections)}" ${pick(nameWords).toLowerCase()}` })
        break
      case 3: {
        const f = pick([`author:${pick(people)}`, `table:${pick(tables)}`, `source:${pick(sources)}`, 'updated:>2025-06-01', 'is:archived'])
        queries.push({ kind: 'filter', q: rng.next() < 0.5 ? f : `${f} ${pick(nameWords).toLowerCase()}` })
        break
      }
      case 4: {
        const name = pick(tables)
        const len = 5 + Math.floor(rng.next() * 5)
        const at = Math.floor(rng.next() * Math.max(1, name.length - len))
        let sub = name.slice(at, at + len)
        if (!/[_.]/.test(sub)) sub = name.slice(Math.max(0, name.indexOf('_') - 3), name.indexOf('_') + 4)
        queries.push({ kind: 'identifier', q: sub })
        break
      }
      default: {
        // A typo: two letters swapped in a name word.
        const w = pick(nameWords).toLowerCase()
        const k = 1 + Math.floor(rng.next() * (w.length - 2))
        queries.push({ kind: 'typo', q: w.slice(0, k) + (w[k + 1] ?? '') + (w[k] ?? '') + w.slice(k + 2) })
      }
    }
  }

  const service = createSearchService(db)
  for (const { q } of queries.slice(0, 30)) service.search({ query: q }) // warm the page cache
  const byKind = new Map<string, number[]>()
  const all: number[] = []
  let slowest = { ms: 0, q: '' }
  const fresh = createSearchService(db) // no count cache carried over from warming
  for (const { kind, q } of queries) {
    const s = performance.now()
    fresh.search({ query: q, limit: 50 })
    const ms = performance.now() - s
    all.push(ms)
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms])
    if (ms > slowest.ms) slowest = { ms, q }
  }
  console.log(`\n${queries.length} queries end to end (parse, match, rank, snippets, facets; limit 50):`)
  for (const [kind, xs] of byKind) {
    const target = kind === 'identifier' ? 30 : 10
    console.log(`  ${kind.padEnd(11)} n=${String(xs.length).padStart(3)}  p50 ${fmt(pct(xs, 50))}  p95 ${fmt(pct(xs, 95))}  (target p95 ≤ ${target} ms)`)
  }
  console.log(`  all         n=${all.length}  p50 ${fmt(pct(all, 50))}  p95 ${fmt(pct(all, 95))}; slowest ${fmt(slowest.ms)} for ${JSON.stringify(slowest.q)}`)
  library.close()

  const relevance = scoreRelevance()
  console.log(`\nrelevance (${relevance.queries} judged queries): MRR ${relevance.mrr.toFixed(3)}, nDCG@10 ${relevance.ndcg10.toFixed(3)}`)
  for (const miss of relevance.misses.slice(0, 10)) console.log(`  rank ${miss.rank ?? '>10'}: ${JSON.stringify(miss.query)}`)
} finally {
  if (!keepDir) rmSync(dir, { recursive: true, force: true })
}
