// Reads a query's results body as it streams in and keeps what the library stores: the header, up to `maxRows`
// rows within `maxBytes` of cell text, and the total row count. A gzip body (magic bytes 1f 8b, whatever the
// headers say) is inflated on the fly. Beyond `maxDownloadBytes` of input it stops reading: the rows kept are
// still right, and the total is then a lower bound (`totalExact: false`). Never buffers the whole body.
import { createGunzip } from 'node:zlib'
import { CsvRowReader, MalformedCsvError } from './csv-rows.ts'

export interface ResultCaps {
  /** Rows kept (default 2,000). */
  maxRows: number
  /** Bytes of cell text kept (default 2 MB). */
  maxBytes: number
  /** CSV text read at most, after any gunzip (default 64 MB); past it the total row count is a lower bound. */
  maxDownloadBytes: number
}

export const DEFAULT_RESULT_CAPS: ResultCaps = { maxRows: 2_000, maxBytes: 2 * 1024 * 1024, maxDownloadBytes: 64 * 1024 * 1024 }

export interface CapturedResult {
  columns: string[]
  rows: string[][]
  /** Data rows in the result (header excluded); a lower bound when `totalExact` is false. */
  totalRows: number
  totalExact: boolean
  /** Bytes of cell text kept. */
  keptBytes: number
}

export class ResultTooLargeError extends Error {}

const GZIP_MAGIC = [0x1f, 0x8b]

/** Captures a CSV results body from its byte stream. Throws MalformedCsvError for a body that is not valid CSV. */
export async function captureCsvResult(body: AsyncIterable<Uint8Array>, caps: ResultCaps = DEFAULT_RESULT_CAPS): Promise<CapturedResult> {
  let columns: string[] | null = null
  const rows: string[][] = []
  let totalRows = 0
  let keptBytes = 0
  let full = false
  const reader = new CsvRowReader((cells) => {
    if (columns === null) {
      columns = cells
      return
    }
    totalRows++
    if (full) return
    const size = cells.reduce((n, c) => n + c.length + 1, 0)
    if (rows.length >= caps.maxRows || keptBytes + size > caps.maxBytes) {
      full = true
      return
    }
    rows.push(cells)
    keptBytes += size
  })
  const decoder = new TextDecoder('utf-8')
  let downloaded = 0
  let truncated = false
  for await (const chunk of inflateIfGzip(body, caps.maxDownloadBytes * 8)) {
    downloaded += chunk.byteLength
    reader.push(decoder.decode(chunk, { stream: true }))
    if (downloaded >= caps.maxDownloadBytes) {
      truncated = true
      break
    }
  }
  if (!truncated) {
    reader.push(decoder.decode())
    reader.end()
  }
  // A body cut off mid-row: the partial last row was never emitted, so the count stays a true lower bound.
  return { columns: columns ?? [], rows, totalRows, totalExact: !truncated, keptBytes }
}

/** Passes bytes through, or gunzips them when the stream starts with the gzip magic bytes. */
async function* inflateIfGzip(body: AsyncIterable<Uint8Array>, maxInflated: number): AsyncGenerator<Uint8Array> {
  const iterator = body[Symbol.asyncIterator]()
  const first = await iterator.next()
  if (first.done) return
  const head = first.value
  const rest: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => iterator }
  if (!(head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1])) {
    yield head
    yield* rest
    return
  }
  // maxOutputLength bounds a decompression bomb; the caller's download cap ends the loop well before it.
  const gunzip = createGunzip({ maxOutputLength: maxInflated })
  const feed = (async () => {
    try {
      gunzip.write(head)
      for await (const chunk of rest) if (!gunzip.write(chunk)) await new Promise((r) => gunzip.once('drain', r))
      gunzip.end()
    } catch (error) {
      gunzip.destroy(error as Error)
    }
  })()
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array
  } catch (error) {
    throw new MalformedCsvError(`the gzip body is damaged (${(error as Error).message})`, 0)
  } finally {
    gunzip.destroy()
    await feed.catch(() => {})
  }
}
