// @vitest-environment jsdom
import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { VirtualList } from '../../../../src/renderer/src/screens/library/VirtualList.tsx'
import { scrollTopToReveal, visibleRange } from '../../../../src/renderer/src/screens/library/virtual-range.ts'
import { mount, type Mounted } from './render.ts'

describe('visibleRange', () => {
  it('covers the viewport plus overscan and never runs past the list', () => {
    expect(visibleRange(0, 600, 60, 100_000, 5)).toEqual({ start: 0, end: 16 })
    expect(visibleRange(6000, 600, 60, 100_000, 5)).toEqual({ start: 95, end: 116 })
    expect(visibleRange(60 * 99_990, 600, 60, 100_000, 5)).toEqual({ start: 99_985, end: 100_000 })
    expect(visibleRange(0, 600, 60, 3, 5)).toEqual({ start: 0, end: 3 })
    expect(visibleRange(0, 600, 60, 0, 5)).toEqual({ start: 0, end: 0 })
  })
  it('scrolls just enough to reveal a row above or below the viewport', () => {
    expect(scrollTopToReveal(5, 0, 600, 60)).toBeNull()
    expect(scrollTopToReveal(10, 0, 600, 60)).toBe(60)
    expect(scrollTopToReveal(2, 600, 600, 60)).toBe(120)
  })
})

describe('VirtualList', () => {
  let mounted: Mounted | null = null
  afterEach(() => { mounted?.unmount(); mounted = null })

  it('mounts only the rows in view for 100,000 items, and the rows follow the scroll', () => {
    mounted = mount(<VirtualList count={100_000} rowHeight={50} initialHeight={500} overscan={2} renderRow={(i) => <span className="row">Row {i}</span>} />)
    const rows = () => [...mounted!.container.querySelectorAll('.row')].map((r) => r.textContent)
    expect(rows()).toHaveLength(13) // 10 visible + 1 partial + 2 overscan
    expect(rows()[0]).toBe('Row 0')
    const viewport = mounted.container.querySelector('[data-testid="virtual-list"]') as HTMLDivElement
    expect((viewport.firstElementChild as HTMLElement).style.height).toBe(`${100_000 * 50}px`)
    act(() => {
      viewport.scrollTop = 50 * 70_000
      viewport.dispatchEvent(new Event('scroll'))
    })
    expect(rows()[0]).toBe('Row 69998')
    expect(rows()).toContain('Row 70005')
    expect(rows()).not.toContain('Row 0')
  })

  it('reports the rendered range so pages can be loaded, and reveals the active row', () => {
    const ranges: Array<[number, number]> = []
    const onRange = (r: { start: number; end: number }) => ranges.push([r.start, r.end])
    mounted = mount(<VirtualList count={1000} rowHeight={50} initialHeight={500} overscan={0} activeIndex={0} onRangeChange={onRange} renderRow={(i) => <span className="row">{i}</span>} />)
    expect(ranges.at(-1)).toEqual([0, 11])
    act(() => mounted!.root.render(<VirtualList count={1000} rowHeight={50} initialHeight={500} overscan={0} activeIndex={400} onRangeChange={onRange} renderRow={(i) => <span className="row">{i}</span>} />))
    const viewport = mounted.container.querySelector('[data-testid="virtual-list"]') as HTMLDivElement
    expect(viewport.scrollTop).toBe(401 * 50 - 500)
    expect([...mounted.container.querySelectorAll('.row')].map((r) => r.textContent)).toContain('400')
    expect(ranges.at(-1)?.[0]).toBeGreaterThan(380)
  })
})
