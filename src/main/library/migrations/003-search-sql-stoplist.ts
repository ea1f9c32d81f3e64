// Libraries indexed before SQL grammar words were left out of the SQL index (search/sql-stopwords.ts) are
// re-indexed once: the flag is picked up by the rebuild that follows the migrations.
import type { Migration } from '../migrate.ts'

export const migration: Migration = {
  version: 3,
  name: 'search index: SQL bodies re-indexed without SQL grammar words',
  sql: `
  INSERT INTO meta(key, value) VALUES ('search_index_stale', 'SQL stoplist')
    ON CONFLICT(key) DO UPDATE SET value = excluded.value;
`,
}
