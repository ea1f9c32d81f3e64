// Search latency as the analyst feels it: with a 100,000-report library open in the app, how long from the
// last keystroke until the result list in the DOM shows that query's results. Measured in the page
// (KeyboardEvent.timeStamp → a MutationObserver seeing the list switch to the new query) over ≥ 30 typed
// queries, and printed with p50/p95 next to the target (p95 ≤ 30 ms). Like the benchmarks, it reports figures
// rather than failing on them: the machine may be shared, and a timed test would fail for that alone.
//
// The library (latency-library.ts) is written straight from the simulator's generator and cached under
// test-results/; global-setup.ts starts building it in the background on a fresh clone.
import { loadavg } from 'node:os'
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { libraryPath } from '../../src/main/library/paths.ts'
import { expect, test } from './fixtures.ts'
import { CACHE_DIR, REPORTS, SEED, WORKSPACE, awaitLatencyLibrary } from './latency-library.ts'
import { resultsRegion, searchBox, waitForResults } from './library-helpers.ts'

// Realistic typing: words, prefixes, phrases, exclusions, filters and identifier fragments.
const QUERIES = [
  'revenue', 'net revenue retention', 'churn', 'weekly active users', 'signup conversion', 'refund rate',
  'gross margin', 'checkout abandonment', 'cohort', 'retention curve', 'fct_orders', 'dim_customers',
  'orders by region', 'experiment lift', 'marketing attribution', 'campaign', 'invoices', 'subscriptions',
  '"net revenue"', 'revenue -draft', 'table:orders', 'collection:Finance revenue', 'collection:Growth',
  'sessions mobile', 'payback period', 'deferred revenue', 'page load time', 'search click', 'EMEA',
  'updated:>2025-01-01 revenue', 'include:archived churn', 'ltv cac', 'daily active', 'promo redemptions',
]

/** Installs window.__armLatency(expected): the next keydown on the search box starts the clock (its event
 * timeStamp), and window.__latency resolves to {ms, ok} when the results pane shows `expected`'s results (or
 * its error). */
const ARM_LATENCY_PROBE = `(() => {
  // Where the time goes: when the search for each text was sent and answered (the API's groups are plain
  // objects; only the top level is frozen).
  const calls = (window.__searchCalls = new Map())
  const group = window.modeCompanion.library
  const search = group.search
  group.search = async (input) => {
    const sent = performance.now()
    const result = await search(input)
    if (input && input.offset === 0 && !input.facets) calls.set(input.query, { sent, answered: performance.now() })
    return result
  }
  window.__armLatency = (expected) => {
    const input = document.querySelector('input[role="combobox"]')
    const pane = document.querySelector('[role="region"][aria-label="Results"]')
    window.__latency = new Promise((resolve) => {
      let start = 0
      input.addEventListener('keydown', (e) => { start = e.timeStamp }, { capture: true, once: true })
      const status = () => (pane.getAttribute('data-result-query') === expected ? pane.getAttribute('data-status') : null)
      const observer = new MutationObserver(() => {
        const s = status()
        if (start > 0 && (s === 'ready' || s === 'error')) {
          observer.disconnect()
          const now = performance.now()
          const call = calls.get(expected) || { sent: now, answered: now }
          resolve({ ms: now - start, ok: s === 'ready', searchMs: Number(pane.getAttribute('data-took-ms')),
            waitMs: call.sent - start, callMs: call.answered - call.sent, renderMs: now - call.answered })
        }
      })
      observer.observe(pane.parentElement, { subtree: true, childList: true, attributes: true, characterData: true })
    })
  }
})()`

const TARGET_P95_MS = 30

// The trace Playwright keeps for a failed test (playwright.config.ts: retain-on-failure) records by default a
// screencast (frames encoded in the browser and streamed to this process all the time) and a DOM snapshot around
// every action, taken in the page itself — the "after" one of the timed keystroke lands inside the measured
// window. Neither is anything the analyst's app does, so this spec keeps the trace's action log only.
test.use({ trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false } })

