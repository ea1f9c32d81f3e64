import { describe, expect, it } from 'vitest'
import { chartTypeLabel, inferColumnType, scheduleFrequency } from '../../../src/main/library/report-content-read.ts'

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
})
