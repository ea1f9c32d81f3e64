// Every report's filter, facet and ranking attributes in typed arrays indexed by document id (search_docs.id,
// the rowid of both FTS tables). Loaded once per connection, then kept current from search_changes: the
// index writer logs each document it touches, so after a sync commits, the next search re-reads only those.
// With this in memory a search needs one rowid-only pass over the FTS index; totals, filters and facet counts
// are then plain array work (a millisecond or two even when most of the library matches).
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { Dictionary, SetLists } from './interned-values.ts'

const NO_VALUE = -1
/** Document ids below this pack with a boost into one sortable number (byBoost). */
const ID_SPACE = 2 ** 22
/** Documents read per statement when loading everything at once. */
const LOAD_CHUNK = 20_000

export class DocStore {
  /** Array length: every document id is below this. */
  capacity = 0
  present = new Uint8Array(0)
  archived = new Uint8Array(0)
  collection = new Int32Array(0)
  author = new Int32Array(0)
  /** Milliseconds since 1970 of the last edit; NaN when unknown (never passes an updated: filter). */
  editedMs = new Float64Array(0)
  popularity = new Float32Array(0)
  /** Words per field (name, description, other fields, SQL), side by side per document (field f of document id at 4 × id + f): one cache line when ranking. */
  lengths = new Float32Array(0)
  /** Sums of `lengths` over present documents (their averages normalise field length in ranking). */
  lengthSums = [0, 0, 0, 0]
  /** Present documents. */
  count = 0
  /** The largest table id seen (facet counting arrays). */
  maxTableId = 0
  token: string[] = []
  /**
   * The four facet values of each document side by side (collection, author, source set, table set at
   * 4 × id … 4 × id + 3; -1 for no collection or author): counting facets over tens of thousands of matches
   * then touches one cache line per document instead of four arrays.
   */
  facetKeys = new Int32Array(0)
  /** Data source ids (interned in dataSources) per document. */
  readonly sources = new SetLists()
  /** search_table_names ids per document. */
  readonly tables = new SetLists()
  readonly collections = new Dictionary()
  readonly authors = new Dictionary()
  readonly dataSources = new Dictionary()
  /** The last search_changes.seq applied; -1 before the first load. Changes whenever the index does. */
  seq = -1
  private statements: { maxSeq: StatementSync; minSeq: StatementSync; since: StatementSync; all: StatementSync; one: StatementSync } | null = null

  private boostCache: { day: number; seq: number; values: Float32Array } | null = null

  /**
   * The ranking boost of every document for a given day: up to +20% for a report edited recently (half-life
   * about a year) and up to +15% for a much-viewed one, so a fresh popular report wins a tie but never
   * outranks a clearly better match. Computed once per day and library state (days: since 1970, whole).
   */
  boosts(today: number): Float32Array {
    const day = Math.floor(today)
    const cached = this.boostCache
    if (cached && cached.day === day && cached.seq === this.seq && cached.values.length === this.capacity) return cached.values
    const values = new Float32Array(this.capacity)
    for (let id = 0; id < this.capacity; id++) {
      const edited = this.editedMs[id]!
      const recency = Number.isNaN(edited) ? 0 : 0.2 / (1 + Math.max(0, day - edited / 86_400_000) / 365)
      values[id] = 1 + recency + 0.15 * this.popularity[id]!
    }
    this.boostCache = { day, seq: this.seq, values }
    return values
  }

  private boostOrderCache: { boosts: Float32Array; order: Int32Array } | null = null

  /**
   * Present documents in ranking-boost order, highest first, ties by lower id (the order TopN ranks a
   * filters-only search in): such a search takes the first documents that pass instead of ranking every one.
   * Sorted once per day and library state, as numbers packing (boost, id) (a typed-array sort, ~10x a sort
   * with a comparator).
   */
  byBoost(today: number): Int32Array {
    const boosts = this.boosts(today)
    if (this.boostOrderCache?.boosts === boosts) return this.boostOrderCache.order
    const ids: number[] = []
    let packable = this.capacity <= ID_SPACE
    for (let id = 0; id < this.capacity; id++) {
      if (this.present[id] === 0) continue
      ids.push(id)
      if (!(boosts[id]! >= 1 && boosts[id]! < 2)) packable = false
    }
    let order: Int32Array
    if (packable) {
      // A float32 boost in [1, 2) is 1 + m / 2^23 for an integer m: (2 - boost) × 2^23 is an integer, smaller
      // for a larger boost; times ID_SPACE plus the id it stays exact in a double (below 2^45).
      const keys = new Float64Array(ids.length)
      for (let k = 0; k < ids.length; k++) keys[k] = (2 - boosts[ids[k]!]!) * 2 ** 23 * ID_SPACE + ids[k]!
      keys.sort()
      order = new Int32Array(ids.length)
      for (let k = 0; k < keys.length; k++) order[k] = keys[k]! % ID_SPACE
    } else {
      order = Int32Array.from(ids).sort((a, b) => boosts[b]! - boosts[a]! || a - b)
    }
    this.boostOrderCache = { boosts, order }
    return order
  }

