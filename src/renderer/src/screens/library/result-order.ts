// The library's orders and densities as the user picks them.
import type { SearchSort } from '../../../../shared/model.ts'

export const SORTS: { value: SearchSort; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: 'edited', label: 'Last edited' },
  { value: 'lastRun', label: 'Last run' },
  { value: 'views', label: 'Most viewed' },
  { value: 'name', label: 'Name (A–Z)' },
]

export type Density = 'rows' | 'table'

export function sortLabel(sort: SearchSort): string {
  return SORTS.find((s) => s.value === sort)?.label ?? 'Best match'
}
