// One malformed field degrades that item only: a bad `%` escape in a link, a value of the wrong type, garbage
// where an object belongs. The item keeps its token and every readable field; the rest of the list is kept.
import { describe, expect, it } from 'vitest'
import { ModeChart, ModeGroupMembership, ModeMembership, ModeQuery, ModeReport, ModeSpace, parseList, usernameFromHref } from '../../../src/main/mode/schemas.ts'

describe('malformed fields degrade one item', () => {
  it('a bad % escape in a creator link leaves the author unknown instead of throwing', () => {
    expect(usernameFromHref('/api/bad%E0%A4%A')).toBeNull()
    expect(usernameFromHref('/api/%')).toBeNull()
    const report = ModeReport.parse({ token: 'r1', name: 'Revenue', _links: { creator: { href: '/api/%zz' }, space: { href: '/api/ws/spaces/s1' } } })
    expect(report).toMatchObject({ token: 'r1', name: 'Revenue', creatorUsername: null, spaceToken: 's1' })
    expect(ModeQuery.parse({ token: 'q1', raw_query: 'select 1', _links: { creator: { href: '/api/%E0%A4%A' } } })).toMatchObject({ token: 'q1', rawQuery: 'select 1', creatorUsername: null })
    expect(ModeSpace.parse({ token: 's1', name: 'Ops', _links: { creator: { href: '%' } } })).toMatchObject({ token: 's1', name: 'Ops', creatorUsername: null })
    expect(ModeGroupMembership.parse({ token: 'gm', _links: { member: { href: '/api/%ff' } } })).toMatchObject({ token: 'gm', username: null })
  })

  it('values of the wrong type become null (or false, or no links) for that field only', () => {
    const report = ModeReport.parse({
      token: 'r2', name: { evil: true }, description: 42, archived: { no: 1 }, created_at: [], updated_at: '2024-01-01T00:00:00Z',
      view_count: { n: 1 }, id: { x: 1 }, space_token: 7, _links: 'not links',
    })
    expect(report).toMatchObject({ token: 'r2', name: null, description: null, archived: false, createdAt: null, updatedAt: '2024-01-01T00:00:00Z', viewCount: null, id: null, spaceToken: null, creatorUsername: null, webUrl: null })
    expect(ModeQuery.parse({ token: 'q2', raw_query: { sql: 'x' }, name: 5 })).toMatchObject({ token: 'q2', rawQuery: '', name: null })
    expect(ModeChart.parse({ token: 'c1', view: 'garbage', view_vegas: 3 })).toMatchObject({ token: 'c1', title: null, chartType: null })
    expect(ModeMembership.parse({ member_username: 'ada', admin: 'maybe?', _embedded: 'x', state: 9 })).toMatchObject({ username: 'ada', admin: false, state: null })
  })

  it('keeps the readable items of a page and skips the unreadable ones', () => {
    const result = parseList({
      _embedded: {
        reports: [
          { token: 'ok1', name: 'fine' },
          { token: null, name: 'no token' },
          { token: { nested: 'object' } },
          'a string where an item belongs',
          { token: 'x'.repeat(5000), name: 'absurd token' },
          { token: 'ok2', name: 'NUL\u0000 and \u202Ebidi', _links: { creator: { href: '/api/%' } } },
        ],
      },
    }, 'reports', ModeReport)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.page.items.map((r) => r.token)).toEqual(['ok1', 'ok2'])
    expect(result.page.items[1]).toMatchObject({ name: 'NUL\u0000 and \u202Ebidi', creatorUsername: null })
    expect(result.page.skipped).toBe(4)
  })
})
