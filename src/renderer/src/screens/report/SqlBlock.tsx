// One query's SQL, syntax-highlighted from tokens (text nodes only, never HTML), with a copy button.
import { useMemo, useState, useEffect } from 'react'
import { tokenizeSql } from './sql-tokens.ts'

export function SqlCode({ sql }: { sql: string }) {
  const tokens = useMemo(() => tokenizeSql(sql), [sql])
  return (
    <pre className="sql-code" tabIndex={0} aria-label="SQL">
      <code>
        {tokens.map((t, i) =>
          t.type === 'text' || t.type === 'identifier' || t.type === 'operator' ? t.text : <span key={i} className={`sql-${t.type}`}>{t.text}</span>,
        )}
      </code>
    </pre>
  )
}

export function CopyButton({ text, label = 'Copy SQL' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const t = setTimeout(() => setState('idle'), 1800)
    return () => clearTimeout(t)
  }, [state])
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return (
    <button type="button" className="btn btn-sm" onClick={() => void copy()} aria-live="polite">
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </button>
  )
}
