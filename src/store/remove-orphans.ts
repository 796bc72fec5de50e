import type { Sql } from '../db/sql.ts';

export interface NodeIds {
  events: number[];
  people: number[];
  organizations: number[];
  places: number[];
}

/**
 * The nodes articles hold (mentions, statement speakers, events and their places), for orphan removal
 * once those articles' links are gone.
 */
export async function nodesOfArticles(sql: Sql, articleIds: number[]): Promise<NodeIds> {
  const ids = async (q: string) => (await sql.query<{ id: number }>(q, [articleIds])).map((r) => r.id);
  return {
    events: await ids(`SELECT DISTINCT event_id AS id FROM event_article WHERE article_id = ANY($1::int[])`),
    people: await ids(`SELECT person_id AS id FROM article_person WHERE article_id = ANY($1::int[]) UNION SELECT speaker_person_id FROM statement WHERE article_id = ANY($1::int[]) AND speaker_person_id IS NOT NULL`),
    organizations: await ids(`SELECT organization_id AS id FROM article_organization WHERE article_id = ANY($1::int[]) UNION SELECT speaker_organization_id FROM statement WHERE article_id = ANY($1::int[]) AND speaker_organization_id IS NOT NULL`),
    places: await ids(`SELECT place_id AS id FROM article_place WHERE article_id = ANY($1::int[]) UNION SELECT e.place_id FROM event_article ea JOIN event e ON e.id = ea.event_id WHERE ea.article_id = ANY($1::int[]) AND e.place_id IS NOT NULL`),
  };
}

/**
 * Deletes the candidates no article refers to any more (after a correction replaced an extraction, or
 * an article was deleted). Only candidates are checked, so the cost follows the change, not the graph.
 * Events go first: a place may be held only by an event that is gone.
 */
export async function removeOrphans(sql: Sql, candidates: NodeIds): Promise<NodeIds> {
  const gone = async (q: string, ids: number[]) => (ids.length ? (await sql.query<{ id: number }>(q, [ids])).map((r) => r.id) : []);
  const events = await gone(`DELETE FROM event e WHERE e.id = ANY($1::int[]) AND NOT EXISTS (SELECT 1 FROM event_article ea WHERE ea.event_id = e.id) RETURNING id`, candidates.events);
  const people = await gone(`DELETE FROM person p WHERE p.id = ANY($1::int[]) AND NOT EXISTS (SELECT 1 FROM article_person ap WHERE ap.person_id = p.id) AND NOT EXISTS (SELECT 1 FROM statement s WHERE s.speaker_person_id = p.id) RETURNING id`, candidates.people);
  const organizations = await gone(`DELETE FROM organization o WHERE o.id = ANY($1::int[]) AND NOT EXISTS (SELECT 1 FROM article_organization ao WHERE ao.organization_id = o.id) AND NOT EXISTS (SELECT 1 FROM statement s WHERE s.speaker_organization_id = o.id) RETURNING id`, candidates.organizations);
  const places = await gone(`DELETE FROM place p WHERE p.id = ANY($1::int[]) AND NOT EXISTS (SELECT 1 FROM article_place ap WHERE ap.place_id = p.id) AND NOT EXISTS (SELECT 1 FROM event e WHERE e.place_id = p.id) RETURNING id`, candidates.places);
  return { events, people, organizations, places };
}
