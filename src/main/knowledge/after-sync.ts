// The knowledge repository's one step in a sync, after the SQL phase: match new and edited queries for
// duplicates, then hold history within its limits. Interrupted, it simply resumes at the next sync (the
// queries still lacking a shape are exactly the ones left to do).
import type { Library } from '../library/open-library.ts'
import { updateDuplicateIndex, type DuplicateIndexResult } from './duplicate-index.ts'
import { DEFAULT_HISTORY_LIMITS, enforceHistoryLimits, type HistoryLimits } from './history-limits.ts'

export interface KnowledgeStepResult extends DuplicateIndexResult {
  historyRowsPurged: number
}

export async function updateKnowledgeAfterSync(
  library: Library,
  options: { signal?: AbortSignal; now: Date; limits?: HistoryLimits },
): Promise<KnowledgeStepResult> {
  const duplicates = await updateDuplicateIndex(library, options.signal)
  const historyRowsPurged = enforceHistoryLimits(library, options.limits ?? DEFAULT_HISTORY_LIMITS, options.now)
  return { ...duplicates, historyRowsPurged }
}
