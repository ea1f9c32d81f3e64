// "No API access yet?": connects to the built-in sample workspace (a simulator on this computer), which the
// app labels as sample data from then on.
import { useState } from 'react'
import type { AppError } from '../../../../shared/model.ts'
import { Button } from '../../components/Button.tsx'
import { useConnection } from '../../stores/connection.ts'

export function SampleOffer({ variant = 'inline' }: { variant?: 'inline' | 'button' }) {
  const connectSample = useConnection((s) => s.connectSample)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const start = async () => {
    setBusy(true)
    setError(null)
    const failure = await connectSample()
    setBusy(false)
    if (failure) setError(failure)
  }
  const button = (
    <Button variant={variant === 'button' ? 'secondary' : 'link'} onClick={start} busy={busy} busyLabel="Opening the sample…">
      Explore a sample workspace
    </Button>
  )
  return (
    <div className="field" style={{ gap: 4 }}>
      {variant === 'inline' ? <span className="muted">No API access yet? {button}</span> : button}
      {error && <span className="field-error" role="alert">The sample workspace could not start: {error.message}</span>}
    </div>
  )
}
