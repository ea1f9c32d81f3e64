// Reads of duplicate detection: groups of reports that hold copies of the same query (exact: equal
// fingerprints; near: stored MinHash pairs), each led by its likely original — the most viewed copy, then
// the most recently run — and the reports similar to one report.
import type { DuplicateGroup, DuplicateList, DuplicateMember, SimilarReport } from '../../shared/knowledge-model.ts'
import type { DatabaseSync } from 'node:sqlite'
import type { Library } from '../library/open-library.ts'
import { libraryState } from '../library/library-state.ts'
import { prepareCached } from '../library/statement-cache.ts'
import { UNTITLED_REPORT } from '../library/read-models.ts'

type Row = Record<string, unknown>
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))

interface Link {
  reportA: string
  queryA: string
  reportB: string
  queryB: string
  kind: 'exact' | 'near'
  similarity: number
}

const EXACT_MEMBERS = `
  SELECT fingerprint, query_token, report_token FROM query_shapes
   WHERE sketch IS NOT NULL AND fingerprint IN (
     SELECT fingerprint FROM query_shapes WHERE sketch IS NOT NULL GROUP BY fingerprint HAVING count(DISTINCT report_token) > 1)
   ORDER BY fingerprint, report_token, query_token`

/** report → fingerprint → that report's query with it, for reports with an exact copy elsewhere. */
type ExactCopies = Map<string, Map<string, string>>

/** Every duplicate link between two reports: each exact copy to the first of its fingerprint, and near pairs. */
function allLinks(library: Pick<Library, 'prepare'>, exactCopies: ExactCopies = new Map()): Link[] {
  const links: Link[] = []
  let first: Row | null = null
  for (const row of library.prepare(EXACT_MEMBERS).all() as Row[]) {
    const own = exactCopies.get(String(row.report_token)) ?? exactCopies.set(String(row.report_token), new Map()).get(String(row.report_token))!
    if (!own.has(String(row.fingerprint))) own.set(String(row.fingerprint), String(row.query_token))
    if (first === null || first.fingerprint !== row.fingerprint) {
      first = row
      continue
    }
    if (row.report_token === first.report_token) continue
    links.push({ reportA: String(first.report_token), queryA: String(first.query_token), reportB: String(row.report_token), queryB: String(row.query_token), kind: 'exact', similarity: 1 })
  }
  for (const row of library.prepare('SELECT query_a, query_b, report_a, report_b, similarity FROM near_duplicates').all() as Row[]) {
    links.push({ reportA: String(row.report_a), queryA: String(row.query_a), reportB: String(row.report_b), queryB: String(row.query_b), kind: 'near', similarity: Number(row.similarity) })
  }
  return links
}

/** Tokens of every report that has a copy elsewhere (what `is:duplicate` shows). */
export function duplicateReportTokens(library: Pick<Library, 'prepare'>): Set<string> {
  const tokens = new Set<string>()
  for (const l of allLinks(library)) {
    tokens.add(l.reportA)
    tokens.add(l.reportB)
  }
  return tokens
}

const copiesCache = new WeakMap<DatabaseSync, { state: string; tokens: Set<string> }>()

/**
 * duplicateReportTokens of a search connection, kept until the library changes: `is:duplicate` is searched as
 * the user types, and every link read costs a pass over all shapes and pairs.
 */
export function cachedDuplicateReportTokens(db: DatabaseSync): Set<string> {
  const state = libraryState(db)
  const cached = copiesCache.get(db)
  if (cached?.state === state) return cached.tokens
  const tokens = duplicateReportTokens({ prepare: (sql) => prepareCached(db, sql) })
  copiesCache.set(db, { state, tokens })
  return tokens
}

function find(parent: Map<string, string>, x: string): string {
  let root = x
  while (parent.get(root) !== root) root = parent.get(root)!
  for (let y = x; parent.get(y) !== root; ) {
    const next = parent.get(y)!
    parent.set(y, root)
    y = next
  }
  return root
}

interface ReportInfo {
  name: string
  collection: string | null
  viewCount: number
  lastRunAt: string | null
}

function reportInfo(library: Pick<Library, 'prepare'>, tokens: Iterable<string>): Map<string, ReportInfo> {
  const select = library.prepare(
    `SELECT r.name, r.view_count, r.last_run_at, c.name AS collection FROM reports r LEFT JOIN collections c ON c.token = r.collection_token WHERE r.token = ?`,
  )
  const out = new Map<string, ReportInfo>()
  for (const token of tokens) {
    const row = select.get(token) as Row | undefined
    if (row) out.set(token, { name: text(row.name) ?? UNTITLED_REPORT, collection: text(row.collection), viewCount: Number(row.view_count ?? 0), lastRunAt: text(row.last_run_at) })
  }
  return out
}

/** The likely original first: most viewed, then most recently run, then by token for a stable order. */
const byLikelyOriginal = (info: Map<string, ReportInfo>) => (a: string, b: string): number => {
  const x = info.get(a)!
  const y = info.get(b)!
  return y.viewCount - x.viewCount || (y.lastRunAt ?? '').localeCompare(x.lastRunAt ?? '') || (a < b ? -1 : 1)
}

