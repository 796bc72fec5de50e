import { compareCodePoints } from '../resolve/names.ts';
import type { EventRow, NamedRow } from './entity-rows.ts';
import { betterGeo, GEO_COLUMNS } from './place-geo.ts';

/**
 * Organisation and place kind: a known kind over OTHER, else the first in code point order — as
 * upsert-sql.ts's `kind` rule, so any order of articles leaves the same kind.
 */
function betterKind(current: string | undefined, offered: string | undefined): boolean {
  if (offered === undefined || offered === 'OTHER') return false;
  return current === 'OTHER' || compareCodePoints(offered, current!) < 0;
}

/**
 * Rows of several articles that upsert one node, folded into one row the way the per-article upserts
 * would leave it when run one after the other (PostgreSQL refuses to touch a row twice in one statement):
 * - aliases and roles: the union. A row upserted by one article keeps that article's order; by several,
 *   the second upsert re-sorted it in SQL (`multi`), so the folded row is sorted in SQL too;
 * - organisation and place kind: betterKind;
 * - place coordinates, country, GeoNames id: the better reading (place-geo.ts).
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
      if ('country_code' in row && betterGeo(prev, row)) for (const c of GEO_COLUMNS) (prev as NamedRow)[c] = row[c] as never;
    }
  }
  return [...byName.values()];
}

/**
 * Event rows of several articles folded to one per key. What the row shows (dates, place, title and
 * kind) is computed from its accounts after the links are written (refresh-events.ts).
 */
export function foldEvents(perArticle: EventRow[][]): EventRow[] {
  const byKey = new Map<string, EventRow>();
  for (const rows of perArticle) for (const row of rows) if (!byKey.has(row.key)) byKey.set(row.key, row);
  return [...byKey.values()];
}
