// Where a stored place is. Place rows are keyed by name, and two articles may read one name as two
// places (Paris, France and Paris, Texas): the row keeps the better reading by one total order, the
// same in the batch fold (fold-rows.ts) and in SQL (upsert-sql.ts), so the stored place never depends
// on the order the articles arrive in. Better: geocoded over not; then the more populous (the usual
// reading of the name); then the lower GeoNames id, latitude, longitude, country code.

import { compareCodePoints } from '../resolve/names.ts';

export interface PlaceGeoRow {
  latitude?: number | null;
  longitude?: number | null;
  country_code?: string | null;
  geonames_id?: number | null;
  population?: number | null;
}

export const GEO_COLUMNS = ['latitude', 'longitude', 'country_code', 'geonames_id', 'population'] as const;

const rank = (r: PlaceGeoRow): (number | string)[] => [r.country_code == null ? 0 : 1, r.population ?? 0, -(r.geonames_id ?? 0), r.latitude ?? 0, r.longitude ?? 0, r.country_code ?? ''];

/** Whether `offered` is a better reading than `current` (see above). */
export function betterGeo(current: PlaceGeoRow, offered: PlaceGeoRow): boolean {
  const [a, b] = [rank(offered), rank(current)];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    // Strings by code point, as SQL's COLLATE "C" orders them (resolve/names.ts).
    return typeof a[i] === 'string' ? compareCodePoints(a[i] as string, b[i] as string) > 0 : (a[i] as number) > (b[i] as number);
  }
  return false;
}

const sqlRank = (t: string) => `ROW((${t}.country_code IS NOT NULL)::int, coalesce(${t}.population, 0), -coalesce(${t}.geonames_id, 0), coalesce(${t}.latitude, 0), coalesce(${t}.longitude, 0), coalesce(${t}.country_code, '') COLLATE "C")`;

/** Whether the offered reading (ON CONFLICT's `excluded`) is better than the stored one. */
export const GEO_IS_BETTER_SQL = `${sqlRank('excluded')} > ${sqlRank('place')}`;

/** The ON CONFLICT assignments of the geo columns: each takes the offered value when the offered reading is better. */
export const GEO_UPDATE_SQL = GEO_COLUMNS.map((c) => `${c} = CASE WHEN ${GEO_IS_BETTER_SQL} THEN excluded.${c} ELSE place.${c} END`).join(',\n  ');
