// Schemas for a report's runs as the results and schedules phases read them: the query runs of a report run
// (spec QueryRun) and a report's schedules (spec ReportSchedule). Lenient like schemas.ts: unknown fields are
// ignored, ids and counters may be numbers or strings.
import { z } from 'zod'

const Str = z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined || v === '' ? null : String(v)))
const Int = z.union([z.number(), z.string()]).nullish().transform((v) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : Number.NaN
  return Number.isInteger(n) ? n : null
})

/** GET /{ws}/reports/{r}/runs/{run}/query_runs → `_embedded.query_runs[]`. */
export const ModeQueryRun = z
  .object({ token: z.union([z.string().min(1), z.number()]).transform(String), state: Str, query_token: Str, query_name: Str, error_message: Str })
  .transform((v) => ({ token: v.token, state: v.state, queryToken: v.query_token, queryName: v.query_name, errorMessage: v.error_message }))
export type ModeQueryRun = z.output<typeof ModeQueryRun>

/**
 * GET /{ws}/reports/{r}/schedules → `_embedded.report_schedules[]`. Assumption: the spec's response lists no cron
 * fields, but its create/update bodies take `cron: {freq, hour, minute, day_of_week, day_of_month, time_zone}`;
 * that object (or the same fields at the top level) is read when present, and a schedule without it still shows
 * its name, last success and next run.
 */
export const ModeSchedule = z
  .object({
    token: z.union([z.string().min(1), z.number()]).transform(String),
    name: Str,
    cron: z.record(z.string(), z.unknown()).nullish(),
    freq: Str,
    time_zone: Str,
    hour: Int,
    minute: Int,
    last_succeeded_at: Str,
    next_scheduled_run: Str,
  })
  .transform((v) => {
    const cron = v.cron ?? {}
    const pick = (key: string): string | null => (typeof cron[key] === 'string' || typeof cron[key] === 'number' ? String(cron[key]) : null)
    const int = (key: string, fallback: number | null): number | null => {
      const n = Number(pick(key) ?? fallback ?? Number.NaN)
      return Number.isInteger(n) ? n : null
    }
    return {
      token: v.token,
      name: v.name,
      freq: pick('freq') ?? v.freq,
      timeZone: pick('time_zone') ?? v.time_zone,
      hour: int('hour', v.hour),
      minute: int('minute', v.minute),
      dayOfWeek: int('day_of_week', null),
      dayOfMonth: int('day_of_month', null),
      lastSucceededAt: v.last_succeeded_at,
      nextScheduledRun: v.next_scheduled_run,
    }
  })
export type ModeSchedule = z.output<typeof ModeSchedule>
