// Results as CSV text (RFC 4180: CRLF line ends, a cell quoted when it holds a quote, comma or line break), for
// the results table's "Export CSV" and the CLI's `export --results`. Cells are written as Mode's CSV spelled
// them, as Mode's own CSV download does: no formula escaping, since that would change the data.

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export function csvText(columns: string[], rows: string[][]): string {
  return [columns.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n') + '\r\n'
}
