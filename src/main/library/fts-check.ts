// Search needs SQLite's FTS5 with the trigram tokenizer. Node's bundled SQLite has both; a build without them
// would fail much later with an obscure error, so check once, up front, with a message that says what is wrong.
import { DatabaseSync } from 'node:sqlite'
import { AppFailure } from '../../shared/errors.ts'

let checked = false

export function assertFtsAvailable(): void {
  if (checked) return
  const probe = new DatabaseSync(':memory:')
  try {
    probe.exec("CREATE VIRTUAL TABLE words USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')")
    probe.exec("CREATE VIRTUAL TABLE grams USING fts5(text, tokenize = 'trigram')")
    checked = true
  } catch (error) {
    throw new AppFailure(
      'library_error',
      'This build of SQLite lacks full-text search (FTS5 with the trigram tokenizer), which the library needs.',
      'Run Mode Companion on Node 24 or the packaged app, whose SQLite includes FTS5.',
      { cause: error },
    )
  } finally {
    probe.close()
  }
}
