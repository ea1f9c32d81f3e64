// The access review as CSV (RFC 4180: comma-separated, CRLF, quoted where needed). Every cell comes from Mode
// and is untrusted: one that a spreadsheet would read as a formula (starting with = + - @, or a tab or
// carriage return that some spreadsheets strip first) is prefixed with an apostrophe, so it stays text.
import type { AccessFinding, AccessReview, FindingKind } from './access-model.ts'

export const FINDING_TITLES: Record<FindingKind, string> = {
  admin: 'Admin',
  inactive: 'Inactive member',
  deactivated_with_access: 'Deactivated, still owns reports or sits in groups',
  group_without_members: 'Group without members',
  group_without_access: 'Group without access',
  restricted_collection: 'Restricted collection',
  personal_of_deactivated: 'Personal collection of a deactivated member',
}

export const CSV_HEADER = ['Finding', 'Subject type', 'Subject', 'Key', 'Detail', 'Activity (source)', 'Mode link'] as const

/** A cell a spreadsheet will never evaluate: formula-like text gets a leading apostrophe, then RFC 4180 quoting. */
export function csvCell(value: string | null): string {
  let text = value ?? ''
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

function row(f: AccessFinding): string[] {
  return [FINDING_TITLES[f.kind], f.subject.type, f.subject.label, f.subject.key, f.detail, f.activity, f.modeUrl].map(csvCell)
}

export function accessReviewCsv(review: Pick<AccessReview, 'findings'>): string {
  return [CSV_HEADER.map(csvCell), ...review.findings.map(row)].map((cells) => cells.join(',')).join('\r\n') + '\r\n'
}

/** `access-review-<workspace>-<YYYY-MM-DD>.csv`, with the workspace reduced to safe file-name characters. */
export function accessReviewFileName(review: Pick<AccessReview, 'workspace' | 'generatedAt'>): string {
  const ws = (review.workspace ?? 'workspace').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'workspace'
  return `access-review-${ws}-${review.generatedAt.slice(0, 10)}.csv`
}
