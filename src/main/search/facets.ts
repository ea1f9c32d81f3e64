// Facet counts over the whole match set: one pass over arrays indexed by interned values and sets, then the
// largest counts per kind with their labels.
import type { FacetCount, SearchFacets } from '../../shared/model.ts'
import type { DocStore } from './doc-store.ts'
import type { FacetLabels } from './facet-labels.ts'
import type { TableNames } from './table-names.ts'

export function emptyFacets(): SearchFacets {
  return { collections: [], authors: [], dataSources: [], tables: [] }
}

/** Facet counts over the match set: one pass over arrays indexed by interned values and sets, then the sets expanded. */
export function countFacets(labels: FacetLabels, store: DocStore, ids: Int32Array, size: number, tableNames: TableNames): SearchFacets {
  const collections = new Int32Array(store.collections.values.length)
  const authors = new Int32Array(store.authors.values.length)
  const sourceSets = new Int32Array(store.sources.sets.length)
  const tableSets = new Int32Array(store.tables.sets.length)
  const keys = store.facetKeys
  for (let k = 0; k < ids.length; k++) {
    const at = 4 * ids[k]!
    const c = keys[at]!
    if (c >= 0) collections[c]!++
    const a = keys[at + 1]!
    if (a >= 0) authors[a]!++
    sourceSets[keys[at + 2]!]!++
    tableSets[keys[at + 3]!]!++
  }
  const expand = (setCounts: Int32Array, sets: Int32Array[], size: number): Int32Array => {
    const counts = new Int32Array(size)
    for (let k = 1; k < setCounts.length; k++) {
      const n = setCounts[k]!
      if (n === 0) continue
      for (const v of sets[k]!) counts[v]! += n
    }
    return counts
  }
  const sources = expand(sourceSets, store.sources.sets, store.dataSources.values.length)
  const tables = countTables(tableSets, store, tableNames.groups())
  const distinct = (counts: Int32Array): number => {
    let n = 0
    for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) n++
    return n
  }
  return {
    distinct: { collections: distinct(collections), authors: distinct(authors), dataSources: distinct(sources), tables: distinct(tables.counts) },
    collections: facet(collections, size, (i) => store.collections.values[i]!, (v) => labels.collection(v)),
    authors: facet(authors, size, (i) => store.authors.values[i]!, (v) => labels.author(v)),
    dataSources: facet(sources, size, (i) => store.dataSources.values[i]!, (v) => labels.dataSource(v)),
    tables: facet(tables.counts, size, (i) => tables.names[i]!, () => null),
  }
}

/**
 * Reports per table as the facet shows tables: one value per group of names for the same table
 * (TableNames.groups), a report reading two spellings of it counted once.
 */
function countTables(setCounts: Int32Array, store: DocStore, groups: { of: Int32Array; names: string[] }): { counts: Int32Array; names: string[] } {
  const counts = new Int32Array(groups.names.length)
  const lists = groupsOfSets(store.tables.sets, groups)
  for (let k = 1; k < setCounts.length; k++) {
    const n = setCounts[k]!
    if (n === 0) continue
    const list = lists[k]!
    for (let j = 0; j < list.length; j++) counts[list[j]!]! += n
  }
  return { counts, names: groups.names }
}

/**
 * Each table set's distinct groups, worked out once per set (sets are interned and never change; the list is
 * replaced when the library is reloaded, and the groups when new tables appear): a search then adds one count
 * per group instead of looking every table up again.
 */
const setGroups = new WeakMap<Int32Array[], { groups: object; lists: Int32Array[] }>()
function groupsOfSets(sets: Int32Array[], groups: { of: Int32Array }): Int32Array[] {
  let cached = setGroups.get(sets)
  if (!cached || cached.groups !== groups) {
    cached = { groups, lists: [] }
    setGroups.set(sets, cached)
  }
  const lists = cached.lists
  for (let k = lists.length; k < sets.length; k++) {
    const distinct = new Set<number>()
    for (const t of sets[k]!) {
      const g = groups.of[t] ?? -1
      if (g >= 0) distinct.add(g)
    }
    lists.push(Int32Array.from(distinct))
  }
  return lists
}

/**
 * Indexes of the `size` largest non-zero counts, ties by value (as text). Only values that can make the list
 * are compared by text: those counted more than the size-th largest count, and those tied with it.
 */
export function top(counts: Int32Array, size: number, valueOf: (i: number) => string): number[] {
  const nonZero: number[] = []
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) nonZero.push(i)
  if (nonZero.length > size) {
    // A typed array sorts numbers natively (ascending): the size-th largest is size places from the end.
    const sorted = Int32Array.from(nonZero, (i) => counts[i]!).sort()
    const cut = sorted[sorted.length - size]!
    let k = 0
    for (const i of nonZero) if (counts[i]! >= cut) nonZero[k++] = i
    nonZero.length = k
  }
  const text = new Map<number, string>()
  for (const i of nonZero) text.set(i, valueOf(i))
  nonZero.sort((a, b) => counts[b]! - counts[a]! || (text.get(a)! < text.get(b)! ? -1 : text.get(a)! > text.get(b)! ? 1 : 0))
  return nonZero.slice(0, size)
}

export function facet(counts: Int32Array, size: number, valueOf: (i: number) => string, labelOf: (v: string) => string | null): FacetCount[] {
  return top(counts, size, valueOf).map((i) => {
    const value = valueOf(i)
    return { value, label: labelOf(value) ?? value, count: counts[i]! }
  })
}