test('typing a query shows its results over 100,000 reports; prints keystroke-to-results p50/p95', async ({ app }) => {
  test.setTimeout(1_200_000)
  // A fresh clone waits here for the library global-setup.ts is building; that wait is not the typing's time.
  const waitStarted = Date.now()
  const cached = await awaitLatencyLibrary(900_000)
  test.setTimeout(1_200_000 + (Date.now() - waitStarted))

  // The app opens this library when it connects to a workspace of the same name.
  mkdirSync(join(app.dataDir, 'libraries'), { recursive: true })
  copyFileSync(cached, libraryPath(app.dataDir, WORKSPACE))
  const sim = await app.startSimulator({ workspace: WORKSPACE, reports: 5, seed: SEED })
  // The simulator holds 5 reports, not 100,000: its listings fail, so the sync can never complete a listing
  // (and so never deletes anything) while we type.
  sim.setFaults([{ route: 'spaces', kind: 'status', status: 500 }, { route: 'space_reports', kind: 'status', status: 500 }])
  const outcome = await app.core.handlers['connection.connect']({ token: sim.token, password: sim.password, workspace: sim.workspace })
  expect(outcome.ok).toBe(true)
  await app.core.handlers['sync.cancel'](undefined)
  const { page } = app
  await expect(page.locator('[data-screen="shell"]')).toBeVisible()
  // The first open of a freshly built 100,000-report library (integrity check, search worker warm-up) can take
  // longer than the default 15 s on a busy machine: wait for the results pane itself with a minute's grace.
  await expect(resultsRegion(page)).toBeVisible({ timeout: 60_000 })
  await expect(resultsRegion(page)).toHaveAttribute('data-status', 'ready', { timeout: 60_000 })
  await waitForResults(page, '')
  await expect(page.getByTestId('result-count')).toContainText(/^9\d,\d{3} reports in your library( · [\d,]+ archived)?$/)

  // In the page: the next keydown on the box starts the clock; the list showing `expected` stops it.
  // (A string: this file is type-checked without the DOM library.)
  await page.evaluate(ARM_LATENCY_PROBE)

  const box = searchBox(page)
  const latencies: number[] = []
  const failed: string[] = []
  const searchMs: number[] = []
  const parts = { waitMs: [] as number[], callMs: [] as number[], renderMs: [] as number[] }
  for (const query of QUERIES) {
    await box.fill('')
    await expect(resultsRegion(page)).toHaveAttribute('data-result-query', '')
    // Type like a quick typist, then time the last keystroke.
    await box.pressSequentially(query.slice(0, -1), { delay: 60 })
    await page.evaluate(`window.__armLatency(${JSON.stringify(query)})`)
    await box.press(query.slice(-1) === ' ' ? 'Space' : (query.slice(-1) as string))
    const probe = (await page.evaluate('window.__latency')) as { ms: number; ok: boolean; searchMs: number; waitMs: number; callMs: number; renderMs: number }
    if (probe.ok) {
      latencies.push(probe.ms)
      searchMs.push(probe.searchMs)
      parts.waitMs.push(probe.waitMs)
      parts.callMs.push(probe.callMs)
      parts.renderMs.push(probe.renderMs)
    }
    else failed.push(query)
    await expect(box).toHaveValue(query)
  }

  // The e2e bridge is a Playwright binding over CDP, slower than Electron's IPC: measure a trivial call's round
  // trip so the figures can be read with it in mind.
  const bridgeRoundTrips = (await page.evaluate(`(async () => {
    const times = []
    for (let i = 0; i < 20; i++) { const t = performance.now(); await window.modeCompanion.app.getInfo(); times.push(performance.now() - t) }
    return times
  })()`)) as number[]
  const percentile = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b)
    return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0
  }
  const sorted = [...latencies].sort((a, b) => a - b)
  const pct = (p: number) => percentile(latencies, p)
  const figures = {
    reports: REPORTS,
    queries: latencies.length,
    p50Ms: Number(pct(50).toFixed(1)),
    p95Ms: Number(pct(95).toFixed(1)),
    maxMs: Number(sorted.at(-1)?.toFixed(1)),
    targetP95Ms: TARGET_P95_MS,
    loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
    /** The search service's own time for the final query (the rest is waiting, IPC and rendering). */
    serviceP50Ms: Number(percentile(searchMs, 50).toFixed(1)),
    serviceP95Ms: Number(percentile(searchMs, 95).toFixed(1)),
    bridgeRoundTripP50Ms: Number(percentile(bridgeRoundTrips, 50).toFixed(1)),
    /** p50/p95 of: keystroke → request sent (debounce, waiting for the previous search), request → answer, answer → DOM. */
    waitMs: [percentile(parts.waitMs, 50), percentile(parts.waitMs, 95)].map((x) => Number(x.toFixed(1))),
    callMs: [percentile(parts.callMs, 50), percentile(parts.callMs, 95)].map((x) => Number(x.toFixed(1))),
    renderMs: [percentile(parts.renderMs, 50), percentile(parts.renderMs, 95)].map((x) => Number(x.toFixed(1))),
    failedQueries: failed,
  }
  console.log(`[search-latency] last keystroke → results in the DOM, ${figures.queries} queries over ${REPORTS.toLocaleString('en-US')} reports: ` +
    `p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms, max ${figures.maxMs} ms (target p95 ≤ ${TARGET_P95_MS} ms: ${figures.p95Ms <= TARGET_P95_MS ? 'met' : 'NOT met'}; load average ${figures.loadAverage.join(' ')}); ` +
    `of which the search service: p50 ${figures.serviceP50Ms} ms, p95 ${figures.serviceP95Ms} ms; e2e bridge round trip of an empty call: p50 ${figures.bridgeRoundTripP50Ms} ms; ` +
    `p50/p95 keystroke→request ${figures.waitMs.join('/')} ms, request→answer ${figures.callMs.join('/')} ms, answer→DOM ${figures.renderMs.join('/')} ms`)
  writeFileSync(join(CACHE_DIR, 'latest.json'), JSON.stringify({ ...figures, latenciesMs: latencies.map((x) => Number(x.toFixed(1))) }, null, 2))
  if (failed.length > 0) console.log(`[search-latency] the search failed for: ${failed.join(' | ')}`)
  test.info().annotations.push({ type: 'search latency', description: `p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms over ${figures.queries} queries` })
  expect(failed).toEqual([])
  expect(latencies.length).toBeGreaterThanOrEqual(30)
})
