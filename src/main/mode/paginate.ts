// Walks Mode's page-numbered lists to the end, surviving its quirks (docs/DESIGN.md, “The Mode API in one screen”):
// pages are 1-based; the end is an empty page or a page that adds no new tokens (a page past the end may
// repeat the last one, and stopping on a short page was judged unsafe by peers); `_links.next_page` is
// followed when present but its absence never ends the walk; a hard page bound stops a runaway loop.
import type { ModeListPage } from './schemas.ts'

export const DEFAULT_MAX_PAGES = 10_000

export interface PaginateOptions<T> {
  /** Fetches page `page` (1-based). `nextHref` is the previous page's `_links.next_page.href`, if any. */
  fetchPage: (page: number, nextHref: string | null) => Promise<ModeListPage<T>>
  tokenOf: (item: T) => string
  /** Called with each page's new items (deduplicated), in order, before the next page is requested. */
  onPage?: (items: T[], page: number) => void | Promise<void>
  maxPages?: number
  signal?: AbortSignal
  /** Builds the error thrown when `maxPages` is exceeded. */
  tooManyPages: (maxPages: number) => Error
  /** Told how many unreadable items a page had (ModeListPage.skipped), for the pages that are part of the list. */
  onSkipped?: (count: number) => void
}

export async function paginate<T>(options: PaginateOptions<T>): Promise<T[]> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES
  const seen = new Set<string>()
  const all: T[] = []
  let nextHref: string | null = null
  for (let page = 1; ; page++) {
    if (page > maxPages) throw options.tooManyPages(maxPages)
    options.signal?.throwIfAborted()
    const result = await options.fetchPage(page, nextHref)
    if (result.items.length === 0) break
    const fresh: T[] = []
    for (const item of result.items) {
      const token = options.tokenOf(item)
      if (seen.has(token)) continue
      seen.add(token)
      fresh.push(item)
    }
    if (fresh.length === 0) break
    // Not for the page that ends the walk: a page repeated past the end would count its unreadable items twice.
    if (result.skipped) options.onSkipped?.(result.skipped)
    all.push(...fresh)
    await options.onPage?.(fresh, page)
    nextHref = result.nextPageHref
  }
  return all
}
