import { snippetParts } from './snippet-parts.ts'

/** A search snippet with the matched terms highlighted. Text nodes only: safe for any report content. */
export function SnippetText({ text }: { text: string }) {
  return (
    <>
      {snippetParts(text).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  )
}
