// A streaming CSV reader (RFC 4180: comma-separated, `"` quoting with `""` escapes, CRLF or LF line ends) that
// never holds more than the caller keeps: text arrives in chunks of any size, complete rows come out one by one.
// Strict where it matters for data a user will read as numbers: an unterminated quoted cell, text after a
// closing quote, or a row whose cell count differs from the header's is a malformed file, reported with its line.

export class MalformedCsvError extends Error {
  readonly line: number
  constructor(message: string, line: number) {
    super(`${message} (line ${line})`)
    this.line = line
  }
}

export class CsvRowReader {
  private readonly onRow: (cells: string[]) => void
  private cells: string[] = []
  private cell = ''
  private inQuotes = false
  /** Just saw a `"` inside a quoted cell: either an escaped quote or the end of the cell. */
  private quotePending = false
  /** The previous chunk ended on `\r`: a following `\n` belongs to the same line end. */
  private afterCr = false
  private cellStarted = false
  private width: number | null = null
  /** 1-based line where the current row started (for messages). */
  private line = 1
  private rowStartLine = 1

  constructor(onRow: (cells: string[]) => void) {
    this.onRow = onRow
  }

  push(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!
      if (this.afterCr) {
        this.afterCr = false
        if (ch === '\n') continue
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false
          if (ch === '"') {
            this.cell += '"'
            continue
          }
          this.inQuotes = false
          // fall through: the character after a closing quote must end the cell or the row
        } else if (ch === '"') {
          this.quotePending = true
          continue
        } else {
          if (ch === '\n') this.line++
          this.cell += ch
          continue
        }
        if (ch !== ',' && ch !== '\n' && ch !== '\r') throw new MalformedCsvError('text after a closing quote', this.line)
      }
      if (ch === ',') {
        this.endCell()
      } else if (ch === '\n' || ch === '\r') {
        this.afterCr = ch === '\r'
        this.endRow()
        this.line++
        this.rowStartLine = this.line
      } else if (ch === '"' && !this.cellStarted) {
        this.inQuotes = true
        this.cellStarted = true
      } else if (ch === '"') {
        throw new MalformedCsvError('a quote inside an unquoted cell', this.line)
      } else {
        this.cell += ch
        this.cellStarted = true
      }
    }
  }

  /** The input is complete: a last row without a line end is emitted; an open quote is an error. */
  end(): void {
    if (this.inQuotes && !this.quotePending) throw new MalformedCsvError('an unterminated quoted cell', this.rowStartLine)
    this.inQuotes = false
    this.quotePending = false
    if (this.cells.length > 0 || this.cellStarted || this.cell !== '') this.endRow()
  }

  private endCell(): void {
    this.cells.push(this.cell)
    this.cell = ''
    this.cellStarted = false
  }

  private endRow(): void {
    this.endCell()
    const cells = this.cells
    this.cells = []
    // A blank line (one empty cell) is skipped, as every spreadsheet does.
    if (cells.length === 1 && cells[0] === '') return
    if (this.width === null) this.width = cells.length
    else if (cells.length !== this.width) {
      throw new MalformedCsvError(`a row with ${cells.length} cells where the header has ${this.width}`, this.rowStartLine)
    }
    this.onRow(cells)
  }
}

/** Parses a whole CSV text (tests, small inputs): the header and the rows. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const all: string[][] = []
  const reader = new CsvRowReader((cells) => all.push(cells))
  reader.push(text)
  reader.end()
  return { header: all[0] ?? [], rows: all.slice(1) }
}
