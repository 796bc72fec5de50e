import type { EventRow, NamedRow } from './entity-rows.ts';

/**
 * Rows of several articles that upsert one node, folded into one row the way the per-article upserts
 * would leave it when run one after the other (PostgreSQL refuses to touch a row twice in one statement):
 * - aliases and roles: the union. A row upserted by one article keeps that article's order; by several,
 *   the second upsert re-sorted it in SQL (`multi`), so the folded row is sorted in SQL too;
 * - organisation and place kind: the first that is not OTHER.
 * Every rule is associative, so a batch leaves the row as its articles one by one would.
 */
export function foldNamed<T extends NamedRow>(perArticle: T[][]): (T & { multi: boolean })[] {
  const byName = new Map<string, T & { multi: boolean }>();
  for (const rows of perArticle) {
    for (const row of rows) {
      const prev = byName.get(row.name);
      if (!prev) {
        byName.set(row.name, { ...row, multi: false });
        continue;
      }
      prev.multi = true;
      prev.aliases = [...prev.aliases, ...row.aliases];
      if (prev.roles && row.roles) prev.roles = [...prev.roles, ...row.roles];
      if (prev.kind === 'OTHER' && row.kind !== undefined) prev.kind = row.kind;
    }
  }
  return [...byName.values()];
}

/**
 * Event rows folded the same way: the first day-precise dates, else the first with a precision, else
 * the last; place: the first known; title and kind: the first (what UPSERT_EVENT keeps in order).
 */
export function foldEvents(perArticle: EventRow[][]): EventRow[] {
  const byKey = new Map<string, EventRow>();
  for (const rows of perArticle) {
    for (const row of rows) {
      const prev = byKey.get(row.key);
      if (!prev) {
        byKey.set(row.key, { ...row });
        continue;
      }
      if (prev.precision == null || (prev.precision !== 'DAY' && row.precision === 'DAY')) {
        prev.start_date = row.start_date;
        prev.end_date = row.end_date;
        prev.precision = row.precision;
      }
      prev.place_id ??= row.place_id;
    }
  }
  return [...byKey.values()];
}
