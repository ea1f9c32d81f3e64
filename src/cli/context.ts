// Where a command finds its library: the data dir (flag or the desktop app's folder) and the workspace
// (flag, $MODE_WORKSPACE, or the only library in the data dir). Read-only commands never create a library.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { AppFailure } from '../shared/errors.ts'
import { defaultDataDir, libraryPath, openLibrary } from '../main/library/index.ts'
import type { Library } from '../main/library/index.ts'
import { stringFlag, type ParsedCommand } from './args.ts'
import type { CliIo } from './output.ts'

export function resolveDataDir(parsed: ParsedCommand, io: CliIo): string {
  return stringFlag(parsed, 'data-dir') ?? defaultDataDir(io.env)
}

/** Workspaces that have a library in the data dir, by file name. */
export function librariesIn(dataDir: string): string[] {
  const folder = join(dataDir, 'libraries')
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => f.slice(0, -'.sqlite'.length))
    .sort()
}

export function resolveWorkspace(parsed: ParsedCommand, io: CliIo, dataDir: string): string {
  const named = stringFlag(parsed, 'workspace') ?? (io.env.MODE_WORKSPACE?.trim() || undefined)
  if (named) return named
  const found = librariesIn(dataDir)
  if (found.length === 1) return found[0]!
  if (found.length === 0) {
    throw new AppFailure('not_connected', `No library in ${dataDir}.`, 'Name the workspace with --workspace NAME (or $MODE_WORKSPACE) and run "mode-companion sync".')
  }
  throw new AppFailure('invalid_input', `Several libraries in ${dataDir} (${found.join(', ')}).`, 'Choose one with --workspace NAME.')
}

/** Opens a library that a sync already created; a missing one is a clear error, not an empty new file. */
export function openExistingLibrary(parsed: ParsedCommand, io: CliIo): Library {
  const dataDir = resolveDataDir(parsed, io)
  const workspace = resolveWorkspace(parsed, io, dataDir)
  if (!existsSync(libraryPath(dataDir, workspace))) {
    throw new AppFailure('not_connected', `No library for workspace "${workspace}" in ${dataDir}.`, 'Run "mode-companion sync" first.')
  }
  return openLibrary({ dataDir, workspace })
}

/** The CLI's words for a library whose damaged file was moved aside (see library/damage.ts). */
export function damagedCopyNotice(copy: { folder: string; movedAt: string }, rebuilt: boolean): string {
  const rebuild = rebuilt ? 'it is rebuilt by this full sync' : 'the next sync rebuilds it in full ("mode-companion sync")'
  return `The library file was damaged. It was moved aside, unchanged, to ${copy.folder} and ${rebuild}.`
}
