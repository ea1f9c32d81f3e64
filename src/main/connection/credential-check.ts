// The live check at "Connect": /verify proves the token and its password, /{workspace} proves the workspace
// and the account's membership, /account names the account when Mode allows it. Fast answers: one retry for
// a blip, not the sync's patient backoff. Every failure becomes one precise AppError
// (worded in src/shared/error-text.ts).
import { createModeClient, type ModeClient } from '../mode/client.ts'
import { isModeApiError } from '../mode/errors.ts'
import type { RateLimiter } from '../mode/rate-limiter.ts'
import { toAppError, type AppError } from '../../shared/errors.ts'

export interface CredentialCheckInput {
  apiBase: string
  /** The workspace slug as the user entered it (parsed). */
  workspace: string
  token: string
  password: string
  limiter: RateLimiter
  fetch?: typeof globalThis.fetch
  timeoutMs?: number
}

export type CredentialCheckResult =
  | { ok: true; workspaceDisplayName: string | null; accountName: string | null }
  /** `detail` is for the log only: Mode's own error text, never a secret. */
  | { ok: false; error: AppError; detail: string | null }

export async function checkCredentials(input: CredentialCheckInput): Promise<CredentialCheckResult> {
  const { workspace } = input
  const client = createModeClient({
    baseUrl: input.apiBase, token: input.token, password: input.password, workspace, limiter: input.limiter,
    fetch: input.fetch,
    timeoutMs: input.timeoutMs ?? 15_000,
    maxAttempts: 2, baseBackoffMs: 250, maxBackoffMs: 1_000, maxRetryAfterMs: 5_000,
  })
  let tokenWorkspace: string | null = null
  try {
    tokenWorkspace = (await client.verify()).workspace
    const ws = await client.workspace()
    return { ok: true, workspaceDisplayName: ws.name ?? ws.username, accountName: await accountName(client) }
  } catch (error) {
    const appError = toAppError(error)
    const detail = isModeApiError(error) ? error.message : null
    if ((appError.code === 'not_found' || appError.code === 'no_access') && tokenWorkspace && tokenWorkspace.toLowerCase() !== workspace.toLowerCase()) {
      // Workspace API keys belong to one workspace, and Mode's /verify names it: the likeliest fix.
      return { ok: false, detail, error: { ...appError, action: `This token belongs to the workspace "${tokenWorkspace}". Enter that name, or use a token of "${workspace}".` } }
    }
    return { ok: false, error: appError, detail }
  }
}

async function accountName(client: ModeClient): Promise<string | null> {
  // Workspace API keys may be refused /account (400): the name is a nicety, never a reason to fail.
  try {
    const account = await client.account()
    return account.name ?? account.username
  } catch {
    return null
  }
}
