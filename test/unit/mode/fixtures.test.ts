// Every recorded Mode response in test/fixtures/mode parses into its typed resource, with the values the
// library will store (tokens, names, creators, web links, SQL, chart titles).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ModeChart,
  ModeDataSource,
  ModeDefinition,
  ModeQuery,
  ModeReport,
  ModeSpace,
  ModeUser,
  ModeVerify,
  parseList,
} from '../../../src/main/mode/schemas.ts'
import type { z } from 'zod'

const DIR = join(import.meta.dirname, '../../fixtures/mode')
const load = (name: string): unknown => JSON.parse(readFileSync(join(DIR, name), 'utf8'))

function list<S extends z.ZodType>(name: string, key: string, schema: S): z.output<S>[] {
  const result = parseList(load(name), key, schema)
  if (!result.ok) throw new Error(`${name}: ${result.problem}`)
  return result.page.items
}

/** Which parser reads which file; the last test fails when a fixture is added without one. */
const PARSERS: Record<string, () => unknown> = {
  'charts.json': () => list('charts.json', 'charts', ModeChart),
  'data_sources.json': () => list('data_sources.json', 'data_sources', ModeDataSource),
  'dataset_24f66e1701b6.json': () => ModeReport.parse(load('dataset_24f66e1701b6.json')),
  'dataset_queries_24f66e1701b6.json': () => list('dataset_queries_24f66e1701b6.json', 'queries', ModeQuery),
  'datasets_75737b70402e.json': () => list('datasets_75737b70402e.json', 'reports', ModeReport),
  'definitions.json': () => list('definitions.json', 'definitions', ModeDefinition),
  'final_page.json': () => list('final_page.json', 'reports', ModeReport),
  'queries.json': () => list('queries.json', 'queries', ModeQuery),
  'reports.json': () => list('reports.json', 'reports', ModeReport),
  'reports_157933cc1168.json': () => list('reports_157933cc1168.json', 'reports', ModeReport),
  'reports_75737b70402e.json': () => list('reports_75737b70402e.json', 'reports', ModeReport),
  'spaces.json': () => list('spaces.json', 'spaces', ModeSpace),
  'spaces_empty.json': () => list('spaces_empty.json', 'spaces', ModeSpace),
  'user.json': () => ModeUser.parse(load('user.json')),
  'verify.json': () => ModeVerify.parse(load('verify.json')),
}

