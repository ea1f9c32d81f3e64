// The main area: the screen for the current view. Focus moves to the new screen's first heading on
// navigation (not on the library, whose search box takes focus itself), so keyboard and screen-reader
// users land in the right place. Back and Forward bring a screen back at the scroll position it was left at.
import { useRef } from 'react'
import { CollectionsScreen } from '../screens/collections/CollectionsScreen.tsx'
import { LibraryScreen } from '../screens/library/LibraryScreen.tsx'
import { PeopleScreen } from '../screens/people/PeopleScreen.tsx'
import { AccessReviewScreen } from '../screens/access/AccessReviewScreen.tsx'
import { ReportScreen } from '../screens/report/ReportScreen.tsx'
import { SettingsScreen } from '../screens/settings/SettingsScreen.tsx'
import { SyncScreen } from '../screens/sync/SyncScreen.tsx'
import { ChangesScreen } from '../screens/knowledge/ChangesScreen.tsx'
import { useEffectOnChange } from '../components/useEffectOnChange.ts'
import { DeletedReportScreen } from '../screens/knowledge/DeletedReportScreen.tsx'
import { DiffScreen } from '../screens/knowledge/DiffScreen.tsx'
import { DuplicatesScreen } from '../screens/knowledge/DuplicatesScreen.tsx'
import { scrollPositions, useNavigation, type View } from '../stores/navigation.ts'

function ScreenFor({ view }: { view: View }) {
  switch (view.name) {
    case 'library': return <LibraryScreen />
    case 'report': return <ReportScreen />
    case 'collections': return <CollectionsScreen />
    case 'people': return <PeopleScreen />
    case 'access': return <AccessReviewScreen />
    case 'sync': return <SyncScreen />
    case 'settings': return <SettingsScreen />
    case 'changes': return <ChangesScreen />
    case 'duplicates': return <DuplicatesScreen />
    case 'deleted': return <DeletedReportScreen />
    case 'diff': return <DiffScreen />
  }
}

/** The most frames spent bringing a screen back to its scroll position while its content loads and settles. */
const RESTORE_FRAMES = 120
/** Frames the position must hold, with the content's height unchanged, before the screen counts as settled. */
const SETTLED_FRAMES = 8

/**
 * Scrolls to `top` and holds it while the content loads and settles (a report arrives asynchronously, and its SQL
 * views measure their lines after the first paint), for at most RESTORE_FRAMES frames. Any scrolling by the user
 * (wheel, touch, keys, pointer) ends it at once.
 */
function restoreScroll(el: HTMLElement | null, top: number): () => void {
  if (!el) return () => {}
  el.scrollTo?.({ top: 0 })
  if (top <= 0) return () => {}
  let frames = 0
  let settled = 0
  let height = -1
  let handle = 0
  const stop = () => {
    cancelAnimationFrame(handle)
    for (const type of USER_SCROLL_EVENTS) el.removeEventListener(type, stop)
  }
  const attempt = () => {
    if (Math.abs(el.scrollTop - top) > 1) el.scrollTop = top
    const held = Math.abs(el.scrollTop - top) <= 1 && el.scrollHeight === height
    height = el.scrollHeight
    settled = held ? settled + 1 : 0
    if (settled < SETTLED_FRAMES && ++frames < RESTORE_FRAMES) handle = requestAnimationFrame(attempt)
    else stop()
  }
  for (const type of USER_SCROLL_EVENTS) el.addEventListener(type, stop, { passive: true })
  attempt()
  return stop
}

const USER_SCROLL_EVENTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const

export function MainArea() {
  const view = useNavigation((s) => s.view)
  const main = useRef<HTMLElement>(null)
  useEffectOnChange(() => {
    const stopRestoring = restoreScroll(main.current, scrollPositions.get(view) ?? 0)
    if (view.name === 'library') return stopRestoring
    const heading = main.current?.querySelector<HTMLElement>('h1')
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
      heading.focus({ preventScroll: true })
    }
    return stopRestoring
  }, [view])
  const key = view.name === 'report' || view.name === 'deleted' ? `${view.name}:${view.token}` : view.name === 'diff' ? `diff:${view.title}` : view.name
  return (
    <main className="main" id="main" ref={main} data-view={view.name} onScroll={(e) => scrollPositions.set(view, e.currentTarget.scrollTop)}>
      <ScreenFor key={key} view={view} />
    </main>
  )
}
