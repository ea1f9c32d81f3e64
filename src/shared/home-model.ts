// What the library's home shows with an empty query — the reports pinned and recently opened, kept by main per
// workspace — and what a launch restores (the last query and the report that was open).
import { z } from 'zod'

export const HomeReport = z.object({
  token: z.string(),
  name: z.string(),
  collection: z.string().nullable(),
  archived: z.boolean(),
  /** When it was pinned or last opened. */
  at: z.string(),
})
export type HomeReport = z.infer<typeof HomeReport>

export const HomeState = z.object({
  /** Oldest pin first (the order they were pinned in); only reports still in the library. */
  pinned: z.array(HomeReport),
  /** Newest first; only reports still in the library. */
  recent: z.array(HomeReport),
  /** The library query when the app was last used ('' for none), and the report open then (or null). */
  lastQuery: z.string(),
  lastReport: z.string().nullable(),
})
export type HomeState = z.infer<typeof HomeState>

/** Reports kept in "Recently opened" (the home shows fewer). */
export const MAX_RECENT = 30
export const MAX_PINNED = 200
