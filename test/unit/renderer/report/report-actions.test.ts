// The actions on a report: Mode links only where they exist (never for the sample, which lives on this computer),
// the editor link built from the report's own link, pasted Mode links understood, and combos matched as labelled.
import { describe, expect, it } from 'vitest'
import type { ReportDetail } from '../../../../src/shared/model.ts'
import { allQueriesSql, reportActions } from '../../../../src/renderer/src/actions/report-actions.ts'
import { queryEditorUrl } from '../../../../src/renderer/src/actions/mode-urls.ts'
import { comboLabel, matchesCombo } from '../../../../src/renderer/src/actions/key-combos.ts'
import { parseModeLink } from '../../../../src/renderer/src/shell/mode-link.ts'

const report: ReportDetail = {
  token: 'abc123abc123', name: 'NRR', description: null, collection: null, author: null, createdAt: null, updatedAt: null, editedAt: null,
  lastRunAt: null, archived: false, viewCount: 0, webUrl: 'https://app.mode.com/acme/reports/abc123abc123', queriesSynced: true, chartsFetchedAt: null,
  queries: [
    { token: 'q1', name: 'Cohorts', sql: 'select 1\n', dataSource: null, tables: ['a.t'], charts: [] },
    { token: 'q2', name: null, sql: 'select 2', dataSource: null, tables: ['a.u'], charts: [] },
  ],
}

describe('report actions', () => {
  it('offers Mode links for a real workspace and explains their absence for the sample', () => {
    const real = reportActions({ report, query: report.queries[0]!, isSample: false })
    expect(real.find((a) => a.id === 'copy-link')?.unavailable).toBeNull()
    const sample = reportActions({ report, query: report.queries[0]!, isSample: true })
    for (const id of ['copy-link', 'open-in-mode', 'open-query-in-editor']) expect(sample.find((a) => a.id === id)?.unavailable).toMatch(/only on this computer/)
    expect(sample.find((a) => a.id === 'copy-sql')?.unavailable).toBeNull()
  })
  it('offers no Pin action until a pin store is registered, and lists the tables of this query as choices', () => {
    const actions = reportActions({ report, query: null, isSample: false })
    expect(actions.map((a) => a.id)).not.toContain('toggle-pin')
    expect(actions.find((a) => a.id === 'table-reports')?.choices?.map((c) => c.label)).toEqual(['a.t', 'a.u'])
    expect(reportActions({ report, query: report.queries[1]!, isSample: false }).find((a) => a.id === 'table-reports')?.choices).toBeUndefined()
  })
  it('joins every query under its name for "Copy SQL of all queries"', () => {
    expect(allQueriesSql(report)).toBe('-- Cohorts\nselect 1\n\n-- Query 2\nselect 2\n')
  })
  it('builds the editor link from the report link, and refuses anything else', () => {
    expect(queryEditorUrl(report.webUrl, 'q1')).toBe('https://app.mode.com/editor/acme/reports/abc123abc123/queries/q1')
    expect(queryEditorUrl('javascript:alert(1)', 'q1')).toBeNull()
    expect(queryEditorUrl('https://app.mode.com/acme/spaces/x', 'q1')).toBeNull()
  })
})

describe('pasted Mode links', () => {
  it('understands report, query, editor and collection links and a bare token', () => {
    expect(parseModeLink('https://app.mode.com/acme/reports/9d2da37fa91e')).toEqual({ kind: 'report', token: '9d2da37fa91e', query: null })
    expect(parseModeLink(' app.mode.com/acme/reports/9d2da37fa91e/queries/6e26a9f3d4e2 ')).toEqual({ kind: 'report', token: '9d2da37fa91e', query: '6e26a9f3d4e2' })
    expect(parseModeLink('https://app.mode.com/editor/acme/reports/9d2da37fa91e')).toEqual({ kind: 'report', token: '9d2da37fa91e', query: null })
    expect(parseModeLink('https://app.mode.com/acme/spaces/75737b70402e')).toEqual({ kind: 'collection', token: '75737b70402e' })
    expect(parseModeLink('9d2da37fa91e')).toEqual({ kind: 'report', token: '9d2da37fa91e', query: null })
  })
  it('leaves everything else as text', () => {
    for (const t of ['net revenue', 'https://evil.example/acme/reports/9d2da37fa91e', 'https://app.mode.com/acme', 'table:a.b', '', 'https://app.mode.com/acme/reports/x y']) expect(parseModeLink(t)).toBeNull()
  })
})

describe('key combinations', () => {
  const press = (init: Partial<KeyboardEvent>) => ({ key: '', code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...init }) as KeyboardEvent
  it('match Ctrl off macOS and Cmd on macOS, exactly, and read the same way', () => {
    const combo = { key: 'l', mod: true, shift: true }
    expect(matchesCombo(press({ key: 'L', ctrlKey: true, shiftKey: true }), combo, false)).toBe(true)
    expect(matchesCombo(press({ key: 'L', metaKey: true, shiftKey: true }), combo, false)).toBe(false)
    expect(matchesCombo(press({ key: 'L', metaKey: true, shiftKey: true }), combo, true)).toBe(true)
    expect(matchesCombo(press({ key: 'l', ctrlKey: true }), combo, false)).toBe(false)
    expect(comboLabel(combo, false)).toBe('Ctrl+Shift+L')
    expect(comboLabel(combo, true)).toBe('⇧⌘L')
  })
})
