import { GEO_COLUMNS, GEO_UPDATE_SQL, GEO_IS_BETTER_SQL } from './place-geo.ts';

// Entities are upserted by their unique name in one statement per table; aliases and roles are
// unioned so that what another article taught us is never lost. `xmax = 0` tells inserts from updates.
// A row's `multi` says it folds several articles' rows (fold-rows.ts): its lists are then sorted in SQL,
// as the second of several one-article upserts would have left them; otherwise they keep the article's order.
// Lists come as text[] read by jsonb_to_recordset from the JSON arrays (no subquery per row and list).
const aliasArray = (column: string) => `CASE WHEN r.multi THEN ARRAY(SELECT DISTINCT a FROM unnest(r.${column}) a ORDER BY a) ELSE r.${column} END`;
const union = (table: string, column: string) => `ARRAY(SELECT DISTINCT a FROM unnest(${table}.${column} || excluded.${column}) a ORDER BY a)`;
const betterKind = (table: string) => `excluded.kind <> 'OTHER' AND (${table}.kind = 'OTHER' OR excluded.kind::text COLLATE "C" < ${table}.kind::text COLLATE "C")`;

/**
 * One upsert by name. A stored node the batch names again is only rewritten when the batch changes it
 * (`changed`): most mentions of a known node teach it nothing new, and rewriting the row anyway cost a
 * new row version with an entry in each of its six indexes (two over expressions of the name, one a
 * trigram GIN) and its generated search names computed again. The rows left as they were are not
 * RETURNed by the upsert: the statement reads them from its snapshot (the table as it was before the
 * statement), the rows it inserted or rewrote come from the upsert. So `updated_at` says when the row
 * last changed, not when an article last named it (nothing reads it).
 */
function upsertByName(table: string, record: string, columns: string[], values: string[], set: string[], changed: string): string {
  return `
WITH r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${record})),
upserted AS (
  INSERT INTO ${table} (${columns.join(', ')}, updated_at)
  SELECT ${values.join(', ')}, now() FROM r ORDER BY r.name
  ON CONFLICT (name) DO UPDATE SET ${set.join(', ')}, updated_at = now()
  WHERE ${changed}
  RETURNING id, name, (xmax = 0) AS inserted
)
SELECT id, name, inserted FROM upserted
UNION ALL
SELECT t.id, t.name, false FROM r JOIN ${table} t ON t.name = r.name WHERE NOT EXISTS (SELECT 1 FROM upserted u WHERE u.name = r.name)`;
}

export const UPSERT_PEOPLE = upsertByName(
  'person',
  'name text, aliases text[], roles text[], multi boolean',
  ['name', 'aliases', 'roles'],
  ['r.name', aliasArray('aliases'), aliasArray('roles')],
  [`aliases = ${union('person', 'aliases')}`, `roles = ${union('person', 'roles')}`],
  `person.aliases IS DISTINCT FROM ${union('person', 'aliases')} OR person.roles IS DISTINCT FROM ${union('person', 'roles')}`,
);

export const UPSERT_ORGANIZATIONS = upsertByName(
  'organization',
  'name text, aliases text[], kind text, multi boolean',
  ['name', 'aliases', 'kind'],
  ['r.name', aliasArray('aliases'), `r.kind::"OrganizationKind"`],
  [`aliases = ${union('organization', 'aliases')}`, `kind = CASE WHEN ${betterKind('organization')} THEN excluded.kind ELSE organization.kind END`],
  `organization.aliases IS DISTINCT FROM ${union('organization', 'aliases')} OR (${betterKind('organization')})`,
);

/** As organisations, with where the place is: the better reading of the row's and the article's (place-geo.ts). */
export const UPSERT_PLACES = upsertByName(
  'place',
  'name text, aliases text[], kind text, multi boolean, latitude float8, longitude float8, country_code text, geonames_id int, population int',
  ['name', 'aliases', 'kind', ...GEO_COLUMNS],
  ['r.name', aliasArray('aliases'), `r.kind::"PlaceKind"`, ...GEO_COLUMNS.map((c) => `r.${c}`)],
  [`aliases = ${union('place', 'aliases')}`, `kind = CASE WHEN ${betterKind('place')} THEN excluded.kind ELSE place.kind END`, GEO_UPDATE_SQL],
  `place.aliases IS DISTINCT FROM ${union('place', 'aliases')} OR (${betterKind('place')}) OR ${GEO_IS_BETTER_SQL}`,
);

// Events are inserted by key; what a stored event shows is computed from its accounts once the batch's
// links are written (refresh-events.ts), so an existing row is only touched to return its id and the
// date its links copy (insert-links.ts).
export const UPSERT_EVENT = `
INSERT INTO event (key, title, kind, start_date, end_date, precision, place_id, type, mode, is_symmetric, confidence, updated_at)
SELECT r.key, r.title, r.kind::"EventKind", r.start_date::date, r.end_date::date, r.precision::"DatePrecision", r.place_id, r.type::"EventType", r.mode, r."symmetric", r.confidence, now()
FROM jsonb_to_recordset($1::jsonb) AS r(key text, title text, kind text, start_date text, end_date text, precision text, place_id int, type text, mode text, "symmetric" boolean, confidence float8)
ORDER BY r.key
ON CONFLICT (key) DO UPDATE SET updated_at = now()
RETURNING id, key AS name, (xmax = 0) AS inserted, start_date::text AS start_date`;
