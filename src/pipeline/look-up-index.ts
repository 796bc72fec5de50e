import type { Sql } from '../db/sql.ts';
import type { Writer } from '../db/writer.ts';
import type { Extraction } from '../extract/types.ts';
import { addMembers } from '../resolve/events.ts';
import { normalizeName, preferredName } from '../resolve/names.ts';
import { emptyIndex } from '../resolve/resolve-extraction.ts';
import type { EntityIndex, EventMember } from '../resolve/types.ts';

type Named = 'people' | 'organizations' | 'places';

/**
 * The stored people, organisations and places named like the batch's (`terms`: normalised names), in
 * one round trip, each table by the expression index of migration 20261203090000_resolution_look_up
 * (newsgraph_norm_name is normalizeName in SQL).
 */
async function storedNames(sql: Sql, terms: Record<Named, string[]>, index: EntityIndex): Promise<void> {
  if (Object.values(terms).every((t) => t.length === 0)) return;
  const rows = await sql.query<{ kind: Named; name: string }>(
    `SELECT 'people' AS kind, name FROM person WHERE newsgraph_norm_name(name) = ANY($1::text[])
     UNION ALL SELECT 'organizations', name FROM organization WHERE newsgraph_norm_name(name) = ANY($2::text[])
     UNION ALL SELECT 'places', name FROM place WHERE newsgraph_norm_name(name) = ANY($3::text[])`,
    [terms.people, terms.organizations, terms.places],
  );
  for (const { kind, name } of rows) {
    const n = normalizeName(name);
    const known = index[kind].get(n);
    index[kind].set(n, known === undefined ? name : preferredName(known, name));
  }
}

/**
 * The stored accounts of events an account of the batch may be linked to (see sameEvent): those naming
 * one of its participants or sharing a key's part before `@`. Both look-ups use the GIN indexes of
 * migration 20261203090000_resolution_look_up. The event's key and the place's name come by id, row
 * by row: joined, the planner (expecting far more matches than there are) read every event and place.
 * Each comes with its article's identities (natural key, content hash: see EventMember.article).
 */
async function storedMembers(sql: Sql, names: string[], prefixes: string[]): Promise<EventMember[]> {
  if (names.length === 0 && prefixes.length === 0) return [];
  // A batch's hundreds of names and prefixes made the planner expect most of event_article to match
  // and read it whole, computing both member functions for every row: ~200 ms a 200-article batch
  // of BBC against ~30 ms by the GIN indexes. Rows come in the same order either way (heap order).
  await sql.query('SET LOCAL enable_seqscan = off');
  const rows = await sql.query<{ event: string; m: Omit<EventMember, 'event' | 'placeName'> & { placeId: number | null }; place_name: string | null; article: string[] }>(
    `SELECT (SELECT e.key FROM event e WHERE e.id = ea.event_id) AS event, m,
            (SELECT pl.name FROM place pl WHERE pl.id = (m->>'placeId')::int) AS place_name,
            (SELECT ARRAY[a.natural_key, a.content_hash] FROM article a WHERE a.id = ea.article_id) AS article
     FROM event_article ea
     CROSS JOIN LATERAL jsonb_array_elements(ea.members) m
     WHERE newsgraph_member_names(ea.members) && $1::text[] OR newsgraph_member_prefixes(ea.members) && $2::text[]`,
    [names, prefixes],
  );
  return rows.map(({ event, m, place_name, article }) => ({ event, key: m.key, kind: m.kind, title: m.title, startDate: m.startDate, endDate: m.endDate, precision: m.precision, placeName: place_name, names: m.names, ...(m.actors ? { actors: m.actors } : {}), yearless: m.yearless ?? null, article }));
}

/**
 * The part of the stored graph a batch's resolution can touch, fetched by look-up instead of loading
 * the graph: the nodes named like the batch's people, organisations and places, and the accounts of
 * events its events may be linked to.
 */
export async function lookUpIndex(writer: Writer, extractions: Extraction[]): Promise<EntityIndex> {
  const terms = (list: { name: string }[]) => [...new Set(list.map((e) => normalizeName(e.name)))];
  const index = emptyIndex();
  const participants = extractions.flatMap((x) => {
    const taking = new Set(x.events.flatMap((e) => e.participantKeys));
    return x.people.filter((p) => taking.has(p.key));
  });
  const prefixes = [...new Set(extractions.flatMap((x) => x.events.map((e) => e.key.split('@')[0])))];
  // In the writer's read transaction, for its settings: without JIT compilation, which these
  // statements' estimates (far above what they read) would otherwise start, at up to seconds each.
  await writer.read(async (sql) => {
    await storedNames(sql, { people: terms(extractions.flatMap((x) => x.people)), organizations: terms(extractions.flatMap((x) => x.organizations)), places: terms(extractions.flatMap((x) => x.places)) }, index);
    addMembers(index.events, prefixes.length ? await storedMembers(sql, terms(participants), prefixes) : []);
  });
  return index;
}
