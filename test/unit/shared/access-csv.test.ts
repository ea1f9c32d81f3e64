// The review's CSV: quoting per RFC 4180 and no cell a spreadsheet would run as a formula.
import { describe, expect, it } from 'vitest'
import { accessReviewCsv, accessReviewFileName, defuseFormula } from '../../../src/shared/access-csv.ts'
import { csvText } from '../../../src/shared/csv-text.ts'

/** One cell as the file holds it. */
const csvCell = (value: string | null) => csvText([defuseFormula(value)], []).replace(/\r\n$/, '')
import type { AccessFinding } from '../../../src/shared/access-model.ts'

const finding = (label: string, detail = 'Admin; last active 3 days ago'): AccessFinding => ({
  kind: 'admin', subject: { type: 'person', key: label, label }, detail, activity: 'Discovery API: last day engaged 2026-11-17', modeUrl: 'https://app.mode.com/organizations/acme/people',
})

describe('access review CSV', () => {
  it('defuses formula-like cells and quotes commas, quotes and line breaks', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`)
    for (const lead of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${lead}1+1`).replace(/^"/, '').startsWith(`'${lead}`)).toBe(true)
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"')
    expect(csvCell(null)).toBe('')
    expect(csvCell('plain')).toBe('plain')
  })

  it('writes a header and one CRLF line per finding', () => {
    const csv = accessReviewCsv({ findings: [finding('ada'), finding('=cmd|calc', 'Admin, "quoted"')] })
    expect(csv.split('\r\n')).toEqual([
      'Finding,Subject type,Subject,Key,Detail,Activity (source),Mode link',
      'Admin,person,ada,ada,Admin; last active 3 days ago,Discovery API: last day engaged 2026-11-17,https://app.mode.com/organizations/acme/people',
      `Admin,person,'=cmd|calc,'=cmd|calc,"Admin, ""quoted""",Discovery API: last day engaged 2026-11-17,https://app.mode.com/organizations/acme/people`,
      '',
    ])
  })

  it('says in the sample workspace that there is no Mode page, instead of a link', () => {
    const csv = accessReviewCsv({ findings: [{ ...finding('ada'), modeUrl: null }] })
    expect(csv.split('\r\n')[1]).toBe('Admin,person,ada,ada,Admin; last active 3 days ago,Discovery API: last day engaged 2026-11-17,none: the sample workspace exists only on this computer')
  })

  it('names the file after a sanitised workspace and the day', () => {
    expect(accessReviewFileName({ workspace: '../../etc/pass wd', generatedAt: '2026-11-20T12:00:00.000Z' })).toBe('access-review-etc-pass-wd-2026-11-20.csv')
    expect(accessReviewFileName({ workspace: null, generatedAt: '2026-11-20T12:00:00.000Z' })).toBe('access-review-workspace-2026-11-20.csv')
  })
})
