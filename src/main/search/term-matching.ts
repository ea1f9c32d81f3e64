// A query's words as match sets: each positive or excluded word becomes FTS text per field index, plus the
// reports that read a table whose name contains an identifier-like word (trigram index of table names).
import type { DatabaseSync } from 'node:sqlite'
import type { DocStore } from './doc-store.ts'
import { META_FIELD } from './fields.ts'
import { prepareCached } from '../library/statement-cache.ts'
import { matchTerm } from './match-set.ts'
import type { TermExpr, TermMatch } from './match-set.ts'
import type { QueryContext } from './query-context.ts'
import { termToFts } from './query-parser.ts'
import type { SearchTerm } from './query-parser.ts'


/**
 * A positive word as FTS text. An identifier-like word (fct_orders, orders_dai) also matches reports that
 * read a table whose name contains it as a substring (trigram index of table names), as a match in the
 * "other fields" group where table names live.
 */
export function termExpr(ctx: QueryContext, t: SearchTerm): TermExpr {
  const fts = termToFts(t)
  const sqlFts = sqlMatchOf(t)
  if (!t.identifier) return { fts, sqlFts }
  const tableIds = tablesContaining(ctx.db, t.raw.toLowerCase(), 500)
  if (tableIds.length === 0) return { fts, sqlFts }
  return { fts, sqlFts, extra: { ids: docsReadingTables(ctx.store, tableIds), field: META_FIELD } }
}

/**
 * In SQL bodies a prefix of one or two letters matches whole words only: "gr" as a prefix would match most
 * of the library's SQL (and tells nothing); in names and descriptions it still prefix-matches as you type.
 * undefined: the same MATCH text as the other fields.
 */
export function sqlMatchOf(t: SearchTerm): string | undefined {
  if (!t.prefix || (t.tokens[t.tokens.length - 1] ?? '').length > 2) return undefined
  return termToFts({ ...t, prefix: false })
}

/** Documents that read any of these tables (a scan of the in-memory table lists). */
export function docsReadingTables(store: DocStore, tableIds: number[]): number[] {
  const wanted = new Uint8Array(store.maxTableId + 1)
  for (const t of tableIds) if (t < wanted.length) wanted[t] = 1
  const matching = store.tables.setsWithAny(wanted)
  const setOf = store.tables.of
  const out: number[] = []
  for (let id = 0; id < store.capacity; id++) if (store.present[id] === 1 && matching[setOf[id]!] === 1) out.push(id)
  return out
}

export function matchOf(ctx: QueryContext, term: TermExpr): TermMatch {
  const key = `${term.fts}\u0000${term.sqlFts === undefined ? '' : String(term.sqlFts)}${term.extra ? '\u0000extra' : ''}`
  let m = ctx.memo.get(key)
  if (!m) {
    m = matchTerm(ctx.db, term, ctx.store.capacity, ctx.buffers, ctx.rowidCache)
    ctx.memo.set(key, m)
  }
  return m
}


/** Ids of table names containing `needle` (trigram substring search; instr for needles under three characters). */
export function tablesContaining(db: DatabaseSync, needle: string, max: number): number[] {
  const clean = needle.replace(/["`[\]]/g, '')
  if (clean.length === 0) return []
  if (clean.length < 3) {
    const rows = prepareCached(db, `SELECT id FROM search_table_names WHERE instr(name, ?) > 0 LIMIT ?`).all(clean, max)
    return rows.map((r) => Number((r as { id: number }).id))
  }
  const rows = prepareCached(
    db,
    `SELECT rowid AS id FROM search_table_names_tri WHERE search_table_names_tri MATCH ? LIMIT ?`,
  ).all(`"${clean.replace(/"/g, '""')}"`, max)
  return rows.map((r) => Number((r as { id: number }).id))
}
