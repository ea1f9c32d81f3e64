import { describe, expect, it } from 'vitest'
import { generateWorkspace, SAMPLE_WORKSPACE, generateSampleWorkspace } from '../../../src/sim/generator.ts'

describe('generateWorkspace', () => {
  it('gives identical output for the same seed, tokens included, and different output for another seed', () => {
    const a = generateWorkspace({ seed: 7, reports: 300 })
    const b = generateWorkspace({ seed: 7, reports: 300 })
    const c = generateWorkspace({ seed: 8, reports: 300 })
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    expect(c.reports[0]!.token).not.toBe(a.reports[0]!.token)
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a))
  })

  it('uses unique 12-character lowercase hex tokens for every object', () => {
    const ws = generateWorkspace({ seed: 3, reports: 2000 })
    const tokens = [
      ...ws.spaces.map((s) => s.token), ...ws.reports.map((r) => r.token), ...ws.groups.map((g) => g.token),
      ...ws.reports.flatMap((r) => r.queries.map((q) => q.token)), ...ws.data_sources.map((d) => d.token),
    ]
    for (const t of tokens) expect(t).toMatch(/^[0-9a-f]{12}$/)
    expect(new Set(tokens).size).toBe(tokens.length)
  })

  it('looks like a real company workspace: every kind of collection, people, archived and unnamed reports', () => {
    const ws = generateWorkspace({ seed: 11, reports: 3000 })
    const names = ws.spaces.map((s) => s.name)
    expect(names).toEqual(expect.arrayContaining(['Finance', 'Growth', 'Product Analytics', 'Marketing', 'Ops', 'Data Platform']))
    const personal = ws.spaces.filter((s) => s.space_type === 'private')
    expect(personal.some((s) => s.personal_owner_username === ws.account_username)).toBe(true)
    expect(personal.some((s) => s.personal_owner_username !== ws.account_username)).toBe(true)
    expect(new Set(ws.members.map((m) => m.state))).toEqual(new Set(['active', 'invited', 'deactivated']))
    expect(ws.members.some((m) => m.admin)).toBe(true)
    expect(ws.reports.some((r) => r.archived)).toBe(true)
    expect(ws.reports.some((r) => r.name === null)).toBe(true)
    const memberNames = new Set(ws.members.map((m) => m.username))
    for (const r of ws.reports.slice(0, 500)) {
      expect(memberNames.has(r.creator_username)).toBe(true)
      expect(r.queries.length).toBeGreaterThanOrEqual(1)
      expect(r.queries.length).toBeLessThanOrEqual(6)
      expect(Date.parse(r.updated_at)).toBeGreaterThanOrEqual(Date.parse(r.created_at))
      expect(r.web_url).toBe(`https://app.mode.com/${ws.workspace.username}/reports/${r.token}`)
    }
    // Personal collections hold reports written by their owner.
    const ownerOf = new Map(personal.map((s) => [s.token, s.personal_owner_username]))
    for (const r of ws.reports) if (ownerOf.has(r.space_token)) expect(r.creator_username).toBe(ownerOf.get(r.space_token))
    expect(ws.groups.every((g) => g.member_usernames.every((u) => memberNames.has(u)))).toBe(true)
  })

  it('writes SQL across dialects with CTEs, joins, Liquid parameters, forms and definition references', () => {
    const ws = generateWorkspace({ seed: 5, reports: 1500 })
    const sql = ws.reports.flatMap((r) => r.queries.map((q) => q.raw_query))
    const share = (re: RegExp): number => sql.filter((s) => re.test(s)).length / sql.length
    expect(share(/\bWITH\b/i)).toBeGreaterThan(0.05)
    expect(share(/\bJOIN\b/i)).toBeGreaterThan(0.2)
    expect(share(/\{\{\s*\w+\s*\}\}/)).toBeGreaterThan(0.1)
    expect(share(/\{% if [^%]+%\}[\s\S]*\{% endif %\}/)).toBeGreaterThan(0.02)
    expect(share(/\{% form %\}[\s\S]*\{% endform %\}/)).toBeGreaterThan(0.05)
    expect(share(/\{\{ @\w+ as \w+ \}\}/)).toBeGreaterThan(0.01)
    expect(share(/`acme-data-prod\.\w+\.\w+`/) + share(/ANALYTICS\.\w+\.\w+/)).toBeGreaterThan(0.1)
    expect(share(/--|\/\*/)).toBeGreaterThan(0.3)
    const adapters = new Set(ws.data_sources.map((d) => d.adapter))
    expect(adapters.size).toBeGreaterThanOrEqual(3)
    const dsIds = new Set(ws.data_sources.map((d) => d.id))
    expect(ws.reports.every((r) => r.queries.every((q) => dsIds.has(q.data_source_id)))).toBe(true)
  })

  it('honours queriesPerReport as the mean number of queries', () => {
    const mean = (n?: number): number => {
      const ws = generateWorkspace({ seed: 2, reports: 1000, queriesPerReport: n })
      return ws.reports.reduce((s, r) => s + r.queries.length, 0) / ws.reports.length
    }
    expect(mean()).toBeGreaterThan(1.7)
    expect(mean()).toBeLessThan(2.3)
    expect(mean(4)).toBeGreaterThan(3.4)
  })

  it('offers a fixed sample workspace of about 400 reports named sample-analytics', () => {
    const sample = generateSampleWorkspace()
    expect(sample.workspace.username).toBe('sample-analytics')
    expect(sample.reports.length).toBe(SAMPLE_WORKSPACE.reports)
    expect(JSON.stringify(generateSampleWorkspace())).toBe(JSON.stringify(sample))
  })
})
