// The search index's word tables and how much a match in each counts (library/migrations/002-search-index.ts creates them).

/** The word indexes, in field-bit order (bit i = FIELD_TABLES[i]), with the ranking weight of each field. */
export const FIELD_TABLES = ['search_name_fts', 'search_desc_fts', 'search_meta_fts', 'search_sql_fts'] as const
export const FIELD_WEIGHTS = [10, 5, 2.5, 1] as const
export const META_FIELD = 4
export const SQL_FIELD = 8
/** Reports reading a table named like an identifier the user typed: a match as strong as one in the name. */
export const TABLE_FIELD = 1
