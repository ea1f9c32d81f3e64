// Mode report parameters: `{% form %} … {% endform %}` blocks in a query's SQL, written in a small YAML dialect:
//
//   {% form %}
//   region:
//     type: select
//     default: EMEA
//     options: [EMEA, AMER, APAC]      (or one `- value` per line below `options:`)
//   {% endform %}
//
// Parsed without a YAML library (the dialect is tiny and the input untrusted). Options built by Liquid loops or
// `labels`/`values` maps are kept as "dynamic" rather than guessed. Pure: used by main and the renderer.

export interface FormParameter {
  name: string
  /** Mode's `type` (text, number, date, select…), with `input_type: multiselect` reported as `multiselect`. */
  type: string
  default: string | null
  options: string[]
  /** Options come from SQL or Liquid and cannot be listed offline. */
  dynamicOptions: boolean
  description: string | null
}

export interface FormBlock {
  /** Offsets into the SQL: the block from `{%` of `form` to the end of `endform %}`. */
  start: number
  end: number
}

const BLOCK = /\{%-?\s*form\s*-?%\}([\s\S]*?)\{%-?\s*endform\s*-?%\}/g
const MAX_PARAMETERS = 100

export function findFormBlocks(sql: string): FormBlock[] {
  const out: FormBlock[] = []
  for (const m of sql.matchAll(BLOCK)) out.push({ start: m.index, end: m.index + m[0].length })
  return out
}

export function parseFormParameters(sql: string): FormParameter[] {
  const out: FormParameter[] = []
  for (const m of sql.matchAll(BLOCK)) {
    for (const p of parseFormBody(m[1] ?? '')) if (out.length < MAX_PARAMETERS && !out.some((o) => o.name === p.name)) out.push(p)
  }
  return out
}

function unquote(value: string): string {
  const v = value.trim()
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1)
  return v
}

function inlineList(value: string): string[] | null {
  const v = value.trim()
  if (!v.startsWith('[') || !v.endsWith(']')) return null
  return v.slice(1, -1).split(',').map(unquote).filter((o) => o !== '')
}

function parseFormBody(body: string): FormParameter[] {
  const params: FormParameter[] = []
  let current: (FormParameter & { inputType?: string }) | null = null
  let inOptions = false
  const finish = (): void => {
    if (!current) return
    if (current.inputType === 'multiselect') current.type = 'multiselect'
    delete current.inputType
    params.push(current)
    current = null
  }
  for (const rawLine of body.split(/\r?\n/)) {
    const line = rawLine.replace(/\s+#.*$/, '')
    if (line.trim() === '') continue
    const indent = line.length - line.trimStart().length
    const text = line.trim()
    if (indent === 0) {
      const m = /^([A-Za-z_][\w-]*)\s*:\s*$/.exec(text)
      finish()
      inOptions = false
      if (m) current = { name: m[1]!, type: 'text', default: null, options: [], dynamicOptions: false, description: null }
      continue
    }
    if (!current) continue
    if (inOptions && text.startsWith('- ')) {
      current.options.push(unquote(text.slice(2)))
      continue
    }
    const kv = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(text)
    if (!kv) {
      if (inOptions) current.dynamicOptions = true
      continue
    }
    const key = kv[1]!
    const value = kv[2]!
    inOptions = false
    if (key === 'type') current.type = unquote(value) || 'text'
    else if (key === 'input_type') current.inputType = unquote(value)
    else if (key === 'default') current.default = value.trim() === '' ? null : unquote(value)
    else if (key === 'description' || key === 'label') current.description ??= unquote(value) || null
    else if (key === 'options') {
      const list = inlineList(value)
      if (list) current.options = list
      else if (value.trim() === '') inOptions = true
      else current.dynamicOptions = true
    } else if (key === 'labels' || key === 'values') current.dynamicOptions = true
  }
  finish()
  return params
}
