// The access review as CSV, written by the app's one CSV writer (csv-text.ts: RFC 4180, CRLF, quoted where
// needed). Every cell comes from Mode and is untrusted, and unlike query results this file is the app's own
// report, so a cell a spreadsheet would read as a formula (starting with = + - @, or a tab or carriage return
// that some spreadsheets strip first) is prefixed with an apostrophe and stays text.
import type { AccessFinding, AccessReview, FindingKind } from './access-model.ts'
import { csvText } from './csv-text.ts'

export const FINDING_TITLES: Record<FindingKind, string> = {
  admin: 'Admin',
  inactive: 'Inactive member',
  deactivated_with_access: 'Deactivated, still owns reports or sits in groups',
  group_without_members: 'Group without members',
  group_without_access: 'Group without access',
  restricted_collection: 'Restricted collection',
  personal_of_deactivated: 'Personal collection of a deactivated member',
}

/** The Mode link cell in the sample workspace, which has no Mode pages. */
export const SAMPLE_NO_LINK = 'none: the sample workspace exists only on this computer'

/** The heading of each kind's section (screen and CLI). */
export const FINDING_SECTION_TITLES: Record<FindingKind, string> = {
  admin: 'Admins',
  inactive: 'Inactive members',
  deactivated_with_access: 'Deactivated members who still own reports or sit in groups',
  group_without_members: 'Groups without members',
  group_without_access: 'Groups without access to any collection',
  restricted_collection: 'Restricted collections and who can see them',
  personal_of_deactivated: 'Personal collections of deactivated members',
}

export const CSV_HEADER = ['Finding', 'Subject type', 'Subject', 'Key', 'Detail', 'Activity (source)', 'Mode link'] as const

/** A cell a spreadsheet will never evaluate: formula-like text gets a leading apostrophe (quoting is csvText's). */
export function defuseFormula(value: string | null): string {
  const text = value ?? ''
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

function row(f: AccessFinding): string[] {
  return [FINDING_TITLES[f.kind], f.subject.type, f.subject.label, f.subject.key, f.detail, f.activity, f.modeUrl ?? SAMPLE_NO_LINK].map(defuseFormula)
}

export function accessReviewCsv(review: Pick<AccessReview, 'findings'>): string {
  return csvText([...CSV_HEADER], review.findings.map(row))
}

/** `access-review-<workspace>-<YYYY-MM-DD>.csv`, with the workspace reduced to safe file-name characters. */
export function accessReviewFileName(review: Pick<AccessReview, 'workspace' | 'generatedAt'>): string {
  const ws = (review.workspace ?? 'workspace').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'workspace'
  return `access-review-${ws}-${review.generatedAt.slice(0, 10)}.csv`
}
