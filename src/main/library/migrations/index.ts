// Every migration of the library, in order. To change the schema, add the next numbered file beside this one
// (copy the newest, bump `version`) and import it at the end of this list. Never edit or renumber a file that
// has shipped: its checksum is recorded in every library it upgraded, and openLibrary refuses a mismatch.
// test/unit/library/migrations.test.ts fails when a file here is missing from the list or numbers skip.
import type { Migration } from '../migrate.ts'
import { migration as coreSchema } from './001-core-schema.ts'
import { migration as searchIndex } from './002-search-index.ts'
import { migration as searchSqlStoplist } from './003-search-sql-stoplist.ts'
import { migration as dropExtraJson } from './004-drop-extra-json-add-last-edited.ts'
import { migration as reportContent } from './005-report-content.ts'
import { migration as knowledge } from './006-knowledge.ts'
import { migration as syncRunVersions } from './007-sync-run-versions.ts'
import { migration as syncRunSkipped } from './008-sync-run-skipped.ts'
import { migration as runSuccessAndDefinitions } from './009-run-success-and-definitions.ts'
import { migration as accessReview } from './010-access-review.ts'
import { migration as queryQuestions } from './011-query-questions.ts'

export const migrations: readonly Migration[] = [
  coreSchema,
  searchIndex,
  searchSqlStoplist,
  dropExtraJson,
  reportContent,
  knowledge,
  syncRunVersions,
  syncRunSkipped,
  runSuccessAndDefinitions,
  accessReview,
  queryQuestions,
]
