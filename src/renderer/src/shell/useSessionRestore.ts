// Where the user was, back at launch: the library's last query and, if one was open, the last report (with the
// query one Back away), both kept by main. Then every move is remembered again: the query (after a pause in the
// typing) and the report open now, and each report opened heads the recents.
import { useEffect, useState } from 'react'
import { useHome } from '../stores/home.ts'
import { useLibrary } from '../stores/library.ts'
import { useNavigation } from '../stores/navigation.ts'

/** Quiet time before the query in the box is remembered: not one write per keystroke. */
const REMEMBER_DELAY_MS = 400

/** True once the last session is restored (or there was none to restore). */
export function useSessionRestore(): boolean {
  const [restored, setRestored] = useState(false)

  useEffect(() => {
    let live = true
    void useHome.getState().load().then((home) => {
      if (!live) return
      if (home && (home.lastQuery || home.lastReport)) {
        useNavigation.setState({ view: { name: 'library', query: home.lastQuery }, history: [], forward: [] })
        useLibrary.getState().setQuery(home.lastQuery)
        if (home.lastReport) useNavigation.getState().navigate({ name: 'report', token: home.lastReport })
      }
      setRestored(true)
    })
    return () => { live = false }
  }, [])

  useEffect(() => {
    if (!restored) return
    let timer: ReturnType<typeof setTimeout> | null = null
    const remember = () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => {
        timer = null
        const view = useNavigation.getState().view
        const report = view.name === 'report' ? view.token : null
        useHome.getState().rememberSession(useLibrary.getState().query, report)
      }, REMEMBER_DELAY_MS)
    }
    let lastReport: string | null = null
    const offNav = useNavigation.subscribe((s) => {
      const token = s.view.name === 'report' ? s.view.token : null
      if (token !== null && token !== lastReport) void useHome.getState().opened(token)
      lastReport = token
      remember()
    })
    const offQuery = useLibrary.subscribe((s, prev) => { if (s.query !== prev.query) remember() })
    return () => {
      offNav()
      offQuery()
      if (timer) clearTimeout(timer)
    }
  }, [restored])

  return restored
}
