// A table reference as people scan it: the table's own name first, the schema (and project or database) after it.
// `acme-data-prod.analytics.fct_orders` → fct_orders, acme-data-prod.analytics. Quoted parts keep their dots.

export function tableParts(full: string): { name: string; schema: string } {
  const parts = full.match(/"[^"]*"|`[^`]*`|\[[^\]]*\]|[^.]+/g) ?? [full]
  if (parts.length < 2) return { name: full, schema: '' }
  return { name: parts[parts.length - 1]!, schema: parts.slice(0, -1).join('.') }
}
