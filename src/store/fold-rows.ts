import { compareCodePoints } from '../resolve/names.ts';
import type { EventRow, NamedRow } from './entity-rows.ts';

/**
 * Organisation and place kind: a known kind over OTHER, else the first in code point order — as
 * upsert-sql.ts's `kind` rule, so any order of articles leaves the same kind.
 */
export function betterKind(current: string | undefined, offered: string | undefined): boolean {
  if (offered === undefined || offered === 'OTHER') return false;
  return current === 'OTHER' || compareCodePoints(offered, current!) < 0;
}

/**
 * Rows of several articles that upsert one node, folded into one row the way the per-article upserts
 * would leave it when run one after the other (PostgreSQL refuses to touch a row twice in one statement):
 * - aliases and roles: the union. A row upserted by one article keeps that article's order; by several,
 *   the second upsert re-sorted it in SQL (`multi`), so the folded row is sorted in SQL too;
 * - organisation and place kind: betterKind.
 * Every rule is associative and commutative, so a batch leaves the row as its articles one by one
 * would, in any order.
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
      if (betterKind(prev.kind, row.kind)) prev.kind = row.kind;
    }
  }
  return [...byName.values()];
}

const PRECISION_RANK: Record<string, number> = { YEAR: 1, MONTH: 2, RANGE: 3, DAY: 4 };
const rank = (p: string | null) => (p ? (PRECISION_RANK[p] ?? 0) : 0);

/** Whether `offered` dates replace `current` ones: the more precise, then the earlier start, then end (UPSERT_EVENT's rule). */
export function betterDates(current: { start_date: string | null; end_date: string | null; precision: string | null }, offered: typeof current): boolean {
  const d = rank(offered.precision) - rank(current.precision);
  if (d !== 0) return d > 0;
  if (offered.start_date === null || current.start_date === null) return false;
  if (offered.start_date !== current.start_date) return offered.start_date < current.start_date;
  return offered.end_date !== null && current.end_date !== null && offered.end_date < current.end_date;
}

/** Whether `offered` title and kind replace `current` ones: the first in code point order (title, then kind). */
function betterTitle(current: EventRow, offered: EventRow): boolean {
  const d = compareCodePoints(offered.title, current.title);
  return d !== 0 ? d < 0 : compareCodePoints(offered.kind, current.kind) < 0;
}

/** Whether `offered`'s place replaces `current`'s: a place over none, else the first name in code point order. */
function betterPlace(current: EventRow, offered: EventRow): boolean {
  if (offered.place_id === null || offered.place_name === null) return false;
  return current.place_id === null || compareCodePoints(offered.place_name, current.place_name ?? '') < 0;
}

/** Event rows folded by the rules of UPSERT_EVENT (dates, place, title and kind), each order-free. */
export function foldEvents(perArticle: EventRow[][]): EventRow[] {
  const byKey = new Map<string, EventRow>();
  for (const rows of perArticle) {
    for (const row of rows) {
      const prev = byKey.get(row.key);
      if (!prev) {
        byKey.set(row.key, { ...row });
        continue;
      }
      if (betterDates(prev, row)) Object.assign(prev, { start_date: row.start_date, end_date: row.end_date, precision: row.precision });
      if (betterPlace(prev, row)) Object.assign(prev, { place_id: row.place_id, place_name: row.place_name });
      if (betterTitle(prev, row)) Object.assign(prev, { title: row.title, kind: row.kind });
    }
  }
  return [...byKey.values()];
}
