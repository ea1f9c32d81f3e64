// Everything the CLI prints passes through here: Mode's names, SQL snippets and error text are server data,
// and a terminal obeys escape sequences inside them — OSC 52 writes the clipboard, OSC 8 fakes a link, CSI
// clears the screen or moves the cursor, a bare \r overwrites the line, bidi overrides reorder what is shown.
// Only the sequences the CLI itself emits survive: colour/weight changes (SGR, of the codes output.ts uses)
// and the progress line's "\r ESC[2K".
import type { OutStream } from './output.ts'

// Our own SGR codes (output.ts): bold 1/22, dim 2/22, colours 31/32/33/36 and reset 39. Kept only on a stream
// we style at all: without colour (a pipe, NO_COLOR) no escape sequence is printed.
const OUR_SGR = /^(1|2|22|31|32|33|36|39)$/
// Terminal strings (OSC, DCS, SOS, PM, APC) end at BEL or ST; a missing end swallows the rest of the chunk.
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const ESCAPE = /\x1b(?:\[([0-?]*)([ -/]*)([@-~])|[\]PX^_][\s\S]*?(?:\x07|\x1b\\|$)|[ -/]*[0-~]?)|\x9b[0-?]*[ -/]*[@-~]?|[\x9d\x90\x98\x9e\x9f][\s\S]*?(?:\x07|\x9c|$)/g
// C0 controls but \t and \n, DEL, C1 controls, and the invisible bidi/zero-width formatting characters.
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g
const PROGRESS_START = '\r\x1b[2K'

function isOurs(params: string | undefined, intermediates: string | undefined, final: string | undefined): boolean {
  return final === 'm' && !intermediates && (params ?? '').split(';').every((p) => OUR_SGR.test(p))
}

function clean(part: string, keepStyles: boolean): string {
  let out = ''
  let last = 0
  for (const match of part.matchAll(ESCAPE)) {
    out += part.slice(last, match.index).replace(CONTROL, '')
    if (keepStyles && isOurs(match[1], match[2], match[3])) out += match[0]
    last = match.index + match[0].length
  }
  return out + part.slice(last).replace(CONTROL, '')
}

/** Text safe to write to a terminal: foreign escape sequences and control characters removed. */
export function terminalSafe(text: string, keepStyles = true, keepRedraw = keepStyles): string {
  return text.split(PROGRESS_START).map((part) => clean(part, keepStyles)).join(keepRedraw ? PROGRESS_START : '\n')
}

/** JSON output keeps every character of the data, but as \u escapes a terminal shows and does not obey. */
export function jsonTerminalSafe(json: string): string {
  return json.replace(/[\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** The stream with every write made terminal-safe; isTTY and columns read through. */
export function terminalSafeStream(stream: OutStream, keepStyles: boolean): OutStream {
  return {
    // The progress line redraws itself only on a terminal (progress.ts), with or without colour.
    write: (chunk: string) => stream.write(terminalSafe(String(chunk), keepStyles, stream.isTTY === true)),
    get isTTY() { return stream.isTTY },
    get columns() { return stream.columns },
  }
}
