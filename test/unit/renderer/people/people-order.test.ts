import { describe, expect, it } from 'vitest'
import type { Person } from '../../../../src/shared/model.ts'
import { orderPeople } from '../../../../src/renderer/src/screens/people/people-order.ts'

const p = (username: string, name: string | null, isAdmin: boolean, state = 'active'): Person => ({ username, name, email: null, isAdmin, state, reportCount: 0, archivedReportCount: 0 })

describe('orderPeople', () => {
  it('lists admins first, then active members, then by name', () => {
    const ordered = orderPeople([p('zoe', 'Zoe', false), p('bob', 'Bob', false, 'deactivated'), p('yan', 'Yan', true), p('al', null, false), p('abe', 'Abe', true)])
    expect(ordered.map((x) => x.username)).toEqual(['abe', 'yan', 'al', 'zoe', 'bob'])
  })
})
