// How much of each report field the search reads, indexes and sends. Mode data is untrusted and unbounded: a
// generated report can carry a multi-megabyte name or SQL. The library keeps every field whole (the report
// page shows the full SQL); search works on bounded prefixes so one such report cannot slow a sync, a search
// or the renderer.

/** A report, collection or query name as indexed and as a hit carries it (longer ones end in "…"). */
export const MAX_NAME_CHARS = 500
/** A description, and each of the other fields (query names, chart titles, tables), as indexed. */
export const MAX_TEXT_CHARS = 20_000
/** A report's SQL (all its queries together) as indexed; the same bound as table-reference parsing. */
export const MAX_INDEXED_SQL_CHARS = 1 << 20
/** Per query, how far a snippet looks for the matched word in the SQL. */
export const SNIPPET_SCAN_CHARS = 64 * 1024

/** The text cut to `max` characters, marked with "…" when cut (never splitting a surrogate pair). */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max - 1
  const c = text.charCodeAt(end - 1)
  if (c >= 0xd800 && c <= 0xdbff) end--
  return text.slice(0, end) + '…'
}
