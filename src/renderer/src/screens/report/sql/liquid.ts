// Mode's Liquid templating inside SQL: `{{ … }}` outputs, `{% … %}` tags, and the `{% form %} … {% endform %}` block
// that declares the report's parameters (parsed by shared/form-parameters.ts). The SQL view marks all of it as
// template and folds form blocks; the formatter carries it through untouched.

export interface LiquidRange {
  from: number
  to: number
  /** A whole `{% form %}` block (its YAML is template too, not SQL). */
  form: boolean
}

const FORM_OPEN = /\{%-?\s*form\s*-?%\}/g
const FORM_CLOSE = /\{%-?\s*endform\s*-?%\}/g

/** Every Liquid span, in order and not overlapping; an unclosed one runs to the end of the text. */
export function liquidRanges(sql: string): LiquidRange[] {
  const ranges: LiquidRange[] = []
  let i = 0
  // Bounded: every step moves `i` forward by at least two characters.
  while (i < sql.length) {
    const open = sql.indexOf('{', i)
    if (open < 0 || open + 1 >= sql.length) break
    const kind = sql[open + 1]
    if (kind !== '{' && kind !== '%') { i = open + 1; continue }
    FORM_OPEN.lastIndex = open
    const form = kind === '%' ? FORM_OPEN.exec(sql) : null
    if (form && form.index === open) {
      FORM_CLOSE.lastIndex = open + form[0].length
      const close = FORM_CLOSE.exec(sql)
      const to = close ? close.index + close[0].length : sql.length
      ranges.push({ from: open, to, form: true })
      i = to
      continue
    }
    const end = sql.indexOf(kind === '{' ? '}}' : '%}', open + 2)
    const to = end < 0 ? sql.length : end + 2
    ranges.push({ from: open, to, form: false })
    i = to
  }
  return ranges
}
