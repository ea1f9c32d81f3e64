// "SQL history" on the report page: how often the report's SQL changed and when last, and for each query with
// earlier versions, a diff between any two of them (by default the previous text against the current one).
import { useState } from 'react'
import type { QueryHistory, SqlVersion } from '../../../../shared/knowledge-model.ts'
import { mainReads } from '../../stores/main-reads.ts'
import { formatDateTime, relativeTime } from '../sync/relative-time.ts'
import { DiffPanel } from './DiffPanel.tsx'
import { useLoad } from '../../stores/use-load.ts'

export function historySummary(changeCount: number, lastChangedAt: string | null, now = Date.now()): string {
  if (changeCount === 0) return 'SQL unchanged since it was first synced.'
  return `SQL changed ${changeCount === 1 ? 'once' : `${changeCount} times`}, last ${relativeTime(lastChangedAt, now)}.`
}

export function versionLabel(v: SqlVersion, index: number): string {
  return v.id === null ? `Current (since ${formatDateTime(v.seenAt)})` : `Version ${index + 1} (${formatDateTime(v.seenAt)})`
}

export function SqlHistorySection({ reportToken }: { reportToken: string }) {
  const history = useLoad(reportToken, () => mainReads.reportHistory(reportToken))
  if (history.state !== 'ready' || !history.value) return null
  const { changeCount, lastChangedAt, queries } = history.value
  const changed = queries.filter((q) => q.versions.length > 1)
  return (
    <section className="knowledge-section" aria-labelledby="sql-history-title" data-testid="sql-history">
      <h2 id="sql-history-title">SQL history</h2>
      <p className="history-summary" data-testid="sql-history-summary">{historySummary(changeCount, lastChangedAt)}</p>
      {changed.map((q) => <QueryVersions key={q.queryToken} query={q} />)}
    </section>
  )
}

function QueryVersions({ query }: { query: QueryHistory }) {
  const last = query.versions.length - 1
  const [from, setFrom] = useState(last - 1)
  const [to, setTo] = useState(last)
  const side = (i: number) => ({ queryToken: query.queryToken, versionId: query.versions[i]!.id, label: versionLabel(query.versions[i]!, i) })
  const picker = (label: string, value: number, onChange: (i: number) => void) => (
    <label className="field-label">
      {label}{' '}
      <select className="input version-select" value={value} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {query.versions.map((v, i) => <option key={i} value={i}>{versionLabel(v, i)}</option>)}
      </select>
    </label>
  )
  return (
    <div className="card history-query">
      <h3>{query.name ?? 'Query'} <span className="faint">· {query.versions.length} versions</span></h3>
      <DiffPanel from={side(from)} to={side(to)} toolbar={<>{picker('From', from, setFrom)}{picker('to', to, setTo)}</>} />
    </div>
  )
}
