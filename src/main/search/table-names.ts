// The library's table names in memory, by full name and by every dotted suffix: `fct_orders`,
// `analytics.fct_orders` and `prod.analytics.fct_orders` all find `prod.analytics.fct_orders`. Read once,
// then only new rows (search_table_names only grows). Also the groups that make one facet value of the same
// table written differently (`events.fct_events` = `acme-data-prod.events.fct_events`; see groups()).
import type { DatabaseSync } from 'node:sqlite'
import { prepareCached } from '../library/statement-cache.ts'

export class TableNames {
  private readonly bySuffix = new Map<string, number[]>()
  private readonly names = new Map<number, string>()
  private lastId = 0

  refresh(db: DatabaseSync): void {
    const rows = prepareCached(db, 'SELECT id, name FROM search_table_names WHERE id > ? ORDER BY id').all(this.lastId) as
      Array<{ id: number; name: string }>
    for (const { id, name } of rows) {
      const n = Number(id)
      this.lastId = Math.max(this.lastId, n)
      this.names.set(n, name)
      const parts = name.split('.')
      for (let k = 0; k < parts.length; k++) {
        const suffix = parts.slice(k).join('.')
        const list = this.bySuffix.get(suffix)
        if (list) list.push(n)
        else this.bySuffix.set(suffix, [n])
      }
    }
  }

  /** Ids of tables named exactly this or ending in `.name` (at most 500). */
  named(name: string): number[] {
    return (this.bySuffix.get(name.toLowerCase()) ?? []).slice(0, 500)
  }

  private grouped: { lastId: number; of: Int32Array; names: string[]; members: Map<string, number[]> } | null = null

  /**
   * The tables grouped as one facet value each: names that differ only in qualification are one table —
   * `acme-data-prod.events.fct_events` and `events.fct_events` are `events.fct_events` (the last two parts),
   * and a bare `fct_events` joins them when no other schema has a `fct_events`. (Quoting and case are already
   * gone: table references are stored lowercased and unquoted.) `of[id]` is the group of table id, `names`
   * each group's value. Rebuilt when new tables appear.
   */
  groups(): { of: Int32Array; names: string[] } {
    if (this.grouped && this.grouped.lastId === this.lastId) return this.grouped
    const keyOf = (parts: string[]): string => parts.slice(-2).join('.')
    const qualifiedByLast = new Map<string, Set<string>>()
    for (const name of this.names.values()) {
      const parts = name.split('.')
      if (parts.length < 2) continue
      const keys = qualifiedByLast.get(parts.at(-1)!) ?? new Set<string>()
      keys.add(keyOf(parts))
      qualifiedByLast.set(parts.at(-1)!, keys)
    }
    const of = new Int32Array(this.lastId + 1).fill(-1)
    const names: string[] = []
    const members = new Map<string, number[]>()
    const groupOf = new Map<string, number>()
    for (const [id, name] of this.names) {
      const parts = name.split('.')
      const only = parts.length === 1 ? qualifiedByLast.get(name) : undefined
      const key = only?.size === 1 ? [...only][0]! : keyOf(parts)
      let g = groupOf.get(key)
      if (g === undefined) {
        g = names.push(key) - 1
        groupOf.set(key, g)
        members.set(key, [])
      }
      of[id] = g
      members.get(key)!.push(id)
    }
    this.grouped = { lastId: this.lastId, of, names, members }
    return this.grouped
  }

  /**
   * These tables and every other name the facet counts as the same table: `table:acme-data-prod.events.fct_events`
   * (a report page's table link, spelled as its SQL wrote it) finds what the `events.fct_events` facet value
   * finds, so the two counts agree.
   */
  withSameTable(ids: number[]): number[] {
    const { of, names } = this.groups()
    const out = new Set(ids)
    for (const g of new Set(ids.map((id) => of[id] ?? -1))) {
      if (g >= 0) for (const id of this.grouped!.members.get(names[g]!) ?? []) out.add(id)
    }
    return [...out]
  }
}
