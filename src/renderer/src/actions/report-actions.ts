// The actions on one report, ready to run: what each does, whether it can right now (and why not), and what to
// say when it is done. The action panel lists them; their shortcuts run them directly (useReportActions).
import type { QueryDetail, ReportDetail } from '../../../shared/model.ts'
import { mainReads } from '../stores/main-reads.ts'
import { useNavigation } from '../stores/navigation.ts'
import { filterTerm } from '../screens/library/query-filters.ts'
import { copyText } from '../screens/report/CopyButton.tsx'
import { ACTION_DEFS, type ActionDef } from './action-list.ts'
import { queryEditorUrl } from './mode-urls.ts'
import { pinStore } from './pin-store.ts'

export interface ActionContext {
  report: ReportDetail
  /** "This query": the one being read on the report page, the first one from a result row. */
  query: QueryDetail | null
  /** The built-in sample lives only on this computer: it has no Mode links to open or share. */
  isSample: boolean
}

export interface RunnableAction extends ActionDef {
  /** Why it cannot run now, or null when it can. */
  unavailable: string | null
  /** Runs it; resolves to what to tell the user ("Link copied"), or null to say nothing. */
  run: () => Promise<string | null>
  /** Further choices instead of running (the tables of "Reports that read this table…"). */
  choices?: { label: string; run: () => Promise<string | null> }[]
}

const SAMPLE_NO_LINK = 'The sample workspace exists only on this computer, so it has no Mode links.'

/** Every query's SQL, each under a comment naming it, for one paste into an editor. */
export function allQueriesSql(report: ReportDetail): string {
  return report.queries.map((q, i) => `-- ${(q.name ?? `Query ${i + 1}`).replace(/[\r\n]+/g, ' ')}\n${q.sql.replace(/\s+$/, '')}\n`).join('\n')
}

async function copied(text: string, what: string): Promise<string> {
  return (await copyText(text)) ? `${what} copied` : 'The clipboard refused the copy'
}

async function openExternal(url: string): Promise<string | null> {
  const opened = await mainReads.openExternalChecked(url)
  return opened ? null : 'That link is not one the app opens'
}

export function reportActions(ctx: ActionContext): RunnableAction[] {
  const { report, query, isSample } = ctx
  const link = isSample ? null : report.webUrl
  const noLink = isSample ? SAMPLE_NO_LINK : report.webUrl ? null : 'Mode gave no link for this report.'
  const editorUrl = query && !isSample ? queryEditorUrl(report.webUrl, query.token) : null
  const pins = pinStore()
  const tables = [...new Set((query ? [query] : report.queries).flatMap((q) => q.tables))]
  const byId: Record<string, Omit<RunnableAction, keyof ActionDef>> = {
    'open-in-mode': { unavailable: noLink, run: () => (link ? openExternal(link) : Promise.resolve(null)) },
    'open-query-in-editor': {
      unavailable: noLink ?? (query ? (editorUrl ? null : 'Mode gave no link for this report.') : 'This report has no queries.'),
      run: () => (editorUrl ? openExternal(editorUrl) : Promise.resolve(null)),
    },
    'copy-link': { unavailable: noLink, run: () => (link ? copied(link, 'Link') : Promise.resolve(null)) },
    'copy-name': { unavailable: null, run: () => copied(report.name, 'Name') },
    'copy-sql': { unavailable: query ? null : 'This report has no queries.', run: () => (query ? copied(query.sql, 'SQL') : Promise.resolve(null)) },
    'copy-all-sql': { unavailable: report.queries.length ? null : 'This report has no queries.', run: () => copied(allQueriesSql(report), 'SQL of every query') },
    'export-sql': {
      unavailable: report.queries.length ? null : 'This report has no queries.',
      run: async () => {
        const outcome = await mainReads.exportSql({ token: report.token, query: query?.token ?? null })
        return outcome.saved ? `Saved ${outcome.fileName ?? ''}`.trim() : null
      },
    },
    'toggle-pin': {
      unavailable: null,
      run: async () => {
        if (!pins) return null
        const pinned = pins.isPinned(report.token)
        await pins.setPinned(report.token, !pinned)
        return pinned ? 'Unpinned' : 'Pinned'
      },
    },
    'table-reports': {
      unavailable: tables.length ? null : 'No tables were found in this SQL.',
      run: async () => {
        if (tables.length === 1) useNavigation.getState().search(filterTerm('table', tables[0] as string))
        return null
      },
      choices: tables.length > 1 ? tables.map((t) => ({ label: t, run: async () => { useNavigation.getState().search(filterTerm('table', t)); return null } })) : undefined,
    },
  }
  return ACTION_DEFS
    .filter((d) => d.id !== 'toggle-pin' || pins !== null)
    .map((d) => ({
      ...d,
      title: d.id === 'toggle-pin' && pins?.isPinned(report.token) ? 'Unpin' : d.id === 'copy-sql' && report.queries.length === 1 ? 'Copy SQL' : d.title,
      ...(byId[d.id] as Omit<RunnableAction, keyof ActionDef>),
    }))
}
