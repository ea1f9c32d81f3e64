// The library's table names in memory, by full name and by every dotted suffix: `fct_orders`,
// `analytics.fct_orders` and `prod.analytics.fct_orders` all find `prod.analytics.fct_orders`. Read once,
// then only new rows (search_table_names only grows). Also the key that makes one facet value of the same
// table written differently: its last two parts (`events.fct_events` = `acme-data-prod.events.fct_events`).
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

  /** One facet value per table however qualified: its last two parts. */
  canonical(id: number): string {
    const name = this.names.get(id) ?? ''
    const parts = name.split('.')
    return parts.length <= 2 ? name : parts.slice(-2).join('.')
  }
}
