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

/** Texts read per step of a learning pass: one step rides along with a search (a few milliseconds). */
export const LEARN_STEP_TEXTS = 1000

/**
 * Learning runs in steps: a pass reads every report's name and description in chunks (the capitals first, then
 * the runs of words), so no search waits for all of a large library's text at once. Until a pass completes, the
 * previous pass's acronyms (or, before the first, the glossary alone) answer.
 */
class LearningPass {
  readonly seq: number
  private readonly learner = new AcronymLearner()
  /** 0, 1: capitals of names, then of descriptions; 2, 3: runs of names, then of descriptions. */
  private sweep = 0
  private after = -1
  constructor(seq: number) {
    this.seq = seq
  }
  /** Reads up to `rows` texts; the finished acronyms when the pass is complete, else null. */
  step(db: DatabaseSync, rows: number): Map<string, string[]> | null {
    let budget = Math.max(1, rows)
    while (this.sweep < 4 && budget > 0) {
      const column = this.sweep % 2 === 0 ? 'name' : 'description'
      const batch = prepareCached(db, `SELECT rowid AS k, substr(${column}, 1, 300) AS t FROM reports WHERE rowid > ? ORDER BY rowid LIMIT ?`)
        .all(this.after, budget) as Array<{ k: number; t: string | null }>
      for (const { t } of batch) {
        if (t === null || t === '') continue
        if (this.sweep < 2) this.learner.capitals(t)
        else this.learner.runs(t)
      }
      budget -= batch.length
      if (batch.length > 0) this.after = Number(batch[batch.length - 1]!.k)
      if (budget > 0) {
        // This sweep reached the last report.
        this.sweep++
        this.after = -1
      }
    }
    return this.sweep < 4 ? null : this.learner.result()
  }
}

export class Acronyms {
  private learned = new Map<string, string[]>()
  /** The learned acronyms by the first word of what they stand for (acronymsAt runs for every query word). */
  private learnedByFirst = new Map<string, Expansion[]>()
  private learnedAt = -Infinity
  private learnedSeq = -1
  private pass: LearningPass | null = null

  /**
   * Learns the library's own acronyms, in steps: each call reads at most `stepTexts` more texts of the pass
   * in progress, and starts a pass when the library changed and `minMs` passed since the last one began.
   * Returns whether a pass is still in progress (more steps to take).
   */
  refresh(db: DatabaseSync, seq: number, nowMs: number, minMs = 10 * 60_000, stepTexts = LEARN_STEP_TEXTS): boolean {
    if (this.pass === null) {
      if (seq === this.learnedSeq || (this.learnedSeq >= 0 && nowMs - this.learnedAt < minMs)) return false
      this.learnedSeq = seq
      this.learnedAt = nowMs
      this.pass = new LearningPass(seq)
    }
    const done = this.pass.step(db, stepTexts)
    if (done === null) return true
    this.pass = null
    this.learned = done
    this.learnedByFirst = new Map()
    for (const [acronym, words] of done) {
      if (GLOSSARY[acronym]) continue
      const list = this.learnedByFirst.get(words[0]!) ?? []
      list.push({ acronym, words })
      this.learnedByFirst.set(words[0]!, list)
    }
    return false
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
    for (const { acronym, words: meaning } of [...(GLOSSARY_BY_FIRST.get(words[i]!) ?? []), ...(this.learnedByFirst.get(words[i]!) ?? [])]) {
      let k = 0
      while (k < meaning.length && words[i + k] === meaning[k]) k++
      if (k === meaning.length && !out.some((o) => o.acronym === acronym)) out.push({ acronym, span: k })
    }
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
  const learner = new AcronymLearner()
  for (const t of texts) learner.capitals(t)
  for (const t of texts) learner.runs(t)
  return learner.result()
}

/** learnAcronyms over texts fed in two sweeps: every text's capitals first, then every text's runs of words. */
class AcronymLearner {
  // Acronyms are written in capitals ("NRR by Plan", "LTV:CAC"): a lowercase "new" is a word, not N-E-W.
  private readonly standalone = new Set<string>()
  private readonly counts = new Map<string, Map<string, number>>()

  capitals(text: string): void {
    for (const m of text.matchAll(/\b([A-Z]{3,5})s?\b/g)) this.standalone.add(m[1]!.toLowerCase())
  }

  runs(text: string): void {
    const { standalone } = this
    if (standalone.size === 0) return
    const words = tokenizeWords(text)
    const joiner = words.map((w) => JOINERS.has(w))
    const digit = words.map((w) => w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57)
    for (let i = 0; i < words.length; i++) {
      if (joiner[i] || digit[i]) continue
      // Initials built word by word (with and without joiners); a run is only looked at when its initials
      // are a word the library writes in capitals (most runs' are not).
      let all = words[i]![0]!
      let content = all
      for (let span = 2; span <= 4 && i + span <= words.length; span++) {
        const last = i + span - 1
        if (digit[last]) break
        all += words[last]![0]!
        if (!joiner[last]) content += words[last]![0]!
        if (joiner[last]) continue
        const wantAll = all.length >= 3 && standalone.has(all)
        const wantContent = content !== all && content.length >= 3 && standalone.has(content)
        if (!wantAll && !wantContent) continue
        const run = words.slice(i, i + span)
        if (run.includes(all) || run.includes(content)) continue
        // "Net Revenue Retention (NRR)": the run followed by its own initials counts for much more.
        const next = words[i + span]
        const weight = next === all || next === content ? 5 : 1
        const key = run.join(' ')
        if (wantAll) this.add(all, key, weight)
        if (wantContent) this.add(content, key, weight)
      }
    }
  }

  private add(acronym: string, run: string, weight: number): void {
    let byRun = this.counts.get(acronym)
    if (!byRun) this.counts.set(acronym, (byRun = new Map()))
    byRun.set(run, (byRun.get(run) ?? 0) + weight)
  }

  result(): Map<string, string[]> {
    const out = new Map<string, string[]>()
    for (const [acronym, byRun] of this.counts) {
      let best: string | null = null
      let n = 0
      for (const [run, c] of byRun) if (c > n) [best, n] = [run, c]
      if (best !== null) out.set(acronym, best.split(' '))
    }
    return out
  }
}
