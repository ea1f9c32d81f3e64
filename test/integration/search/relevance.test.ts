// The judged relevance set: the search must put a right report first for most queries people type.
import { describe, expect, it } from 'vitest'
import { loadJudgments, scoreRelevance } from '../../fixtures/relevance/relevance-score.ts'

describe('search relevance on the judged set', () => {
  it('has at least 60 judged queries', () => {
    expect(loadJudgments().length).toBeGreaterThanOrEqual(60)
  })
  it('keeps MRR at or above 0.8', () => {
    const score = scoreRelevance()
    expect(score.mrr, `misses: ${JSON.stringify(score.misses)}`).toBeGreaterThanOrEqual(0.8)
  })
})