export function listDuplicateGroups(library: Library, options: { limit?: number } = {}): DuplicateList {
  const exactCopies: ExactCopies = new Map()
  const links = allLinks(library, exactCopies)
  const parent = new Map<string, string>()
  for (const l of links) {
    for (const t of [l.reportA, l.reportB]) if (!parent.has(t)) parent.set(t, t)
    const a = find(parent, l.reportA)
    const b = find(parent, l.reportB)
    if (a !== b) parent.set(a, b)
  }
  const components = new Map<string, string[]>()
  for (const t of parent.keys()) {
    const root = find(parent, t)
    const list = components.get(root) ?? []
    list.push(t)
    components.set(root, list)
  }
  const info = reportInfo(library, parent.keys())
  const linksOf = new Map<string, Link[]>()
  for (const l of links) for (const t of [l.reportA, l.reportB]) (linksOf.get(t) ?? linksOf.set(t, []).get(t)!).push(l)

  const groups: DuplicateGroup[] = []
  for (const members of components.values()) {
    const present = members.filter((t) => info.has(t))
    if (present.length < 2) continue
    present.sort(byLikelyOriginal(info))
    const original = present[0]!
    const rows: DuplicateMember[] = present.map((token) => memberRow(token, original, info.get(token)!, linksOf.get(token) ?? [], exactCopies, linksOf.get(original) ?? []))
    groups.push({ id: original, members: rows })
  }
  groups.sort((a, b) => b.members.length - a.members.length || b.members[0]!.viewCount - a.members[0]!.viewCount || (a.id < b.id ? -1 : 1))
  const limit = Math.max(1, Math.min(options.limit ?? 200, 1000))
  return { groups: groups.slice(0, limit), total: groups.length, reportsInGroups: groups.reduce((n, g) => n + g.members.length, 0) }
}

function memberRow(token: string, original: string, info: ReportInfo, links: Link[], exactCopies: ExactCopies, originalLinks: Link[]): DuplicateMember {
  const base = { reportToken: token, reportName: info.name, collection: info.collection, viewCount: info.viewCount, lastRunAt: info.lastRunAt }
  if (token === original) {
    const any = links[0]
    const queryToken = any ? (any.reportA === token ? any.queryA : any.queryB) : ''
    return { ...base, queryToken, originalQueryToken: null, kind: 'original', similarity: 1, direct: true }
  }
  const originalCopies = exactCopies.get(original)
  for (const [fingerprint, queryToken] of exactCopies.get(token) ?? []) {
    const theirs = originalCopies?.get(fingerprint)
    if (theirs) return { ...base, queryToken, originalQueryToken: theirs, kind: 'exact', similarity: 1, direct: true }
  }
  // The best link straight to the original; otherwise (a copy of a copy) the best link it has.
  const direct = links.filter((l) => (l.reportA === original && l.reportB === token) || (l.reportB === original && l.reportA === token))
  const best = [...(direct.length > 0 ? direct : links)].sort((a, b) => b.similarity - a.similarity)[0]!
  const mine = best.reportA === token ? best.queryA : best.queryB
  const theirs = best.reportA === token ? best.queryB : best.queryA
  // A copy of a copy is still compared with the original: against the original's first duplicated query.
  const originalQuery = direct.length > 0 ? theirs : originalQueryOf(original, exactCopies, originalLinks)
  return { ...base, queryToken: mine, originalQueryToken: originalQuery, kind: best.kind, similarity: best.similarity, direct: direct.length > 0 }
}

function originalQueryOf(original: string, exactCopies: ExactCopies, links: Link[]): string | null {
  const exact = exactCopies.get(original)?.values().next().value
  if (exact) return exact
  const link = links.find((l) => l.reportA === original || l.reportB === original)
  return link ? (link.reportA === original ? link.queryA : link.queryB) : null
}

/** Reports holding a copy of one of this report's queries, most similar first. */
export function similarReports(library: Pick<Library, 'prepare'>, reportToken: string, limit = 20): SimilarReport[] {
  const exact = library
    .prepare(
      `SELECT o.report_token AS other, o.query_token AS other_query, s.query_token AS mine FROM query_shapes s
         JOIN query_shapes o ON o.fingerprint = s.fingerprint AND o.report_token <> s.report_token AND o.sketch IS NOT NULL
        WHERE s.report_token = ? AND s.sketch IS NOT NULL LIMIT 500`,
    )
    .all(reportToken) as Row[]
  const near = library
    .prepare(
      `SELECT CASE WHEN report_a = ?1 THEN report_b ELSE report_a END AS other,
              CASE WHEN report_a = ?1 THEN query_b ELSE query_a END AS other_query,
              CASE WHEN report_a = ?1 THEN query_a ELSE query_b END AS mine, similarity
         FROM near_duplicates WHERE report_a = ?1 OR report_b = ?1`,
    )
    .all(reportToken) as Row[]
  const best = new Map<string, { kind: 'exact' | 'near'; similarity: number; mine: string; otherQuery: string }>()
  for (const r of exact) if (!best.has(String(r.other))) best.set(String(r.other), { kind: 'exact', similarity: 1, mine: String(r.mine), otherQuery: String(r.other_query) })
  for (const r of near) {
    const current = best.get(String(r.other))
    if (!current || (current.kind === 'near' && current.similarity < Number(r.similarity))) {
      best.set(String(r.other), { kind: 'near', similarity: Number(r.similarity), mine: String(r.mine), otherQuery: String(r.other_query) })
    }
  }
  const info = reportInfo(library, best.keys())
  return [...best]
    .filter(([token]) => info.has(token))
    .map(([token, m]) => ({ reportToken: token, reportName: info.get(token)!.name, collection: info.get(token)!.collection, kind: m.kind, similarity: m.similarity, queryToken: m.mine, otherQueryToken: m.otherQuery }))
    .sort((a, b) => b.similarity - a.similarity || b.reportName.localeCompare(a.reportName) * -1)
    .slice(0, limit)
}
