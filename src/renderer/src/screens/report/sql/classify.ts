// What each word of a query is, as the SQL view highlights it: the dialect's lang-sql parser (the one the editor
// runs) with Liquid spans taking precedence. Pure, so tests check tokenisation without a DOM.
import type { QueryDialect } from './dialects.ts'
import { liquidRanges } from './liquid.ts'

export type SqlTokenKind = 'Keyword' | 'Builtin' | 'Type' | 'Identifier' | 'QuotedIdentifier' | 'String' | 'Number'
  | 'LineComment' | 'BlockComment' | 'Bool' | 'Null' | 'Operator' | 'Punctuation' | 'SpecialVar' | 'Liquid' | 'Other'

export interface SqlToken {
  from: number
  to: number
  kind: SqlTokenKind
  text: string
}

const KINDS = new Set<string>(['Keyword', 'Builtin', 'Type', 'Identifier', 'QuotedIdentifier', 'String', 'Number',
  'LineComment', 'BlockComment', 'Bool', 'Null', 'Operator', 'Punctuation', 'SpecialVar'])

export function classifySql(sql: string, dialect: QueryDialect): SqlToken[] {
  const liquid = liquidRanges(sql)
  const tokens: SqlToken[] = liquid.map((r) => ({ from: r.from, to: r.to, kind: 'Liquid' as const, text: sql.slice(r.from, r.to) }))
  const inLiquid = (from: number): boolean => liquid.some((r) => from >= r.from && from < r.to)
  const tree = dialect.sql.language.parser.parse(sql)
  tree.iterate({
    enter(node) {
      if (node.node.firstChild) return true
      if (node.to <= node.from || inLiquid(node.from)) return false
      const kind = KINDS.has(node.name) ? (node.name as SqlTokenKind) : 'Other'
      tokens.push({ from: node.from, to: node.to, kind, text: sql.slice(node.from, node.to) })
      return false
    },
  })
  return tokens.sort((a, b) => a.from - b.from)
}
