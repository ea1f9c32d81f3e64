// Writes a workspace's SQL as a folder an analyst can keep under git: one folder per collection, one `.sql`
// file per query headed by a comment naming its report, query and web link, and `manifest.json` with report
// metadata; with `--results`, each query's cached last results as a `.csv` beside its `.sql`. Runs are idempotent: unchanged files are not rewritten, order and content are stable, and files
// that an earlier export wrote for reports that no longer exist are removed — nothing else ever is. Folders it
// creates are 0700 and files it creates 0600, like the library the SQL comes from; a folder the user made keeps
// the mode the user gave it.
import { mkdir, readFile, rmdir, unlink, writeFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { csvText } from '../../shared/csv-text.ts'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../main/library/file-modes.ts'
import { collisionKey, safeName, uniqueNames } from './file-names.ts'

export interface ExportQuery {
  token: string
  name: string | null
  sql: string
  dataSource: string | null
  /** The query's cached last results (export --results), as text cells; absent when not asked for or none kept. */
  results?: { columns: string[]; rows: string[][]; totalRows: number } | null
}

export interface ExportReport {
  token: string
  name: string
  description: string | null
  /** `folder`: the name to give its folder when it should differ from `name` (personal collections). */
  collection: { token: string; name: string; folder?: string } | null
  author: string | null
  createdAt: string | null
  updatedAt: string | null
  archived: boolean
  webUrl: string | null
  /** False while the sync has listed the report but not yet fetched its SQL. */
  queriesSynced: boolean
  queries: ExportQuery[]
}

export interface ExportResult {
  dir: string
  reports: number
  files: number
  written: number
  unchanged: number
  removed: number
}

export const MANIFEST_FILE = 'manifest.json'
const GENERATOR = 'mode-companion'
const NO_COLLECTION = { token: '', name: 'No collection' }

export class ExportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExportError'
  }
}

interface PlannedFile {
  path: string // relative, forward slashes
  content: string
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The header comment of a query's file. `--` comments work in every SQL dialect Mode supports. */
export function sqlFileContent(report: ExportReport, query: ExportQuery, collectionName: string): string {
  const clean = (s: string) => s.replace(/[\r\n]+/g, ' ').trim()
  const lines = [
    `-- Report:     ${clean(report.name)}${report.archived ? ' (archived)' : ''}`,
    `-- Query:      ${clean(query.name ?? 'Untitled query')}`,
    `-- Collection: ${clean(collectionName)}`,
  ]
  if (query.dataSource) lines.push(`-- Source:     ${clean(query.dataSource)}`)
  if (report.webUrl) lines.push(`-- Link:       ${report.webUrl}`)
  const sql = query.sql.replace(/\r\n?/g, '\n').replace(/\s+$/, '')
  return `${lines.join('\n')}\n\n${sql}\n`
}

/** A collection's folder: a safe name that can never be the export's own manifest at the root. */
function folderName(name: string): string {
  const folder = safeName(name, 'Untitled collection')
  return collisionKey(folder) === MANIFEST_FILE ? `_${folder}` : folder
}

/**
 * The absolute path of an export-relative path, refused (ExportError) unless it stays strictly inside the
 * export folder: the last line of defence should a name ever slip past the sanitiser.
 */
export function insideExport(root: string, rel: string): string {
  const base = resolve(root)
  const parts = rel.split('/')
  const path = resolve(base, ...parts)
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\')) || !path.startsWith(base + sep)) {
    throw new ExportError(`Refused to write ${JSON.stringify(rel)}: it would land outside the export folder.`)
  }
  return path
}

