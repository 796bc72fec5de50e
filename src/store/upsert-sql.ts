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
export const UPSERT_PLACES = upsertNamed('place', 'PlaceKind');

// An event reported by several articles takes, whichever reported it first (fold-rows.ts, the same
// rules for a batch): the most precise dates, then the earliest; a place, then the first place name in
// code point order; the first title (then kind) in code point order.
const rank = (p: string) => `COALESCE(array_position(ARRAY['YEAR', 'MONTH', 'RANGE', 'DAY'], ${p}::text), 0)`;
const BETTER_DATES = `(${rank('excluded.precision')} > ${rank('event.precision')} OR (${rank('excluded.precision')} = ${rank('event.precision')}
  AND (excluded.start_date < event.start_date OR (excluded.start_date = event.start_date AND excluded.end_date < event.end_date))))`;
const placeName = (id: string) => `(SELECT name FROM place WHERE id = ${id}) COLLATE "C"`;
const BETTER_PLACE = `(excluded.place_id IS NOT NULL AND (event.place_id IS NULL OR ${placeName('excluded.place_id')} < ${placeName('event.place_id')}))`;
const BETTER_TITLE = `(excluded.title COLLATE "C" < event.title COLLATE "C" OR (excluded.title = event.title AND excluded.kind::text COLLATE "C" < event.kind::text COLLATE "C"))`;

export const UPSERT_EVENT = `
INSERT INTO event (key, title, kind, start_date, end_date, precision, place_id, updated_at)
SELECT r.key, r.title, r.kind::"EventKind", r.start_date::date, r.end_date::date, r.precision::"DatePrecision", r.place_id, now()
FROM jsonb_to_recordset($1::jsonb) AS r(key text, title text, kind text, start_date text, end_date text, precision text, place_id int)
ORDER BY r.key
ON CONFLICT (key) DO UPDATE SET
  start_date = CASE WHEN ${BETTER_DATES} THEN excluded.start_date ELSE event.start_date END,
  end_date = CASE WHEN ${BETTER_DATES} THEN excluded.end_date ELSE event.end_date END,
  precision = CASE WHEN ${BETTER_DATES} THEN excluded.precision ELSE event.precision END,
  place_id = CASE WHEN ${BETTER_PLACE} THEN excluded.place_id ELSE event.place_id END,
  title = CASE WHEN ${BETTER_TITLE} THEN excluded.title ELSE event.title END,
  kind = CASE WHEN ${BETTER_TITLE} THEN excluded.kind ELSE event.kind END,
  updated_at = now()
RETURNING id, key AS name, (xmax = 0) AS inserted`;
