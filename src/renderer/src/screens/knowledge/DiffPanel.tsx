// Loads and shows the diff between two query texts, with the inline / side-by-side switch.
import { mainReads } from '../../stores/main-reads.ts'
import type { DiffSide } from '../../stores/navigation.ts'
import { DiffLayoutToggle, useDiffLayout } from './DiffLayoutToggle.tsx'
import { SqlDiffView } from './SqlDiffView.tsx'
import { useLoad } from '../../stores/use-load.ts'

export function DiffPanel({ from, to, toolbar }: { from: DiffSide; to: DiffSide; toolbar?: React.ReactNode }) {
  const [layout, setLayout] = useDiffLayout()
  const key = `${from.queryToken}:${from.versionId}|${to.queryToken}:${to.versionId}`
  const diff = useLoad(key, () => mainReads.diff({ from: { queryToken: from.queryToken, versionId: from.versionId }, to: { queryToken: to.queryToken, versionId: to.versionId } }))
  return (
    <div className="knowledge-section">
      <div className="diff-toolbar">
        {toolbar}
        <DiffLayoutToggle layout={layout} onChange={setLayout} />
      </div>
      {diff.state === 'loading' && <p className="muted">Comparing…</p>}
      {diff.state === 'error' && <div className="notice notice-error" role="alert"><div className="notice-body">{diff.message}</div></div>}
      {diff.state === 'ready' && (diff.value
        ? <SqlDiffView diff={diff.value} layout={layout} labels={[from.label, to.label]} />
        : <p className="muted">One of these texts is no longer in the library.</p>)}
    </div>
  )
}
