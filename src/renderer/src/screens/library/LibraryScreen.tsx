// The library: search first. The box is focused on open and by Ctrl/Cmd+K; results follow the typing; the
// list is virtualized and paged in as it scrolls; facets narrow it; arrows and Enter navigate it.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useLibrary, hitAt, type LibraryState } from '../../stores/library.ts'
import { useNavigation } from '../../stores/navigation.ts'
import { isOffline, useSync } from '../../stores/sync.ts'
import { mainReads } from '../../stores/main-reads.ts'
import { useReportActions } from '../../actions/useReportActions.tsx'
import { useConnection } from '../../stores/connection.ts'
import { ACCEPTS_MODE_LINKS } from '../../shell/useModeLinkPaste.tsx'
import { relativeTime } from '../sync/relative-time.ts'
import { FacetPanel } from './FacetPanel.tsx'
import { QueryHelp } from './QueryHelp.tsx'
import { ResultRow, ROW_HEIGHT, resultId } from './ResultRow.tsx'
import { SaveSearchDialog } from './SaveSearchDialog.tsx'
import { SearchNotes } from './SearchNotes.tsx'
import { VirtualList } from './VirtualList.tsx'
import { includesArchived, queryTerms, setArchived, toggleFilter, type FilterKey } from './query-filters.ts'
import { LibraryEmptyState } from './LibraryEmptyState.tsx'
import { CollectionHeader } from './CollectionHeader.tsx'
import { HomeSections } from './HomeSections.tsx'
import { ResultsToolbar } from './ResultsToolbar.tsx'
import { ResultTableHeader, ResultTableRow, TABLE_ROW_HEIGHT } from './ResultTable.tsx'
import { useSettings } from '../../stores/settings.ts'
import { reportCountText } from '../../../../shared/report-counts.ts'
import { useCollections } from '../../stores/collections.ts'
import { searchTerms } from '../report/find/find-matches.ts'
import { FOCUS_SEARCH_EVENT, isMac } from '../../shell/shortcuts.ts'
import './library.css'

const LIST_ID = 'library-results'

/** Opens a report; the free-text words of the search that found it are highlighted there on arrival. */
function openReport(token: string) {
  const terms = searchTerms(useLibrary.getState().query)
  useNavigation.getState().navigate(terms.length > 0 ? { name: 'report', token, terms } : { name: 'report', token })
}

/** Changes the query from anywhere on this screen, keeping the navigation entry in step so Back returns here. */
function changeQuery(query: string) {
  useLibrary.getState().setQuery(query)
  const nav = useNavigation.getState()
  if (nav.view.name === 'library') useNavigation.setState({ view: { name: 'library', query } })
}

function countLine(s: LibraryState): string {
  if (s.resultQuery === null) return 'Searching…'
  if (s.status === 'error') return 'Search failed'
  const n = s.total
  const fuzzy = s.count - s.total
  if (fuzzy > 0 && !s.usedFallback) return `${n.toLocaleString()} ${n === 1 ? 'report' : 'reports'} with every word, then partial matches`
  // The whole library: the live reports listed, and (one rule for every count) how many archived ones are hidden.
  const archived = !s.resultQuery.trim() && s.stats ? s.stats.archivedReports : 0
  const what = s.resultQuery.trim() ? `${n.toLocaleString()} ${n === 1 ? 'report' : 'reports'}` : reportCountText(n, archived, undefined, 'in your library')
  return fuzzy > 0 ? `${what}, ${fuzzy} with similar spelling` : what
}

