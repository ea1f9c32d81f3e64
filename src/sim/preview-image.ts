// The picture behind a simulated `web_preview_image`: a small, valid PNG drawn from the report's tokens (a
// coloured bar chart), so a client's magic-byte check, size cap and renderer all see a real image.
import { crc32, deflateSync } from 'node:zlib'
import { hashString } from './prng.ts'

const WIDTH = 480
const HEIGHT = 270

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

/** Pictures already drawn (each follows from its seed text alone), shared by the simulators of one process. */
const drawn = new Map<string, Buffer>()
const DRAWN_MAX = 4096

/** An RGB PNG of WIDTH×HEIGHT: a light background and 8 bars whose heights and colour come from `seedText`. */
export function previewPng(seedText: string): Buffer {
  let png = drawn.get(seedText)
  if (!png) {
    if (drawn.size >= DRAWN_MAX) drawn.clear()
    png = drawPng(seedText)
    drawn.set(seedText, png)
  }
  return png
}

function drawPng(seedText: string): Buffer {
  const h = hashString(seedText)
  const bar = [(h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff].map((c) => 60 + (c % 150))
  const heights = Array.from({ length: 8 }, (_, i) => 40 + (hashString(`${seedText}#${i}`) % (HEIGHT - 80)))
  const raw = Buffer.alloc((WIDTH * 3 + 1) * HEIGHT)
  for (let y = 0; y < HEIGHT; y++) {
    const rowStart = y * (WIDTH * 3 + 1)
    raw[rowStart] = 0
    for (let x = 0; x < WIDTH; x++) {
      const slot = Math.floor(x / (WIDTH / 8))
      const inBar = x % (WIDTH / 8) > 8 && HEIGHT - y < heights[slot]!
      const px = rowStart + 1 + x * 3
      raw[px] = inBar ? bar[0]! : 246
      raw[px + 1] = inBar ? bar[1]! : 247
      raw[px + 2] = inBar ? bar[2]! : 249
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(WIDTH, 0)
  header.writeUInt32BE(HEIGHT, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Over the 5 MB a client accepts: a PNG signature followed by `bytes` of padding. */
export function oversizedPng(bytes = 6 * 1024 * 1024): Buffer {
  const body = Buffer.alloc(bytes)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(body)
  return body
}
