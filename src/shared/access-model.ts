// The people and access review as main computes it and the renderer and CLI show it (zod, for the IPC contract).
import { z } from 'zod'

export const ACCESS_PARTS = ['groups', 'permissions', 'activity'] as const
export const AccessPartName = z.enum(ACCESS_PARTS)
export type AccessPartName = z.infer<typeof AccessPartName>

/** What a part of the access data came to: read, refused (and what token it needs), or not yet known. */
export const AccessPartState = z.object({
  part: AccessPartName,
  status: z.enum(['ok', 'needs_admin', 'needs_discovery', 'unavailable', 'partial', 'failed', 'not_synced']),
  /** One sentence for the user: what is missing and what kind of token would read it. */
  note: z.string(),
  checkedAt: z.string().nullable(),
})
export type AccessPartState = z.infer<typeof AccessPartState>

/** One dated figure of a person's activity and where it came from; never inferred. */
export const ActivityFigure = z.object({
  source: z.enum(['discovery', 'library']),
  /** e.g. "Discovery API: last day engaged", "Library: last report created". */
  label: z.string(),
  /** YYYY-MM-DD. */
  day: z.string(),
})
export type ActivityFigure = z.infer<typeof ActivityFigure>

export const ReportCounts = z.object({ live: z.number(), archived: z.number() })

export const ReviewPerson = z.object({
  username: z.string(),
  name: z.string().nullable(),
  isAdmin: z.boolean(),
  state: z.string().nullable(),
  /** The most recent of `figures`, or null when no source has one. */
  lastActive: ActivityFigure.nullable(),
  figures: z.array(ActivityFigure),
  /** Whole days since `lastActive` (or since activation when nothing else is known); null when unknown. */
  daysInactive: z.number().nullable(),
  activatedAt: z.string().nullable(),
  managedByScim: z.boolean(),
  reports: ReportCounts,
  groups: z.array(z.object({ token: z.string(), name: z.string() })),
})
export type ReviewPerson = z.infer<typeof ReviewPerson>

export const ReviewGroup = z.object({ token: z.string(), name: z.string(), memberCount: z.number(), managed: z.boolean() })
export type ReviewGroup = z.infer<typeof ReviewGroup>

export const ReviewGrant = z.object({
  kind: z.enum(['user', 'group']),
  /** Username, group token, or (unresolved) the raw accessor token. */
  key: z.string(),
  label: z.string(),
  level: z.string().nullable(),
  /** False: the grant names a user token that no membership carries. */
  resolved: z.boolean(),
  /** For a user: their membership state (deactivated users still holding grants stand out). */
  state: z.string().nullable(),
})
export type ReviewGrant = z.infer<typeof ReviewGrant>

export const ReviewCollection = z.object({
  token: z.string(),
  label: z.string(),
  defaultAccessLevel: z.string().nullable(),
  /** Restricted by Mode's flag or by its access level (the library keeps either as restricted). */
  restrictedFlag: z.boolean(),
  /** False when the grants could not be read with this token: `grants` is then empty, not "nobody". */
  grantsKnown: z.boolean(),
  grants: z.array(ReviewGrant),
  /** Live reports (what a click lists); archived ones apart, as every count in the app. */
  reportCount: z.number(),
  archivedCount: z.number(),
  ownerUsername: z.string().nullable(),
})
export type ReviewCollection = z.infer<typeof ReviewCollection>

export const FINDING_KINDS = ['admin', 'inactive', 'deactivated_with_access', 'group_without_members', 'group_without_access', 'restricted_collection', 'personal_of_deactivated'] as const
export const FindingKind = z.enum(FINDING_KINDS)
export type FindingKind = z.infer<typeof FindingKind>

/** One line of the review, the same in the screen, the CSV and the CLI. */
export const AccessFinding = z.object({
  kind: FindingKind,
  subject: z.object({ type: z.enum(['person', 'group', 'collection']), key: z.string(), label: z.string() }),
  detail: z.string(),
  /** The activity figure behind it, with its source ("Discovery API: last day engaged 2025-10-16"), or null. */
  activity: z.string().nullable(),
  /** The page in Mode where an admin would change it (https://app.mode.com/…); null for the sample workspace, which exists only on this computer. */
  modeUrl: z.string().nullable(),
})
export type AccessFinding = z.infer<typeof AccessFinding>

export const AccessReview = z.object({
  workspace: z.string().nullable(),
  generatedAt: z.string(),
  inactiveDays: z.number(),
  parts: z.array(AccessPartState),
  /** Every member with their activity figures (the People screen's "last active"), by name. */
  people: z.array(ReviewPerson),
  admins: z.array(ReviewPerson),
  inactive: z.array(ReviewPerson),
  deactivatedWithAccess: z.array(ReviewPerson),
  groupsWithoutMembers: z.array(ReviewGroup),
  groupsWithoutAccess: z.array(ReviewGroup),
  restrictedCollections: z.array(ReviewCollection),
  personalOfDeactivated: z.array(ReviewCollection),
  findings: z.array(AccessFinding),
})
export type AccessReview = z.infer<typeof AccessReview>

export const MAX_INACTIVE_DAYS = 3650
export const DEFAULT_INACTIVE_DAYS = 90
export const AccessReviewRequest = z.object({ inactiveDays: z.number().int().min(1).max(MAX_INACTIVE_DAYS).default(DEFAULT_INACTIVE_DAYS) })
