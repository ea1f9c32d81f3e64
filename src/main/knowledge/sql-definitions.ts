// Mode definitions a query builds on: `{{ @name }}`, `{{ @name as alias }}`, `{{ @name(param=1) }}` in its SQL.
// Two reports on the same definitions are related even when their SQL looks nothing alike.

/** Only the start of a huge query is read (as for table names), and a query names at most this many. */
const MAX_SCANNED_CHARS = 1 << 20
const MAX_DEFINITIONS = 50

/** Definition names used by the SQL, lowercased, in order of first use, without repeats. */
export function definitionsIn(sql: string): string[] {
  const text = String(sql ?? '').slice(0, MAX_SCANNED_CHARS)
  const found = new Set<string>()
  for (const m of text.matchAll(/\{\{-?\s*@([A-Za-z_][A-Za-z0-9_]{0,127})/g)) {
    found.add(m[1]!.toLowerCase())
    if (found.size >= MAX_DEFINITIONS) break
  }
  return [...found]
}
