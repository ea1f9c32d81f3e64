// Seeded pseudo-random numbers for the simulator: the same seed must give byte-identical workspaces, tokens
// included, on every machine, so nothing here may touch Math.random or the clock.

/** A small, fast PRNG (mulberry32). Returns a function giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Mixes numbers into one 32-bit seed, so sub-streams (per report, per workspace) are independent. */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193)
    h ^= h >>> 13
    h = Math.imul(h, 0x5bd1e995)
    h ^= h >>> 15
  }
  return h >>> 0
}

/** A 32-bit hash of a string (FNV-1a), for seeds derived from names. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

export class Rng {
  readonly next: () => number
  constructor(seed: number) {
    this.next = mulberry32(seed)
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  /** A Mode-style token: 12 lowercase hex characters. */
  token(): string {
    return tokenText(this.tokenValue())
  }
  /** A token's 48-bit value (two 24-bit draws). */
  tokenValue(): number {
    return Math.floor(this.next() * 0x1000000) * 0x1000000 + Math.floor(this.next() * 0x1000000)
  }
  /** Index into cumulative weights (ascending, last = total) by binary search. */
  weighted(cumulative: readonly number[]): number {
    const r = this.next() * cumulative[cumulative.length - 1]!
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! > r) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

/** Cumulative weights for `length` items, item i weighing 1/(i+1)^skew: a few big ones, a long tail. */
export function zipfCumulative(length: number, skew = 1): number[] {
  const out: number[] = []
  let total = 0
  for (let i = 0; i < length; i++) {
    total += 1 / Math.pow(i + 1, skew)
    out.push(total)
  }
  return out
}

/** 12 lowercase hex characters for a 48-bit token value. */
export function tokenText(value: number): string {
  return value.toString(16).padStart(12, '0')
}
