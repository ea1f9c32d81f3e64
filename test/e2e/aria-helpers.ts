// Reading the page as assistive technology does: accessible names and tables by their column headers, from
// Playwright's aria snapshot (the tree a screen reader walks), so specs find things by role and label, not markup.
import type { Locator } from '@playwright/test'

interface AriaNode { role?: string; name?: string; children?: unknown }

function nodes(value: unknown): AriaNode[] {
  return Array.isArray(value) ? value.filter((n): n is AriaNode => typeof n === 'object' && n !== null) : []
}

function collect(value: unknown, role: string, into: AriaNode[]): AriaNode[] {
  for (const node of nodes(value)) {
    if (node.role === role) into.push(node)
    else collect(node.children, role, into)
  }
  return into
}

/** The names of the elements of `role` in an aria snapshot (`scope.ariaSnapshotJSON()`), in document order. */
export function namesIn(tree: unknown, role: string): string[] {
  return collect(tree, role, []).map((n) => n.name ?? '').filter((name) => name !== '')
}

/** The accessible names of the elements of `role` under `scope`, in document order, as a screen reader meets them. */
export async function accessibleNames(scope: Locator, role: string): Promise<string[]> {
  return namesIn(await scope.ariaSnapshotJSON(), role)
}

function textOf(node: unknown): string {
  if (typeof node === 'string') return node
  const n = node as AriaNode & { text?: string }
  return n.text ?? (Array.isArray(n.children) ? n.children.map(textOf).join(' ') : '')
}

/** A description list's terms and their definitions ("Phase" → "Reading reports"), from an aria snapshot. */
export function definitionsIn(tree: unknown): Map<string, string> {
  const found = new Map<string, string>()
  const walk = (value: unknown): void => {
    const list = nodes(value)
    list.forEach((node, i) => {
      const next = list[i + 1]
      if (node.role === 'term' && next?.role === 'definition' && !found.has(textOf(node))) found.set(textOf(node), textOf(next))
      walk(node.children)
    })
  }
  walk(tree)
  return found
}

/** The accessible name of one element. */
export async function accessibleName(element: Locator): Promise<string> {
  return nodes(await element.ariaSnapshotJSON())[0]?.name ?? ''
}

/**
 * A table's body rows, each as its cells' accessible names keyed by their column headers (a row header counts as
 * a cell of its column). A cell's name is what a screen reader says for it: a button's label, not its digits.
 */
export async function tableRows(table: Locator): Promise<Array<Record<string, string>>> {
  const rows = collect(await table.ariaSnapshotJSON(), 'row', [])
  const cellsOf = (row: AriaNode) => nodes(row.children).filter((c) => c.role === 'columnheader' || c.role === 'rowheader' || c.role === 'cell')
  const [head, ...body] = rows
  if (!head) return []
  const titles = cellsOf(head).map((c) => c.name ?? '')
  return body.map((row) => Object.fromEntries(cellsOf(row).map((c, i) => [titles[i] ?? String(i), c.name ?? ''])))
}

/** `text` as a regular expression that matches it literally (names come from generated, hostile data). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
