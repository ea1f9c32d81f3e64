import { describe, expect, it } from 'vitest'
import type { Person } from '../../../../src/shared/model.ts'
import { filterPeople, NO_FILTERS, orderPeople, sortPeople, statesOf, type PersonRow } from '../../../../src/renderer/src/screens/people/people-order.ts'

const p = (username: string, name: string | null, isAdmin: boolean, state = 'active'): Person => ({ username, name, email: null, isAdmin, state, reportCount: 0, archivedReportCount: 0 })

const row = (username: string, extra: Partial<PersonRow> = {}): PersonRow => ({
  ...p(username, null, false), groups: [], lastActive: null, inactive: false, ...extra,
})

const rows: PersonRow[] = [
  row('ann', { reportCount: 5, groups: [{ token: 'g1', name: 'Finance' }], lastActive: { source: 'discovery', label: 'Discovery API: last day engaged', day: '2026-11-01' } }),
  row('bob', { isAdmin: true, reportCount: 12, lastActive: { source: 'library', label: 'Library: last report created', day: '2026-03-09' }, inactive: true }),
  row('cy', { state: 'Deactivated', reportCount: 1, groups: [{ token: 'g1', name: 'Finance' }] }),
  row('dee', { state: null, email: 'dee@example.com', inactive: true }),
]
const names = (list: PersonRow[]) => list.map((x) => x.username)

describe('orderPeople', () => {
  it('lists admins first, then active members, then by name', () => {
    const ordered = orderPeople([p('zoe', 'Zoe', false), p('bob', 'Bob', false, 'deactivated'), p('yan', 'Yan', true), p('al', null, false), p('abe', 'Abe', true)])
    expect(ordered.map((x) => x.username)).toEqual(['abe', 'yan', 'al', 'zoe', 'bob'])
  })
})

describe('sortPeople', () => {
  it('sorts by each column both ways, unknown values last', () => {
    expect(names(sortPeople(rows, 'reports', 'desc'))).toEqual(['bob', 'ann', 'cy', 'dee'])
    expect(names(sortPeople(rows, 'reports', 'asc'))).toEqual(['dee', 'cy', 'ann', 'bob'])
    expect(names(sortPeople(rows, 'lastActive', 'desc'))).toEqual(['ann', 'bob', 'cy', 'dee'])
    expect(names(sortPeople(rows, 'lastActive', 'asc'))).toEqual(['bob', 'ann', 'cy', 'dee'])
    expect(names(sortPeople(rows, 'state', 'asc'))).toEqual(['ann', 'bob', 'cy', 'dee'])
    expect(names(sortPeople(rows, 'state', 'desc'))).toEqual(['cy', 'ann', 'bob', 'dee'])
    expect(names(sortPeople(rows, 'role', 'asc'))[0]).toBe('bob')
    expect(names(sortPeople(rows, 'name', 'desc'))).toEqual(['dee', 'cy', 'bob', 'ann'])
    expect(names(sortPeople(rows, 'default', 'asc'))).toEqual(['bob', 'ann', 'dee', 'cy'])
  })
})

describe('filterPeople', () => {
  it('filters by role, state (any case), group, inactivity and text, together', () => {
    expect(names(filterPeople(rows, { ...NO_FILTERS, role: 'admin' }))).toEqual(['bob'])
    expect(names(filterPeople(rows, { ...NO_FILTERS, role: 'member' }))).toEqual(['ann', 'cy', 'dee'])
    expect(names(filterPeople(rows, { ...NO_FILTERS, state: 'deactivated' }))).toEqual(['cy'])
    expect(names(filterPeople(rows, { ...NO_FILTERS, group: 'g1' }))).toEqual(['ann', 'cy'])
    expect(names(filterPeople(rows, { ...NO_FILTERS, inactiveOnly: true }))).toEqual(['bob', 'dee'])
    expect(names(filterPeople(rows, { ...NO_FILTERS, text: 'EXAMPLE' }))).toEqual(['dee'])
    expect(names(filterPeople(rows, { ...NO_FILTERS, group: 'g1', state: 'active' }))).toEqual(['ann'])
    expect(filterPeople(rows, { ...NO_FILTERS, group: 'nobody' })).toEqual([])
    expect(statesOf(rows)).toEqual(['active', 'deactivated'])
  })
})
