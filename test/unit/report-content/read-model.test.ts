import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library/index.ts'
import { THUMBNAIL_MAX_BYTES, chartTypeLabel, getPreviewThumbnails, inferColumnType, scheduleFrequency } from '../../../src/main/library/report-content-read.ts'

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

describe('report content read model', () => {
  it('names chart types as people read them, never as Mode spells them', () => {
    expect(chartTypeLabel('lineAndBar')).toBe('Line and bar chart')
    expect(chartTypeLabel('bigNumber')).toBe('Big number')
    expect(chartTypeLabel('stackedArea')).toBe('Stacked area')
    expect(chartTypeLabel(null)).toBe('Unconfigured chart')
  })

  it('infers column types from the cells, empty cells ignored', () => {
    const rows = [['2025-01-01', '1.5', 'true', 'x', ''], ['2025-01-02T10:00:00Z', '-2e3', 'false', '3', ''], ['', '', '', 'y', '']]
    expect([0, 1, 2, 3, 4].map((i) => inferColumnType(rows, i))).toEqual(['date', 'number', 'boolean', 'text', 'text'])
  })

  it('says schedules in words', () => {
    expect(scheduleFrequency({ freq: 'daily', hour: 6, minute: 30, day_of_week: null, day_of_month: null })).toBe('Daily at 06:30')
    expect(scheduleFrequency({ freq: 'weekly', hour: 8, minute: 0, day_of_week: 1, day_of_month: null })).toBe('Weekly on Monday at 08:00')
    expect(scheduleFrequency({ freq: 'monthly', hour: 23, minute: 45, day_of_week: null, day_of_month: 28 })).toBe('Monthly on day 28 at 23:45')
    expect(scheduleFrequency({ freq: 'every_30_minutes', hour: null, minute: null, day_of_week: null, day_of_month: null })).toBe('Every 30 minutes')
    expect(scheduleFrequency({ freq: 'quarterly_custom', hour: null, minute: null, day_of_week: null, day_of_month: null })).toBe('quarterly custom')
  })

  it('answers result-row thumbnails only for reports with a real picture small enough for a row', async () => {
    const library = openLibrary({ dataDir: mkdtempSync(join(tmpdir(), 'mc-thumbs-')), workspace: 'acme', backgroundCheckpoints: false })
    const report = library.db.prepare("INSERT INTO reports(token, name, archived, updated_at, first_seen_at) VALUES (?, ?, 0, '2026-01-01T00:00:00Z', '2026-01-01')")
    const preview = library.db.prepare('INSERT INTO report_previews(report_token, mime, bytes, byte_size, note) VALUES (?, ?, ?, ?, ?)')
    for (const t of ['png', 'html', 'huge', 'note', 'none']) report.run(t, `Report ${t}`)
    preview.run('png', 'image/png', PNG, PNG.length, null)
    // Bytes that say HTML whatever the stored mime claims: never handed to an <img>.
    preview.run('html', 'image/png', new TextEncoder().encode('<html><script>alert(1)</script>'), 30, null)
    const huge = new Uint8Array(THUMBNAIL_MAX_BYTES + 1)
    huge.set(PNG)
    preview.run('huge', 'image/png', huge, huge.length, null)
    preview.run('note', null, null, 0, 'The preview link had expired.')
    const thumbs = getPreviewThumbnails(library, ['png', 'html', 'huge', 'note', 'none', 'not-a-report', 'png'])
    expect(Object.keys(thumbs)).toEqual(['png'])
    expect(thumbs.png).toBe(`data:image/png;base64,${Buffer.from(PNG).toString('base64')}`)
    await library.close()
  })
})
