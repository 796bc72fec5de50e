import pg from 'pg';
import { bodies, gid, newestCursors, PERSON_OURS, SEARCH_COUNT_OURS, SEARCH_OURS } from '../operations.ts';

/** A read of the scale benchmark: our query and the request bodies it is asked with, in turn. */
export interface ScaleQuery {
  name: string;
  description: string;
  bodies: string[];
}

const NEWEST = /* GraphQL */ `query Newest {
  articles(first: 20) { nodes { id title publishedAt source dateline } pageInfo { hasNextPage endCursor } }
}`;

const SPEAKER_RANGE = /* GraphQL */ `query SpeakerRange($speaker: ID!, $from: Date!, $to: Date!) {
  statements(speaker: $speaker, from: $from, to: $to, first: 20) { totalCount nodes { id text kind article { id title publishedAt } } }
}`;

const EVENTS_BY_KIND = /* GraphQL */ `query EventsByKind($kind: EventKind!) {
  events(kind: $kind, first: 20) { nodes { id title kind startDate place { name } } }
}`;

const COUNTS = /* GraphQL */ `query Counts($person: ID!) {
  articles(first: 1) { totalCount }
  statements(first: 1) { totalCount }
  people(first: 1) { totalCount }
  byPerson: articles(person: $person, first: 1) { totalCount }
}`;

const DEEP = /* GraphQL */ `query Deep($after: String!) {
  articles(first: 20, after: $after) { nodes { id title publishedAt } }
}`;

export const COMMON_WORDS = ['government', 'market', 'oil prices', 'shares', 'minister', 'bank', 'company', 'trade'];
export const EVENT_KINDS = ['MEETING', 'TALKS', 'VISIT', 'ANNOUNCEMENT', 'SUMMIT', 'OTHER'];
const PAGE = 20;

async function rows<T>(c: pg.Client, text: string): Promise<T[]> {
  return (await c.query(text)).rows as T[];
}

/** The reads the issue lists, with variables sampled from the built database (most-mentioned, one-article, ...). */
export async function scaleQueries(databaseUrl: string): Promise<ScaleQuery[]> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const frequent = await rows<{ id: number }>(c, `SELECT person_id AS id FROM article_person GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT 10`);
    const rare = await rows<{ id: number; name: string }>(c, `SELECT p.id, p.name FROM person p JOIN (SELECT person_id FROM article_person GROUP BY person_id HAVING count(*) = 1) one ON one.person_id = p.id WHERE p.name LIKE '% %' AND EXISTS (SELECT 1 FROM statement s WHERE s.speaker_person_id = p.id) ORDER BY md5(p.id::text) LIMIT 100`);
    // The busiest speakers, each over the middle half of the dates they speak at.
    const speakers = await rows<{ id: number; from: string; to: string }>(c, `
      SELECT s.speaker_person_id AS id,
             to_char(percentile_disc(0.25) WITHIN GROUP (ORDER BY a.published_at), 'YYYY-MM-DD') AS from,
             to_char(percentile_disc(0.75) WITHIN GROUP (ORDER BY a.published_at), 'YYYY-MM-DD') AS to
      FROM statement s JOIN article a ON a.id = s.article_id
      WHERE s.speaker_person_id IN (SELECT speaker_person_id FROM statement WHERE speaker_person_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 10)
        AND a.published_at IS NOT NULL
      GROUP BY 1`);
    if (frequent.length === 0 || rare.length === 0 || speakers.length === 0) throw new Error('the scale database has too few people or statements to sample');
    const person = (ids: { id: number }[]) => bodies(PERSON_OURS, ids.map((p) => ({ id: gid('Person', p.id) })));
    return [
      { name: 'newestArticles', description: 'articles(first: 20): the newest-articles page', bodies: bodies(NEWEST, [{}]) },
      { name: 'frequentPerson', description: 'person page of the 10 most-mentioned people', bodies: person(frequent) },
      { name: 'rarePerson', description: 'person page of people in one article (the control)', bodies: person(rare) },
      { name: 'searchCommonWord', description: `search(first: 10) for common words (${COMMON_WORDS.join(', ')})`, bodies: bodies(SEARCH_OURS, COMMON_WORDS.map((q) => ({ q }))) },
      { name: 'searchCommonWordCount', description: 'search(first: 10) { totalCount } for the same common words: the exact number of matches, on request', bodies: bodies(SEARCH_COUNT_OURS, COMMON_WORDS.map((q) => ({ q }))) },
      { name: 'searchRareName', description: 'search(first: 10) for the full name of a person in one article', bodies: bodies(SEARCH_OURS, rare.slice(0, 50).map((p) => ({ q: p.name }))) },
      { name: 'speakerInRange', description: 'statements(speaker:, from:, to:, first: 20) of the 10 busiest speakers over the middle half of their dates', bodies: bodies(SPEAKER_RANGE, speakers.map((s) => ({ speaker: gid('Person', s.id), from: s.from, to: s.to }))) },
      { name: 'eventsByKind', description: 'events(kind:, first: 20) for each common kind', bodies: bodies(EVENTS_BY_KIND, EVENT_KINDS.map((kind) => ({ kind }))) },
      { name: 'totalCounts', description: 'totalCount of all articles, statements, people and of a most-mentioned person\'s articles', bodies: bodies(COUNTS, frequent.map((p) => ({ person: gid('Person', p.id) }))) },
      { name: 'deepPage', description: 'articles(first: 20) 500 pages deep (pages 500-509)', bodies: bodies(DEEP, (await newestCursors(c, Array.from({ length: 10 }, (_, i) => (499 + i) * PAGE - 1))).map((after) => ({ after }))) },
    ];
  } finally {
    await c.end();
  }
}
