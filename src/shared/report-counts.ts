// The one rule for counting reports wherever a count is shown (library total, collection cards, people, the
// collection header): the number is the live reports — what a click on it lists, since the library hides archived
// reports unless asked — and archived ones are named beside it, never silently added or dropped.

/** "84 reports · 3 archived", "1 report", "385 reports in your library · 15 archived" (with `where`). */
export function reportCountText(live: number, archived: number, locale?: string, where?: string): string {
  const main = `${live.toLocaleString(locale)} ${live === 1 ? 'report' : 'reports'}${where ? ` ${where}` : ''}`
  return archived > 0 ? `${main} · ${archived.toLocaleString(locale)} archived` : main
}
