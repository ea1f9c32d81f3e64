// A hostile server mixed into normal data (SimulatorOptions.hostile): list responses carry, for a seeded share
// of their items, one malformed variant each — a bad `%` escape in a link, garbage or wrong-typed fields, huge
// names or SQL, NUL/control/bidi characters, an unusable token — plus extra items (exact duplicates, items
// whose token is a path-traversal string). The choice is a pure function of the seed and the item's token, so
// every request (and every sync) sees the same item mangled the same way. What was done is recorded by token,
// so a test can compare the library with the truth for every item that was served well-formed.
import { hashString, mixSeed, mulberry32 } from './prng.ts'

export interface HostileOptions {
  seed?: number
  /** Share (0..1) of list items given a malformed variant. Default 0.15. */
  share?: number
}

/** Tokens touched, by list key (`reports`, `queries`, `spaces`, …). */
export interface HostileLog {
  /** Served with a malformed field but their real token: stored, some fields degraded. */
  degraded: Record<string, string[]>
  /** Served with their token destroyed: unreadable for any client. */
  unreadable: Record<string, string[]>
  /** Tokens that are not in the truth at all (path-traversal names). */
  injected: string[]
}

type Item = Record<string, unknown>

const BIDI = '\u202E\u2066\u200F'
const CONTROL = '\u0000\u0007\u001b[2J\u001b]52;c;ZXZpbA==\u0007\r\n\u0085'
const TRAVERSAL = ['../../../../tmp/evil', '..\\..\\windows\\system32', 'x/../../etc/passwd', '%2e%2e%2f%2e%2e%2fescape', 'CON', 'manifest.json']

/** Variants that keep the item's token: a client should store the item and degrade the bad field. */
const DEGRADING: ((item: Item, rng: () => number) => void)[] = [
  (item) => setLink(item, 'creator', '/api/bad%E0%A4%A'),
  (item) => setLink(item, 'creator', '/api/%'),
  (item) => { item._links = 'not an object' },
  (item) => { item.name = { evil: true }; item.description = [1, 2, 3] },
  (item) => { item.created_at = 12345; item.view_count = 'lots'; item.archived = 'maybe'; item.id = { no: 'id' } },
  (item) => { item.name = null; item.updated_at = null; item.edited_at = null; item.last_saved_at = null },
  (item) => { item.name = `${CONTROL}${BIDI}name${CONTROL}` },
  (item) => { item.name = 'N'.repeat(300_000) + BIDI },
  (item) => { if ('raw_query' in item) item.raw_query = `select 1 -- ${'x'.repeat(2_000_000)}\u0000`; else item.description = 'D'.repeat(500_000) },
  (item) => { if ('raw_query' in item) item.raw_query = { sql: 'not a string' }; else item.space_token = 42 },
]

/** Variants after which no client can tell which object the item is. */
const DESTROYING: ((item: Item) => void)[] = [
  (item) => { item.token = null },
  (item) => { item.token = { nested: 'object' } },
  (item) => { item.token = '' },
  (item) => { delete item.token },
]

export class HostileLayer {
  private readonly seed: number
  private readonly share: number
  private readonly log: { degraded: Map<string, Set<string>>; unreadable: Map<string, Set<string>>; injected: Set<string> } = {
    degraded: new Map(), unreadable: new Map(), injected: new Set(),
  }

  constructor(options: HostileOptions) {
    this.seed = options.seed ?? 1
    this.share = Math.min(1, Math.max(0, options.share ?? 0.15))
  }

  /** Mangles a list body in place (a copy: the truth is never touched). Other bodies pass unchanged. */
  apply(body: unknown): unknown {
    const embedded = (body as { _embedded?: unknown } | null)?._embedded
    if (typeof embedded !== 'object' || embedded === null) return body
    const out = structuredClone(body) as { _embedded: Record<string, unknown> }
    for (const [key, value] of Object.entries(out._embedded)) {
      if (!Array.isArray(value)) continue
      out._embedded[key] = this.mangleList(key, value as Item[])
    }
    return out
  }

  snapshot(): HostileLog {
    const plain = (m: Map<string, Set<string>>) => Object.fromEntries([...m].map(([k, v]) => [k, [...v].sort()]))
    return { degraded: plain(this.log.degraded), unreadable: plain(this.log.unreadable), injected: [...this.log.injected].sort() }
  }

  private mangleList(key: string, items: Item[]): unknown[] {
    const out: unknown[] = []
    for (const item of items) {
      const token = typeof item.token === 'string' ? item.token : null
      // Memberships carry no stable token of their own here: leave people alone (identity comes from usernames).
      if (token === null || key === 'memberships' || key === 'group_memberships') {
        out.push(item)
        continue
      }
      const rng = mulberry32(mixSeed(this.seed, hashString(key), hashString(token)))
      if (rng() >= this.share) {
        out.push(item)
        continue
      }
      const roll = rng()
      // Collections and groups only degrade: a collection nobody can identify hides every report in it.
      if (roll < 0.2 && key !== 'spaces' && key !== 'groups') {
        DESTROYING[Math.floor(rng() * DESTROYING.length)]!(item)
        this.record(this.log.unreadable, key, token)
        out.push(item)
      } else if (roll < 0.35) {
        // The same item again, byte for byte, right after itself: a client must not count or store it twice.
        out.push(item, structuredClone(item))
      } else if (roll < 0.45 && key === 'reports') {
        // An extra object whose token is a path-traversal or reserved name, beside the real one.
        const bad = TRAVERSAL[Math.floor(rng() * TRAVERSAL.length)]!
        this.log.injected.add(bad)
        out.push(item, { ...structuredClone(item), token: bad, name: `${bad} ${BIDI}` })
      } else {
        DEGRADING[Math.floor(rng() * DEGRADING.length)]!(item, rng)
        this.record(this.log.degraded, key, token)
        out.push(item)
      }
    }
    // Hostile servers also put junk where an item belongs.
    if (items.length > 0 && mulberry32(mixSeed(this.seed, hashString(key), items.length))() < this.share) out.push('not an item', 17, null)
    return out
  }

  private record(map: Map<string, Set<string>>, key: string, token: string): void {
    let set = map.get(key)
    if (!set) map.set(key, (set = new Set()))
    set.add(token)
  }
}

function setLink(item: Item, rel: string, href: string): void {
  const links = typeof item._links === 'object' && item._links !== null ? (item._links as Record<string, unknown>) : {}
  links[rel] = { href }
  item._links = links
}
