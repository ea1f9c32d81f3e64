import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { CsvRowReader, MalformedCsvError, parseCsv } from '../../../src/main/report-content/csv-rows.ts'
import { captureCsvResult } from '../../../src/main/report-content/result-capture.ts'

const TRICKY = 'day,note,amount\r\n2025-01-01,"Zürich, CH",1.5\r\n2025-01-02,"said ""hi""",2\r\n2025-01-03,"multi\nline",\r\n'

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

describe('CSV rows', () => {
  it('reads quoted commas, escaped quotes, embedded newlines and empty cells, in any chunking', () => {
    const expected = [['day', 'note', 'amount'], ['2025-01-01', 'Zürich, CH', '1.5'], ['2025-01-02', 'said "hi"', '2'], ['2025-01-03', 'multi\nline', '']]
    for (const size of [1, 2, 3, 7, 1000]) {
      const rows: string[][] = []
      const reader = new CsvRowReader((r) => rows.push(r))
      for (let i = 0; i < TRICKY.length; i += size) reader.push(TRICKY.slice(i, i + size))
      reader.end()
      expect(rows, `chunk size ${size}`).toEqual(expected)
    }
  })

  it('accepts LF line ends and a last row without one', () => {
    expect(parseCsv('a,b\n1,2\n3,4')).toEqual({ header: ['a', 'b'], rows: [['1', '2'], ['3', '4']] })
  })

  it('names the line of an unterminated quote, a ragged row, and text after a closing quote', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(/unterminated quoted cell \(line 2\)/)
    expect(() => parseCsv('a,b\n1,2\n1,2,3\n')).toThrow(/3 cells where the header has 2 \(line 3\)/)
    expect(() => parseCsv('a,b\n"x"y,2\n')).toThrow(MalformedCsvError)
  })
})

describe('captureCsvResult', () => {
  const csv = (n: number) => ['id,name', ...Array.from({ length: n }, (_, i) => `${i},row ${i}`)].join('\n') + '\n'

  it('keeps at most maxRows rows and counts them all', async () => {
    const got = await captureCsvResult(chunks(Buffer.from(csv(5000)), 333), { maxRows: 2000, maxBytes: 10_000_000, maxDownloadBytes: 10_000_000 })
    expect(got.columns).toEqual(['id', 'name'])
    expect(got.rows).toHaveLength(2000)
    expect(got.rows[1999]).toEqual(['1999', 'row 1999'])
    expect(got.totalRows).toBe(5000)
    expect(got.totalExact).toBe(true)
  })

  it('stops keeping rows at the byte cap', async () => {
    const got = await captureCsvResult(chunks(Buffer.from(csv(1000)), 64), { maxRows: 2000, maxBytes: 1000, maxDownloadBytes: 10_000_000 })
    expect(got.keptBytes).toBeLessThanOrEqual(1000)
    expect(got.rows.length).toBeGreaterThan(50)
    expect(got.rows.length).toBeLessThan(1000)
    expect(got.totalRows).toBe(1000)
  })

  it('inflates a gzip body recognised by its bytes', async () => {
    const got = await captureCsvResult(chunks(gzipSync(Buffer.from(TRICKY)), 5))
    expect(got.rows[0]).toEqual(['2025-01-01', 'Zürich, CH', '1.5'])
    expect(got.totalRows).toBe(3)
  })

  it('stops reading at the download cap and reports the total as a lower bound', async () => {
    const got = await captureCsvResult(chunks(Buffer.from(csv(100_000)), 4096), { maxRows: 10, maxBytes: 1_000_000, maxDownloadBytes: 100_000 })
    expect(got.rows).toHaveLength(10)
    expect(got.totalExact).toBe(false)
    expect(got.totalRows).toBeGreaterThan(5000)
    expect(got.totalRows).toBeLessThan(100_000)
  })

  it('throws MalformedCsvError for a body that is not CSV', async () => {
    await expect(captureCsvResult(chunks(Buffer.from('a,b\n1,"never closed\n'), 4))).rejects.toThrow(MalformedCsvError)
  })
})
