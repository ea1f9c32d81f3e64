// @vitest-environment jsdom
// The library screen against a fake bridge: focus on open, arrow keys and Enter, facets, that each keystroke's
// search is sent from the input event itself, and that a slow response to an older query never replaces the
// results of the text now in the box (whether it arrives before or after the newer query's answer).
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SearchHit, SearchResult } from '../../../../src/shared/model.ts'
import { LibraryScreen } from '../../../../src/renderer/src/screens/library/LibraryScreen.tsx'
import { FACETS_DELAY_MS, useLibrary } from '../../../../src/renderer/src/stores/library.ts'
import { useNavigation } from '../../../../src/renderer/src/stores/navigation.ts'
import { installFakeBridge, type FakeBridge } from './fake-bridge.ts'
import { keyDown, mount, settle, typeInto, type Mounted } from './render.ts'

function hit(prefix: string, i: number): SearchHit {
  return {
    token: `${prefix}${i}`, name: `${prefix} report ${i}`, collection: 'Finance', collectionToken: 'c1', author: 'Ana', authorUsername: 'ana',
    updatedAt: '2025-01-01T00:00:00Z', archived: false, score: 1, snippet: null, fuzzy: false,
  }
}
function result(prefix: string, total: number, offset = 0, limit = 100): SearchResult {
  const hits = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => hit(prefix, offset + i))
  return {
    hits, total, tookMs: 1, usedFallback: false,
    facets: { collections: [{ value: 'Finance', label: 'Finance', count: total }], authors: [{ value: 'ana', label: 'Ana', count: total }], dataSources: [], tables: [] },
  }
}

