import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { CliIo } from '../../../src/cli/output.ts'
import { PromptCancelled, promptSecret } from '../../../src/cli/prompt.ts'

function fakeTerminal() {
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    rawModes: [] as boolean[],
    setRawMode(mode: boolean) {
      this.rawModes.push(mode)
    },
    resume() {},
    pause() {},
  })
  const written: string[] = []
  const io: CliIo = {
    stdin,
    stdout: { isTTY: true, write: () => true },
    stderr: { isTTY: true, write: (s: string) => written.push(s) },
    env: {},
    signal: new AbortController().signal,
  }
  return { io, stdin, written }
}

describe('promptSecret', () => {
  it('reads a line without echoing it: one * per character, Backspace edits, raw mode restored', async () => {
    const { io, stdin, written } = fakeTerminal()
    const answer = promptSecret(io, 'Password: ')
    stdin.emit('data', Buffer.from('s3cr'))
    stdin.emit('data', Buffer.from('X\u007f'))
    stdin.emit('data', Buffer.from('et\x1b[A\r'))
    await expect(answer).resolves.toBe('s3cret')
    const screen = written.join('')
    expect(screen).not.toMatch(/s3c|ret/)
    expect(screen.startsWith('Password: ****')).toBe(true)
    expect(stdin.rawModes).toEqual([true, false])
    expect(stdin.listenerCount('data')).toBe(0)
  })

  it('Ctrl+C cancels', async () => {
    const { io, stdin } = fakeTerminal()
    const answer = promptSecret(io, 'Token: ')
    stdin.emit('data', 'ab\u0003')
    await expect(answer).rejects.toBeInstanceOf(PromptCancelled)
    expect(stdin.rawModes).toEqual([true, false])
  })
})
