import { mkdtemp, readFile, readdir, rm, stat, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeExport, type ExportReport } from '../../../src/cli/export/write-export.ts'

const finance = { token: 'c1', name: 'Finance' }
const report = (token: string, name: string, queries: [string, string | null, string][], extra: Partial<ExportReport> = {}): ExportReport => ({
  token,
  name,
  description: null,
  collection: finance,
  author: 'Ada Lovelace',
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-02-01T00:00:00Z',
  archived: false,
  webUrl: `https://app.mode.com/acme/reports/${token}`,
  queriesSynced: true,
  queries: queries.map(([qt, name, sql]) => ({ token: qt, name, sql, dataSource: 'Warehouse' })),
  ...extra,
})

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)))
    else out.push(rel)
  }
  return out.sort()
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mc-export-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('writeExport', () => {
  const reports = [
    report('r1', 'Net revenue', [['q1', 'Orders', 'select 1\r\nfrom orders  \n\n']]),
    report('r2', 'Net revenue', [['q2', 'Orders', 'select 2']]),
    report('r3', 'Churn: weekly', [['q3', null, 'select 3'], ['q4', null, 'select 4']], { collection: null, archived: true }),
  ]

  it('writes one folder per collection, never lets same-named reports overwrite each other, and heads each file', async () => {
    const result = await writeExport(dir, 'acme', reports)
    expect(result).toMatchObject({ reports: 3, files: 4, written: 4, removed: 0 })
    expect(await listFiles(dir)).toEqual([
      'Finance/Net revenue [r1] - Orders.sql',
      'Finance/Net revenue [r2] - Orders.sql',
      'No collection/Churn weekly - Untitled query [q3].sql',
      'No collection/Churn weekly - Untitled query [q4].sql',
      'manifest.json',
    ])
    const text = await readFile(join(dir, 'Finance/Net revenue [r1] - Orders.sql'), 'utf8')
    expect(text).toBe(
      '-- Report:     Net revenue\n-- Query:      Orders\n-- Collection: Finance\n-- Source:     Warehouse\n' +
        '-- Link:       https://app.mode.com/acme/reports/r1\n\nselect 1\nfrom orders\n',
    )
    expect(await readFile(join(dir, 'No collection/Churn weekly - Untitled query [q3].sql'), 'utf8')).toContain('-- Report:     Churn: weekly (archived)')
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))
    expect(manifest.workspace).toBe('acme')
    expect(manifest.reports.map((r: { token: string }) => r.token)).toEqual(['r1', 'r2', 'r3'])
    expect(manifest.reports[0]).toMatchObject({ name: 'Net revenue', webUrl: 'https://app.mode.com/acme/reports/r1', author: 'Ada Lovelace', queries: [{ token: 'q1', file: 'Finance/Net revenue [r1] - Orders.sql' }] })
  })

  it('is byte-for-byte stable when nothing changed, whatever the input order', async () => {
    await writeExport(dir, 'acme', reports)
    const before = await readFile(join(dir, 'manifest.json'), 'utf8')
    const again = await writeExport(dir, 'acme', [...reports].reverse())
    expect(again).toMatchObject({ written: 0, unchanged: 4, removed: 0 })
    expect(await readFile(join(dir, 'manifest.json'), 'utf8')).toBe(before)
  })

  it('updates files in place and removes only files an earlier export wrote for reports that are gone', async () => {
    await writeExport(dir, 'acme', reports)
    await writeFile(join(dir, 'Finance', 'my notes.sql'), 'keep me')
    await writeFile(join(dir, 'README.md'), 'mine')
    const changed = [report('r1', 'Net revenue', [['q1', 'Orders', 'select 42']])]
    const result = await writeExport(dir, 'acme', changed)
    expect(result).toMatchObject({ files: 1, written: 1, removed: 4 })
    expect(await listFiles(dir)).toEqual(['Finance/my notes.sql', 'Finance/Net revenue - Orders.sql', 'README.md', 'manifest.json'].sort())
    expect(await readFile(join(dir, 'Finance/Net revenue - Orders.sql'), 'utf8')).toContain('select 42')
  })

  it('refuses a folder whose manifest.json is not its own', async () => {
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'manifest.json'), '{"name":"some-npm-package"}')
    await expect(writeExport(dir, 'acme', reports)).rejects.toThrow(/not written by Mode Companion/)
  })

  it('never writes outside its folder, even when a colliding report carries a token such as x/../../tmp/…', async () => {
    const out = join(dir, 'export')
    const hostile = [
      report('r1', 'A', [['q1', 'B - C', 'select 1']]),
      // "A - B" + "C" joins into the same file name as "A" + "B - C": the token is appended to tell them apart.
      report('x/../../../escaped', 'A - B', [['q2', 'C', 'select * from secrets']]),
    ]
    const result = await writeExport(out, 'acme', hostile)
    expect(result.files).toBe(2)
    expect(await listFiles(dir)).toEqual(['export/Finance/A - B - C [x .. .. .. escaped].sql', 'export/Finance/A - B - C.sql', 'export/manifest.json'])
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { files: string[] }
    expect(manifest.files.every((f) => !f.split('/').includes('..'))).toBe(true)
  })

  it('refuses any path that resolves outside the export folder, before touching anything', async () => {
    const { insideExport } = await import('../../../src/cli/export/write-export.ts')
    expect(insideExport(dir, 'Finance/a.sql')).toBe(join(dir, 'Finance', 'a.sql'))
    for (const rel of ['../a.sql', 'Finance/../../a.sql', '/etc/passwd', '', '.']) {
      expect(() => insideExport(dir, rel), rel).toThrow(/outside the export folder/)
    }
  })

  it('a collection named manifest.json (any case) gets a folder that leaves the manifest alone', async () => {
    const odd = [
      report('r1', 'Revenue', [['q1', 'Main', 'select 1']], { collection: { token: 'c9', name: 'Manifest.JSON' } }),
      report('r2', 'Costs', [['q2', 'Main', 'select 2']]),
    ]
    await writeExport(dir, 'acme', odd)
    expect(await listFiles(dir)).toEqual(['Finance/Costs - Main.sql', '_Manifest.JSON/Revenue - Main.sql', 'manifest.json'])
    // A second run reads its own manifest back and changes nothing.
    expect(await writeExport(dir, 'acme', odd)).toMatchObject({ written: 0, unchanged: 2, removed: 0 })
  })

  it('file names carry no bidi overrides or zero-width characters', async () => {
    await writeExport(dir, 'acme', [report('r1', 'Payroll\u202Elqs.exe\u200B', [['q1', '\u2066Main\u2069', 'select 1']], { collection: { token: 'c2', name: 'Fi\u200Dnance\uFEFF' } })])
    expect(await listFiles(dir)).toEqual(['Finance/Payrolllqs.exe - Main.sql', 'manifest.json'])
  })

  it('with results, writes each query\'s CSV beside its .sql (quoted where needed) and drops it when the results go', async () => {
    const withResults = report('r1', 'Revenue', [['q1', 'Main', 'select 1'], ['q2', 'Other', 'select 2']])
    withResults.queries[0]!.results = { columns: ['day', 'note'], rows: [['2025-01-01', 'a, "quoted"\nline'], ['2025-01-02', '=1+1']], totalRows: 7 }
    withResults.queries[1]!.results = null
    await writeExport(dir, 'acme', [withResults])
    expect(await listFiles(dir)).toEqual(['Finance/Revenue - Main.csv', 'Finance/Revenue - Main.sql', 'Finance/Revenue - Other.sql', 'manifest.json'])
    // Cells as Mode spelled them: quoted per RFC 4180, never rewritten (no formula escaping).
    expect(await readFile(join(dir, 'Finance/Revenue - Main.csv'), 'utf8')).toBe('day,note\r\n2025-01-01,"a, ""quoted""\nline"\r\n2025-01-02,=1+1\r\n')
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))
    expect(manifest.reports[0].queries[0].results).toEqual({ file: 'Finance/Revenue - Main.csv', rows: 2, totalRows: 7 })
    expect(manifest.reports[0].queries[1].results).toBeUndefined()
    // An export without results removes the CSV files an earlier one wrote, and nothing else.
    expect(await writeExport(dir, 'acme', [report('r1', 'Revenue', [['q1', 'Main', 'select 1'], ['q2', 'Other', 'select 2']])])).toMatchObject({ removed: 1 })
    expect(await listFiles(dir)).toEqual(['Finance/Revenue - Main.sql', 'Finance/Revenue - Other.sql', 'manifest.json'])
  })

  it.skipIf(process.platform === 'win32')('creates its folders 0700 and its files 0600: other local users cannot read the SQL', async () => {
    const mode = async (p: string): Promise<number> => (await stat(p)).mode & 0o777
    const target = join(dir, 'new-export')
    await writeExport(target, 'acme', reports)
    expect(await mode(target), 'export folder').toBe(0o700)
    expect(await mode(join(target, 'Finance')), 'collection folder').toBe(0o700)
    expect(await mode(join(target, 'Finance/Net revenue [r1] - Orders.sql')), 'sql file').toBe(0o600)
    expect(await mode(join(target, 'manifest.json')), 'manifest').toBe(0o600)
  })
})
