// How many listed items a sync run left out because Mode's answer for them could not be read at all (no usable
// token): a hostile or broken server can send such items, and the user should see that some were skipped.
// Only the count is kept, never the content.
import type { Migration } from '../migrate.ts'

export const migration: Migration = {
  version: 8,
  name: 'sync_runs.items_skipped',
  sql: `
  ALTER TABLE sync_runs ADD COLUMN items_skipped INTEGER NOT NULL DEFAULT 0;
`,
}
