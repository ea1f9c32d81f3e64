// Step 1: the two ways in, side by side and above the fold — explore the built-in sample, or connect with an API
// token — then what the app does, and the token how-to folded into a disclosure, written so that someone who has
// never used Mode's API can follow it without any other documentation.
import { Button } from '../../components/Button.tsx'
import { ExternalLinkButton } from '../../components/ExternalLinkButton.tsx'
import { Icon, type IconName } from '../../components/Icon.tsx'
import { MODE_LINKS } from './mode-links.ts'
import { SampleOffer } from './SampleOffer.tsx'

const BENEFITS: { icon: IconName; title: string; text: string }[] = [
  { icon: 'search', title: 'Every report, searchable offline', text: 'Names, descriptions, collections and authors — answers in milliseconds, even on a plane.' },
  { icon: 'code', title: 'All the SQL and the tables it reads', text: "Read and copy any query, and see which reports use a table." },
  { icon: 'lock', title: 'Credentials locked by your OS', text: "Encrypted with your system's keychain; they never leave this computer except to talk to Mode." },
  { icon: 'eye', title: 'Read-only', text: 'The app only reads. It never changes, runs, shares or deletes anything in Mode.' },
]

export function WhyConnectStep({ onContinue }: { onContinue: () => void }) {
  return (
    <div className="wizard-card card" data-testid="setup-step-why">
      <header>
        <h1 id="wizard-title" tabIndex={-1}>Connect your Mode workspace</h1>
        <p className="wizard-lead">
          An offline copy of every report, query and collection your Mode account can see, refreshed every night and
          searchable in an instant.
        </p>
      </header>

      <div className="first-paths" data-testid="first-paths">
        <section className="first-path" aria-labelledby="path-sample">
          <h2 id="path-sample"><Icon name="flask" size={18} /> Try it first</h2>
          <p className="muted">A made-up company's reports, served from this computer. No Mode account needed.</p>
          <SampleOffer variant="button" />
        </section>
        <section className="first-path first-path-main" aria-labelledby="path-token">
          <h2 id="path-token"><Icon name="lock" size={18} /> Use your workspace</h2>
          <p className="muted">Needs a Mode API token and its password (Mode's paid plans) and your workspace name.</p>
          <Button variant="primary" onClick={onContinue}>I have my token — continue</Button>
        </section>
      </div>

      <ul className="benefits" aria-label="What connecting gives you">
        {BENEFITS.map((b) => (
          <li key={b.title}>
            <Icon name={b.icon} size={18} />
            <div><strong>{b.title}</strong><span>{b.text}</span></div>
          </li>
        ))}
      </ul>

      <details className="howto-disclosure">
        <summary>How to create an API token and find your workspace name</summary>
        <section className="howto" aria-labelledby="howto-token">
          <h2 id="howto-token">Create an API token in Mode</h2>
          <p className="muted">
            You need three things: an <strong>API token</strong>, its <strong>password</strong> (Mode also calls it the
            secret), and your <strong>workspace name</strong>. Mode's API comes with its paid plans.
          </p>
          <ol>
            <li>Sign in to Mode in your browser.</li>
            <li>Click your avatar (or the workspace name) in the top-left corner and choose <strong>Workspace Settings</strong>.</li>
            <li>Open <strong>Privacy &amp; Security → API</strong>. In newer versions of Mode this is <strong>Features → API Keys</strong>.</li>
            <li>Click <strong>Create new API key</strong>, name it something like “Mode Companion”, and confirm.</li>
            <li>
              Mode now shows the key's <strong>token</strong> and its <strong>password</strong>. Copy both — the password is
              shown <strong>only once</strong>. If you lose it, delete the key and create a new one.
            </li>
          </ol>
          <p className="howto-note">
            Workspace admins create <strong>workspace API keys</strong>, which read every collection. Not an admin? If your
            admin has turned on <strong>member API keys</strong>, create your own the same way; it sees what you can see.
            Otherwise ask an admin for a key.
          </p>
          <p className="howto-note">
            Recommended: create the key for a separate <strong>service account</strong>, so the app keeps working when
            people change roles. Your personal account is fine for trying it out — you can switch credentials later
            and keep the library.
          </p>
          <div className="btn-row">
            <ExternalLinkButton url={MODE_LINKS.app}>Open Mode</ExternalLinkButton>
            <ExternalLinkButton url={MODE_LINKS.apiGuide} variant="ghost">Mode's guide to API keys</ExternalLinkButton>
          </div>
        </section>

        <section className="howto" aria-labelledby="howto-workspace">
          <h2 id="howto-workspace">Find your workspace name</h2>
          <p>
            It is the part right after <code>app.mode.com/</code> in the address of any Mode page of your workspace. In{' '}
            <code>https://app.mode.com/<strong>acme</strong>/reports/8f2c1a</code> the workspace is <code>acme</code>. You can
            also paste the whole address in the next step — the name is read from it.
          </p>
        </section>
      </details>
    </div>
  )
}