describe('LibraryScreen', () => {
  let mounted: Mounted | null = null
  let bridge: FakeBridge
  const pending: Array<() => void> = []
  /** Answers held back by query ('held…' queries), released by the test in the order it chooses. */
  const held = new Map<string, () => void>()

  beforeEach(() => {
    useLibrary.setState(useLibrary.getInitialState())
    useNavigation.setState({ view: { name: 'library', query: '' }, history: [] })
    bridge = installFakeBridge({
      'library.search': (input: { query: string; offset?: number; limit?: number }) => {
        const prefix = input.query.split(' ')[0] || 'all'
        const value = result(prefix, 5000, input.offset ?? 0, input.limit ?? 100)
        if (prefix === 'slow') return new Promise((resolve) => pending.push(() => resolve(value)))
        if (prefix.startsWith('held') && !(input as { facets?: boolean }).facets) return new Promise((resolve) => held.set(input.query, () => resolve(value)))
        return value
      },
      'library.getStats': () => ({ workspace: 'w', reports: 5000, archivedReports: 0, queries: 0, reportsWithSql: 0, collections: 1, members: 1, groups: 0, dataSources: 0, lastSyncedAt: null, damagedCopy: null }),
    })
  })
  afterEach(async () => {
    mounted?.unmount()
    mounted = null
    // A facet count the last keystroke scheduled runs out here, not during the next test.
    for (const resolve of pending.splice(0)) resolve()
    for (const resolve of held.values()) resolve()
    held.clear()
    await act(async () => { await new Promise((resolve) => setTimeout(resolve, FACETS_DELAY_MS + 20)) })
  })

  const input = () => mounted!.container.querySelector('input[type="search"]') as HTMLInputElement
  const selected = () => mounted!.container.querySelector('[role="option"][aria-selected="true"]')?.textContent ?? ''
  const names = () => [...mounted!.container.querySelectorAll('.result-name')].map((e) => e.textContent)

  it('focuses the search box, moves the selection with the arrow keys and opens a report with Enter', async () => {
    mounted = mount(<LibraryScreen />)
    await settle(10)
    expect(document.activeElement).toBe(input())
    expect(mounted.container.querySelector('[data-testid="result-count"]')?.textContent).toBe('5,000 reports in your library')
    expect(selected()).toContain('all report 0')
    keyDown(input(), 'ArrowDown')
    keyDown(input(), 'ArrowDown')
    keyDown(input(), 'ArrowUp')
    expect(selected()).toContain('all report 1')
    expect(input().getAttribute('aria-activedescendant')).toBe('result-1')
    keyDown(input(), 'Enter')
    expect(useNavigation.getState().view).toEqual({ name: 'report', token: 'all1' })
  })

  it('the shell\'s focus-search event (Ctrl/Cmd+K) brings focus back to the box', async () => {
    mounted = mount(<><button id="elsewhere">x</button><LibraryScreen /></>)
    await settle(10)
    const other = mounted.container.querySelector('#elsewhere') as HTMLButtonElement
    other.focus()
    act(() => { window.dispatchEvent(new Event('mc:focus-search')) })
    expect(document.activeElement).toBe(input())
  })

  it('counts facets once the typing pauses, then adds a chosen one to the query', async () => {
    mounted = mount(<LibraryScreen />)
    // Hits first: the opening search asks for hits only (checked before anything could answer, so a busy machine
    // that lets the facet pause run out during a settle cannot change what is seen); facets follow after a pause.
    expect(bridge.calls.filter((c) => c.name === 'library.search').map((c) => (c.input as { facets: boolean }).facets)).toEqual([false])
    await settle(300)
    expect(mounted.container.querySelector('.facets')?.getAttribute('aria-busy')).toBe('false')
    const facet = [...mounted.container.querySelectorAll('.facet-value')].find((b) => b.textContent?.includes('Ana')) as HTMLButtonElement
    act(() => facet.click())
    await settle(10)
    expect(input().value).toBe('author:ana')
    expect(facet.getAttribute('aria-pressed')).toBe('true')
    expect(bridge.calls.some((c) => c.name === 'library.search' && (c.input as { query: string }).query === 'author:ana')).toBe(true)
    expect(useNavigation.getState().view).toEqual({ name: 'library', query: 'author:ana' })
  })

  it('asks for the newest text at once, as typed, and drops the older query\'s late answer', async () => {
    mounted = mount(<LibraryScreen />)
    await settle(10)
    const sent = () => bridge.calls.filter((c) => c.name === 'library.search').map((c) => c.input as { query: string; asTyped?: boolean; facets?: boolean })
    typeInto(input(), 'slow')
    // Sent from the input event itself: no timer stands between the keystroke and the search.
    expect(sent().at(-1)).toMatchObject({ query: 'slow', asTyped: true, facets: false })
    typeInto(input(), 'fast')
    // Not held back by the slow one still in flight (main's worker abandons that one for it).
    expect(sent().at(-1)).toMatchObject({ query: 'fast', asTyped: true, facets: false })
    await settle(10)
    expect(names()[0]).toBe('fast report 0')
    pending.shift()?.() // the slow answer arrives after the user typed on
    await settle(10)
    expect(names().some((n) => n?.startsWith('slow'))).toBe(false)
    expect(names()[0]).toBe('fast report 0')
  })

  it('keeps the shown results while both searches are out, and shows only the newest when the older answers first', async () => {
    mounted = mount(<LibraryScreen />)
    await settle(10)
    expect(names()[0]).toBe('all report 0')
    typeInto(input(), 'helda')
    typeInto(input(), 'heldb')
    // Nothing answered yet: the previous results stay (no "no results" flash between keystrokes).
    expect(names()[0]).toBe('all report 0')
    expect(mounted.container.querySelector('[data-testid="result-count"]')?.textContent).toBe('5,000 reports in your library')
    held.get('helda')?.()
    await settle(10)
    // The older query answered first: it is not shown, and the list still waits for the newest.
    expect(names().some((n) => n?.startsWith('helda'))).toBe(false)
    expect(names()[0]).toBe('all report 0')
    expect(mounted.container.querySelector('[role="region"][aria-label="Results"]')?.getAttribute('data-status')).toBe('searching')
    held.get('heldb')?.()
    await settle(10)
    expect(names()[0]).toBe('heldb report 0')
    expect(mounted.container.querySelector('[role="region"][aria-label="Results"]')?.getAttribute('data-result-query')).toBe('heldb')
  })
})
