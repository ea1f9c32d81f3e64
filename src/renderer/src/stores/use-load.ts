// Loads one value from main for the given key and reloads when the library changes (a sync wrote), so
// history, the feed and duplicates stay current while open. Stale answers for an older key are dropped.
// The library store holds the one subscription to main's 'library.changed'; this follows its counter.
import { useEffect, useState } from 'react'
import { useLibrary } from './library.ts'

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string }

export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [result, setResult] = useState<{ key: string; loaded: Loaded<T> }>({ key, loaded: { state: 'loading' } })
  const generation = useLibrary((s) => s.libraryVersion)
  useEffect(() => {
    let live = true
    load().then(
      (value) => { if (live) setResult({ key, loaded: { state: 'ready', value } }) },
      (e: unknown) => { if (live) setResult({ key, loaded: { state: 'error', message: e instanceof Error ? e.message : String(e) } }) },
    )
    return () => { live = false }
    // `load` is a fresh closure each render; the key says when it asks for something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation])
  return result.key === key ? result.loaded : { state: 'loading' }
}
