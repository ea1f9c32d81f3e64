// Messages between the main process and the search worker (search-worker.ts). Plain data only: they cross
// a thread boundary by structured clone.
import type { SearchRequest, SearchResult } from '../../shared/model.ts'
import type { RelatedReports } from '../../shared/knowledge-model.ts'

export type SearchWorkerRequest =
  /** One search over the library file at `path`; `nowMs` is the caller's clock (recency, "last quarter"). */
  | { type: 'search'; id: number; path: string; request: SearchRequest; nowMs: number
    /** For an `asTyped` search: its number in the shared typing counter; a larger count there supersedes it. */
    typingSeq?: number }
  /** Load the library's attributes now, in small steps, so the first keystroke does not pay for it. */
  | { type: 'warm'; id: number; path: string; stepRows?: number }
  /** The reports related to one report (the report page's list): whole-library reads, kept off the main thread. */
  | { type: 'related'; id: number; path: string; token: string }
  /** Close every connection except the one to `keep` (null: close all): a library closed or changed hands. */
  | { type: 'release'; id: number; keep: string | null }

export type SearchWorkerReply =
  | { type: 'ready'; threadId: number }
  | { type: 'result'; id: number; result: SearchResult }
  | { type: 'related'; id: number; related: RelatedReports }
  | { type: 'superseded'; id: number }
  | { type: 'done'; id: number }
  | { type: 'error'; id: number; message: string }
