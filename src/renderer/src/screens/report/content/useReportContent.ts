// Loads a report's preview, results, charts, schedules and datasets; again when `version` changes (chart titles
// fetched on demand bring the chart fields with them).
import { useEffect, useState } from 'react'
import type { ReportContent } from '../../../../../shared/model.ts'
import { mainReads } from '../../../stores/main-reads.ts'

export function useReportContent(token: string | null, version: unknown): ReportContent | null {
  const [content, setContent] = useState<{ token: string; value: ReportContent | null } | null>(null)
  useEffect(() => {
    if (!token) return
    let live = true
    mainReads.reportContent(token).then(
      (value) => { if (live) setContent({ token, value }) },
      () => { if (live) setContent({ token, value: null }) },
    )
    return () => { live = false }
  }, [token, version])
  return content && content.token === token ? content.value : null
}
