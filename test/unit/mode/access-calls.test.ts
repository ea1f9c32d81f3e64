// The access calls against servers that answer like Mode might but not like our simulator: other list keys and
// field spellings, hostile values, Discovery pages with and without pagination metadata, and refusals.
import { describe, expect, it } from 'vitest'
import { createModeClient } from '../../../src/main/mode/client.ts'
import { ModeMemberActivity, ModePermission, groupTokenFromHref } from '../../../src/main/mode/access-schemas.ts'
import { errorCode } from '../../../src/shared/errors.ts'
import { json, modeError, scriptedFetch, unlimited, type Reply } from './fake-mode.ts'

function clientAnswering(reply: (url: URL, n: number) => Reply, baseUrl = 'https://mode.example.test') {
  const fake = scriptedFetch((url, n) => reply(url, n))
  const client = createModeClient({ baseUrl, token: 'tok', password: 'pw-secret', workspace: 'acme', fetch: fake.fetch, limiter: unlimited(), maxAttempts: 2, sleep: async () => {} })
  return { client, requests: fake.requests }
}

describe('collection permissions', () => {
  it('reads users and groups under other keys and spellings, skipping grants that name no one', async () => {
    const { client, requests } = clientAnswering(() => json({
      _embedded: {
        space_permissions: [
          { token: 'p1', action: 'VIEW', accessor_type: 'Account', accessor_token: 'u-1' },
          { token: 'p2', access_level: 'edit', member_type: 'UserGroup', member_token: 'g-1' },
          { token: 'p3', action: 'view', _links: { accessor: { href: '/api/acme/groups/g-2' } } },
          { token: 'p4', action: 'view', _links: { accessor: { href: 'https://app.mode.com/api/jane' } } },
          { token: 'p5', action: 'edit' },
          { token: 'p6', action: '<script>alert(1)</script>', accessor_type: 'Account', accessor_username: 'bob' },
          'junk', null, 42,
        ],
      },
    }))
    const grants = await client.listSpacePermissions('s/1')
    expect(requests[0]!.url.pathname).toBe('/api/acme/spaces/s%2F1/permissions')
    expect(grants.map((g) => [g.kind, g.accessorToken, g.username, g.level])).toEqual([
      ['user', 'u-1', null, 'view'],
      ['group', 'g-1', null, 'edit'],
      ['group', 'g-2', null, 'view'],
      ['user', null, 'jane', 'view'],
      ['user', null, 'bob', null],
    ])
  })

  it('follows next_page on the same origin only, and stops on a page that repeats', async () => {
    const { client, requests } = clientAnswering((url) => {
      if (url.searchParams.get('page') === '2') return json({ _embedded: { permissions: [{ action: 'view', accessor_type: 'Account', accessor_token: 'u-1' }] }, _links: { next_page: { href: '/api/acme/spaces/s/permissions?page=2' } } })
      return json({ _embedded: { permissions: [{ action: 'edit', accessor_type: 'UserGroup', accessor_token: 'g-1' }] }, _links: { next_page: { href: '/api/acme/spaces/s/permissions?page=2' } } })
    })
    expect((await client.listSpacePermissions('s')).map((g) => g.accessorToken)).toEqual(['g-1', 'u-1'])
    expect(requests).toHaveLength(3)
    const offsite = clientAnswering(() => json({ _embedded: { permissions: [{ action: 'view', accessor_type: 'Account', accessor_token: 'u-1' }] }, _links: { next_page: { href: 'https://evil.example/api/acme/x' } } }))
    await offsite.client.listSpacePermissions('s')
    expect(offsite.requests.map((r) => r.url.host)).toEqual(['mode.example.test'])
  })

  it('refuses a list under an unknown key (never an empty grant list), and reports 403 as no_access', async () => {
    const odd = clientAnswering(() => json({ _embedded: { something_else: [] } }))
    await expect(odd.client.listSpacePermissions('s')).rejects.toMatchObject({ code: 'malformed_response' })
    const refused = clientAnswering(() => modeError(403, 'forbidden', 'Only admins'))
    const error = await refused.client.listSpacePermissions('s').catch((e: unknown) => e)
    expect(errorCode(error)).toBe('no_access')
  })

  it('parses hrefs and values defensively', () => {
    expect(groupTokenFromHref('/api/acme/groups/abc')).toBe('abc')
    expect(groupTokenFromHref('/api/acme/groups/abc/memberships')).toBeNull()
    expect(groupTokenFromHref('/api/acme/groups/%E0%A4%A')).toBeNull()
    expect(ModePermission.safeParse({ accessor_type: 'Robot', accessor_token: 'x' }).success).toBe(false)
    expect(ModePermission.parse({ accessor_type: 'Account', accessor_token: 'x'.repeat(5000), action: 'view' }).accessorToken).toHaveLength(512)
  })
})

describe('Discovery member activity', () => {
  it('reads /batch/{ws}/members on the API\'s origin, page by page to total_pages', async () => {
    const { client, requests } = clientAnswering((url) => {
      const page = Number(url.searchParams.get('page'))
      return json({
        pagination: { page, per_page: 999, count: 1, total_pages: 2, total_count: 2 },
        members: [page === 1 ? { username: 'ada', last_day_engaged: '2026-11-01' } : { email: 'Bob@Acme.com', last_day_engaged: '2026-10-02T10:00:00Z' }],
      })
    }, 'https://mode.example.test/api/')
    const rows = await client.listMemberActivity()
    expect(requests.map((r) => r.url.pathname + r.url.search)).toEqual(['/batch/acme/members?page=1&per_page=999', '/batch/acme/members?page=2&per_page=999'])
    expect(requests[0]!.headers.get('authorization')).toMatch(/^Basic /)
    expect(rows).toEqual([
      { username: 'ada', email: null, lastDayEngaged: '2026-11-01' },
      { username: null, email: 'bob@acme.com', lastDayEngaged: '2026-10-02' },
    ])
  })

  it('without pagination metadata, stops on a short page or one that repeats; bad days become null', async () => {
    const { client, requests } = clientAnswering(() => json({ members: [{ username: 'ada', last_day_engaged: 'yesterday' }, { username: 'cy', last_day_engaged: 20260101 }] }))
    expect(await client.listMemberActivity()).toEqual([
      { username: 'ada', email: null, lastDayEngaged: null },
      { username: 'cy', email: null, lastDayEngaged: null },
    ])
    expect(requests).toHaveLength(1)
    expect(ModeMemberActivity.safeParse({ last_day_engaged: '2026-01-01' }).success).toBe(false)
  })

  it('a workspace without Discovery: 404 not_found; a page without a members list is malformed', async () => {
    const missing = clientAnswering(() => modeError(404, 'not_found', 'Not found'))
    expect(errorCode(await missing.client.listMemberActivity().catch((e: unknown) => e))).toBe('not_found')
    const odd = clientAnswering(() => json({ data: [] }))
    expect(errorCode(await odd.client.listMemberActivity().catch((e: unknown) => e))).toBe('malformed_response')
  })
})
