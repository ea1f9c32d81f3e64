// Results in an order the user chose instead of relevance: last edited, last run, most viewed, or by name. The
// match set is computed as for relevance (same total, same facets); only its order differs. Per-report keys the
// in-memory attributes lack (last run, views, the rank of each name) are read once per library state, and the
// last ordering is kept, so paging down a sorted list of 100,000 reports sorts once.
import type { DatabaseSync } from 'node:sqlite'
import type { SearchSort } from '../../shared/model.ts'
import type { DocStore } from './doc-store.ts'
import type { RankedRow } from './query-context.ts'

export class SortKeys {
  private stamp = -1
  private capacity = 0
  lastRunMs = new Float64Array(0)
  views = new Float64Array(0)
  /** Position of each report in name order (case-insensitive, then token), so sorting by name compares numbers. */
  nameRank = new Int32Array(0)
  private last: { key: string; ids: Int32Array } | null = null
  private readonly db: DatabaseSync
  constructor(db: DatabaseSync) {
    this.db = db
  }

  /** Re-reads the keys when the library changed (stamp: the document store's change sequence). */
  refresh(store: DocStore): void {
    if (this.stamp === store.seq && this.capacity === store.capacity) return
    const n = store.capacity
    this.lastRunMs = new Float64Array(n).fill(NaN)
    this.views = new Float64Array(n)
    this.nameRank = new Int32Array(n).fill(0x7fffffff)
    const rows = this.db.prepare(
      `SELECT d.id AS id, r.last_run_at AS run, r.view_count AS views FROM search_docs d JOIN reports r ON r.token = d.report_token`,
    ).all() as Array<{ id: number; run: string | null; views: number | null }>
    for (const r of rows) {
      if (r.id >= n) continue
      this.lastRunMs[r.id] = r.run === null ? NaN : Date.parse(r.run)
      this.views[r.id] = Number(r.views ?? 0) || 0
    }
    const byName = this.db.prepare(
      `SELECT d.id AS id FROM search_docs d JOIN reports r ON r.token = d.report_token
        ORDER BY coalesce(r.name, '') COLLATE NOCASE, r.token`,
    ).all() as Array<{ id: number }>
    byName.forEach((r, i) => { if (r.id < n) this.nameRank[r.id] = i })
    this.stamp = store.seq
    this.capacity = n
    this.last = null
  }

  /**
   * The page [offset, offset + limit) of `ids` in the chosen order; newest/most first, unknown dates last, ties by
   * name. `key` names the match set (query and filters), so the next page of the same search reuses the sort.
   */
  page(store: DocStore, ids: Int32Array, sort: Exclude<SearchSort, 'relevance'>, key: string, offset: number, limit: number): RankedRow[] {
    const cacheKey = `${this.stamp}\u0000${sort}\u0000${key}`
    let sorted = this.last?.key === cacheKey ? this.last.ids : null
    if (sorted === null) {
      sorted = Int32Array.from(ids)
      const name = this.nameRank
      const desc = (values: Float64Array) => (a: number, b: number) => {
        const va = values[a]!
        const vb = values[b]!
        const na = Number.isNaN(va)
        const nb = Number.isNaN(vb)
        if (na !== nb) return na ? 1 : -1
        return (na ? 0 : vb - va) || name[a]! - name[b]!
      }
      const compare = sort === 'name' ? (a: number, b: number) => name[a]! - name[b]!
        : sort === 'edited' ? desc(store.editedMs) : sort === 'lastRun' ? desc(this.lastRunMs) : desc(this.views)
      sorted.sort(compare)
      this.last = { key: cacheKey, ids: sorted }
    }
    const page = sorted.subarray(offset, offset + limit)
    return Array.from(page, (id, i) => ({ id, token: store.token[id]!, score: 1 / (1 + offset + i) }))
  }
}
