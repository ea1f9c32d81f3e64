// @vitest-environment jsdom
// The SQL view renders the query as text in CodeMirror: highlighted by its dialect, Liquid marked, never as markup.
import { afterEach, describe, expect, it } from 'vitest'
import { SqlView } from '../../../../src/renderer/src/screens/report/sql/SqlView.tsx'
import { dialectByKey } from '../../../../src/renderer/src/screens/report/sql/dialects.ts'
import { mount, type Mounted } from '../library/render.ts'

describe('SqlView', () => {
  let mounted: Mounted | null = null
  afterEach(() => { mounted?.unmount(); mounted = null })
  const lines = (root: HTMLElement) => [...root.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n')

  it('renders highlighted tokens as text, never as markup', () => {
    const sql = "select '<img src=x onerror=alert(1)>' as html -- <b>bold</b>\nFROM t"
    mounted = mount(<SqlView text={sql} dialect={dialectByKey('postgres')} wrap={false} label="SQL" />)
    const root = mounted.container
    expect(lines(root)).toBe(sql)
    expect(root.querySelector('.cm-content img, .cm-content b')).toBeNull()
    expect(root.querySelector('.sql-keyword')?.textContent).toBe('select')
    expect(root.querySelector('.sql-string')?.textContent).toBe("'<img src=x onerror=alert(1)>'")
    expect(root.querySelector('.sql-comment')?.textContent).toBe('-- <b>bold</b>')
    expect(root.querySelector('.cm-content')?.getAttribute('aria-readonly')).toBe('true')
    expect(root.querySelectorAll('.cm-lineNumbers .cm-gutterElement').length).toBeGreaterThanOrEqual(2)
  })

  it('highlights the dialect\'s functions and marks Liquid as template', () => {
    const sql = "SELECT DATE_SUB(CURRENT_DATE(), INTERVAL 7 DAY), COUNTIF(ok) FROM t WHERE d >= '{{ start_date }}' {% if x %}AND 1 = 1{% endif %}"
    mounted = mount(<SqlView text={sql} dialect={dialectByKey('bigquery')} wrap label="SQL" />)
    const functions = [...mounted.container.querySelectorAll('.sql-function')].map((e) => e.textContent)
    expect(functions).toEqual(['DATE_SUB', 'COUNTIF'])
    const liquid = [...mounted.container.querySelectorAll('.sql-liquid')].map((e) => e.textContent).join('|')
    expect(liquid).toContain('{{ start_date }}')
    expect(liquid).toContain('{% if x %}')
    expect(mounted.container.querySelector('.cm-lineWrapping')).not.toBeNull()
  })

  it('draws find matches and marks the current one', () => {
    const sql = 'select a, b, a from t'
    mounted = mount(<SqlView text={sql} dialect={dialectByKey('standard')} wrap={false} label="SQL"
      marks={{ ranges: [{ from: 7, to: 8 }, { from: 13, to: 14 }], current: 1 }} />)
    const found = [...mounted.container.querySelectorAll('.find-match')]
    expect(found.map((e) => e.textContent)).toEqual(['a', 'a'])
    expect(found.map((e) => e.classList.contains('find-current'))).toEqual([false, true])
  })
})

describe('SQL folding', () => {
  it('folds multi-line parentheses (CTE bodies, sub-queries) and form blocks, line by line', async () => {
    const { EditorState } = await import('@codemirror/state')
    const { foldable, ensureSyntaxTree } = await import('@codemirror/language')
    const { sqlEditorExtensions } = await import('../../../../src/renderer/src/screens/report/sql/sql-editor.ts')
    const doc = "WITH cohorts AS (\n  SELECT 1\n),\nactivity AS (\n  SELECT 2\n)\nSELECT * FROM x\n{% form %}\nregion:\n  type: text\n{% endform %}"
    const state = EditorState.create({ doc, extensions: sqlEditorExtensions(dialectByKey('bigquery'), { wrap: false, label: 'SQL' }) })
    ensureSyntaxTree(state, doc.length, 1000)
    const fold = (n: number) => { const l = state.doc.line(n); const r = foldable(state, l.from, l.to); return r && state.doc.sliceString(r.from, r.to) }
    expect(fold(1)).toBe('\n  SELECT 1\n')
    expect(fold(4)).toBe('\n  SELECT 2\n')
    expect(fold(8)).toBe('\nregion:\n  type: text\n{% endform %}')
  })
})
