// `demo`: the sample workspace end to end (arrives with the simulator server).
import { AppFailure } from '../../main/app-error.ts'
import type { ParsedCommand } from '../args.ts'
import type { CliIo, Style } from '../output.ts'

export async function runDemo(_parsed: ParsedCommand, _io: CliIo, _style: Style): Promise<number> {
  throw new AppFailure('internal', 'The demo is not available in this build yet.')
}
