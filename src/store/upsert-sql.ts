import { GEO_UPDATE_SQL } from './place-geo.ts';

// Entities are upserted by their unique name in one statement per table; aliases and roles are
// unioned so that what another article taught us is never lost. `xmax = 0` tells inserts from updates.
// A row's `multi` says it folds several articles' rows (fold-rows.ts): its lists are then sorted in SQL,
// as the second of several one-article upserts would have left them; otherwise they keep the article's order.
const aliasArray = (column: string) => `CASE WHEN r.multi THEN ARRAY(SELECT DISTINCT a FROM jsonb_array_elements_text(r.${column}) a ORDER BY a) ELSE ARRAY(SELECT jsonb_array_elements_text(r.${column})) END`;

export const UPSERT_PEOPLE = `
INSERT INTO person (name, aliases, roles, updated_at)
SELECT r.name, ${aliasArray('aliases')}, ${aliasArray('roles')}, now()
FROM jsonb_to_recordset($1::jsonb) AS r(name text, aliases jsonb, roles jsonb, multi boolean)
ORDER BY r.name
ON CONFLICT (name) DO UPDATE SET
  aliases = ARRAY(SELECT DISTINCT a FROM unnest(person.aliases || excluded.aliases) a ORDER BY a),
  roles = ARRAY(SELECT DISTINCT a FROM unnest(person.roles || excluded.roles) a ORDER BY a),
  updated_at = now()
RETURNING id, name, (xmax = 0) AS inserted`;

const upsertNamed = (table: 'organization' | 'place', kindType: string) => `
INSERT INTO ${table} (name, aliases, kind, updated_at)
SELECT r.name, ${aliasArray('aliases')}, r.kind::"${kindType}", now()
FROM jsonb_to_recordset($1::jsonb) AS r(name text, aliases jsonb, kind text, multi boolean)
ORDER BY r.name
ON CONFLICT (name) DO UPDATE SET
  aliases = ARRAY(SELECT DISTINCT a FROM unnest(${table}.aliases || excluded.aliases) a ORDER BY a),
  kind = CASE WHEN excluded.kind <> 'OTHER' AND (${table}.kind = 'OTHER' OR excluded.kind::text COLLATE "C" < ${table}.kind::text COLLATE "C") THEN excluded.kind ELSE ${table}.kind END,
  updated_at = now()
RETURNING id, name, (xmax = 0) AS inserted`;
export const UPSERT_ORGANIZATIONS = upsertNamed('organization', 'OrganizationKind');
/** As upsertNamed, with where the place is: the better reading of the row's and the article's (place-geo.ts). */
export const UPSERT_PLACES = `
INSERT INTO place (name, aliases, kind, latitude, longitude, country_code, geonames_id, population, updated_at)
SELECT r.name, ${aliasArray('aliases')}, r.kind::"PlaceKind", r.latitude, r.longitude, r.country_code, r.geonames_id, r.population, now()
FROM jsonb_to_recordset($1::jsonb) AS r(name text, aliases jsonb, kind text, multi boolean, latitude float8, longitude float8, country_code text, geonames_id int, population int)
ORDER BY r.name
ON CONFLICT (name) DO UPDATE SET
  aliases = ARRAY(SELECT DISTINCT a FROM unnest(place.aliases || excluded.aliases) a ORDER BY a),
  kind = CASE WHEN excluded.kind <> 'OTHER' AND (place.kind = 'OTHER' OR excluded.kind::text COLLATE "C" < place.kind::text COLLATE "C") THEN excluded.kind ELSE place.kind END,
  ${GEO_UPDATE_SQL},
  updated_at = now()
RETURNING id, name, (xmax = 0) AS inserted`;

// Events are inserted by key; what a stored event shows is computed from its accounts once the batch's
// links are written (refresh-events.ts), so an existing row is only touched to return its id.
export const UPSERT_EVENT = `
INSERT INTO event (key, title, kind, start_date, end_date, precision, place_id, type, mode, is_symmetric, confidence, updated_at)
SELECT r.key, r.title, r.kind::"EventKind", r.start_date::date, r.end_date::date, r.precision::"DatePrecision", r.place_id, r.type::"EventType", r.mode, r."symmetric", r.confidence, now()
FROM jsonb_to_recordset($1::jsonb) AS r(key text, title text, kind text, start_date text, end_date text, precision text, place_id int, type text, mode text, "symmetric" boolean, confidence float8)
ORDER BY r.key
ON CONFLICT (key) DO UPDATE SET updated_at = now()
RETURNING id, key AS name, (xmax = 0) AS inserted`;
