// The app's version and platform at the foot of Settings (what a bug report needs).
import { useEffect, useState } from 'react'
import type { AppInfo } from '../../../../shared/model.ts'
import { mainReads } from '../../stores/main-reads.ts'

export function AboutLine() {
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    let live = true
    mainReads.appInfo().then((i) => { if (live) setInfo(i) }, () => {})
    return () => { live = false }
  }, [])
  return (
    <p className="faint" data-testid="app-version" style={{ minHeight: 21, fontSize: 'var(--text-sm)' }}>
      {info ? `${info.name} ${info.version} · ${info.platform} ${info.arch}${info.electron ? ` · Electron ${info.electron}` : ''}` : ''}
    </p>
  )
}
