// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { MARK_END, MARK_START } from '../../../../src/shared/model.ts'
import { snippetParts } from '../../../../src/renderer/src/screens/library/snippet-parts.ts'
import { SnippetText } from '../../../../src/renderer/src/screens/library/SnippetText.tsx'
import { mount, type Mounted } from './render.ts'

const m = (s: string) => `${MARK_START}${s}${MARK_END}`

describe('snippets', () => {
  let mounted: Mounted | null = null
  afterEach(() => { mounted?.unmount(); mounted = null })

  it('splits marked and plain text', () => {
    expect(snippetParts(`…net ${m('revenue')} ${m('retention')} by month`)).toEqual([
      { text: '…net ', marked: false },
      { text: 'revenue', marked: true },
      { text: ' ', marked: false },
      { text: 'retention', marked: true },
      { text: ' by month', marked: false },
    ])
    // An unterminated mark runs to the end instead of failing.
    expect(snippetParts(`a ${MARK_START}b`)).toEqual([{ text: 'a ', marked: false }, { text: 'b', marked: true }])
  })

  it('renders matches as <mark> and report text as text only', () => {
    mounted = mount(<SnippetText text={`select ${m('fct_orders')} from x where y = '<script>alert(1)</script>'`} />)
    const marks = [...mounted.container.querySelectorAll('mark')].map((e) => e.textContent)
    expect(marks).toEqual(['fct_orders'])
    expect(mounted.container.querySelector('script')).toBeNull()
    expect(mounted.container.textContent).toBe("select fct_orders from x where y = '<script>alert(1)</script>'")
  })
})
