// Shapes of the knowledge repository as the renderer and the CLI see them: SQL history and diffs, the
// change feed, tombstones of deleted reports, duplicate groups and similar reports.
import { z } from 'zod'
import { ReportStatus } from './model.ts'

const NullableIsoDate = z.string().nullable()

export const SqlVersion = z.object({
  /** The version's row id; null for the current text (which lives with the report). */
  id: z.number().nullable(),
  name: z.string().nullable(),
  sql: z.string(),
  /** When a sync first saw this text. */
  seenAt: NullableIsoDate,
  /** When a sync saw the text that replaced it; null for the current one. */
  replacedAt: NullableIsoDate,
})
export type SqlVersion = z.infer<typeof SqlVersion>

export const QueryHistory = z.object({
  queryToken: z.string(),
  name: z.string().nullable(),
  /** Oldest first; the last is the current text. */
  versions: z.array(SqlVersion),
})
export type QueryHistory = z.infer<typeof QueryHistory>

export const ReportHistory = z.object({
  reportToken: z.string(),
  /** How many times any of the report's SQL changed, and when it last did. */
  changeCount: z.number(),
  lastChangedAt: NullableIsoDate,
  queries: z.array(QueryHistory),
})
export type ReportHistory = z.infer<typeof ReportHistory>

export const DiffLine = z.object({
  kind: z.enum(['same', 'added', 'removed']),
  text: z.string(),
  /** 1-based line numbers in the old and the new text (null where the line is absent from that side). */
  oldLine: z.number().nullable(),
  newLine: z.number().nullable(),
})
export type DiffLine = z.infer<typeof DiffLine>

export const SqlDiff = z.object({
  lines: z.array(DiffLine),
  added: z.number(),
  removed: z.number(),
})
export type SqlDiff = z.infer<typeof SqlDiff>

export const ChangeKind = z.enum(['new', 'sql_edited', 'renamed', 'moved', 'archived', 'unarchived', 'deleted'])
export type ChangeKind = z.infer<typeof ChangeKind>

export const ReportChange = z.object({
  id: z.number(),
  runId: z.number().nullable(),
  at: z.string(),
  kind: ChangeKind,
  reportToken: z.string(),
  /** The report's name now (or, deleted, as it was last). */
  reportName: z.string(),
  /** One line saying what changed: "Renamed from “Revenue”", "Moved from Finance to Growth". */
  summary: z.string(),
  /** The report is still in the library (false: only its tombstone is). */
  present: z.boolean(),
  /** For SQL edits: the first edited query and its version before the edit, to open the diff. */
  queryToken: z.string().nullable(),
  versionId: z.number().nullable(),
  /** The version after the edit; null = the query's current text. */
  toVersionId: z.number().nullable(),
})
export type ReportChange = z.infer<typeof ReportChange>

export const ChangeFeed = z.object({
  /** The newest completed sync and what it changed. */
  lastSync: z.object({ runId: z.number(), endedAt: NullableIsoDate }).nullable(),
  lastSyncChanges: z.array(ReportChange),
  /** Everything since `since` (by default the last 7 days), newest first. */
  since: z.string(),
  changes: z.array(ReportChange),
  counts: z.record(z.string(), z.number()),
})
export type ChangeFeed = z.infer<typeof ChangeFeed>

export const DeletedReport = z.object({
  token: z.string(),
  name: z.string(),
  deletedAt: z.string(),
  collectionName: z.string().nullable(),
  author: z.string().nullable(),
  archived: z.boolean(),
  viewCount: z.number(),
  lastRunAt: NullableIsoDate,
  webUrl: z.string().nullable(),
  queries: z.array(z.object({ token: z.string(), name: z.string().nullable(), sql: z.string() })),
})
export type DeletedReport = z.infer<typeof DeletedReport>

/**
 * A report as the lists of other reports show it (a duplicate group's members, similar and related reports):
 * its token, its name and its collection's name (null outside any collection the library knows).
 */
const ReportInList = {
  reportToken: z.string(),
  reportName: z.string(),
  collection: z.string().nullable(),
}

export const DuplicateMember = z.object({
  ...ReportInList,
  viewCount: z.number(),
  lastRunAt: NullableIsoDate,
  /** The query of this report that matches the group, and how closely it matches the likely original's. */
  queryToken: z.string(),
  /** The likely original's query this one matches (for the diff); null for the original itself. */
  originalQueryToken: z.string().nullable(),
  kind: z.enum(['original', 'exact', 'near']),
  similarity: z.number(),
  /** False for a copy of another copy: kind and similarity then describe that link, not one to the original. */
  direct: z.boolean(),
})
export type DuplicateMember = z.infer<typeof DuplicateMember>

export const DuplicateGroup = z.object({
  id: z.string(),
  /** The first member is the likely original: most viewed, then most recently run. */
  members: z.array(DuplicateMember),
})
export type DuplicateGroup = z.infer<typeof DuplicateGroup>

export const DuplicateList = z.object({
  groups: z.array(DuplicateGroup),
  /** Groups in all (the list may be cut at the limit). */
  total: z.number(),
  reportsInGroups: z.number(),
})
export type DuplicateList = z.infer<typeof DuplicateList>

export const SimilarReport = z.object({
  ...ReportInList,
  kind: z.enum(['exact', 'near']),
  similarity: z.number(),
  /** The matching queries: this report's and the other's (for the diff). */
  queryToken: z.string(),
  otherQueryToken: z.string(),
})
export type SimilarReport = z.infer<typeof SimilarReport>

export const HistoryUsageView = z.object({
  versions: z.number(),
  tombstones: z.number(),
  changes: z.number(),
  bytes: z.number(),
  maxBytes: z.number(),
  retentionDays: z.number(),
})
export type HistoryUsageView = z.infer<typeof HistoryUsageView>

/** One status of a report, with the facts behind it in a sentence ("Viewed 2,310 times: top 5% of …"). */
export const ReportStatusReason = z.object({ status: ReportStatus, reason: z.string() })
export type ReportStatusReason = z.infer<typeof ReportStatusReason>

export const RelatedReason = z.enum(['near-duplicate', 'same-definitions', 'same-dataset', 'same-tables'])
export type RelatedReason = z.infer<typeof RelatedReason>

/** A report related to the one open: why (each reason with what is shared), and how strongly. */
export const RelatedReport = z.object({
  ...ReportInList,
  viewCount: z.number(),
  reasons: z.array(z.object({ kind: RelatedReason, text: z.string() })),
  /** For a near duplicate: this report's query and the other's (a diff of the two); else null. */
  queryToken: z.string().nullable(),
  otherQueryToken: z.string().nullable(),
})
export type RelatedReport = z.infer<typeof RelatedReport>

/** The reports related to one report, strongest first, cut at a bound. */
export const RelatedReports = z.object({
  related: z.array(RelatedReport),
  /** Related reports found in all. */
  total: z.number(),
})
export type RelatedReports = z.infer<typeof RelatedReports>
