import { describe, expect, it } from 'vitest'
import { parseWorkspaceInput } from '../../../src/shared/workspace-slug.ts'

describe('parseWorkspaceInput', () => {
  it.each([
    ['mycompany', 'mycompany'],
    ['  my_company-2  ', 'my_company-2'],
    ['https://app.mode.com/organizations/mycompany', 'mycompany'],
    ['https://app.mode.com/organizations/mycompany/', 'mycompany'],
    ['app.mode.com/organizations/mycompany/people', 'mycompany'],
    ['https://app.mode.com/mycompany/reports/abc123def/runs/77', 'mycompany'],
    ['https://app.mode.com/mycompany/spaces/9f1e2d', 'mycompany'],
    ['app.mode.com/mycompany', 'mycompany'],
    ['http://app.mode.com/mycompany///', 'mycompany'],
    ['https://app.mode.com/editor/mycompany/reports/abc123', 'mycompany'],
    ['https://app.mode.com/api/mycompany/reports/abc123', 'mycompany'],
    ['https://app.modeanalytics.com/mycompany/reports/x', 'mycompany'],
    ['https://app.mode.com/mycompany?tab=reports#top', 'mycompany'],
  ])('%s → %s', (input, expected) => {
    expect(parseWorkspaceInput(input)).toBe(expected)
  })

  it.each([
    [''],
    ['   '],
    ['https://example.com/mycompany'],
    ['https://app.mode.com/'],
    ['https://app.mode.com/signin'],
    ['https://app.mode.com/organizations/'],
    ['my company'],
    ['ftp://app.mode.com/mycompany'],
    ['<script>'],
    ['example.com'],
  ])('%j → null', (input) => {
    expect(parseWorkspaceInput(input)).toBeNull()
  })
})