describe('Mode fixtures parse into typed resources', () => {
  it('a collection listing gives spaces with personal ones marked and creators from links', () => {
    const spaces = list('spaces.json', 'spaces', ModeSpace)
    expect(spaces).toEqual([
      expect.objectContaining({ token: '157933cc1168', id: '1920033', name: 'Personal', description: null, spaceType: 'private', isPersonal: true, creatorUsername: 'modeuser', state: 'active' }),
      expect.objectContaining({ token: '75737b70402e', id: '1919717', name: 'AcrylTest', spaceType: 'custom', isPersonal: false, creatorUsername: 'glyons', defaultAccessLevel: 'edit' }),
    ])
    expect(list('spaces_empty.json', 'spaces', ModeSpace)).toEqual([])
  })

  it('a space report listing gives every field the library stores', () => {
    const [report, ...rest] = list('reports_75737b70402e.json', 'reports', ModeReport)
    expect(rest).toEqual([])
    expect(report).toEqual({
      token: '9d2da37fa91e',
      id: '2934237',
      name: 'Report 1',
      description: 'First Report',
      type: 'Report',
      spaceToken: '75737b70402e',
      archived: false,
      createdAt: '2021-12-10T20:55:24.316Z',
      updatedAt: '2021-12-11T00:31:54.501Z',
      editedAt: '2021-12-10T23:12:51.156Z',
      lastSavedAt: '2021-12-11T00:31:24.451Z',
      lastRunAt: '2021-12-10T23:12:51.490Z',
      // Two seconds after the run started: Mode stamps a success when the run completes.
      lastSuccessfullyRunAt: '2021-12-10T23:12:53.142Z',
      successListed: true,
      viewCount: 6,
      queryCount: 1,
      chartCount: 1,
      creatorUsername: 'modeuser',
      webUrl: 'https://app.mode.com/acryltest/reports/9d2da37fa91e',
      schedulesCount: 0,
      lastSuccessfulRunToken: '4ec308153383',
      webPreviewImage: expect.stringMatching(/^https:\/\/s3\.us-west-2\.amazonaws\.com\/mode\.production\/report-run-previews\/web\/acryltest\/9d2da37fa91e\/4ec308153383\/8143c22aed5a\?X-Amz-/),
      importedDatasets: [{ token: '24f66e1701b6', name: 'Dataset 1' }],
    })
    const [older] = list('reports.json', 'reports', ModeReport)
    expect(older).toMatchObject({ token: '72f2ef8fb3a8', name: 'Actor Report', spaceToken: '9026edbd5a3c', viewCount: 49 })
  })

  it('an empty space and the page past the end are both empty lists', () => {
    expect(list('reports_157933cc1168.json', 'reports', ModeReport)).toEqual([])
    expect(list('final_page.json', 'reports', ModeReport)).toEqual([])
  })

  it('datasets (listed and single) parse as reports of type DatasetReport without a chart count', () => {
    const [listed] = list('datasets_75737b70402e.json', 'reports', ModeReport)
    const single = ModeReport.parse(load('dataset_24f66e1701b6.json'))
    for (const d of [listed, single]) {
      expect(d).toMatchObject({ token: '24f66e1701b6', type: 'DatasetReport', spaceToken: '75737b70402e', chartCount: null, viewCount: 6, creatorUsername: 'modeuser' })
    }
    expect(single.webUrl).toBe('https://app.mode.com/acryltest/datasets/24f66e1701b6')
  })

  it('queries keep their SQL with Liquid intact and string ids', () => {
    const [query] = list('queries.json', 'queries', ModeQuery)
    expect(query).toMatchObject({ token: '6e26a9f3d4e2', id: '10149707', name: 'Customer and staff', dataSourceId: '34499', creatorUsername: 'modeuser' })
    expect(query?.rawQuery).toContain('{{  @join_on_definition    as                      rental  }}')
    expect(query?.rawQuery).toContain('{% form %}')
    const [datasetQuery] = list('dataset_queries_24f66e1701b6.json', 'queries', ModeQuery)
    expect(datasetQuery?.rawQuery).toContain('FROM DATAHUB_COMMUNITY.POSTGRES_PUBLIC.COMPANY')
  })

  it('charts take title and type from view_vegas when view is empty', () => {
    expect(list('charts.json', 'charts', ModeChart)).toEqual([
      // A table chart: its encoding names no x or y fields (the columns are listed under format.flatTable).
      { token: 'f622b9ee725b', title: 'Customer Staff Table', chartType: 'table', xFields: [], yFields: [], createdAt: '2021-12-10T21:01:23.088Z', updatedAt: '2021-12-11T00:31:24.438Z' },
    ])
  })

  it('data sources, definitions, a user and verify', () => {
    expect(list('data_sources.json', 'data_sources', ModeDataSource)).toEqual([
      expect.objectContaining({ token: 'ea1c23ebaddc', id: '34499', name: 'PostgreSQL', adapter: 'jdbc:postgresql', database: 'dvdrental', softDeleted: false }),
    ])
    const definitions = list('definitions.json', 'definitions', ModeDefinition)
    expect(definitions.map((d) => d.name)).toEqual(['custome_payment_date', 'join_on_definition'])
    expect(ModeUser.parse(load('user.json'))).toEqual({
      username: 'modeuser', name: 'Jawad', id: '745240', token: '851572280993', email: 'jqureshi@acryl.com', createdAt: '2021-11-29T19:32:33.401Z',
    })
    expect(ModeVerify.parse(load('verify.json'))).toEqual({ workspace: 'dummy_workspace', workspaceToken: '234112185554' })
  })

  it('every fixture file has a parser and parses', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()
    expect(files).toEqual(Object.keys(PARSERS).sort())
    for (const file of files) expect(() => PARSERS[file]?.(), file).not.toThrow()
  })
})

describe('strict where it matters', () => {
  it('a list without its _embedded array is malformed, not empty', () => {
    expect(parseList({ _links: {} }, 'reports', ModeReport)).toMatchObject({ ok: false })
    expect(parseList({ _embedded: { spaces: [] } }, 'reports', ModeReport)).toMatchObject({ ok: false })
    expect(parseList({ _embedded: { reports: {} } }, 'reports', ModeReport)).toMatchObject({ ok: false })
    expect(parseList('<html>', 'reports', ModeReport)).toMatchObject({ ok: false })
  })

  it('an item without a token is skipped and counted; a page of only such items fails', () => {
    const result = parseList({ _embedded: { reports: [{ token: 'a' }, { name: 'no token' }] } }, 'reports', ModeReport)
    expect(result).toMatchObject({ ok: true, page: { items: [{ token: 'a' }], skipped: 1 } })
    const none = parseList({ _embedded: { reports: [{ name: 'no token' }] } }, 'reports', ModeReport)
    expect(none).toMatchObject({ ok: false })
    if (!none.ok) expect(none.problem).toContain('reports[0]')
  })

  it('is lenient with string counters, null names, collections links and unknown fields', () => {
    const report = ModeReport.parse({
      token: 'abc', id: '12', name: null, description: '', view_count: '17', query_count: 'n/a', surprise: { nested: true },
      _links: { space: { href: '/api/ws/collections/sp1' }, creator: { href: 'https://app.mode.com/api/jane.doe' }, weird: 'x' },
    })
    expect(report).toMatchObject({ token: 'abc', id: '12', name: null, description: null, viewCount: 17, queryCount: null, spaceToken: 'sp1', creatorUsername: 'jane.doe', archived: false, webUrl: null })
  })
})
