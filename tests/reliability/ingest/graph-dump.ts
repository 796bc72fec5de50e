import type { Sql } from '../../../src/db/sql.ts';

/**
 * The graph in a form comparable across databases: no ids or timestamps, everything keyed by
 * natural keys and sorted. Two ingests that stored the same thing dump equal.
 */
export async function dumpGraph(sql: Sql): Promise<Record<string, unknown[]>> {
  const q = (text: string) => sql.query(text);
  return {
    articles: await q(`SELECT natural_key, content_hash, title, source, published_at, length(body) AS len FROM article ORDER BY natural_key`),
    people: await q(`SELECT name FROM person ORDER BY name`),
    organizations: await q(`SELECT name, kind FROM organization ORDER BY name`),
    places: await q(`SELECT name, kind FROM place ORDER BY name`),
    events: await q(`SELECT key, title, kind FROM event ORDER BY key`),
    statements: await q(`SELECT a.natural_key, s.start_offset, s.end_offset, s.span_starts, s.span_ends, s.text, s.kind, s.cue, s.speaker_text, p.name AS person, o.name AS org, e.key AS event
      FROM statement s JOIN article a ON a.id = s.article_id LEFT JOIN person p ON p.id = s.speaker_person_id
      LEFT JOIN organization o ON o.id = s.speaker_organization_id LEFT JOIN event e ON e.id = s.event_id
      ORDER BY a.natural_key, s.start_offset, s.end_offset`),
    articlePeople: await q(`SELECT a.natural_key, p.name, x.count, x.offsets, x.ends, x.confidences FROM article_person x JOIN article a ON a.id = x.article_id JOIN person p ON p.id = x.person_id ORDER BY 1, 2`),
    articleOrganizations: await q(`SELECT a.natural_key, o.name, x.count, x.offsets, x.ends, x.confidences FROM article_organization x JOIN article a ON a.id = x.article_id JOIN organization o ON o.id = x.organization_id ORDER BY 1, 2`),
    articlePlaces: await q(`SELECT a.natural_key, p.name, x.count, x.offsets, x.ends, x.confidences FROM article_place x JOIN article a ON a.id = x.article_id JOIN place p ON p.id = x.place_id ORDER BY 1, 2`),
    eventArticles: await q(`SELECT e.key, a.natural_key, x.offsets FROM event_article x JOIN article a ON a.id = x.article_id JOIN event e ON e.id = x.event_id ORDER BY 1, 2`),
    eventParticipants: await q(`SELECT e.key, p.name FROM event_participant x JOIN event e ON e.id = x.event_id JOIN person p ON p.id = x.person_id ORDER BY 1, 2`),
    eventOrganizations: await q(`SELECT e.key, o.name FROM event_organization x JOIN event e ON e.id = x.event_id JOIN organization o ON o.id = x.organization_id ORDER BY 1, 2`),
  };
}

/** Statement and mention counts per article (natural key), to tell whole articles from half-written ones. */
export async function perArticleCounts(sql: Sql): Promise<Map<string, string>> {
  const rows = await sql.query<{ natural_key: string; c: string }>(`
    SELECT a.natural_key, concat_ws('/', (SELECT count(*) FROM statement s WHERE s.article_id = a.id), (SELECT count(*) FROM article_person x WHERE x.article_id = a.id),
      (SELECT count(*) FROM article_organization x WHERE x.article_id = a.id), (SELECT count(*) FROM article_place x WHERE x.article_id = a.id),
      (SELECT count(*) FROM event_article x WHERE x.article_id = a.id)) AS c
    FROM article a`);
  return new Map(rows.map((r) => [r.natural_key, r.c]));
}

const UTF16_LENGTH = `length(body) + length(regexp_replace(body, '[^\\U00010000-\\U0010FFFF]', '', 'g'))`;

/** Rows that no article justifies: must be none after any ingest, complete or interrupted. */
export async function orphanCounts(sql: Sql): Promise<Record<string, number>> {
  const one = async (text: string) => Number((await sql.query<{ n: number }>(text))[0].n);
  return {
    people: await one(`SELECT count(*) AS n FROM person p WHERE NOT EXISTS (SELECT 1 FROM article_person x WHERE x.person_id = p.id) AND NOT EXISTS (SELECT 1 FROM statement s WHERE s.speaker_person_id = p.id)`),
    organizations: await one(`SELECT count(*) AS n FROM organization o WHERE NOT EXISTS (SELECT 1 FROM article_organization x WHERE x.organization_id = o.id) AND NOT EXISTS (SELECT 1 FROM statement s WHERE s.speaker_organization_id = o.id)`),
    places: await one(`SELECT count(*) AS n FROM place p WHERE NOT EXISTS (SELECT 1 FROM article_place x WHERE x.place_id = p.id) AND NOT EXISTS (SELECT 1 FROM event e WHERE e.place_id = p.id)`),
    events: await one(`SELECT count(*) AS n FROM event e WHERE NOT EXISTS (SELECT 1 FROM event_article x WHERE x.event_id = e.id)`),
    // Offsets count UTF-16 code units (JavaScript strings), PostgreSQL's length() code points: add
    // one per astral character. Computed once per article (a long body measured per row takes minutes).
    statementsOutsideBody: await one(`WITH a AS MATERIALIZED (SELECT id, ${UTF16_LENGTH} AS len FROM article) SELECT count(*) AS n FROM statement s JOIN a ON a.id = s.article_id WHERE s.start_offset < 0 OR s.end_offset > a.len OR s.start_offset >= s.end_offset`),
    mentionsOutsideBody: await one(`WITH a AS MATERIALIZED (SELECT id, ${UTF16_LENGTH} AS len FROM article) SELECT count(*) AS n FROM (SELECT article_id, unnest(offsets) AS o FROM article_person UNION ALL SELECT article_id, unnest(offsets) FROM article_organization UNION ALL SELECT article_id, unnest(offsets) FROM article_place) m JOIN a ON a.id = m.article_id WHERE m.o < 0 OR m.o >= a.len`),
    emptyNames: await one(`SELECT (SELECT count(*) FROM person WHERE btrim(name) = '') + (SELECT count(*) FROM organization WHERE btrim(name) = '') + (SELECT count(*) FROM place WHERE btrim(name) = '') AS n`),
  };
}

export const NO_ORPHANS = { people: 0, organizations: 0, places: 0, events: 0, statementsOutsideBody: 0, mentionsOutsideBody: 0, emptyNames: 0 };
