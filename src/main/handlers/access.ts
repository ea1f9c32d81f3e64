// people.accessReview and people.exportAccessReview: the people and access review over the open library,
// computed in main on the session's clock, and its CSV written where the user chooses in the save dialog. Without a library the
// review is empty and every part reads "not synced yet".
import { accessReview } from '../access/index.ts'
import { emptyAccessData } from '../access/access-reads.ts'
import { computeAccessReview } from '../access/access-review.ts'
import { writeFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { AppFailure } from '../../shared/errors.ts'
import type { ChooseSaveFile } from './export-sql.ts'
import type { HandlerMap } from '../ipc.ts'
import { accessReviewCsv, accessReviewFileName } from '../../shared/access-csv.ts'
import type { HandlerContext } from './context.ts'

export function accessHandlers(ctx: HandlerContext, chooseSaveFile: ChooseSaveFile | null): Pick<HandlerMap, 'people.accessReview' | 'people.exportAccessReview'> {
  const review = (inactiveDays: number) => {
    const library = ctx.connection.getLibrary()
    // The sample is served from this computer: a link to app.mode.com would open someone else's workspace.
    const options = { now: ctx.now(), inactiveDays, modeLinks: !ctx.connection.getStatus().isSample }
    return library ? accessReview(library, options) : computeAccessReview(emptyAccessData(), options)
  }
  return {
    'people.accessReview': ({ inactiveDays }) => review(inactiveDays),
    'people.exportAccessReview': async ({ inactiveDays }) => {
      if (!chooseSaveFile) throw new AppFailure('internal', 'Saving files is not available in this window.')
      const current = review(inactiveDays)
      const chosen = await chooseSaveFile(accessReviewFileName(current))
      if (!chosen) return { saved: false, fileName: null, findings: current.findings.length }
      const path = extname(chosen).toLowerCase() === '.csv' ? chosen : `${chosen}.csv`
      await writeFile(path, accessReviewCsv(current), 'utf8')
      return { saved: true, fileName: basename(path), findings: current.findings.length }
    },
  }
}
