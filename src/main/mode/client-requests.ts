// How one of the client's GETs becomes typed items: a single resource, one page of a list, a one-page list, or
// a whole paginated list (page numbers, or Mode's own next_page link when it stays on Mode's origin). Items
// that fail their schema are skipped and counted; a malformed answer is an error naming the request.
import type { z } from 'zod'
import { cancelledError, malformedError, ModeApiError, type RequestContext } from './errors.ts'
import type { createHttpGet } from './http-get.ts'
import { paginate } from './paginate.ts'
import { parseList, type ModeListPage } from './schemas.ts'

export interface CallOptions {
  signal?: AbortSignal
}

export interface ClientRequestsOptions {
  http: ReturnType<typeof createHttpGet>
  apiBase: string
  workspace: string
  maxPages: number
}

export function createClientRequests({ http, apiBase, workspace, maxPages }: ClientRequestsOptions) {
  const origin = new URL(apiBase).origin
  let skippedItems = 0
  /** One GET with retries; the parsed JSON body of a 2xx answer (or what `readOk` makes of its body stream). */
  const getJson = (path: string, signal: AbortSignal | undefined, workspaceLevel: boolean, readOk?: (response: Response) => Promise<unknown>, base?: string): Promise<unknown> =>
    http.getJson(path, signal, { method: 'GET', path, workspace, workspaceLevel } satisfies RequestContext, readOk, base)

  async function getOne<S extends z.ZodType>(path: string, schema: S, call: CallOptions | undefined, workspaceLevel = false): Promise<z.output<S>> {
    const body = await getJson(path, call?.signal, workspaceLevel)
    const parsed = schema.safeParse(body)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw malformedError({ method: 'GET', path, workspace, workspaceLevel }, issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid', 200)
    }
    return parsed.data
  }

  async function getListPage<S extends z.ZodType>(path: string, key: string | readonly string[], schema: S, signal: AbortSignal | undefined, workspaceLevel: boolean): Promise<ModeListPage<z.output<S>>> {
    const body = await getJson(path, signal, workspaceLevel)
    const parsed = parseList(body, key, schema)
    if (!parsed.ok) throw malformedError({ method: 'GET', path, workspace, workspaceLevel }, parsed.problem, 200)
    return parsed.page
  }

  /** A list that is one page (a report's queries, a query's charts): its unreadable items are counted here. */
  async function getSinglePageList<S extends z.ZodType>(path: string, key: string, schema: S, signal: AbortSignal | undefined): Promise<z.output<S>[]> {
    const page = await getListPage(path, key, schema, signal, false)
    skippedItems += page.skipped ?? 0
    return page.items
  }

  /** A whole paginated list: page numbers on `path`, or Mode's own `next_page` link when it is on our origin. */
  async function getAllPages<S extends z.ZodType>(
    path: string,
    params: Record<string, string>,
    key: string,
    schema: S,
    tokenOf: (item: z.output<S>) => string,
    call: CallOptions & { onPage?: (items: z.output<S>[], page: number) => void | Promise<void> },
    workspaceLevel: boolean,
  ): Promise<z.output<S>[]> {
    return paginate<z.output<S>>({
      fetchPage: (page, nextHref) => {
        const linked = nextHref ? pathFromHref(nextHref) : null
        const pagePath = linked ?? withQuery(path, { ...params, page: String(page) })
        return getListPage(pagePath, key, schema, call.signal, workspaceLevel)
      },
      tokenOf,
      onPage: call.onPage,
      maxPages,
      signal: call.signal,
      tooManyPages: (n) =>
        malformedError({ method: 'GET', path, workspace, workspaceLevel }, `more than ${n} pages; the list never ended`, 200),
      onSkipped: (count) => { skippedItems += count },
    }).catch((error: unknown) => {
      if (call.signal?.aborted && !(error instanceof ModeApiError)) throw cancelledError({ method: 'GET', path, workspace, workspaceLevel })
      throw error
    })
  }

  /** `_links.next_page.href` → a path below the API base, only if it stays on Mode's origin (credentials go with it). */
  function pathFromHref(href: string): string | null {
    let url: URL
    try {
      url = new URL(href, origin)
    } catch {
      return null
    }
    if (url.origin !== origin) return null
    const basePath = new URL(apiBase).pathname
    if (!url.pathname.startsWith(basePath + '/')) return null
    return url.pathname.slice(basePath.length) + url.search
  }

  function resolveWebUrl<T extends { webUrl: string | null }>(item: T): T {
    if (item.webUrl && item.webUrl.startsWith('/')) return { ...item, webUrl: origin + item.webUrl }
    return item
  }

  return { getJson, getOne, getListPage, getSinglePageList, getAllPages, pathFromHref, resolveWebUrl, skippedItems: () => skippedItems }
}

function withQuery(path: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString()
  return query ? `${path}?${query}` : path
}
