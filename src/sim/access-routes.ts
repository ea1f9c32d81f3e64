// The admin-only access endpoints: a collection's permissions (`/api/{ws}/spaces/{s}/permissions`) and
// Discovery-API-like member activity (`/batch/{ws}/members`). A member token gets 403 here, as from groups.
// Shapes: permissions as HAL under `_embedded.permissions` with the fields Mode's permission writes take
// (`action`, `accessor_type`, `accessor_token`; Terraform provider); Discovery as Mode documents its bulk API
// (a plain array under the resource name, top-level `pagination`, `_links.next_page`, up to 1000 per page).
import type { TruthMember, TruthSpace } from './truth.ts'
import type { WorkspaceState } from './workspace-state.ts'

type Json = Record<string, unknown>

const link = (href: string) => ({ href })

export function renderPermissionsList(ws: WorkspaceState, s: TruthSpace): Json {
  const base = `/api/${ws.slug}/collections/${s.token}/permissions`
  const byToken = new Map(ws.truth.members.map((m) => [m.token, m]))
  const groups = new Map(ws.truth.groups.map((g) => [g.token, g]))
  const permissions = (s.permissions ?? []).map((p) => {
    const member = p.accessor_type === 'Account' ? byToken.get(p.accessor_token) : undefined
    const group = p.accessor_type === 'UserGroup' ? groups.get(p.accessor_token) : undefined
    return {
      token: p.token,
      action: p.action,
      accessor_type: p.accessor_type,
      accessor_token: p.accessor_token,
      ...(member ? { accessor_username: member.username } : {}),
      ...(group ? { accessor_name: group.name } : {}),
      _links: {
        self: link(`${base}/${p.token}`),
        space: link(`/api/${ws.slug}/collections/${s.token}`),
        ...(member ? { accessor: link(`/api/${member.username}`) } : {}),
        ...(group ? { accessor: link(`/api/${ws.slug}/groups/${group.token}`) } : {}),
      },
    }
  })
  return { _links: { self: link(base) }, _embedded: { permissions } }
}

export const BATCH_MAX_PER_PAGE = 1000

/** One page of `/batch/{ws}/members`; `per_page` is honoured up to 1000 (Mode: "greater than 0 and less than 1000"). */
export function renderMemberActivityPage(ws: WorkspaceState, params: URLSearchParams, defaultPerPage: number): Json {
  const perPage = clampInt(params.get('per_page'), 1, BATCH_MAX_PER_PAGE, defaultPerPage)
  const page = clampInt(params.get('page'), 1, 1_000_000, 1)
  const members = ws.truth.members
  const totalPages = Math.max(1, Math.ceil(members.length / perPage))
  const rows = members.slice((page - 1) * perPage, page * perPage).map((m: TruthMember) => ({
    username: m.username,
    email: m.email,
    name: m.name,
    state: m.state,
    last_day_engaged: m.last_day_engaged ?? null,
  }))
  const base = `/batch/${ws.slug}/members`
  return {
    pagination: { page, per_page: perPage, count: rows.length, total_pages: totalPages, total_count: members.length },
    members: rows,
    _links: {
      self: link(`${base}?page=${page}&per_page=${perPage}`),
      ...(page < totalPages ? { next_page: link(`${base}?page=${page + 1}&per_page=${perPage}`) } : {}),
      ...(page > 1 ? { prev_page: link(`${base}?page=${page - 1}&per_page=${perPage}`) } : {}),
    },
  }
}

function clampInt(raw: string | null, min: number, max: number, fallback: number): number {
  const n = raw === null ? Number.NaN : Number(raw)
  if (!Number.isInteger(n)) return fallback
  return Math.min(max, Math.max(min, n))
}
