// `search QUERY`: the app's search (same query language, ranking and snippets) over the local library.
import { createSearchService } from '../../main/search/search-service.ts'
import { MARK_END, MARK_START, type SearchHit, type SearchResult } from '../../shared/model.ts'
import { boolFlag, intFlag, type ParsedCommand } from '../args.ts'
import { openExistingLibrary, resolveDataDir } from '../context.ts'
import { readAppSettings } from '../settings.ts'
import { formatCount, formatDay, oneLine, printJson, renderMarks, truncate, visibleLength, type CliIo, type Style } from '../output.ts'

/** A hit as `search --json` prints it: the snippet as plain text with «» around the matched terms. */
export interface JsonHit {
  token: string
  name: string
  collection: string | null
  author: string | null
  updatedAt: string | null
  archived: boolean
  score: number
  snippet: string | null
  /** popular, failing, stale, scheduled, never-run (empty when none applies). */
  statuses: string[]
}

export function toJsonHit(hit: SearchHit): JsonHit {
  return {
    token: hit.token,
    name: hit.name,
    collection: hit.collection,
    author: hit.author ?? hit.authorUsername,
    updatedAt: hit.updatedAt,
    archived: hit.archived,
    score: hit.score,
    snippet: hit.snippet ? oneLine(renderMarks(hit.snippet.text, null)) : null,
    statuses: hit.statuses ?? [],
  }
}

export async function runSearch(parsed: ParsedCommand, io: CliIo, style: Style): Promise<number> {
  const query = parsed.positionals[0] ?? ''
  const limit = intFlag(parsed, 'limit', 10, 500)
  const library = openExistingLibrary(parsed, io)
  try {
    const staleAfterDays = readAppSettings(resolveDataDir(parsed, io)).staleAfterDays
    const result = createSearchService(library.db).search({ query, limit, facets: false, staleAfterDays })
    if (boolFlag(parsed, 'json')) printJson(io, result.hits.map(toJsonHit))
    else io.stdout.write(renderResult(query, result, style, io.stdout.columns || 100).join('\n') + '\n')
    return 0
  } finally {
    await library.close()
  }
}

/** Human output: a count line, then per hit its name, where it lives, and the matched text. */
export function renderResult(query: string, result: SearchResult, style: Style, width: number, indent = ''): string[] {
  const lines: string[] = []
  if (result.hits.length === 0) {
    lines.push(`${indent}No reports match ${style.bold(`"${query}"`)}.`)
    return lines
  }
  const shown = result.hits.length
  const took = style.dim(`· ${Math.max(1, Math.round(result.tookMs))} ms`)
  const q = style.bold(`"${query}"`)
  const fuzzy = result.hits.filter((h) => h.fuzzy).length
  if (result.total === 0 && fuzzy > 0) {
    lines.push(`${indent}No exact match for ${q}; ${formatCount(fuzzy, 'report')} with a similar spelling ${took}`)
  } else {
    const more = result.total > shown ? ` (top ${shown})` : ''
    lines.push(`${indent}${formatCount(result.total, 'report')} ${result.total === 1 ? 'matches' : 'match'} ${q}${more} ${took}`)
  }
  const numberWidth = String(shown).length
  result.hits.forEach((hit, i) => {
    lines.push(...renderHit(hit, i + 1, numberWidth, style, width, indent))
  })
  return lines
}

export function renderHit(hit: SearchHit, n: number, numberWidth: number, style: Style, width: number, indent = ''): string[] {
  const lead = `${indent}${String(n).padStart(numberWidth)}. `
  const body = ' '.repeat(visibleLength(lead))
  const room = Math.max(30, width - body.length - 1)
  const statuses = (hit.statuses ?? []).map((s) => (s === 'failing' ? style.yellow(s) : style.dim(s)))
  const tags = [hit.archived ? style.yellow('archived') : '', ...statuses, hit.fuzzy ? style.dim('similar spelling') : ''].filter(Boolean)
  const title = `${lead}${style.bold(truncate(hit.name, room))}${tags.length ? `  ${tags.join(' ')}` : ''}`
  const meta = [hit.collection ?? 'No collection', hit.author ?? hit.authorUsername ?? 'unknown author', `edited ${formatDay(hit.updatedAt)}`, hit.token]
  const lines = [title, `${body}${style.dim(truncate(meta.join(' · '), room))}`]
  if (hit.snippet) lines.push(`${body}${snippetLine(hit.snippet.text, room, style)}`)
  return lines
}

/** The snippet on one line, cut to the room left, with its marks shown (bold on a terminal, «» otherwise). */
function snippetLine(text: string, room: number, style: Style): string {
  const flat = oneLine(text)
  const plain = oneLine(renderMarks(text, null))
  if ([...plain].length <= room) return renderMarks(flat, style)
  // Cut the marked text so that the visible characters fit, never inside a mark pair.
  let out = ''
  let visible = 0
  let open = false
  for (const ch of flat) {
    const isMark = ch === MARK_START || ch === MARK_END
    if (isMark) {
      open = ch === MARK_START
      out += ch
      continue
    }
    if (visible >= room - 1) break
    out += ch
    visible++
  }
  if (open) out += MARK_END
  return renderMarks(out, style) + '…'
}
