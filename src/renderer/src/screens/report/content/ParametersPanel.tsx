// The report's parameters as Mode's `{% form %}` blocks declare them: name, type, default and options.
import type { FormParameter } from '../../../../../shared/form-parameters.ts'

export function ParametersPanel({ parameters }: { parameters: FormParameter[] }) {
  if (parameters.length === 0) return null
  return (
    <section className="card parameters" aria-labelledby="report-parameters" data-testid="parameters-panel">
      <h2 id="report-parameters">Parameters</h2>
      <table className="parameters-table">
        <thead><tr><th>Name</th><th>Type</th><th>Default</th><th>Options</th></tr></thead>
        <tbody>
          {parameters.map((p) => (
            <tr key={p.name}>
              <td><code>{p.name}</code>{p.description && <div className="faint">{p.description}</div>}</td>
              <td>{p.type}</td>
              <td>{p.default ?? <span className="faint">—</span>}</td>
              <td>{p.dynamicOptions ? <span className="faint">from a query</span> : p.options.length > 0 ? p.options.join(', ') : <span className="faint">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
