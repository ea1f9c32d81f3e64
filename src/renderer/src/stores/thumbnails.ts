// Preview pictures for the result rows' optional thumbnails. Rows ask for their report's picture as they are
// drawn; the asks of one frame go to main as one call, and the answers (a picture, or none) are kept until the
// library changes, when a sync may have fetched newer ones. At most MAX_KEPT pictures stay in memory: the
// oldest asked-for are dropped first and asked again if their row comes back.
import { useEffect } from 'react'
import { create } from 'zustand'
import { call } from '../bridge.ts'
import { useLibrary } from './library.ts'

/** Tokens per call: main answers at most this many. */
const BATCH = 60
/** Pictures kept in memory (a few screens of rows). */
const MAX_KEPT = 300

interface ThumbnailState {
  /** A data URL, null for a report without a picture; absent while not yet asked or loading. */
  byToken: Map<string, string | null>
  request: (token: string) => void
}

const pending = new Set<string>()
const inFlight = new Set<string>()
let scheduled = false
let version = -1

export const useThumbnails = create<ThumbnailState>((set, get) => {
  const load = (tokens: string[]): void => {
    const askedAt = version
    call('library.previewThumbnails', { tokens }).then(
      (pictures) => {
        for (const t of tokens) inFlight.delete(t)
        if (askedAt !== version) return
        const byToken = new Map(get().byToken)
        for (const t of tokens) byToken.set(t, pictures[t] ?? null)
        while (byToken.size > MAX_KEPT) byToken.delete(byToken.keys().next().value as string)
        set({ byToken })
      },
      // No picture is shown: the row looks as it does with thumbnails off.
      () => { for (const t of tokens) inFlight.delete(t) },
    )
  }
  const flush = (): void => {
    scheduled = false
    const tokens = [...pending]
    pending.clear()
    for (const t of tokens) inFlight.add(t)
    for (let i = 0; i < tokens.length; i += BATCH) load(tokens.slice(i, i + BATCH))
  }
  return {
    byToken: new Map(),
    request: (token) => {
      const libraryVersion = useLibrary.getState().libraryVersion
      if (libraryVersion !== version) {
        // The library changed since these were read (a sync may have fetched newer pictures): read them again.
        version = libraryVersion
        inFlight.clear()
        set({ byToken: new Map() })
      }
      if (get().byToken.has(token) || inFlight.has(token)) return
      pending.add(token)
      if (!scheduled) {
        scheduled = true
        queueMicrotask(flush)
      }
    },
  }
})

/** The picture of this report for its row (undefined while loading or when off, null when it has none). */
export function useThumbnail(token: string | undefined, enabled: boolean): string | null | undefined {
  const picture = useThumbnails((s) => (token === undefined ? undefined : s.byToken.get(token)))
  const libraryVersion = useLibrary((s) => s.libraryVersion)
  useEffect(() => {
    if (enabled && token !== undefined) useThumbnails.getState().request(token)
  }, [enabled, token, libraryVersion, picture])
  return enabled ? picture : undefined
}
