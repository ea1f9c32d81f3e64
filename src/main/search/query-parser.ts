// The search box's query language. Words (the last one prefix-matched while it is being typed), "quoted
// phrases", -exclusions, and filters: collection:, author:, table:, source:, is:archived, is:dataset, updated:>DATE /
// updated:<DATE, and report statuses is:popular|failing|stale|scheduled|never-run. Filter values may be quoted
// (collection:"Product Analytics"). Parsing never fails: anything malformed (unbalanced quotes, stray
// operators, FTS syntax such as * ^ : ( ) NEAR AND OR) degrades to plain words, and the words are later quoted
// token by token, so no user text ever reaches FTS5 as syntax.
import type { ReportStatus } from '../../shared/model.ts'

export interface SearchTerm {
  /** What the user typed (without quotes or a leading minus). */
  raw: string
  /** Lowercased, diacritics removed, split like the index's unicode61 tokenizer splits text. */
  tokens: string[]
  /** Prefix-match the last token ("reven" finds "revenue"). Off for quoted phrases and one-letter words. */
  prefix: boolean
  phrase: boolean
  /** Looks like a SQL identifier (fct_orders, analytics.orders): also matched as a substring of table names. */
  identifier: boolean
}

export type ArchivedMode = 'exclude' | 'only' | 'include'

/** is:VALUE words naming a report status (knowledge/report-status.ts); "neverrun" and "unrun" as typed too. */
const STATUS_WORDS: Record<string, ReportStatus> = {
  popular: 'popular', failing: 'failing', failed: 'failing', stale: 'stale', scheduled: 'scheduled',
  'never-run': 'never-run', neverrun: 'never-run', 'never_run': 'never-run', unrun: 'never-run',
}

export interface SearchFilters {
  collections: string[]
  authors: string[]
  tables: string[]
  sources: string[]
  archived: ArchivedMode
  /** is:duplicate — only reports with a copy of one of their queries elsewhere. */
  duplicate: boolean
  /** is:deleted — deleted reports' tombstones instead of the library's reports. */
  deleted: boolean
  /** is:dataset — only Mode Datasets (reports of type DatasetReport). */
  dataset: boolean
  /** is:popular, is:stale, … — reports with every one of these statuses. */
  statuses: ReportStatus[]
  /** ISO date-time bounds on the report's last edit: after is inclusive, before exclusive. */
  updatedAfter: string | null
  updatedBefore: string | null
}

export interface ParsedQuery {
  terms: SearchTerm[]
  excluded: SearchTerm[]
  filters: SearchFilters
}

const FILTER_KEYS = new Set(['collection', 'author', 'table', 'source', 'is', 'updated', 'include'])
/** Boolean operator words users type out of habit; FTS5 would read them as syntax, we drop them. */
const OPERATOR_WORDS = new Set(['AND', 'OR', 'NOT', 'NEAR'])

/** Lowercase, strip diacritics: the same folding the index applies (unicode61 remove_diacritics 2). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
}

/** Splits text into index tokens: runs of letters and digits (underscores, dots and the rest separate). */
export function tokenizeWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []
}

/**
 * Control characters become spaces and invisible format characters (zero-width, bidi controls) go: a query can
 * arrive from a click on a table name in hostile SQL, and FTS5 rejects a NUL inside a quoted string. Lone
 * surrogate halves (not text) become spaces too.
 */
export function cleanQueryText(text: string): string {
  return text.replace(/[\p{Cc}\p{Cs}]/gu, ' ').replace(/\p{Cf}/gu, '')
}

export function parseSearchQuery(input: string): ParsedQuery {
  const filters: SearchFilters = {
    collections: [],
    authors: [],
    tables: [],
    sources: [],
    archived: 'exclude',
    duplicate: false,
    deleted: false,
    dataset: false,
    statuses: [],
    updatedAfter: null,
    updatedBefore: null,
  }
  const terms: SearchTerm[] = []
  const excluded: SearchTerm[] = []
  const text = cleanQueryText(String(input ?? '').slice(0, 2000))
  const n = text.length
  let i = 0

  // Reads a value at i: a "quoted string" (to the closing quote, or to the end if unbalanced) or a bare run
  // up to whitespace. Returns the value and whether it was quoted.
  const readValue = (): { value: string; quoted: boolean } => {
    let value = ''
    let quoted = false
    // Segments up to whitespace; a quoted segment may hold spaces ("a"."b" joins into one value).
    while (i < n && !/\s/.test(text[i] ?? '')) {
      if (text[i] === '"') {
        const close = text.indexOf('"', i + 1)
        value += text.slice(i + 1, close < 0 ? n : close)
        i = close < 0 ? n : close + 1
        quoted = true
        continue
      }
      value += text[i]
      i++
    }
    return { value, quoted }
  }

  // Bounded: every iteration consumes at least one character.
  while (i < n) {
    const c = text[i] ?? ''
    if (/\s/.test(c)) {
      i++
      continue
    }
    const start = i
    let negative = false
    if (c === '-' && i + 1 < n && !/[\s-]/.test(text[i + 1] ?? '')) {
      negative = true
      i++
    }
    // A filter: key:value with a known key.
    const key = /^([a-zA-Z]+):/.exec(text.slice(i, i + 16))
    if (key && FILTER_KEYS.has(key[1]!.toLowerCase()) && !negative) {
      i += key[0].length
      const { value } = readValue()
      applyFilter(filters, key[1]!.toLowerCase(), value.trim(), terms)
      continue
    }
    const { value, quoted } = readValue()
    if (i === start) {
      i++
      continue
    }
    // Only a word the text ends in is still being typed: a word followed by a space is finished and matched
    // whole (its other forms still match through the stemmer), which also spares a prefix read of every
    // finished word (a prefix longer than the index's prefix lengths costs FTS5 several times a whole word).
    const term = makeTerm(value, quoted, i >= n)
    if (term === null) continue
    if (negative) excluded.push(term)
    else terms.push(term)
  }
  return { terms, excluded, filters }
}

