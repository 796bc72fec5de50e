import type { Sql } from '../../src/db/sql.ts';

/**
 * Everything stored, by natural keys (no ids or timestamps), in a stable order; arrays as stored.
 * `origins: false` leaves out where each article came from (a file line, a request), for graphs
 * built from the same articles sent different ways.
 */
export async function canonicalDump(sql: Sql, options: { origins?: boolean } = {}): Promise<Record<string, unknown[]>> {
  const q = (text: string) => sql.query(text);
  return {
    articles: await q(`SELECT natural_key, content_hash, title, source, url, published_at, dateline, md5(body) AS body, extractor_version${options.origins === false ? '' : ', origin'} FROM article ORDER BY natural_key`),
    people: await q(`SELECT name, aliases, roles FROM person ORDER BY name`),
    organizations: await q(`SELECT name, aliases, kind FROM organization ORDER BY name`),
    places: await q(`SELECT name, aliases, kind, latitude, longitude, country_code, geonames_id, population FROM place ORDER BY name`),
    events: await q(`SELECT e.key, e.title, e.kind, e.type, e.mode, e.is_symmetric, e.confidence, e.start_date, e.end_date, e.precision, p.name AS place FROM event e LEFT JOIN place p ON p.id = e.place_id ORDER BY e.key`),
    statements: await q(`SELECT a.natural_key, s.start_offset, s.end_offset, s.span_starts, s.span_ends, s.text, s.kind, s.cue, s.speaker_text, s.confidence, p.name AS person, o.name AS org, e.key AS event
      FROM statement s JOIN article a ON a.id = s.article_id LEFT JOIN person p ON p.id = s.speaker_person_id
      LEFT JOIN organization o ON o.id = s.speaker_organization_id LEFT JOIN event e ON e.id = s.event_id
      ORDER BY a.natural_key, s.start_offset, s.end_offset`),
    articlePeople: await q(`SELECT a.natural_key, p.name, x.count, x.offsets, x.ends, x.confidences, x.roles FROM article_person x JOIN article a ON a.id = x.article_id JOIN person p ON p.id = x.person_id ORDER BY 1, 2`),
    articleOrganizations: await q(`SELECT a.natural_key, o.name, x.count, x.offsets, x.ends, x.confidences FROM article_organization x JOIN article a ON a.id = x.article_id JOIN organization o ON o.id = x.organization_id ORDER BY 1, 2`),
    articlePlaces: await q(`SELECT a.natural_key, p.name, x.count, x.offsets, x.ends, x.confidences FROM article_place x JOIN article a ON a.id = x.article_id JOIN place p ON p.id = x.place_id ORDER BY 1, 2`),
    eventArticles: await q(`SELECT e.key, a.natural_key, x.offsets FROM event_article x JOIN article a ON a.id = x.article_id JOIN event e ON e.id = x.event_id ORDER BY 1, 2`),
    eventParticipants: await q(`SELECT e.key, p.name FROM event_participant x JOIN event e ON e.id = x.event_id JOIN person p ON p.id = x.person_id ORDER BY 1, 2`),
    eventActors: await q(`SELECT e.key, a.natural_key, x.role, COALESCE('person ' || p.name, 'organization ' || o.name, 'group ' || x.group_name) AS actor FROM event_actor x JOIN event e ON e.id = x.event_id JOIN article a ON a.id = x.article_id
      LEFT JOIN person p ON p.id = x.person_id LEFT JOIN organization o ON o.id = x.organization_id ORDER BY 1, 2, 3, 4`),
    eventOrganizations: await q(`SELECT e.key, o.name FROM event_organization x JOIN event e ON e.id = x.event_id JOIN organization o ON o.id = x.organization_id ORDER BY 1, 2`),
  };
}

