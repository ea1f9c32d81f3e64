// A Mode chart drawn offline from its query's cached results with Chart.js (canvas; no eval, so it runs under
// the app's strict CSP): bar, line, area and pie from the chart's x and y fields, a big number as text. A chart
// whose type or fields cannot be drawn here shows its readable type name (and the report's preview above).
import { ArcElement, BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PieController, PointElement, Tooltip } from 'chart.js'
import { useEffect, useRef } from 'react'
import type { QueryResult, ReportChart } from '../../../../../shared/model.ts'
import { useTheme } from '../../../stores/theme.ts'

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, PieController, ArcElement, CategoryScale, LinearScale, Filler, Tooltip, Legend)

const DRAWN = new Set(['bar', 'line', 'area', 'pie', 'stackedBar'])
const PALETTE = ['#37B067', '#6296BC', '#EDB40D', '#7FD7C1', '#9F8CAE', '#EB6672', '#376C72', '#EE9DCC']
/** Points drawn at most: a chart of 2,000 bars says no more than one of 500. */
const MAX_POINTS = 500

export function canDraw(chart: ReportChart, result: QueryResult | undefined): boolean {
  if (!result || result.rows.length === 0 || !chart.chartType) return false
  const has = (name: string) => result.columns.some((c) => c.name === name)
  if (chart.chartType === 'bigNumber') return chart.yFields.length > 0 && has(chart.yFields[0]!)
  if (chart.chartType === 'table') return true
  return DRAWN.has(chart.chartType) && chart.xFields.length > 0 && has(chart.xFields[0]!) && chart.yFields.some(has)
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback
}

function ChartCanvas({ chart, result }: { chart: ReportChart; result: QueryResult }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  // Canvas colours are read from the theme's tokens when drawn: a theme change draws the chart again.
  const theme = useTheme((s) => s.resolved)
  useEffect(() => {
    if (!canvas.current) return
    const index = (name: string) => result.columns.findIndex((c) => c.name === name)
    const xi = index(chart.xFields[0]!)
    const ys = chart.yFields.map((name) => ({ name, i: index(name) })).filter((y) => y.i >= 0)
    const type = chart.chartType === 'pie' ? 'pie' : chart.chartType === 'bar' || chart.chartType === 'stackedBar' ? 'bar' : 'line'
    // A line keeps its whole range (every n-th row); bars and slices are categories, so the first ones are kept.
    const step = type === 'line' ? Math.ceil(result.rows.length / MAX_POINTS) : 1
    const rows = type === 'line' ? result.rows.filter((_, i) => i % step === 0) : result.rows.slice(0, MAX_POINTS)
    const text = cssVar('--text-muted', '#667')
    const grid = cssVar('--border', '#ddd')
    const instance = new Chart(canvas.current, {
      type,
      data: {
        labels: rows.map((r) => r[xi] ?? ''),
        datasets: ys.map((y, n) => ({
          label: y.name,
          data: rows.map((r) => Number(r[y.i] ?? Number.NaN)),
          backgroundColor: type === 'pie' ? rows.map((_, k) => PALETTE[k % PALETTE.length]!) : `${PALETTE[n % PALETTE.length]!}${chart.chartType === 'area' ? '55' : ''}`,
          borderColor: PALETTE[n % PALETTE.length],
          fill: chart.chartType === 'area',
          pointRadius: 0,
          borderWidth: type === 'line' ? 2 : 1,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { labels: { color: text } } },
        scales: type === 'pie' ? {} : { x: { ticks: { color: text, maxTicksLimit: 8, maxRotation: 0, autoSkip: true }, grid: { color: grid }, stacked: chart.chartType === 'stackedBar' }, y: { ticks: { color: text }, grid: { color: grid }, stacked: chart.chartType === 'stackedBar' } },
      },
    })
    return () => instance.destroy()
  }, [chart, result, theme])
  return <div className="chart-canvas"><canvas ref={canvas} role="img" aria-label={`${chart.typeLabel}: ${chart.title ?? 'untitled'}`} data-testid="chart-canvas" /></div>
}

export function ChartView({ chart, result }: { chart: ReportChart; result: QueryResult | undefined }) {
  const drawable = canDraw(chart, result)
  return (
    <figure className="chart card" data-testid="report-chart" data-chart-type={chart.chartType ?? ''}>
      <figcaption><strong>{chart.title ?? 'Untitled chart'}</strong> <span className="faint">· {chart.typeLabel}</span></figcaption>
      {drawable && result && chart.chartType === 'bigNumber' ? (
        <BigNumber chart={chart} result={result} />
      ) : drawable && result && chart.chartType !== 'table' ? (
        <ChartCanvas chart={chart} result={result} />
      ) : drawable && chart.chartType === 'table' ? (
        <p className="faint">A table of this query's results (below).</p>
      ) : (
        <p className="faint">{result ? 'This chart type is not drawn offline; the preview at the top shows how it looks in Mode.' : 'No cached results to draw this chart from.'}</p>
      )}
    </figure>
  )
}

function BigNumber({ chart, result }: { chart: ReportChart; result: QueryResult }) {
  const i = result.columns.findIndex((c) => c.name === chart.yFields[0])
  const value = result.rows[0]?.[i] ?? ''
  const n = Number(value)
  return <p className="big-number">{value !== '' && Number.isFinite(n) ? n.toLocaleString() : value || '—'}<span className="faint"> {chart.yFields[0]}</span></p>
}
