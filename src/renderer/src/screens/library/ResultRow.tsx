// One search result: name, where it lives, who made it, when it changed, and why it matched.
import { memo } from 'react'
import type { SearchHit } from '../../../../shared/model.ts'
import { relativeTime } from '../sync/relative-time.ts'
import { snippetParts } from './snippet-parts.ts'
import { SnippetText } from './SnippetText.tsx'
import { StatusBadges } from '../knowledge/StatusBadges.tsx'
import { useSettings } from '../../stores/settings.ts'
import { useThumbnail } from '../../stores/thumbnails.ts'

export const ROW_HEIGHT = 78

export function resultId(index: number): string {
  return `result-${index}`
}

export interface ResultRowProps { hit: SearchHit | undefined; index: number; active: boolean; onOpen: (index: number) => void; onHover: (index: number) => void }

/** Memoized: a keystroke re-renders the screen, and the rows whose hit and selection did not change (all of them,
 * until the answer arrives) are skipped rather than rebuilt. */
export const ResultRow = memo(function ResultRow({ hit, index, active, onOpen, onHover }: ResultRowProps) {
  const thumbnails = useSettings((s) => s.settings?.resultThumbnails === true)
  const picture = useThumbnail(hit?.token, thumbnails)
  if (!hit) {
    // A placeholder of the same height while the page loads: nothing moves when it arrives.
    return <div id={resultId(index)} role="option" aria-selected={active} aria-busy="true" className="result result-loading"><span className="result-skeleton" /></div>
  }
  const author = hit.author ?? hit.authorUsername
  // "Personal — ana · ana" says the same name twice: a personal collection's label already names its owner.
  const ownLabel = hit.authorUsername !== null && hit.collection?.endsWith(` — ${hit.authorUsername}`) === true
  const meta = [hit.collection, ownLabel ? null : author, hit.updatedAt ? `edited ${relativeTime(hit.updatedAt)}` : null].filter(Boolean).join(' · ')
  // A match in the name is marked in the title itself: a snippet line repeating the title looked like a glitch.
  const nameSnippet = hit.snippet?.field === 'name' && snippetParts(hit.snippet.text).map((p) => p.text).join('') === hit.name ? hit.snippet : null
  const snippet = nameSnippet ? null : hit.snippet
  // Code reads best in a code font; a description or a collection name does not.
  const codeSnippet = snippet !== null && (snippet.field === 'sql' || snippet.field === 'tables' || snippet.field === 'query')
  // Named by the report's name alone, so a screen reader says it first and a list of names can be walked; the
  // badges, the place and author, and the snippet are its description, read after a pause.
  const id = resultId(index)
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      aria-labelledby={`${id}-name`}
      aria-describedby={[`${id}-badges`, `${id}-meta`, snippet ? `${id}-snippet` : null].filter(Boolean).join(' ')}
      className={`result${active ? ' result-active' : ''}${thumbnails ? ' result-with-thumb' : ''}`}
      data-token={hit.token}
      onClick={() => onOpen(index)}
      onMouseMove={() => { if (!active) onHover(index) }}
    >
      {thumbnails && (
        // The picture is the report's own preview, scaled down; a report without one keeps the space, so the
        // names line up.
        <div className="result-thumb" aria-hidden="true">
          {picture && <img src={picture} alt="" decoding="async" data-testid="result-thumbnail" />}
        </div>
      )}
      <div className="result-text">
      <div className="result-title">
        <span className="result-name" id={`${id}-name`}>{nameSnippet ? <SnippetText text={nameSnippet.text} /> : hit.name}</span>
        {/* display: contents, so the badges stay items of the title's row. */}
        <span className="result-badges" id={`${id}-badges`}>
          {hit.archived && <span className="badge badge-warning">Archived</span>}
          <StatusBadges statuses={hit.statuses} />
          {hit.fuzzy && <span className="badge" title="Similar spelling"><span aria-hidden="true">≈</span><span className="visually-hidden">Similar spelling</span></span>}
          {hit.missing && <span className="badge" title={`Does not contain: ${hit.missing.join(', ')}`}>Partial · no {hit.missing.join(', ')}</span>}
        </span>
      </div>
      <div className="result-meta" id={`${id}-meta`}>{meta}</div>
      {/* Without a snippet the row centres its two lines rather than leaving an empty third one. */}
      {snippet && <div id={`${id}-snippet`} className={`result-snippet${codeSnippet ? ' result-snippet-code' : ''}`}><SnippetText text={snippet.text} /></div>}
      </div>
    </div>
  )
})
