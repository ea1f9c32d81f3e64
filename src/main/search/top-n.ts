// The best n rows of a search by (tier, score), kept in a bounded min-heap while the match set is walked.
import type { DocStore } from './doc-store.ts'
import type { RankedRow } from './query-context.ts'

/**
 * The best n by (tier, score), ties by document id, kept in a bounded min-heap. Scores are reported so that
 * order and score agree: tier 1 (every word in the name, description or other fields) above 1, tier 0
 * (some word only in SQL) below 1.
 */
export class TopN {
  private readonly ids: number[] = []
  private readonly keys: number[] = []
  private readonly n: number
  constructor(n: number) {
    this.n = n
  }
  /** a ranks below b */
  private below(i: number, j: number): boolean {
    const ki = this.keys[i]!
    const kj = this.keys[j]!
    return ki < kj || (ki === kj && this.ids[i]! > this.ids[j]!)
  }
  /** Whether n rows are held and the worst has a key of at least `key`. */
  fullAbove(key: number): boolean {
    return this.ids.length >= this.n && this.keys[0]! >= key
  }
  /** tier 2: every word, some in the name, description or other fields; 1: every word, some only in SQL; 0: some words. */
  offer(id: number, tier: number, score: number): void {
    const squashed = score / (1 + score)
    const key = tier === 2 ? 1 + score : tier === 1 ? 0.5 + 0.5 * squashed : 0.5 * squashed
    if (this.ids.length < this.n) {
      this.ids.push(id)
      this.keys.push(key)
      this.up(this.ids.length - 1)
      return
    }
    const rootKey = this.keys[0]!
    if (key < rootKey || (key === rootKey && id > this.ids[0]!)) return
    this.ids[0] = id
    this.keys[0] = key
    this.down(0)
  }
  private swap(i: number, j: number): void {
    // (Not a destructuring swap: that allocates an array per swap.)
    const id = this.ids[i]!
    this.ids[i] = this.ids[j]!
    this.ids[j] = id
    const key = this.keys[i]!
    this.keys[i] = this.keys[j]!
    this.keys[j] = key
  }
  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.below(i, p)) return
      this.swap(i, p)
      i = p
    }
  }
  private down(i: number): void {
    const len = this.ids.length
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < len && this.below(l, m)) m = l
      if (r < len && this.below(r, m)) m = r
      if (m === i) return
      this.swap(i, m)
      i = m
    }
  }
  result(store: DocStore): RankedRow[] {
    const order = this.ids.map((id, i) => ({ id, key: this.keys[i]! }))
    order.sort((a, b) => b.key - a.key || a.id - b.id)
    return order.map((o) => ({ id: o.id, token: store.token[o.id]!, score: o.key, partial: o.key < 0.5 }))
  }
}
