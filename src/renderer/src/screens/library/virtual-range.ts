// The arithmetic of a fixed-row-height virtualizer: which rows a viewport shows. Kept pure so it can be
// tested without a DOM and so the list renders O(visible rows) even at 100,000 results.

export interface VisibleRange {
  /** First row to render (inclusive). */
  start: number
  /** Row after the last one to render (exclusive). */
  end: number
}

export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan: number): VisibleRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 }
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const shown = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1
  const start = Math.max(0, Math.min(count - 1, first - overscan))
  const end = Math.min(count, first + shown + overscan)
  return { start, end: Math.max(start, end) }
}

/** The scrollTop that brings row `index` fully into view, or null when it is already visible. */
export function scrollTopToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number | null {
  const top = index * rowHeight
  const bottom = top + rowHeight
  if (top < scrollTop) return top
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight)
  return null
}
