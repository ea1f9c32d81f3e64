// Asking for a secret on a terminal without echoing it: raw mode, one character at a time, a `*` per
// character typed, Backspace edits, Enter ends, Ctrl+C aborts. Nothing typed is kept beyond the returned string.
import type { CliIo } from './output.ts'

export class PromptCancelled extends Error {
  readonly code = 'cancelled'
  readonly userMessage = 'Nothing was synced: the prompt was cancelled.'
  constructor() {
    super('Cancelled.')
    this.name = 'PromptCancelled'
  }
}

export function canPrompt(io: CliIo): boolean {
  return io.stdin.isTTY === true && typeof io.stdin.setRawMode === 'function' && io.stderr.isTTY === true
}

/** Reads one line from a TTY with echo off. The question goes to stderr so stdout stays clean for --json. */
export function promptSecret(io: CliIo, question: string): Promise<string> {
  const { stdin, stderr } = io
  return new Promise((resolve, reject) => {
    let value = ''
    stderr.write(question)
    stdin.setRawMode?.(true)
    stdin.resume()
    const done = (error: Error | null) => {
      stdin.removeListener('data', onData)
      stdin.setRawMode?.(false)
      stdin.pause()
      stderr.write('\n')
      if (error) reject(error)
      else resolve(value)
    }
    const onData = (chunk: Buffer | string) => {
      // Arrow and function keys arrive as escape sequences: drop them whole rather than typing their tail.
      // eslint-disable-next-line no-control-regex
      for (const ch of chunk.toString('utf8').replace(/\x1b(\[[0-9;]*[A-Za-z~]|O.)?/g, '')) {
        if (ch === '\r' || ch === '\n') return done(null)
        if (ch === '\u0003' || ch === '\u0004') return done(new PromptCancelled()) // Ctrl+C, Ctrl+D
        if (ch === '\u007f' || ch === '\b') {
          if (value.length > 0) {
            value = [...value].slice(0, -1).join('')
            stderr.write('\b \b')
          }
          continue
        }
        if (ch < ' ') continue // other control characters (arrows arrive as ESC sequences) are ignored
        value += ch
        stderr.write('*')
      }
    }
    stdin.on('data', onData)
  })
}
