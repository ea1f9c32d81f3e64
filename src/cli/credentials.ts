// The Mode API token and password for one CLI run: from $MODE_TOKEN and $MODE_PASSWORD, or asked for on a
// terminal without echo. They live in memory for the run only; the CLI never writes them anywhere.
import { UsageError } from './args.ts'
import type { CliIo } from './output.ts'
import { canPrompt, promptSecret } from './prompt.ts'

export interface Credentials {
  token: string
  password: string
}

export async function readCredentials(io: CliIo): Promise<Credentials> {
  let token = io.env.MODE_TOKEN?.trim() ?? ''
  let password = io.env.MODE_PASSWORD?.trim() ?? ''
  if (token && password) return { token, password }
  if (!canPrompt(io)) {
    throw new UsageError('Set MODE_TOKEN and MODE_PASSWORD to your Mode API token and its password (or run on a terminal to be asked).', 'sync')
  }
  if (!token) token = (await promptSecret(io, 'Mode API token: ')).trim()
  if (!password) password = (await promptSecret(io, 'Mode API token password: ')).trim()
  if (!token || !password) throw new UsageError('Both the API token and its password are needed.', 'sync')
  return { token, password }
}