  private visibleCache = new Map<string, { seq: number; values: Uint8Array }>()

  /** 1 per document a search may show: live reports ('exclude' archived), archived ones only, or both. */
  visible(archived: 'exclude' | 'only' | 'include'): Uint8Array {
    const cached = this.visibleCache.get(archived)
    if (cached && cached.seq === this.seq && cached.values.length === this.capacity) return cached.values
    const values = new Uint8Array(this.capacity)
    for (let id = 0; id < this.capacity; id++) {
      if (this.present[id] === 0) continue
      const a = this.archived[id] === 1
      values[id] = archived === 'include' || (archived === 'only') === a ? 1 : 0
    }
    this.visibleCache.set(archived, { seq: this.seq, values })
    return values
  }

  private readonly visibleCounts = new WeakMap<Uint8Array, number>()

  /** How many documents a visible() array shows. */
  visibleCount(values: Uint8Array): number {
    let n = this.visibleCounts.get(values)
    if (n === undefined) {
      n = 0
      for (let id = 0; id < values.length; id++) n += values[id]!
      this.visibleCounts.set(values, n)
    }
    return n
  }

  private readonly db: DatabaseSync
  constructor(db: DatabaseSync) {
    this.db = db
  }

  /**
   * Brings the arrays up to the database's current state. Call inside the search's read transaction, so the
   * arrays and the FTS reads that follow see the same snapshot.
   */
  refresh(): void {
    const s = this.prepare()
    // A background load in progress (warm-up) is finished now: this search needs every document.
    if (this.loading !== null) while (!this.loadSome(LOAD_CHUNK)) { /* bounded: each call reads the next chunk */ }
    const max = Number((s.maxSeq.get() as { s: number | null }).s ?? 0)
    if (max === this.seq) return
    if (this.seq < 0 || max < this.seq) {
      this.loadAll(max)
      return
    }
    const min = Number((s.minSeq.get() as { s: number | null }).s ?? 0)
    if (min > this.seq + 1) {
      // The entries between our state and now were pruned: start over.
      this.loadAll(max)
      return
    }
    const changed = new Set<number>()
    for (const row of s.since.all(this.seq) as unknown as Array<[number]>) changed.add(Number(row[0]))
    if (changed.has(-1) || changed.size > 20_000) {
      this.loadAll(max)
      return
    }
    for (const id of changed) {
      const row = s.one.get(id) as unknown as DocRow | undefined
      if (row) this.put(row)
      else this.remove(id)
    }
    this.seq = max
  }

  private prepare(): NonNullable<DocStore['statements']> {
    if (this.statements) return this.statements
    const columns = `id, report_token, archived, collection_token, creator_username, edited_days, popularity, source_ids,
      table_ids, name_len, desc_len, meta_len, sql_len`
    const one = this.db.prepare(`SELECT ${columns} FROM search_docs WHERE id = ?`)
    const all = this.db.prepare(`SELECT ${columns} FROM search_docs WHERE id > ? ORDER BY id LIMIT ?`)
    const since = this.db.prepare('SELECT doc_id FROM search_changes WHERE seq > ?')
    for (const st of [one, all, since]) st.setReturnArrays(true)
    this.statements = {
      maxSeq: this.db.prepare('SELECT max(seq) AS s FROM search_changes'),
      minSeq: this.db.prepare('SELECT min(seq) AS s FROM search_changes'),
      since,
      all,
      one,
    }
    return this.statements
  }

  /** A load in progress: documents after this id are still to be read; `seq` is what the store is at once done. */
  private loading: { after: number; seq: number } | null = null

  /** Whether every document has been read (false before the first load and while a background load runs). */
  get loaded(): boolean {
    return this.seq >= 0 && this.loading === null
  }

  private loadAll(seq: number): void {
    this.beginLoad(seq)
    while (!this.loadSome(LOAD_CHUNK)) { /* bounded: each call reads the next chunk */ }
  }

