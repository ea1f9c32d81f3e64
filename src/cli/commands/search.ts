// `search QUERY`: the app's search over the local library (arrives with the search service).
import { AppFailure } from '../../main/app-error.ts'
import type { ParsedCommand } from '../args.ts'
import type { CliIo, Style } from '../output.ts'

export async function runSearch(_parsed: ParsedCommand, _io: CliIo, _style: Style): Promise<number> {
  throw new AppFailure('internal', 'Search is not available in this build yet.')
}
