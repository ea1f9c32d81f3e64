// Pasting a Mode link opens what it points at: into the library's search box, or anywhere outside a text box.
// A report or collection the library does not hold is said plainly, instead of searching for the URL's text.
import { useEffect, type ReactNode } from 'react'
import { useTransientMessage } from '../components/useTransientMessage.ts'
import { mainReads } from '../stores/main-reads.ts'
import { filterTerm } from '../screens/library/query-filters.ts'
import { useNavigation } from '../stores/navigation.ts'
import { parseModeLink, type ModeLink } from './mode-link.ts'
import { isTyping } from './shortcuts.ts'

/** Text boxes that take a Mode link as "open this" (the library search) carry this attribute. */
export const ACCEPTS_MODE_LINKS = 'data-accepts-mode-links'

async function open(link: ModeLink): Promise<string | null> {
  const nav = useNavigation.getState()
  if (link.kind === 'report') {
    const report = await mainReads.report(link.token)
    if (!report) return `That report (${link.token}) is not in your library: it may be newer than the last sync, or not shared with this account.`
    const query = link.query && report.queries.some((q) => q.token === link.query) ? link.query : null
    nav.navigate(query ? { name: 'report', token: report.token, query } : { name: 'report', token: report.token })
    return null
  }
  const collections = await mainReads.collections()
  const found = collections.find((c) => c.token === link.token)
  if (!found) return `That collection (${link.token}) is not in your library: it may be newer than the last sync, or not shared with this account.`
  nav.search(filterTerm('collection', found.label))
  return null
}

export function useModeLinkPaste(): ReactNode {
  const [message, setMessage] = useTransientMessage(6000)
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null
      if (isTyping(target) && !target?.closest(`[${ACCEPTS_MODE_LINKS}]`)) return
      const link = parseModeLink(e.clipboardData?.getData('text/plain') ?? '')
      if (!link) return
      e.preventDefault()
      void open(link).then(setMessage, (err: unknown) => setMessage(err instanceof Error ? err.message : String(err)))
    }
    window.addEventListener('paste', onPaste)
    return () => window.removeEventListener('paste', onPaste)
  }, [setMessage])
  return message ? <div className="notice notice-info link-notice" role="status" data-testid="link-notice">{message}</div> : null
}
