// Access data for the people and access review: each membership's token, invitation, activation and SCIM
// flags, Discovery-API activity; groups' type and SCIM flag; each collection's default access level and
// explicit grants (users and groups); and, per part of the access data, whether this token could read it.
import type { Migration } from '../migrate.ts'

export const migration: Migration = {
  version: 10,
  name: 'access review: membership details, collection permissions, access parts',
  sql: `
  ALTER TABLE members ADD COLUMN member_token TEXT;
  ALTER TABLE members ADD COLUMN invited INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE members ADD COLUMN activated_at TEXT;
  ALTER TABLE members ADD COLUMN managed_by_scim INTEGER NOT NULL DEFAULT 0;
  -- Mode's Discovery API member activity (YYYY-MM-DD), when the token could read it; NULL otherwise.
  ALTER TABLE members ADD COLUMN last_day_engaged TEXT;

  ALTER TABLE groups ADD COLUMN group_type TEXT;
  ALTER TABLE groups ADD COLUMN managed INTEGER NOT NULL DEFAULT 0;
  -- 0 when this group's member listing failed in the last sync: its members are then not known.
  ALTER TABLE groups ADD COLUMN members_listed INTEGER NOT NULL DEFAULT 1;

  -- view | edit | restricted as Mode listed it (the restricted flag alone is not reliable).
  ALTER TABLE collections ADD COLUMN default_access_level TEXT;
  -- When this collection's permissions were last read completely; NULL = not known.
  ALTER TABLE collections ADD COLUMN permissions_listed_at TEXT;

  -- Explicit grants on a collection. accessor_key: the username of a user (the raw accessor token when no
  -- membership carries it) or the token of a group.
  CREATE TABLE collection_permissions (
    collection_token TEXT NOT NULL REFERENCES collections(token) ON DELETE CASCADE,
    accessor_kind    TEXT NOT NULL CHECK (accessor_kind IN ('user', 'group')),
    accessor_key     TEXT NOT NULL,
    resolved         INTEGER NOT NULL DEFAULT 1,
    access_level     TEXT,
    PRIMARY KEY (collection_token, accessor_kind, accessor_key)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX collection_permissions_by_accessor ON collection_permissions(accessor_kind, accessor_key);

  -- One row per part of the access data (groups, permissions, activity): ok, needs_admin, needs_discovery,
  -- unavailable, partial or failed, with a sentence for the user and when it was decided.
  CREATE TABLE access_parts (
    part       TEXT PRIMARY KEY,
    status     TEXT NOT NULL,
    detail     TEXT,
    checked_at TEXT NOT NULL
  ) STRICT;
`,
}
