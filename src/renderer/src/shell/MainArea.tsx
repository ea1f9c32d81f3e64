// The main area: the screen for the current view. Focus moves to the new screen's first heading on
// navigation (not on the library, whose search box takes focus itself), so keyboard and screen-reader
// users land in the right place.
import { useEffect, useRef } from 'react'
import { CollectionsScreen } from '../screens/collections/CollectionsScreen.tsx'
import { LibraryScreen } from '../screens/library/LibraryScreen.tsx'
import { PeopleScreen } from '../screens/people/PeopleScreen.tsx'
import { ReportScreen } from '../screens/report/ReportScreen.tsx'
import { SettingsScreen } from '../screens/settings/SettingsScreen.tsx'
import { SyncScreen } from '../screens/sync/SyncScreen.tsx'
import { useNavigation, type View } from '../stores/navigation.ts'

function ScreenFor({ view }: { view: View }) {
  switch (view.name) {
    case 'library': return <LibraryScreen />
    case 'report': return <ReportScreen />
    case 'collections': return <CollectionsScreen />
    case 'people': return <PeopleScreen />
    case 'sync': return <SyncScreen />
    case 'settings': return <SettingsScreen />
  }
}

export function MainArea() {
  const view = useNavigation((s) => s.view)
  const main = useRef<HTMLElement>(null)
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    main.current?.scrollTo?.({ top: 0 })
    if (view.name === 'library') return
    const heading = main.current?.querySelector<HTMLElement>('h1')
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
      heading.focus({ preventScroll: true })
    }
  }, [view])
  const key = view.name === 'report' ? `report:${view.token}` : view.name
  return (
    <main className="main" id="main" ref={main} data-view={view.name}>
      <ScreenFor key={key} view={view} />
    </main>
  )
}
