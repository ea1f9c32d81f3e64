// The setup wizard: step 1 explains and shows how to get a token, step 2 connects. It opens on step 2 when
// the workspace is already known (reconnecting after the stored secret stopped working, or switching
// credentials from Settings).
import { useRef, useState } from 'react'
import { useConnection } from '../../stores/connection.ts'
import { CredentialsStep } from './CredentialsStep.tsx'
import { PreparingLibrary } from './PreparingLibrary.tsx'
import { WhyConnectStep } from './WhyConnectStep.tsx'
import { useEffectOnChange } from '../../components/useEffectOnChange.ts'

type Step = 'why' | 'credentials'

export function SetupWizard() {
  const status = useConnection((s) => s.status)
  const switching = useConnection((s) => s.switching)
  const preparing = useConnection((s) => s.preparing)
  const cancelSwitch = useConnection((s) => s.cancelSwitch)
  const knownWorkspace = switching?.workspace ?? (status?.reconnectReason ? status.workspace : null) ?? ''
  const [step, setStep] = useState<Step>(knownWorkspace ? 'credentials' : 'why')
  const frame = useRef<HTMLDivElement>(null)

  // Moving between steps puts focus on the new step's heading, so screen readers announce it.
  useEffectOnChange(() => {
    frame.current?.querySelector<HTMLElement>('#wizard-title')?.focus()
  }, [step])

  const current: 1 | 2 = step === 'why' ? 1 : 2
  return (
    // The setup screen's one landmark, so a screen reader can jump straight to it.
    <main className="wizard" aria-label="Set up Mode Companion" data-testid="setup-wizard">
      <div className="wizard-frame" ref={frame}>
        <div className="wizard-top">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">M</span>
            <span className="brand-name">Mode Companion</span>
          </div>
          {!preparing && !switching && (
            <ol className="wizard-steps" aria-label="Setup steps">
              <li aria-current={current === 1 ? 'step' : undefined}><span className="step-num">1</span>Why connect</li>
              <li aria-current={current === 2 ? 'step' : undefined}><span className="step-num">2</span>Connect</li>
            </ol>
          )}
        </div>
        {preparing ? (
          <PreparingLibrary />
        ) : step === 'why' ? (
          <WhyConnectStep onContinue={() => setStep('credentials')} />
        ) : (
          <CredentialsStep
            initialWorkspace={knownWorkspace}
            reconnectReason={switching ? null : (status?.reconnectReason ?? null)}
            switching={!!switching}
            onBack={switching ? cancelSwitch : () => setStep('why')}
          />
        )}
      </div>
    </main>
  )
}
