// Terminal output: the streams a command writes to, styling that only happens on a terminal (and never with
// NO_COLOR), snippet marks rendered as bold or «», and small formatters for counts, dates and durations.
import { MARK_END, MARK_START } from '../shared/model.ts'
import { jsonTerminalSafe } from './terminal-safe.ts'

export interface OutStream {
  write(chunk: string): unknown
  isTTY?: boolean
  columns?: number
}

export interface InStream {
  isTTY?: boolean
  setRawMode?: (mode: boolean) => unknown
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown
  removeListener(event: 'data', listener: (chunk: Buffer | string) => void): unknown
  resume(): unknown
  pause(): unknown
}

/** Everything a command touches outside itself, so commands can be run in-process by tests. */
export interface CliIo {
  stdout: OutStream
  stderr: OutStream
  stdin: InStream
  env: NodeJS.ProcessEnv
  /** Aborted on Ctrl+C. */
  signal: AbortSignal
}

export interface Style {
  bold(s: string): string
  dim(s: string): string
  green(s: string): string
  yellow(s: string): string
  red(s: string): string
  cyan(s: string): string
  /** True when writing to a terminal (progress bars, bold marks). */
  tty: boolean
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`

export function styleFor(stream: OutStream, env: NodeJS.ProcessEnv): Style {
  const tty = stream.isTTY === true
  const color = (tty && !env.NO_COLOR && env.TERM !== 'dumb') || (!!env.FORCE_COLOR && env.FORCE_COLOR !== '0')
  const id = (s: string) => s
  return {
    tty,
    bold: color ? wrap(1, 22) : id,
    dim: color ? wrap(2, 22) : id,
    green: color ? wrap(32, 39) : id,
    yellow: color ? wrap(33, 39) : id,
    red: color ? wrap(31, 39) : id,
    cyan: color ? wrap(36, 39) : id,
  }
}

/** Snippet text with its match marks shown: bold where styling is on, «» otherwise (and always in JSON). */
export function renderMarks(text: string, style: Style | null): string {
  const bold = style && style.bold('x') !== 'x' ? style.bold : null
  return text.replace(new RegExp(`${MARK_START}([\\s\\S]*?)${MARK_END}`, 'g'), (_m, inner: string) => (bold ? bold(inner) : `«${inner}»`)).replaceAll(MARK_START, '').replaceAll(MARK_END, '')
}

/** One line: whitespace runs (SQL newlines, indentation) collapsed to single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Text from Mode on one terminal line: control characters (escape sequences included) become spaces. */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return oneLine(text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' '))
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g
export function visibleLength(s: string): number {
  return [...s.replace(ANSI, '')].length
}

/** Pads to a visible width, ignoring escape codes. */
export function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - visibleLength(s)))
}

/** Cuts plain text to at most `max` characters, ending with … when cut. */
export function truncate(s: string, max: number): string {
  const chars = [...s]
  return chars.length <= max ? s : chars.slice(0, Math.max(0, max - 1)).join('') + '…'
}

/** Left-aligned columns; the last column is free-width. Rows are arrays of already-styled cells. */
export function columns(rows: string[][], gap = 2): string[] {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => { if (i < row.length - 1) widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell)) })
  return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? pad(cell, widths[i] ?? 0) : cell)).join(' '.repeat(gap)).trimEnd())
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`
  const s = ms / 1000
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`
  const m = Math.floor(s / 60)
  const rest = Math.round(s - m * 60)
  if (m < 60) return `${m} min ${rest} s`
  return `${Math.floor(m / 60)} h ${m % 60} min`
}

export function formatCount(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}

/** `2025-03-14` from an ISO date; an em dash when unknown. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return '—'
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** `2025-03-14 03:00` in local time. */
export function formatLocalTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return '—'
  return `${formatDay(iso)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(jsonTerminalSafe(JSON.stringify(value, null, 2)) + '\n')
}

/** The line for items Mode listed but sent unreadable: how many, never what they held (that is server data). */
export function skippedItemsText(count: number): string {
  return `${formatCount(count, 'item')} Mode listed could not be read and ${count === 1 ? 'was' : 'were'} left out`
}
