// Each bad input the storage host or Mode can hand the content phases — an expired or redirected preview URL, a
// body that is not an image, an image over 5 MB, a purged result, a malformed CSV, a huge result, a gzip body —
// ends as a clear note on that one item, and everything else in the library is exactly as the truth says.
import { describe, expect, it } from 'vitest'
import { getReportContent } from '../../../src/main/library/report-content-read.ts'
import { syncWorkspace } from '../../../src/main/sync/sync-workspace.ts'
import { generateWorkspace } from '../../../src/sim/generator.ts'
import { HUGE_RESULT_ROWS } from '../../../src/sim/report-content.ts'
import type { TruthPreviewFault, TruthReport, TruthResultFault } from '../../../src/sim/truth.ts'
import { contentOptions, libraryContentView, truthContentView } from './content-view.ts'
import { fastClient, libraryView, truthView } from './sync-harness.ts'
import { suiteLibrary } from './suite-fixtures.ts'

const PREVIEW_FAULTS: TruthPreviewFault[] = ['expired', 'redirect', 'not_image', 'oversized']
const RESULT_FAULTS: TruthResultFault[] = ['purged', 'malformed_csv', 'huge', 'gzip']

describe('bad report content', () => {
  const faulty = new Map<string, string>()
  let clean: TruthReport

  const suite = suiteLibrary(() => {
    const truth = generateWorkspace({ seed: 77, reports: 40 })
    const ran = truth.reports.filter((r) => r.last_successful_run_token && r.queries[0]?.result)
    for (const r of ran) {
      if (r.preview) r.preview.fault = null
      for (const q of r.queries) if (q.result) q.result.fault = null
    }
    PREVIEW_FAULTS.forEach((fault, i) => {
      const r = ran[i]!
      r.preview = { image_id: `abc00000000${i}`, fault }
      faulty.set(r.token, `preview:${fault}`)
    })
    RESULT_FAULTS.forEach((fault, i) => {
      const r = ran[PREVIEW_FAULTS.length + i]!
      r.queries[0]!.result!.fault = fault
      if (fault === 'huge') r.queries[0]!.result!.row_count = HUGE_RESULT_ROWS
      faulty.set(r.token, `result:${fault}`)
    })
    clean = ran.find((r) => !faulty.has(r.token) && r.preview)!
    return { truth, pageSize: 9 }
  })

  it('notes each bad item, loses nothing else, and sends no credentials to the storage host', async () => {
    const { sim, library } = suite
    const result = await syncWorkspace({ library, client: fastClient(sim), kind: 'full', ...contentOptions(sim), trigger: 'test' })
    expect(result.run.outcome, result.run.errorMessage ?? '').toBe('success')
    expect(libraryView(library, false)).toEqual(truthView(sim.truth(), false))
    expect(libraryContentView(library)).toEqual(truthContentView(sim.truth()))
    expect(sim.stats().previews_with_credentials).toBe(0)

    const content = (token: string) => getReportContent(library, token)!
    const byFault = (kind: string) => [...faulty].find(([, f]) => f === kind)![0]
    expect(content(byFault('preview:expired')).previewNote).toMatch(/expired/)
    expect(content(byFault('preview:redirect')).previewNote).toMatch(/redirected to localhost.*not the same host/)
    expect(content(byFault('preview:not_image')).previewNote).toMatch(/not a PNG, JPEG or WebP/)
    expect(content(byFault('preview:oversized')).previewNote).toMatch(/over the 5\.0 MB limit/)
    for (const kind of PREVIEW_FAULTS) expect(content(byFault(`preview:${kind}`)).preview).toBeNull()

    const first = (token: string) => content(token).results[0]!
    expect(first(byFault('result:purged'))).toMatchObject({ rows: [], note: expect.stringMatching(/retention period/) })
    expect(first(byFault('result:malformed_csv'))).toMatchObject({ rows: [], note: expect.stringMatching(/could not be read: .*line \d+/) })
    expect(first(byFault('result:huge'))).toMatchObject({ totalRows: HUGE_RESULT_ROWS, note: 'The first 2,000 of 60,000 rows are kept (the results cap).' })
    expect(first(byFault('result:huge')).rows).toHaveLength(2000)
    expect(first(byFault('result:gzip')).note).toBeNull()

    // A clean report beside them: its picture is a real PNG, its results whole.
    expect(content(clean.token).preview?.dataUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/)
    expect(content(clean.token).previewNote).toBeNull()
  })

  it('keeps results Mode has since purged, and says they are from an earlier run', async () => {
    const { sim, library } = suite
    const token = clean.token
    const before = getReportContent(library, token)!.results[0]!
    expect(before.rows.length).toBeGreaterThan(0)
    sim.mutate([{ kind: 'runReport', token }, { kind: 'purgeResults', token }])
    const result = await syncWorkspace({ library, client: fastClient(sim), ...contentOptions(sim), trigger: 'test' })
    expect(result.run.outcome).toBe('success')
    const after = getReportContent(library, token)!.results.find((r) => r.queryToken === before.queryToken)!
    expect(after.rows).toEqual(before.rows)
    expect(after.note).toMatch(/retention period.*earlier run/)
  })

  it('an expired preview is fetched again on the next sync; an unchanged one is not', async () => {
    const { sim, library } = suite
    sim.resetStats()
    await syncWorkspace({ library, client: fastClient(sim), ...contentOptions(sim), trigger: 'test' })
    // Only the retryable one (expired) is asked for again; the rest show the same run and are skipped.
    expect(sim.stats().previews).toBe(1)
  })
})
