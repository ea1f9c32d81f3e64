// MinHash sketches of normalised SQL for near-duplicate detection: the Jaccard similarity of two queries' sets
// of token shingles (k consecutive normalised tokens) is estimated as the share of equal sketch slots.
// One-permutation hashing (each shingle hashed once, its hash picks a bin and the bin keeps its minimum) with
// rotation densification for empty bins keeps sketching O(tokens) — a full sync sketches every query, and
// k independent hash functions would cost 128 hashes per shingle. Slots keep 16 bits (b-bit MinHash): two
// different minima collide with probability 1/65,536, which biases the estimate by far less than its noise.

export const SKETCH_BINS = 128
/** Rows per LSH band: pairs at similarity ≥ 0.7 share a band with probability > 0.999 (32 bands of 4). */
export const BAND_ROWS = 4
export const BAND_COUNT = SKETCH_BINS / BAND_ROWS

export type Sketch = Uint16Array

/** FNV-1a over the UTF-16 units, then a murmur3 finaliser so the top bits (the bin) are well mixed. */
function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** The distinct shingles of `tokens` (k at a time; a stream shorter than k is one shingle). */
export function shingles(tokens: readonly string[], k: number): Set<string> {
  const out = new Set<string>()
  if (tokens.length === 0) return out
  if (tokens.length <= k) {
    out.add(tokens.join(' '))
    return out
  }
  for (let i = 0; i + k <= tokens.length; i++) out.add(tokens.slice(i, i + k).join(' '))
  return out
}

/** The sketch of a shingle set, or null for an empty set (nothing to compare). */
export function sketchOf(shingleSet: Iterable<string>): Sketch | null {
  const mins = new Uint32Array(SKETCH_BINS).fill(0xffffffff)
  let any = false
  for (const s of shingleSet) {
    const h = hash32(s)
    const bin = h >>> 25 // top 7 bits: 128 bins
    const value = h & 0x01ffffff
    if (value < mins[bin]!) mins[bin] = value
    any = true
  }
  if (!any) return null
  const sketch = new Uint16Array(SKETCH_BINS)
  for (let i = 0; i < SKETCH_BINS; i++) {
    // An empty bin borrows the nearest filled bin to its right, offset by the distance, so two sets agree on
    // it exactly when they agree on the bin borrowed from (the rotation scheme of Shrivastava & Li).
    let j = i
    let distance = 0
    while (mins[j] === 0xffffffff) {
      j = (j + 1) % SKETCH_BINS
      distance++
    }
    sketch[i] = (mins[j]! + distance * 0x9e37) & 0xffff
  }
  return sketch
}

/** Estimated Jaccard similarity: the share of equal slots. */
export function similarity(a: Sketch, b: Sketch): number {
  let equal = 0
  for (let i = 0; i < SKETCH_BINS; i++) if (a[i] === b[i]) equal++
  return equal / SKETCH_BINS
}

/** One key per LSH band; two sketches are candidates when any band key is equal. */
export function bandKeys(sketch: Sketch): string[] {
  const keys: string[] = []
  for (let band = 0; band < BAND_COUNT; band++) {
    let key = `${band}:`
    for (let r = 0; r < BAND_ROWS; r++) key += `${sketch[band * BAND_ROWS + r]!.toString(36)},`
    keys.push(key)
  }
  return keys
}

export function sketchToBytes(sketch: Sketch): Uint8Array {
  return new Uint8Array(sketch.buffer.slice(sketch.byteOffset, sketch.byteOffset + sketch.byteLength))
}

export function sketchFromBytes(bytes: Uint8Array): Sketch | null {
  if (bytes.byteLength !== SKETCH_BINS * 2) return null
  const copy = new Uint8Array(bytes)
  return new Uint16Array(copy.buffer)
}
