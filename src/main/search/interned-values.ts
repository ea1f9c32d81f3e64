// Interned values of the in-memory search attributes (doc-store.ts): strings as small integers, and each
// document's small integer sets shared by every document with the same set.

/** Interns strings (collection tokens, usernames, data source ids) as small integers. */
export class Dictionary {
  readonly values: string[] = []
  private readonly ids = new Map<string, number>()
  intern(value: string): number {
    let id = this.ids.get(value)
    if (id === undefined) {
      id = this.values.length
      this.values.push(value)
      this.ids.set(value, id)
    }
    return id
  }
  find(value: string): number | undefined {
    return this.ids.get(value)
  }
}

/**
 * Small integer sets per document (its tables, its data sources), interned: documents with the same set
 * share one set id, and there are far fewer distinct sets than documents. Facet counting then increments one
 * counter per document and expands the sets once; a table:/source: filter becomes one lookup per document.
 */
export class SetLists {
  /** Set id per document (0 = the empty set). */
  of = new Int32Array(0)
  sets: Int32Array[] = [new Int32Array(0)]
  private ids = new Map<string, number>([['', 0]])
  grow(capacity: number): void {
    const of = new Int32Array(capacity)
    of.set(this.of.subarray(0, Math.min(this.of.length, capacity)))
    this.of = of
  }
  set(id: number, values: number[]): void {
    const sorted = [...new Set(values)].sort((x, y) => x - y)
    const key = sorted.join(',')
    let set = this.ids.get(key)
    if (set === undefined) {
      set = this.sets.length
      this.sets.push(Int32Array.from(sorted))
      this.ids.set(key, set)
    }
    this.of[id] = set
  }
  /** Per set id: 1 when the set holds any value marked in `wanted`. */
  setsWithAny(wanted: Uint8Array): Uint8Array {
    const out = new Uint8Array(this.sets.length)
    this.sets.forEach((values, k) => {
      for (const v of values) {
        if (wanted[v] === 1) {
          out[k] = 1
          return
        }
      }
    })
    return out
  }
  reset(): void {
    this.of.fill(0)
    this.sets = [new Int32Array(0)]
    this.ids = new Map([['', 0]])
  }
}
