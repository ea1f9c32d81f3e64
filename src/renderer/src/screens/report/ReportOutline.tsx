// The outline of a multi-query report, beside it and always in view: each query, then the tables it reads, its
// charts and its parameters. A click (or Enter) scrolls there and moves focus there; the query being read is marked.
import { useEffect, useState } from 'react'
import type { ReportDetail } from '../../../../shared/model.ts'
import { queryAnchor, queryTitle } from './QueryCard.tsx'
import { parseFormParameters } from '../../../../shared/form-parameters.ts'

/** `schema.table` of a longer name (`project.schema.table`): the part that differs between a query's tables. */
function shortTableName(name: string): string {
  const parts = name.split('.')
  return parts.length > 2 ? parts.slice(-2).join('.') : name
}

export function jumpTo(anchor: string): void {
  const target = document.getElementById(anchor)
  if (!target) return
  target.scrollIntoView({ block: 'start' })
  target.focus({ preventScroll: true })
}

/** The query being read: the one holding the focus, else the last whose section starts above 30% of the page. */
export function queryBeingRead(tokens: readonly string[]): string | null {
  const focused = document.activeElement?.closest<HTMLElement>('section.query')
  const own = focused && tokens.find((t) => focused.id === queryAnchor(t))
  if (own) return own
  const main = document.getElementById('main')
  if (!main) return tokens[0] ?? null
  const line = main.getBoundingClientRect().top + main.clientHeight * 0.3
  let current = tokens[0] ?? null
  for (const t of tokens) {
    const el = document.getElementById(queryAnchor(t))
    if (el && el.getBoundingClientRect().top <= line) current = t
  }
  return current
}

/** Which query's section is at the top of the main area (the one being read), kept current as the page scrolls. */
function useQueryInView(tokens: string[]): string | null {
  const [inView, setInView] = useState<string | null>(tokens[0] ?? null)
  useEffect(() => {
    const main = document.getElementById('main')
    if (!main) return
    let frame = 0
    const measure = () => {
      frame = 0
      setInView(queryBeingRead(tokens))
    }
    const onScroll = () => { if (!frame) frame = requestAnimationFrame(measure) }
    main.addEventListener('scroll', onScroll, { passive: true })
    measure()
    return () => { main.removeEventListener('scroll', onScroll); cancelAnimationFrame(frame) }
  }, [tokens])
  return inView
}

export function ReportOutline({ report, tokens }: { report: ReportDetail; tokens: string[] }) {
  const inView = useQueryInView(tokens)
  return (
    <nav className="report-outline" aria-label="Outline">
      <h2 className="outline-heading">Outline</h2>
      <ol className="outline-queries" aria-label="Queries">
        {report.queries.map((q, i) => {
          const parameters = parseFormParameters(q.sql).map((p) => p.name)
          return (
            <li key={q.token}>
              <button type="button" className="outline-link outline-query" aria-current={inView === q.token ? 'location' : undefined} onClick={() => jumpTo(queryAnchor(q.token))}>
                {/* The number is for the eye; the ordered list already tells a screen reader "3 of 5". */}
                <span className="outline-index" aria-hidden="true">{i + 1}</span>{queryTitle(q, i)}
              </button>
              {(q.tables.length > 0 || q.charts.length > 0 || parameters.length > 0) && (
                <ul className="outline-parts">
                  {q.tables.map((t) => (
                    <li key={`t:${t}`}><button type="button" className="outline-link" title={t} onClick={() => jumpTo(queryAnchor(q.token, 'tables'))}><span className="outline-kind">Table</span><code>{shortTableName(t)}</code></button></li>
                  ))}
                  {q.charts.map((c) => (
                    <li key={`c:${c.token}`}><button type="button" className="outline-link" onClick={() => jumpTo(queryAnchor(q.token, 'charts'))}><span className="outline-kind">Chart</span>{c.title ?? 'Untitled'}</button></li>
                  ))}
                  {parameters.map((p) => (
                    <li key={`p:${p}`}><button type="button" className="outline-link" onClick={() => jumpTo(queryAnchor(q.token, 'parameters'))}><span className="outline-kind">Parameter</span><code>{p}</code></button></li>
                  ))}
                </ul>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