export function LibraryScreen() {
  const viewQuery = useNavigation((s) => (s.view.name === 'library' ? s.view.query : null))
  const library = useLibrary()
  const offline = useSync(isOffline)
  const lastSuccessAt = useSync((s) => s.state?.lastSuccessAt ?? null)
  const input = useRef<HTMLInputElement>(null)
  const [saving, setSaving] = useState(false)

  // The navigation entry decides the query (sidebar saved searches, table links, collections, Back).
  useEffect(() => {
    if (viewQuery !== null) useLibrary.getState().setQuery(viewQuery)
  }, [viewQuery])

  // Focus the box on open and whenever the shell asks (it turns Ctrl/Cmd+K into this event).
  useEffect(() => {
    input.current?.focus()
    const focus = () => { input.current?.focus(); input.current?.select() }
    window.addEventListener(FOCUS_SEARCH_EVENT, focus)
    return () => window.removeEventListener(FOCUS_SEARCH_EVENT, focus)
  }, [])

  // Results fetched before changes made while another screen was open are refreshed on arrival.
  useEffect(() => {
    const store = useLibrary.getState()
    store.watchLibrary()
    void store.loadStats()
    if (store.resultQuery !== null && store.resultVersion !== store.libraryVersion) store.refresh()
  }, [])
  // The sync wrote to the library while this screen is open: refresh stats and the visible results, at most
  // once a second (the timer is not restarted by later changes, so a long sync still refreshes every second).
  const libraryVersion = library.libraryVersion
  const refreshPending = useRef<ReturnType<typeof setTimeout> | null>(null)
  const seenVersion = useRef(libraryVersion)
  useEffect(() => {
    if (libraryVersion === seenVersion.current || refreshPending.current) return
    refreshPending.current = setTimeout(() => {
      refreshPending.current = null
      seenVersion.current = useLibrary.getState().libraryVersion
      void useLibrary.getState().loadStats()
      void useCollections.getState().load()
      useLibrary.getState().refresh()
    }, 1000)
  }, [libraryVersion])
  useEffect(() => () => { if (refreshPending.current) clearTimeout(refreshPending.current) }, [])

  // Actions on the selected result (Ctrl/Cmd+. and each action's shortcut): its report, loaded when asked.
  const actions = useReportActions(async () => {
    const s = useLibrary.getState()
    const hit = s.count > 0 ? hitAt(s, s.active) : null
    if (!hit) return null
    const report = await mainReads.report(hit.token)
    return report ? { report, query: report.queries[0] ?? null, isSample: useConnection.getState().status?.isSample ?? false } : null
  })

  const { count, active, query, pages } = library
  const open = useCallback((index: number) => {
    const hit = hitAt(useLibrary.getState(), index)
    if (hit) openReport(hit.token)
  }, [])
  const onHover = useCallback((index: number) => useLibrary.getState().setActive(index), [])
  const onRange = useCallback(({ start, end }: { start: number; end: number }) => useLibrary.getState().ensureRows(start, end), [])
  const density = useSettings((s) => s.settings?.libraryDensity ?? 'rows')
  const Row = density === 'table' ? ResultTableRow : ResultRow
  const renderRow = useCallback(
    (index: number) => <Row hit={hitAt({ pages }, index)} index={index} active={index === active} onOpen={open} onHover={onHover} />,
    [Row, pages, active, open, onHover],
  )

  const onKeyDown = (e: KeyboardEvent) => {
    const s = useLibrary.getState()
    const step = (n: number) => { e.preventDefault(); s.setActive(s.active + n) }
    switch (e.key) {
      case 'ArrowDown': return step(1)
      case 'ArrowUp': return step(-1)
      case 'PageDown': return step(8)
      case 'PageUp': return step(-8)
      case 'Enter':
        if (s.count > 0) { e.preventDefault(); open(s.active) }
        return
      case 'Escape':
        if (s.query) { e.preventDefault(); changeQuery('') }
        return
    }
  }
  const onListKeyDown = (e: KeyboardEvent) => {
    const s = useLibrary.getState()
    if (e.key === 'Home') { e.preventDefault(); s.setActive(0) } else if (e.key === 'End') { e.preventDefault(); s.setActive(s.count - 1) } else onKeyDown(e)
  }

  const offlineText = `Offline — searching your local copy${lastSuccessAt ? ` (synced ${relativeTime(lastSuccessAt)})` : ''}.`
  const archived = includesArchived(query)
  const hasResults = library.resultQuery !== null && count > 0
  const libraryEmpty = library.stats !== null && library.stats.reports === 0
  const filters = queryTerms(query).filter((t) => /^-?[a-z]+:/i.test(t))

  return (
    <div className="library">
      <header className="library-header">
        <div className="search-row">
          <div className="search-box">
            <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" className="search-icon"><circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" /><path d="M11 11l3.5 3.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" /></svg>
            <input
              ref={input}
              type="search"
              className="input search-input"
              placeholder="Search reports, SQL, tables, people…"
              aria-label="Search the library"
              role="combobox"
              aria-expanded={hasResults}
              aria-controls={LIST_ID}
              aria-autocomplete="list"
              aria-activedescendant={hasResults ? resultId(active) : undefined}
              value={query}
              spellCheck={false}
              autoComplete="off"
              {...{ [ACCEPTS_MODE_LINKS]: '' }}
              onChange={(e) => changeQuery(e.target.value)}
              onKeyDown={onKeyDown}
            />
            {!query && <kbd className="search-kbd" aria-hidden="true">{isMac() ? '⌘K' : 'Ctrl K'}</kbd>}
          </div>
          <QueryHelp onInsert={(ex) => { changeQuery(query.trim() ? `${query.trim()} ${ex}` : ex); input.current?.focus() }} />
          <label className="archived-toggle">
            <input type="checkbox" role="switch" className="switch" checked={archived} onChange={(e) => changeQuery(setArchived(query, e.target.checked))} />
            <span><span className="label-wide">Include archived</span><span className="label-narrow" aria-hidden="true">Archived</span></span>
          </label>
          <button type="button" className="btn btn-sm" onClick={() => setSaving(true)} disabled={!query.trim()}>
            <span>Save<span className="label-wide"> search</span></span>
          </button>
        </div>
        <div className="status-row">
          <p className="result-count" aria-live="polite" aria-atomic="true" data-testid="result-count">
            {countLine(library)}
          </p>
          {library.status === 'searching' && <span className="spinner" aria-hidden="true" />}
          <SearchNotes expansions={library.expansions} chips={library.chips} onQuery={(q) => { changeQuery(q); input.current?.focus() }} />
          {offline && (
            <p className="offline-note" role="status" data-testid="offline-note" title={offlineText}>{offlineText}</p>
          )}
          <ResultsToolbar density={density} />
        </div>
      </header>
      <div className="library-body">
        {/* A region, so screen-reader users can jump between the results and the filters beside them.
            data-result-query: which query the list shows (the specs wait on it). */}
        <div className="results-pane" role="region" aria-label="Results" data-result-query={library.resultQuery ?? undefined} data-status={library.status} data-took-ms={library.tookMs}>
          {library.status === 'error' && <div className="notice notice-error" role="alert"><div className="notice-body">{library.error}</div></div>}
          {library.stats?.damagedCopy && (
            <div className="notice notice-warning" role="status" data-testid="damaged-library">
              <div className="notice-body">
                The library file was damaged. It was moved aside, unchanged, to {library.stats.damagedCopy.folder}, and a full sync is rebuilding your library.
              </div>
            </div>
          )}
          <CollectionHeader query={library.resultQuery ?? ''} />
          {library.resultQuery === '' && !libraryEmpty && <HomeSections />}
          {hasResults && density === 'table' && <ResultTableHeader sort={library.resultSort} />}
          {hasResults ? (
            <VirtualList
              id={LIST_ID}
              className="results"
              role="listbox"
              ariaLabel="Search results"
              count={count}
              rowHeight={density === 'table' ? TABLE_ROW_HEIGHT : ROW_HEIGHT}
              renderRow={renderRow}
              activeIndex={active}
              onRangeChange={onRange}
              resetKey={`${library.resultQuery}\u0000${library.resultSort}`}
              tabIndex={0}
              onKeyDown={onListKeyDown}
              activeDescendant={resultId(active)}
            />
          ) : library.resultQuery !== null && library.status !== 'error' ? (
            <LibraryEmptyState
              kind={libraryEmpty ? 'empty-library' : 'no-results'}
              query={query}
              filters={filters}
              archived={archived}
              offline={offline}
              onQuery={(q) => changeQuery(q)}
            />
          ) : null}
        </div>
        <FacetPanel facets={library.facets} query={query} current={library.facetsQuery !== null && library.facetsQuery === library.resultQuery} onToggle={(key: FilterKey, value: string) => changeQuery(toggleFilter(query, key, value))} />
      </div>
      {saving && <SaveSearchDialog query={query.trim()} onClose={() => { setSaving(false); input.current?.focus() }} />}
      {actions}
    </div>
  )
}
