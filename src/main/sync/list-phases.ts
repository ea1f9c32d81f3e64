// The listing phases of a sync: the collections listing, people and data sources, then every collection's
// reports page by page. Deletions follow only from listings that reached their end.
import type { ModeReport } from '../mode/schemas.ts'
import { markCollectionListed, removeUnlistedReports, removeVanishedCollections, saveCollections, saveReportsPage, saveWorkspace } from '../library/writes/listing-writes.ts'
import { reindexInChunks } from '../library/writes/content-writes.ts'
import { saveDataSources, savePeople } from '../library/writes/people-writes.ts'
import { writeCheckpoint } from '../library/sync-records.ts'
import { listSpaceDatasets } from './fetch-report-content.ts'
import { throwIfAborted, type RunContext } from './run-context.ts'
import { runPool } from './run-pool.ts'
import { listPeopleAndGroups } from './sync-access.ts'

export async function listCollections(ctx: RunContext): Promise<void> {
  const { library, client, signal, tracker, checkpoint } = ctx
  tracker.phase('collections')
  const hasWorkspace = library.prepare('SELECT 1 FROM workspace LIMIT 1').get() !== undefined
  if (ctx.kind === 'full' || !hasWorkspace) {
    try {
      saveWorkspace(library, await client.workspace({ signal }), ctx.iso())
    } catch (error) {
      ctx.itemFailed(error)
    }
  }
  // Without a complete collections listing nothing can be decided: this failure ends the run.
  const spaces = await client.listSpaces({ filter: ctx.includePersonalCollections === false ? 'custom' : 'all', signal })
  ctx.spaces = spaces
  await reindexInChunks(library, saveCollections(library, spaces, checkpoint.gen))
}

export async function listReports(ctx: RunContext): Promise<void> {
  const { library, client, signal, tracker, checkpoint, counters } = ctx
  const spaces = ctx.spaces
  const listedAlready = new Set(
    (library.prepare('SELECT token FROM collections WHERE reports_listed_gen = ?').all(checkpoint.gen) as { token: string }[]).map((r) => r.token),
  )
  const toList = spaces.filter((s) => !listedAlready.has(s.token))
  tracker.phase('listing', spaces.length)
  tracker.advance(spaces.length - toList.length)
  await runPool(
    toList,
    ctx.concurrency,
    async (space) => {
      try {
        const onPage = (reports: ModeReport[]): void => {
          const written = saveReportsPage(library, space.token, reports, checkpoint.gen, ctx.iso())
          counters.reportsChanged += written.changed.length
          if (written.changed.length > 0) ctx.onLibraryChanged?.({ reports: written.changed.length })
          ctx.previewQueue.onListingPage(reports)
          tracker.emit(false)
        }
        await client.listSpaceReports(space.token, { signal, order: 'asc', orderBy: 'created_at', onPage })
        // Datasets are reports of type DatasetReport, listed apart: the collection counts as listed only with both.
        if (ctx.content) await listSpaceDatasets(client, space.token, { signal, order: 'asc', orderBy: 'created_at', onPage })
        // Only a listing that reached its end may delete anything (decided below, once all listings are in).
        markCollectionListed(library, space.token, checkpoint.gen)
      } catch (error) {
        ctx.itemFailed(error)
      }
      tracker.advance()
    },
    signal,
  )
  throwIfAborted(signal)
  const removed = removeUnlistedReports(library, checkpoint.gen) + removeVanishedCollections(library, checkpoint.gen)
  counters.reportsChanged += removed
  if (removed > 0) ctx.onLibraryChanged?.({ reports: removed })
}

export async function syncPeopleAndSources(ctx: RunContext): Promise<void> {
  const { library, client, signal, tracker, checkpoint } = ctx
  tracker.phase('people', 2)
  if (!checkpoint.peopleDone) {
    try {
      await reindexInChunks(library, savePeople(library, await listPeopleAndGroups(ctx)))
      checkpoint.peopleDone = true
      writeCheckpoint(library, checkpoint, ctx.iso())
    } catch (error) {
      ctx.itemFailed(error)
    }
  }
  tracker.advance()
  if (!checkpoint.dataSourcesDone) {
    try {
      await reindexInChunks(library, saveDataSources(library, await client.listDataSources({ signal })))
      checkpoint.dataSourcesDone = true
      writeCheckpoint(library, checkpoint, ctx.iso())
    } catch (error) {
      ctx.itemFailed(error)
    }
  }
  tracker.advance()
}
