// The people and access review over an open library (read models + the pure computation).
import type { AccessReview } from '../../shared/access-model.ts'
import type { Library } from '../library/open-library.ts'
import { readAccessData } from './access-reads.ts'
import { computeAccessReview, type AccessReviewOptions } from './access-review.ts'

export function accessReview(library: Library, options: AccessReviewOptions): AccessReview {
  return computeAccessReview(readAccessData(library), options)
}