/** Decides every path and file content, and the manifest, without touching the disk. */
export function planExport(workspace: string, reports: ExportReport[]): { files: PlannedFile[]; manifest: unknown } {
  const collections = new Map<string, { token: string; name: string; folder?: string }>()
  for (const r of reports) {
    const c = r.collection ?? NO_COLLECTION
    collections.set(c.token, c)
  }
  const folderOf = uniqueNames([...collections.values()], (c) => folderName(c.folder ?? c.name), (c) => c.token || 'none')
  const folders = new Map<string, string>([...folderOf].map(([c, name]) => [c.token, name]))

  const files: PlannedFile[] = []
  const used = new Set<string>()
  const entries: unknown[] = []
  const inFolder = new Map<string, ExportReport[]>()
  for (const r of reports) {
    const key = (r.collection ?? NO_COLLECTION).token
    const list = inFolder.get(key)
    if (list) list.push(r)
    else inFolder.set(key, [r])
  }
  const sortedFolders = [...inFolder.keys()].sort((a, b) => byText(collisionKey(folders.get(a)!), collisionKey(folders.get(b)!)) || byText(a, b))
  for (const folderToken of sortedFolders) {
    const folder = folders.get(folderToken)!
    const collection = collections.get(folderToken)!
    const list = inFolder.get(folderToken)!
    const reportNames = uniqueNames(list, (r) => safeName(r.name, 'Untitled report', 60), (r) => r.token, 60)
    list.sort((a, b) => byText(collisionKey(reportNames.get(a)!), collisionKey(reportNames.get(b)!)) || byText(a.token, b.token))
    for (const report of list) {
      const queryNames = uniqueNames(report.queries, (q) => safeName(q.name, 'Untitled query', 60), (q) => q.token, 60)
      const queryEntries = report.queries.map((query) => {
        let path = `${folder}/${reportNames.get(report)!} - ${queryNames.get(query)!}.sql`
        // Two different name pairs can still join into the same text ("A - B" + "C" vs "A" + "B - C").
        // The token is server data like any name: it goes through the sanitiser too.
        if (used.has(collisionKey(path))) path = path.replace(/\.sql$/, ` [${safeName(report.token, 'x', 40)}].sql`)
        used.add(collisionKey(path))
        files.push({ path, content: sqlFileContent(report, query, collection.name) })
        const entry = { token: query.token, name: query.name, dataSource: query.dataSource, file: path }
        if (!query.results) return entry
        // Beside its .sql under the same (already unique) name, so the pair sorts together in a file list.
        const resultsPath = path.replace(/\.sql$/, '.csv')
        files.push({ path: resultsPath, content: csvText(query.results.columns, query.results.rows) })
        return { ...entry, results: { file: resultsPath, rows: query.results.rows.length, totalRows: query.results.totalRows } }
      })
      entries.push({
        token: report.token,
        name: report.name,
        description: report.description,
        collection: report.collection ? { token: report.collection.token, name: report.collection.name } : null,
        author: report.author,
        createdAt: report.createdAt,
        updatedAt: report.updatedAt,
        archived: report.archived,
        webUrl: report.webUrl,
        sqlSynced: report.queriesSynced,
        queries: queryEntries,
      })
    }
  }
  const manifest = {
    generator: GENERATOR,
    format: 1,
    workspace,
    reports: entries,
    files: files.map((f) => f.path),
  }
  return { files, manifest }
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** Files listed by an earlier export's manifest; an unrelated manifest.json makes the folder off-limits. */
async function previousFiles(dir: string): Promise<string[]> {
  const text = await readText(join(dir, MANIFEST_FILE))
  if (text === null) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = null
  }
  const m = parsed as { generator?: unknown; files?: unknown } | null
  if (!m || m.generator !== GENERATOR || !Array.isArray(m.files)) {
    throw new ExportError(`${join(dir, MANIFEST_FILE)} was not written by Mode Companion; choose an empty folder or an earlier export folder.`)
  }
  // Only plain relative paths: a tampered manifest must not make us delete outside the folder.
  return m.files.filter((f): f is string => typeof f === 'string' && !f.startsWith('/') && !f.split('/').some((part) => part === '..' || part === '') && !f.includes('\\'))
}

export async function writeExport(dir: string, workspace: string, reports: ExportReport[]): Promise<ExportResult> {
  const { files, manifest } = planExport(workspace, reports)
  // Every path is checked before anything is touched, so a refused export leaves the folder as it was.
  const targets = files.map((file) => ({ path: insideExport(dir, file.path), content: file.content }))
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  const before = await previousFiles(dir)
  const now = new Set(files.map((f) => f.path))
  let removed = 0
  // Removals first: on a case-insensitive disk a report renamed "Revenue" → "revenue" is the same file.
  for (const rel of before) {
    if (now.has(rel)) continue
    try {
      await unlink(insideExport(dir, rel))
      removed++
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    await removeEmptyParents(resolve(dir), dirname(insideExport(dir, rel)))
  }
  let written = 0
  let unchanged = 0
  for (const file of targets) {
    const path = file.path
    if ((await readText(path)) === file.content) {
      unchanged++
      continue
    }
    await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE })
    await writeFile(path, file.content, { encoding: 'utf8', mode: PRIVATE_FILE_MODE })
    written++
  }
  const manifestText = JSON.stringify(manifest, null, 2) + '\n'
  if ((await readText(join(dir, MANIFEST_FILE))) !== manifestText) await writeFile(join(dir, MANIFEST_FILE), manifestText, { encoding: 'utf8', mode: PRIVATE_FILE_MODE })
  return { dir, reports: reports.length, files: files.length, written, unchanged, removed }
}

async function removeEmptyParents(root: string, folder: string): Promise<void> {
  let current = folder
  while (current.startsWith(root + sep) && current !== root) {
    try {
      await rmdir(current) // fails unless empty, which is exactly the rule: never remove what we did not write
    } catch {
      return
    }
    current = dirname(current)
  }
}
