// Acronyms and what they stand for, both ways: `nrr` also finds "Net Revenue Retention by Region", and "net
// revenue retention" also finds "NRR by Plan". Two sources: a small glossary of analytics terms, and the
// library itself — a run of two to four words whose initials spell a word that the library also uses on
// its own (or that is written next to it in parentheses: "Net Revenue Retention (NRR)").
import type { DatabaseSync } from 'node:sqlite'
import { prepareCached } from '../library/statement-cache.ts'
import { tokenizeWords } from './query-parser.ts'

/** Analytics acronyms analysts search by; lowercase acronym → its usual expansion(s). */
export const GLOSSARY: Record<string, string[]> = {
  arr: ['annual recurring revenue'],
  mrr: ['monthly recurring revenue'],
  nrr: ['net revenue retention'],
  grr: ['gross revenue retention'],
  ndr: ['net dollar retention'],
  ltv: ['lifetime value', 'customer lifetime value'],
  clv: ['customer lifetime value'],
  cac: ['customer acquisition cost'],
  dau: ['daily active users'],
  wau: ['weekly active users'],
  mau: ['monthly active users'],
  aov: ['average order value'],
  gmv: ['gross merchandise value'],
  nps: ['net promoter score'],
  roas: ['return on ad spend'],
  roi: ['return on investment'],
  ctr: ['click through rate'],
  cvr: ['conversion rate'],
  cpc: ['cost per click'],
  cpa: ['cost per acquisition'],
  cpm: ['cost per mille'],
  arpu: ['average revenue per user'],
  arpa: ['average revenue per account'],
  csat: ['customer satisfaction'],
  kpi: ['key performance indicator'],
  sla: ['service level agreement'],
  yoy: ['year over year'],
  qoq: ['quarter over quarter'],
  mom: ['month over month'],
  wow: ['week over week'],
  ytd: ['year to date'],
  mtd: ['month to date'],
  sku: ['stock keeping unit'],
}

/** Small words an initialism may skip ("Return on Ad Spend" is ROAS, "Cost per Click" CPC). */
const JOINERS = new Set(['on', 'per', 'of', 'to', 'and', 'over', 'the', 'a'])

export interface Expansion {
  acronym: string
  /** Lowercase words of the spelled-out form. */
  words: string[]
}

export class Acronyms {
  private readonly learned = new Map<string, string[]>()
  private learnedAt = -Infinity
  private learnedSeq = -1

  /** Learns the library's own acronyms; again when the library changed and `minMs` passed since the last time. */
  refresh(db: DatabaseSync, seq: number, nowMs: number, minMs = 10 * 60_000): void {
    if (seq === this.learnedSeq || (this.learnedSeq >= 0 && nowMs - this.learnedAt < minMs)) return
    this.learnedSeq = seq
    this.learnedAt = nowMs
    this.learned.clear()
    const rows = prepareCached(db, 'SELECT substr(name, 1, 300) AS t FROM reports UNION ALL SELECT substr(description, 1, 300) FROM reports WHERE description IS NOT NULL')
      .all() as Array<{ t: string | null }>
    const texts = rows.map((r) => r.t ?? '').filter((t) => t !== '')
    for (const [acronym, words] of learnAcronyms(texts)) this.learned.set(acronym, words)
  }

  /** What an acronym stands for (the glossary's first, then the library's), or [] when it is not one. */
  meaningsOf(word: string): string[][] {
    const out: string[][] = []
    for (const m of GLOSSARY[word] ?? []) out.push(m.split(' '))
    const mine = this.learned.get(word)
    if (mine && !out.some((o) => o.join(' ') === mine.join(' '))) out.push(mine)
    return out
  }

  /** Acronyms spelled out by words[i…]: each with the number of words it spans. */
  acronymsAt(words: string[], i: number): Array<{ acronym: string; span: number }> {
    const out: Array<{ acronym: string; span: number }> = []
    for (const { acronym, words: meaning } of [...(GLOSSARY_BY_FIRST.get(words[i]!) ?? []), ...this.learnedStartingWith(words[i]!)]) {
      let k = 0
      while (k < meaning.length && words[i + k] === meaning[k]) k++
      if (k === meaning.length && !out.some((o) => o.acronym === acronym)) out.push({ acronym, span: k })
    }
    return out
  }

  private learnedStartingWith(word: string): Expansion[] {
    const out: Expansion[] = []
    for (const [acronym, m] of this.learned) if (m[0] === word && !GLOSSARY[acronym]) out.push({ acronym, words: m })
    return out
  }
}

/** The glossary's expansions by their first word. */
const GLOSSARY_BY_FIRST = new Map<string, Expansion[]>()
for (const [acronym, meanings] of Object.entries(GLOSSARY)) {
  for (const m of meanings) {
    const words = m.split(' ')
    const list = GLOSSARY_BY_FIRST.get(words[0]!) ?? []
    list.push({ acronym, words })
    GLOSSARY_BY_FIRST.set(words[0]!, list)
  }
}

/**
 * Acronyms a set of names and descriptions defines: for each run of 2–4 words, its initials (with and without
 * joiner words); kept when the initials also occur as a word of their own somewhere, or in parentheses right
 * after the run (capitals: "NRR"). The most frequent run wins for each acronym.
 */
export function learnAcronyms(texts: string[]): Map<string, string[]> {
  // Acronyms are written in capitals ("NRR by Plan", "LTV:CAC"): a lowercase "new" is a word, not N-E-W.
  const standalone = new Set<string>()
  for (const t of texts) for (const m of t.matchAll(/\b([A-Z]{3,5})s?\b/g)) standalone.add(m[1]!.toLowerCase())
  const tokenized = texts.map((t) => tokenizeWords(t))
  const counts = new Map<string, Map<string, number>>()
  const add = (acronym: string, run: string[], weight: number): void => {
    if (acronym.length < 3 || !standalone.has(acronym)) return
    let byRun = counts.get(acronym)
    if (!byRun) counts.set(acronym, (byRun = new Map()))
    const key = run.join(' ')
    byRun.set(key, (byRun.get(key) ?? 0) + weight)
  }
  for (const words of tokenized) {
    for (let i = 0; i < words.length; i++) {
      for (let span = 2; span <= 4 && i + span <= words.length; span++) {
        const run = words.slice(i, i + span)
        if (JOINERS.has(run[0]!) || JOINERS.has(run[span - 1]!) || run.some((w) => /^\d/.test(w))) continue
        const all = run.map((w) => w[0]).join('')
        const content = run.filter((w) => !JOINERS.has(w)).map((w) => w[0]).join('')
        // "Net Revenue Retention (NRR)": the run followed by its own initials counts for much more.
        const next = words[i + span]
        const weight = next === all || next === content ? 5 : 1
        if (run.includes(all) || run.includes(content)) continue
        add(all, run, weight)
        if (content !== all) add(content, run, weight)
      }
    }
  }
  const out = new Map<string, string[]>()
  for (const [acronym, byRun] of counts) {
    let best: string | null = null
    let n = 0
    for (const [run, c] of byRun) if (c > n) [best, n] = [run, c]
    if (best !== null) out.set(acronym, best.split(' '))
  }
  return out
}
