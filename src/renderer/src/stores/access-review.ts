// The people and access review: computed in main from the library on each request (nothing is cached here, so
// a sync or a new threshold gives a fresh review), its CSV export (main writes it where the save dialog says),
// and the one "inactive for N days" threshold the Access review and People screens share.
import { create } from 'zustand'
import { DEFAULT_INACTIVE_DAYS, type AccessReview } from '../../../shared/access-model.ts'
import { call } from '../bridge.ts'

export const accessReviewReads = {
  review: (inactiveDays: number): Promise<AccessReview> => call('people.accessReview', { inactiveDays }),
  /** Whether the file was saved (false when the user cancelled the dialog), its name, and how many findings it holds. */
  exportCsv: (inactiveDays: number) => call('people.exportAccessReview', { inactiveDays }),
}

interface InactiveThreshold {
  inactiveDays: number
  setInactiveDays: (days: number) => void
}

export const useInactiveThreshold = create<InactiveThreshold>((set) => ({
  inactiveDays: DEFAULT_INACTIVE_DAYS,
  setInactiveDays: (days) => set({ inactiveDays: days }),
}))