function makeTerm(raw: string, quoted: boolean, typing = true): SearchTerm | null {
  if (!quoted && OPERATOR_WORDS.has(raw)) return null
  const tokens = tokenizeWords(raw)
  if (tokens.length === 0) return null
  const last = tokens[tokens.length - 1] ?? ''
  return {
    raw,
    tokens,
    phrase: quoted,
    // One-letter prefixes expand to a large part of the vocabulary and tell little; match them exactly.
    prefix: typing && !quoted && last.length >= 2,
    identifier: !quoted && /^[\p{L}\p{N}_$.-]+$/u.test(raw) && /[\p{L}\p{N}][_.][\p{L}\p{N}]/u.test(raw),
  }
}

function applyFilter(filters: SearchFilters, key: string, value: string, terms: SearchTerm[]): void {
  // An empty value is a filter still being typed: ignore it rather than match nothing.
  if (value === '') return
  switch (key) {
    case 'collection':
      filters.collections.push(value)
      return
    case 'author':
      filters.authors.push(value.replace(/^@/, ''))
      return
    case 'table':
      filters.tables.push(value.replace(/["`[\]]/g, '').toLowerCase())
      return
    case 'source':
      filters.sources.push(value)
      return
    case 'is':
    case 'include':
      if (/^archived$/i.test(value)) filters.archived = key === 'is' ? 'only' : 'include'
      else if (key === 'is' && /^duplicate$/i.test(value)) filters.duplicate = true
      else if (key === 'is' && /^deleted$/i.test(value)) filters.deleted = true
      else if (key === 'is' && /^datasets?$/i.test(value)) filters.dataset = true
      else if (key === 'is' && Object.hasOwn(STATUS_WORDS, value.toLowerCase())) {
        const status = STATUS_WORDS[value.toLowerCase()]!
        if (!filters.statuses.includes(status)) filters.statuses.push(status)
      }
      else pushWords(terms, value)
      return
    case 'updated': {
      const m = /^(>=|<=|>|<|=)?\s*(.+)$/.exec(value)
      const range = m ? parseDateRange(m[2] ?? '') : null
      if (!m || !range) {
        pushWords(terms, value)
        return
      }
      const op = m[1] ?? '='
      // updated:>2025-01-01 means after that day; updated:>=2025-01-01 includes it.
      if (op === '>') filters.updatedAfter = range.end
      else if (op === '>=') filters.updatedAfter = range.start
      else if (op === '<') filters.updatedBefore = range.start
      else if (op === '<=') filters.updatedBefore = range.end
      else {
        filters.updatedAfter = range.start
        filters.updatedBefore = range.end
      }
      return
    }
  }
}

function pushWords(terms: SearchTerm[], value: string): void {
  const t = makeTerm(value, false)
  if (t) terms.push(t)
}

/** YYYY, YYYY-MM or YYYY-MM-DD as [start, end) in ISO UTC; null when not a date. */
export function parseDateRange(text: string): { start: string; end: string } | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text.trim())
  if (!m) return null
  const y = Number(m[1])
  const mo = m[2] === undefined ? null : Number(m[2])
  const d = m[3] === undefined ? null : Number(m[3])
  if (mo !== null && (mo < 1 || mo > 12)) return null
  if (d !== null && (d < 1 || d > 31)) return null
  const start = new Date(Date.UTC(y, (mo ?? 1) - 1, d ?? 1))
  if (d !== null && start.getUTCDate() !== d) return null // 2025-02-30
  const end =
    d !== null
      ? new Date(Date.UTC(y, (mo ?? 1) - 1, d + 1))
      : mo !== null
        ? new Date(Date.UTC(y, mo, 1))
        : new Date(Date.UTC(y + 1, 0, 1))
  return { start: start.toISOString(), end: end.toISOString() }
}

/** FTS5 MATCH text for one term: each token double-quoted, so no user text is ever FTS syntax. */
export function termToFts(term: SearchTerm): string {
  const quoted = term.tokens.map((t) => `"${t.replace(/"/g, '""')}"`)
  if (term.tokens.length === 1) return term.prefix ? `${quoted[0]}*` : (quoted[0] ?? '')
  // Several tokens (a phrase, or fct_orders split by the tokenizer): adjacent, in order.
  return `"${term.tokens.join(' ')}"${term.prefix ? '*' : ''}`
}
