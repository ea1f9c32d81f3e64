// A small fixed-row-height virtualizer: one tall spacer and only the rows in (and near) the viewport are
// mounted, absolutely positioned, so 100,000 results cost the same to render as 20. No dependency needed.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { scrollTopToReveal, visibleRange, type VisibleRange } from './virtual-range.ts'

export interface VirtualListProps {
  count: number
  rowHeight: number
  /** Renders row `index`; must return an element with the given style-free content (positioning is ours). */
  renderRow: (index: number) => ReactNode
  /** Row to keep in view (keyboard selection). */
  activeIndex?: number
  /** Told whenever the rendered range changes, so data for those rows can be paged in. */
  onRangeChange?: (range: VisibleRange) => void
  overscan?: number
  id?: string
  className?: string
  role?: string
  ariaLabel?: string
  /** Changes when the list shows a new result set, to scroll back to the top. */
  resetKey?: unknown
  /** Height used before the first layout measurement (jsdom has no layout). */
  initialHeight?: number
  tabIndex?: number
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void
  /** id of the active row, for aria-activedescendant when the list itself has focus. */
  activeDescendant?: string
}

export function VirtualList(props: VirtualListProps) {
  const { count, rowHeight, renderRow, activeIndex, onRangeChange, overscan = 6, resetKey, initialHeight = 600 } = props
  const viewport = useRef<HTMLDivElement>(null)
  // The scroll position belongs to one result set: a new resetKey starts at the top without an extra render.
  const [scroll, setScroll] = useState<{ key: unknown; top: number }>({ key: resetKey, top: 0 })
  const scrollTop = scroll.key === resetKey ? scroll.top : 0
  const [height, setHeight] = useState(initialHeight)

  // Track the viewport's height (window resizes, panels opening).
  useLayoutEffect(() => {
    const el = viewport.current
    if (!el) return
    const measure = () => { if (el.clientHeight > 0) setHeight(el.clientHeight) }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  // A new result set starts at the top.
  useLayoutEffect(() => {
    const el = viewport.current
    if (el) el.scrollTop = 0
  }, [resetKey])

  // Keep the keyboard selection visible.
  useLayoutEffect(() => {
    const el = viewport.current
    if (!el || activeIndex === undefined || activeIndex < 0) return
    const next = scrollTopToReveal(activeIndex, el.scrollTop, height, rowHeight)
    if (next !== null) {
      el.scrollTop = next
      setScroll({ key: resetKey, top: next })
    }
  }, [activeIndex, height, rowHeight, resetKey])

  const range = visibleRange(scrollTop, height, rowHeight, count, overscan)
  useEffect(() => {
    onRangeChange?.(range)
    // Only the numbers matter, not the object's identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [range.start, range.end, onRangeChange])

  const onScroll = useCallback(() => {
    const el = viewport.current
    if (el) setScroll({ key: resetKey, top: el.scrollTop })
  }, [resetKey])

  const rows: ReactNode[] = []
  for (let i = range.start; i < range.end; i++) {
    rows.push(
      <div key={i} className="vlist-row" style={{ position: 'absolute', top: i * rowHeight, left: 0, right: 0, height: rowHeight }}>
        {renderRow(i)}
      </div>,
    )
  }
  return (
    <div ref={viewport} id={props.id} className={props.className} role={props.role} aria-label={props.ariaLabel} tabIndex={props.tabIndex} onKeyDown={props.onKeyDown} aria-activedescendant={props.activeDescendant} onScroll={onScroll} style={{ overflowY: 'auto', position: 'relative' }} data-testid="virtual-list">
      <div style={{ height: count * rowHeight, position: 'relative' }}>{rows}</div>
    </div>
  )
}
