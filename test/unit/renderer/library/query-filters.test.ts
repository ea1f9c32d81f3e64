import { describe, expect, it } from 'vitest'
import { addFilter, hasFilter, includesArchived, removeFilter, setArchived, toggleFilter } from '../../../../src/renderer/src/screens/library/query-filters.ts'

describe('query filters', () => {
  it('adds a filter once, quoting values with spaces', () => {
    expect(addFilter('revenue', 'collection', 'Finance Team')).toBe('revenue collection:"Finance Team"')
    expect(addFilter('revenue collection:"Finance Team"', 'collection', 'Finance Team')).toBe('revenue collection:"Finance Team"')
    expect(addFilter('', 'table', 'analytics.fct_orders')).toBe('table:analytics.fct_orders')
  })
  it('toggles a facet off again, leaving the rest of the query', () => {
    const q = toggleFilter('"net revenue" -draft', 'author', 'ana')
    expect(q).toBe('"net revenue" -draft author:ana')
    expect(hasFilter(q, 'author', 'ANA')).toBe(true)
    expect(toggleFilter(q, 'author', 'ana')).toBe('"net revenue" -draft')
    expect(removeFilter('a collection:"X Y" b', 'collection', 'X Y')).toBe('a b')
  })
  it('switches archived reports on and off', () => {
    expect(includesArchived('x')).toBe(false)
    expect(setArchived('x', true)).toBe('x include:archived')
    expect(includesArchived('x is:archived')).toBe(true)
    expect(setArchived('x is:archived', true)).toBe('x is:archived')
    expect(setArchived('x is:archived', false)).toBe('x')
    expect(setArchived('x include:archived', false)).toBe('x')
  })
})
