// @vitest-environment jsdom
// The report view against a fake bridge: facts, highlighted SQL, copy, table links, charts fetched on demand
// when online, and Esc going back.
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReportDetail } from '../../../../src/shared/model.ts'
import { ReportScreen } from '../../../../src/renderer/src/screens/report/ReportScreen.tsx'
import { useNavigation } from '../../../../src/renderer/src/stores/navigation.ts'
import { installFakeBridge, type FakeBridge } from '../library/fake-bridge.ts'
import { keyDown, mount, settle, type Mounted } from '../library/render.ts'

const report: ReportDetail = {
  token: 'abc123', name: 'Net Revenue Retention by Cohort', description: 'Board metric.', collection: { token: 'c1', name: 'Finance — Board Reporting', label: 'Finance — Board Reporting' },
  author: { username: 'ana', name: 'Ana Silva' }, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z', editedAt: '2025-01-01T00:00:00Z',
  lastRunAt: null, archived: true, viewCount: 4321, webUrl: 'https://app.mode.com/acme/reports/abc123', queriesSynced: true, chartsFetchedAt: null,
  queries: [{ token: 'q1', name: 'Cohorts', sql: "select count(*) from analytics.fct_orders where status = 'paid'", dataSource: { id: '1', name: 'Snowflake', adapter: 'snowflake' }, tables: ['analytics.fct_orders'], charts: [] }],
}

describe('ReportScreen', () => {
  let mounted: Mounted | null = null
  let bridge: FakeBridge
  beforeEach(() => {
    useNavigation.setState({ view: { name: 'report', token: 'abc123' }, history: [{ name: 'library', query: 'nrr' }] })
    bridge = installFakeBridge({
      'library.getReport': () => report,
      'library.fetchCharts': () => ({ ...report, chartsFetchedAt: '2025-06-01T00:00:00Z', queries: [{ ...report.queries[0]!, charts: [{ token: 'ch1', title: 'NRR over time', type: 'line' }] }] }),
      'app.openExternal': () => true,
    })
  })
  afterEach(() => { mounted?.unmount(); mounted = null })

  it('shows the facts, the highlighted SQL and the chart titles fetched on demand', async () => {
    mounted = mount(<ReportScreen />)
    await settle(10)
    const text = mounted.container.textContent ?? ''
    expect(mounted.container.querySelector('h1')?.textContent).toBe('Net Revenue Retention by Cohort')
    expect(text).toContain('Archived')
    expect(text).toContain('4,321')
    expect(text).toContain('Finance — Board Reporting')
    expect(mounted.container.querySelector('.sql-keyword')?.textContent).toBe('select')
    expect(mounted.container.querySelector('.sql-string')?.textContent).toBe("'paid'")
    expect(bridge.calls.map((c) => c.name)).toContain('library.fetchCharts')
    expect(text).toContain('NRR over time')
  })

  it('copies the SQL and says so', async () => {
    const writeText = vi.fn(async () => {})
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    mounted = mount(<ReportScreen />)
    await settle(10)
    const copy = [...mounted.container.querySelectorAll('button')].find((b) => b.textContent === 'Copy SQL') as HTMLButtonElement
    await act(async () => { copy.click() })
    expect(writeText).toHaveBeenCalledWith(report.queries[0]!.sql)
    expect(copy.textContent).toBe('Copied')
  })

  it('follows a table link to every report reading it, opens Mode, and goes back with Esc', async () => {
    mounted = mount(<ReportScreen />)
    await settle(10)
    const open = [...mounted.container.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Open in Mode')) as HTMLButtonElement
    await act(async () => { open.click() })
    expect(bridge.calls.find((c) => c.name === 'app.openExternal')?.input).toEqual({ url: report.webUrl })
    const table = mounted.container.querySelector('.table-link') as HTMLButtonElement
    act(() => table.click())
    expect(useNavigation.getState().view).toEqual({ name: 'library', query: 'table:analytics.fct_orders' })
    useNavigation.setState({ view: { name: 'report', token: 'abc123' }, history: [{ name: 'library', query: 'nrr' }] })
    keyDown(document.body, 'Escape')
    expect(useNavigation.getState().view).toEqual({ name: 'library', query: 'nrr' })
  })
})
