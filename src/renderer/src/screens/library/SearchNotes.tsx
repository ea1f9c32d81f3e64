// What the search read into the query, beside the result count: the acronyms it expanded ("NRR = Net Revenue
// Retention") and chips — filters found in a plain-words question (click to remove) and the "search as
// table:" suggestion (click to apply).
import type { SearchChip, SearchExpansion } from '../../../../shared/model.ts'

export function SearchNotes({ expansions, chips, onQuery }: {
  expansions: SearchExpansion[]
  chips: SearchChip[]
  onQuery: (query: string) => void
}) {
  if (expansions.length === 0 && chips.length === 0) return null
  return (
    <div className="search-notes" data-testid="search-notes">
      {expansions.map((e) => (
        <span key={e.acronym} className="search-expansion" role="note">{e.acronym} = {e.meaning}</span>
      ))}
      {chips.map((c) => (
        <button
          key={`${c.kind}:${c.label}`}
          type="button"
          className={`chip${c.kind === 'table-suggestion' ? ' chip-suggestion' : ''}`}
          aria-label={c.kind === 'table-suggestion' ? c.label : `Remove filter ${c.label}`}
          onClick={() => onQuery(c.query)}
        >
          {c.label}{c.kind === 'table-suggestion' ? '' : ' ×'}
        </button>
      ))}
    </div>
  )
}
