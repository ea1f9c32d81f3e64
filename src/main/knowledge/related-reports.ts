// Reports related to one report, from the library alone: a near-duplicate or copy of one of its queries, the
// same Mode definitions, the same dataset, the same tables. Each comes with every reason that applies, in
// words; the strongest reasons first (a copy, then shared definitions or dataset, then tables), the most viewed
// first among equals. Every candidate list is bounded, so a table half the workspace reads costs a bounded read.
import type { RelatedReason, RelatedReport, RelatedReports } from '../../shared/knowledge-model.ts'
import type { Library } from '../library/open-library.ts'
import { UNTITLED_REPORT } from '../library/read-models.ts'
import { similarReports } from './duplicate-reads.ts'

type Row = Record<string, unknown>

/** Reports shown on the page, and candidates read per reason. */
export const RELATED_LIMIT = 12
const CANDIDATES_PER_REASON = 200
/** Same tables: at least this share of the two reports' tables in common (Jaccard). */
const MIN_TABLE_OVERLAP = 0.5

interface Candidate {
  score: number
  reasons: { kind: RelatedReason; text: string }[]
  queryToken: string | null
  otherQueryToken: string | null
}

const names = (list: string[], prefix = ''): string => {
  const shown = list.slice(0, 3).map((n) => `${prefix}${n}`).join(', ')
  return list.length > 3 ? `${shown} and ${list.length - 3} more` : shown
}

export function relatedReports(library: Pick<Library, 'prepare'>, token: string, limit = RELATED_LIMIT): RelatedReports {
  const found = new Map<string, Candidate>()
  const add = (other: string, kind: RelatedReason, text: string, score: number): Candidate => {
    const c = found.get(other) ?? { score: 0, reasons: [], queryToken: null, otherQueryToken: null }
    c.score += score
    c.reasons.push({ kind, text })
    found.set(other, c)
    return c
  }

  for (const s of similarReports(library, token, CANDIDATES_PER_REASON)) {
    const c = add(s.reportToken, 'near-duplicate', s.kind === 'exact' ? 'Same SQL as one of its queries' : `${Math.round(s.similarity * 100)}% similar SQL`, 3 + s.similarity)
    c.queryToken = s.queryToken
    c.otherQueryToken = s.otherQueryToken
  }

  const mine = (library.prepare('SELECT DISTINCT definition AS d FROM query_definitions WHERE report_token = ?').all(token) as Row[]).map((r) => String(r.d))
  if (mine.length > 0) {
    const rows = library.prepare(
      `SELECT o.report_token AS other, json_group_array(DISTINCT o.definition) AS defs, count(DISTINCT o.definition) AS n
         FROM query_definitions m JOIN query_definitions o ON o.definition = m.definition AND o.report_token <> m.report_token
         JOIN reports r ON r.token = o.report_token
        WHERE m.report_token = ? GROUP BY o.report_token ORDER BY n DESC, max(r.view_count) DESC LIMIT ?`,
    ).all(token, CANDIDATES_PER_REASON) as Row[]
    for (const r of rows) {
      const shared = JSON.parse(String(r.defs)) as string[]
      add(String(r.other), 'same-definitions', `${shared.length === 1 ? 'Uses the definition' : 'Uses the same definitions'} ${names(shared, '@')}`, 2 * (shared.length / mine.length))
    }
  }

  const datasets = library.prepare(
    `SELECT o.report_token AS other, coalesce(m.name, d.name, m.dataset_token) AS name, 'same' AS how
       FROM report_datasets m JOIN report_datasets o ON o.dataset_token = m.dataset_token AND o.report_token <> m.report_token
       LEFT JOIN reports d ON d.token = m.dataset_token
      WHERE m.report_token = ?1
     UNION ALL
     SELECT report_token, NULL, 'imports-this' FROM report_datasets WHERE dataset_token = ?1
     UNION ALL
     SELECT dataset_token, name, 'is-dataset' FROM report_datasets WHERE report_token = ?1
     LIMIT ?2`,
  ).all(token, CANDIDATES_PER_REASON) as Row[]
  for (const r of datasets) {
    const name = r.name === null ? '' : String(r.name)
    const text = r.how === 'same' ? `Imports the same dataset: ${name}` : r.how === 'imports-this' ? 'Imports this dataset' : `The dataset this report imports${name ? `: ${name}` : ''}`
    if (String(r.other) !== token && !found.get(String(r.other))?.reasons.some((x) => x.kind === 'same-dataset')) add(String(r.other), 'same-dataset', text, 2)
  }

  sameTables(library, token, add)

  const info = library.prepare(
    'SELECT r.name, r.view_count, c.name AS collection FROM reports r LEFT JOIN collections c ON c.token = r.collection_token WHERE r.token = ?',
  )
  const related: RelatedReport[] = []
  for (const [other, c] of found) {
    const row = info.get(other) as Row | undefined
    if (!row) continue // a dataset or a copy that is not in the library (another collection, deleted)
    related.push({
      reportToken: other, reportName: row.name === null ? UNTITLED_REPORT : String(row.name), collection: row.collection === null ? null : String(row.collection),
      viewCount: Number(row.view_count ?? 0) || 0, reasons: c.reasons, queryToken: c.queryToken, otherQueryToken: c.otherQueryToken,
    })
  }
  const score = (t: string): number => found.get(t)!.score
  related.sort((a, b) => score(b.reportToken) - score(a.reportToken) || b.viewCount - a.viewCount || (a.reportToken < b.reportToken ? -1 : 1))
  return { related: related.slice(0, Math.max(1, Math.min(limit, 50))), total: related.length }
}

/** Reports reading the same tables, or at least half of the tables of the two together. */
function sameTables(library: Pick<Library, 'prepare'>, token: string, add: (other: string, kind: RelatedReason, text: string, score: number) => Candidate): void {
  const tablesOf = library.prepare('SELECT DISTINCT t.table_name AS t FROM query_tables t JOIN queries q ON q.token = t.query_token WHERE q.report_token = ?')
  const mine = (tablesOf.all(token) as Row[]).map((r) => String(r.t))
  if (mine.length === 0) return
  const rows = library.prepare(
    `SELECT q.report_token AS other, json_group_array(DISTINCT t.table_name) AS shared
       FROM query_tables t JOIN queries q ON q.token = t.query_token JOIN reports r ON r.token = q.report_token
      WHERE t.table_name IN (SELECT value FROM json_each(?1)) AND q.report_token <> ?2
      GROUP BY q.report_token ORDER BY count(DISTINCT t.table_name) DESC, max(r.view_count) DESC LIMIT ?3`,
  ).all(JSON.stringify(mine), token, CANDIDATES_PER_REASON) as Row[]
  const countOf = library.prepare('SELECT count(DISTINCT t.table_name) AS n FROM query_tables t JOIN queries q ON q.token = t.query_token WHERE q.report_token = ?')
  for (const r of rows) {
    const shared = JSON.parse(String(r.shared)) as string[]
    const theirs = Number((countOf.get(String(r.other)) as Row).n)
    const overlap = shared.length / (mine.length + theirs - shared.length)
    if (overlap < MIN_TABLE_OVERLAP) continue
    const text = overlap === 1 ? `Reads the same ${shared.length === 1 ? 'table' : 'tables'}: ${names(shared)}` : `Reads ${shared.length} of the same tables: ${names(shared)}`
    add(String(r.other), 'same-tables', text, overlap)
  }
}
