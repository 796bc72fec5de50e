import type { Sql } from '../db/sql.ts';
import { entityRows, eventRows, type EventRow, type NamedRow } from './entity-rows.ts';
import { foldEvents, foldNamed } from './fold-rows.ts';
import type { KeyIds } from './link-rows.ts';
import type { StoreArticle, Upserted } from './types.ts';
import { UPSERT_EVENT, UPSERT_ORGANIZATIONS, UPSERT_PEOPLE, UPSERT_PLACES } from './upsert-sql.ts';

/** What the upserts of a batch produced: per article its rows and key → id maps, per table the returned rows. */
export interface UpsertedNodes {
  rows: { people: NamedRow[]; organizations: NamedRow[]; places: NamedRow[]; events: EventRow[] }[];
  ids: KeyIds[];
  returned: { people: Upserted[]; organizations: Upserted[]; places: Upserted[]; events: Upserted[] };
}

async function upsertAll(sql: Sql, text: string, rows: unknown[]): Promise<Upserted[]> {
  if (rows.length === 0) return [];
  return sql.query<Upserted>(text, [JSON.stringify(rows)]);
}

/**
 * Upserts named nodes. The upsert returns the rows it left unchanged from its snapshot (upsert-sql.ts):
 * a row another transaction committed after that snapshot was taken, and that this batch left as it
 * was, is read by name afterwards.
 */
async function upsertNamed(sql: Sql, text: string, table: string, rows: { name: string }[]): Promise<Upserted[]> {
  const returned = await upsertAll(sql, text, rows);
  if (returned.length === rows.length) return returned;
  const have = new Set(returned.map((r) => r.name));
  const missing = rows.filter((r) => !have.has(r.name)).map((r) => r.name);
  return [...returned, ...(await sql.query<Upserted>(`SELECT id, name, false AS inserted FROM ${table} WHERE name = ANY($1::text[])`, [missing]))];
}

const idOf = (list: Upserted[]) => new Map(list.map((r) => [r.name, r.id]));

/** Upserts every entity and event of the batch once (one statement per table), however many articles name it. */
export async function upsertNodes(sql: Sql, articles: StoreArticle[]): Promise<UpsertedNodes> {
  const named = articles.map((a) => entityRows(a.resolved));
  const people = await upsertNamed(sql, UPSERT_PEOPLE, 'person', foldNamed(named.map((r) => r.people)));
  const organizations = await upsertNamed(sql, UPSERT_ORGANIZATIONS, 'organization', foldNamed(named.map((r) => r.organizations)));
  const places = await upsertNamed(sql, UPSERT_PLACES, 'place', foldNamed(named.map((r) => r.places)));
  const [personIds, orgIds, placeIds] = [idOf(people), idOf(organizations), idOf(places)];
  const keyMaps = articles.map(({ resolved }) => ({
    personKey: new Map(resolved.people.map((p) => [p.key, personIds.get(p.name)!])),
    orgKey: new Map(resolved.organizations.map((o) => [o.key, orgIds.get(o.name)!])),
    placeKey: new Map(resolved.places.map((p) => [p.key, placeIds.get(p.name)!])),
  }));
  const eventsPerArticle = articles.map((a, i) => eventRows(a.resolved, keyMaps[i].placeKey));
  const events = await upsertAll(sql, UPSERT_EVENT, foldEvents(eventsPerArticle));
  const eventIds = idOf(events);
  const eventDates = new Map(events.map((e) => [e.id, e.start_date ?? null]));
  return {
    rows: named.map((r, i) => ({ ...r, events: eventsPerArticle[i] })),
    ids: keyMaps.map((k) => ({ ...k, eventIds, eventDates })),
    returned: { people, organizations, places, events },
  };
}