  /**
   * Starts loading every document over several calls of loadSome, which may run outside any transaction and
   * between other work (the warm-up at library open). Consistent anyway: `seq` is read before the first
   * chunk, so every change committed while the chunks were read is in the change log after it, and the next
   * refresh() re-reads those documents.
   */
  beginLoad(seq = Number((this.prepare().maxSeq.get() as { s: number | null }).s ?? 0)): void {
    this.capacity = 0
    this.count = 0
    this.lengthSums = [0, 0, 0, 0]
    this.maxTableId = 0
    this.sources.reset()
    this.tables.reset()
    this.grow(1024)
    this.seq = -1
    this.loading = { after: -1, seq }
  }

  /** Reads up to about `rows` more documents of a load begun with beginLoad. True when the load is complete. */
  loadSome(rows: number): boolean {
    const state = this.loading
    if (state === null) return true
    const all = this.prepare().all
    // In chunks with all(): materialising rows in batches is about twice as fast as iterating one by one.
    const batch = all.all(state.after, Math.max(1, rows)) as unknown as DocRow[]
    for (const row of batch) this.put(row)
    if (batch.length === Math.max(1, rows)) {
      state.after = Number(batch[batch.length - 1]![0])
      return false
    }
    this.loading = null
    this.seq = state.seq
    return true
  }

  private grow(atLeast: number): void {
    if (atLeast <= this.capacity) return
    const n = Math.max(atLeast, this.capacity * 2)
    const copy = <T extends Uint8Array | Int32Array | Float64Array | Float32Array>(old: T, make: (n: number) => T): T => {
      const next = make(n)
      next.set(old.subarray(0, Math.min(old.length, this.capacity)) as never)
      return next
    }
    this.present = copy(this.present, (k) => new Uint8Array(k))
    const keys = new Int32Array(4 * n)
    keys.set(this.facetKeys.subarray(0, Math.min(this.facetKeys.length, 4 * this.capacity)))
    this.facetKeys = keys
    this.archived = copy(this.archived, (k) => new Uint8Array(k))
    this.collection = copy(this.collection, (k) => new Int32Array(k).fill(NO_VALUE))
    this.author = copy(this.author, (k) => new Int32Array(k).fill(NO_VALUE))
    this.editedMs = copy(this.editedMs, (k) => new Float64Array(k).fill(NaN))
    this.popularity = copy(this.popularity, (k) => new Float32Array(k))
    const lengths = new Float32Array(4 * n)
    lengths.set(this.lengths.subarray(0, Math.min(this.lengths.length, 4 * this.capacity)))
    this.lengths = lengths
    this.token.length = n
    this.sources.grow(n)
    this.tables.grow(n)
    this.capacity = n
  }

  private remove(i: number): void {
    if (i >= this.capacity || this.present[i] === 0) return
    this.present[i] = 0
    this.count--
    for (let f = 0; f < 4; f++) this.lengthSums[f]! -= this.lengths[4 * i + f]!
  }

  private put(row: DocRow): void {
    const [id, token, archived, collection, author, editedDays, popularity, sourceIds, tableIds, ...lengths] = row
    const i = Number(id)
    this.grow(i + 1)
    this.remove(i)
    this.present[i] = 1
    this.count++
    for (let f = 0; f < 4; f++) {
      const n = Number(lengths[f] ?? 0)
      this.lengths[4 * i + f] = n
      this.lengthSums[f]! += n
    }
    this.token[i] = token
    this.archived[i] = Number(archived) === 1 ? 1 : 0
    this.collection[i] = collection === null ? NO_VALUE : this.collections.intern(collection)
    this.author[i] = author === null ? NO_VALUE : this.authors.intern(author)
    this.editedMs[i] = editedDays === null ? NaN : Math.round(Number(editedDays) * 86_400_000)
    this.popularity[i] = Number(popularity)
    this.sources.set(i, sourceIds === '' ? [] : sourceIds.split('\n').map((s) => this.dataSources.intern(s)))
    const tables = tableIds === '' ? [] : tableIds.split(',').map(Number)
    this.tables.set(i, tables)
    const k = 4 * i
    this.facetKeys[k] = this.collection[i]!
    this.facetKeys[k + 1] = this.author[i]!
    this.facetKeys[k + 2] = this.sources.of[i]!
    this.facetKeys[k + 3] = this.tables.of[i]!
    for (const t of tables) if (t > this.maxTableId) this.maxTableId = t
  }
}

type DocRow = [
  id: number, token: string, archived: number, collection: string | null, author: string | null,
  editedDays: number | null, popularity: number, sourceIds: string, tableIds: string,
  nameLen: number, descLen: number, metaLen: number, sqlLen: number,
]
