// Blanks credentials out of text that came from a server or a proxy (error bodies, redirect targets) before it
// becomes part of an error message, which is logged and printed. A server may echo a secret as sent, inside the
// Basic header, URL-encoded (a query string) or only in part (a truncated "token abc123…"), so every run of at
// least PARTIAL_RUN characters taken from any of those forms is removed.

const PARTIAL_RUN = 6
/** Server text is cut to this before the search, which is O(secret length × text length). */
const MAX_SCANNED = 4_096
const MARK = '[redacted]'

export type Redactor = (text: string) => string

export function createRedactor(secrets: string[]): Redactor {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (secret.length < 4) continue
    const encoded = encodeURIComponent(secret)
    for (const form of [secret, encoded, encoded.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()), encoded.replace(/%20/g, '+')]) forms.add(form)
  }
  const list = [...forms]
  return (input: string): string => {
    const text = input.length > MAX_SCANNED ? input.slice(0, MAX_SCANNED) : input
    const hidden = new Uint8Array(text.length)
    for (const form of list) {
      const run = Math.min(PARTIAL_RUN, form.length)
      for (let start = 0; start + run <= form.length; start++) {
        const piece = form.slice(start, start + run)
        for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) hidden.fill(1, at, at + run)
      }
    }
    let out = ''
    for (let i = 0; i < text.length; i++) {
      if (hidden[i] === 0) out += text[i]
      else if (i === 0 || hidden[i - 1] === 0) out += MARK
    }
    return out
  }
}
