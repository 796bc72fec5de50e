import { newestArticlesCursor } from '../src/services/lists.ts';
import pg from 'pg';

/**
 * The canonical read operations, as our API spells them and as PostGraphile 5 (amber preset, its
 * default inflection) spells the same data. Each request picks the next variables from a sample of
 * real rows, so the servers fetch different rows rather than one row over and over.
 */
export interface Side {
  query: string;
  /** Request bodies (JSON), used in turn. */
  bodies: string[];
}

export interface Operation {
  name: string;
  description: string;
  ours: Side | null;
  peer: Side | null;
  /** Why a side is missing, or how the two differ. */
  note?: string;
}

const SAMPLE = 200;

export const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64');
const peerId = (type: string, id: number) => Buffer.from(JSON.stringify([type, id]), 'utf8').toString('base64');
/**
 * Cursors of the newest-articles list after the rows at these positions (0-based), as the API makes
 * them; past the end of a small database, the last row's (an empty page, as a position past the end was).
 */
export async function newestCursors(client: pg.Client, positions: number[]): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  for (const pos of positions) {
    if (pos < 0) {
      out.push(null);
      continue;
    }
    const { rows } = await client.query<{ d: string | null; id: number }>(`SELECT to_char(published_at, 'YYYY-MM-DD') AS d, id FROM article ORDER BY published_at DESC NULLS LAST, id DESC OFFSET LEAST($1, GREATEST((SELECT count(*) FROM article) - 1, 0)) LIMIT 1`, [pos]);
    out.push(rows[0] ? newestArticlesCursor(rows[0].d, rows[0].id) : null);
  }
  return out;
}
export const bodies = (query: string, variables: Record<string, unknown>[]) => variables.map((v) => JSON.stringify({ query, variables: v }));

const ARTICLE_OURS = /* GraphQL */ `query ArticlePage($id: ID!) {
  node(id: $id) {
    ... on Article {
      id title publishedAt source dateline
      people(first: 10) { totalCount nodes { id name } }
      statements(first: 20) { totalCount nodes { id text kind cue speaker { __typename ... on Person { id name } ... on Organization { id name } } } }
    }
  }
}`;

const ARTICLE_PEER = /* GraphQL */ `query ArticlePage($rowId: Int!) {
  articleByRowId(rowId: $rowId) {
    id title publishedAt source dateline
    articlePeopleByArticleId(first: 10) { totalCount nodes { personByPersonId { id name } } }
    statementsByArticleId(first: 20, orderBy: [START_OFFSET_ASC]) { totalCount nodes { id text kind cue personBySpeakerPersonId { id name } organizationBySpeakerOrganizationId { id name } } }
  }
}`;

// TODO(co-mentions): ours is Person.coMentionedPeople; the peer gets the same list from a computed
// column (person_co_mentioned_people, created in the benchmark database only, see peer/functions.sql).
export const PERSON_OURS = /* GraphQL */ `query PersonPage($id: ID!) {
  node(id: $id) {
    ... on Person {
      id name aliases roles
      statements(first: 10) { totalCount nodes { id text kind article { id title publishedAt } } }
      events(first: 5) { totalCount nodes { id title kind startDate } }
      coMentionedPeople(first: 10) { nodes { id name } }
    }
  }
}`;

const PERSON_PEER = /* GraphQL */ `query PersonPage($rowId: Int!) {
  personByRowId(rowId: $rowId) {
    id name aliases roles
    statementsBySpeakerPersonId(first: 10) { totalCount nodes { id text kind articleByArticleId { id title publishedAt } } }
    eventParticipantsByPersonId(first: 5) { totalCount nodes { eventByEventId { id title kind startDate } } }
    coMentionedPeople(first: 10) { nodes { id name } }
  }
}`;

const TRAVERSAL_OURS = /* GraphQL */ `query Traversal($after: String) {
  articles(first: 10, after: $after) {
    nodes {
      id title
      statements(first: 10) {
        nodes {
          id text
          speaker {
            __typename
            ... on Person { id name statements(first: 5) { nodes { id text } } }
            ... on Organization { id name statements(first: 5) { nodes { id text } } }
          }
        }
      }
    }
  }
}`;

const TRAVERSAL_PEER = /* GraphQL */ `query Traversal($offset: Int!) {
  allArticles(first: 10, offset: $offset, orderBy: [PUBLISHED_AT_DESC, PRIMARY_KEY_DESC]) {
    nodes {
      id title
      statementsByArticleId(first: 10, orderBy: [START_OFFSET_ASC]) {
        nodes {
          id text
          personBySpeakerPersonId { id name statementsBySpeakerPersonId(first: 5) { nodes { id text } } }
          organizationBySpeakerOrganizationId { id name statementsBySpeakerOrganizationId(first: 5) { nodes { id text } } }
        }
      }
    }
  }
}`;

// A results page as a client shows it; the exact number of matches is asked apart (SEARCH_COUNT_OURS).
export const SEARCH_OURS = /* GraphQL */ `query Search($q: String!) {
  search(query: $q, first: 10) {
    edges {
      score snippet
      node { __typename ... on Article { id title } ... on Person { id name } ... on Organization { id name } ... on Statement { id text } ... on Event { id title } ... on Place { id name } }
    }
  }
}`;

export const SEARCH_COUNT_OURS = /* GraphQL */ `query SearchCount($q: String!) {
  search(query: $q, first: 10) { totalCount }
}`;

const NODE_QUERY = /* GraphQL */ `query Node($id: ID!) {
  node(id: $id) { id ... on Article { title publishedAt } ... on Person { name aliases } ... on Statement { text kind } }
}`;

/** Bench-only SQL that gives the peer the co-mention list our schema has (PostGraphile computed column). */
export const PEER_FUNCTIONS_SQL = `
CREATE OR REPLACE FUNCTION person_co_mentioned_people(p person) RETURNS SETOF person LANGUAGE sql STABLE AS $$
  SELECT q.* FROM person q JOIN (
    SELECT y.person_id, count(*) AS n FROM article_person x
    JOIN article_person y ON y.article_id = x.article_id AND y.person_id <> x.person_id
    WHERE x.person_id = p.id GROUP BY y.person_id
  ) w ON w.person_id = q.id
  ORDER BY w.n DESC, q.name, q.id
$$;`;

const SEARCH_WORDS = ['oil prices', 'government', 'election', 'profits', 'minister', 'talks', 'bank', 'football', 'film', 'interest rates'];

/** Builds the operations with variables sampled from the loaded database. */
export async function buildOperations(databaseUrl: string): Promise<{ operations: Operation[]; undated: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const ids = async (text: string) => (await client.query<{ id: number }>(text)).rows.map((r) => r.id);
  try {
    // Deterministic pseudo-random samples of rows that have something to show.
    const articles = await ids(`SELECT a.id FROM article a WHERE EXISTS (SELECT 1 FROM statement s WHERE s.article_id = a.id AND s.speaker_person_id IS NOT NULL) AND EXISTS (SELECT 1 FROM article_person ap WHERE ap.article_id = a.id) ORDER BY md5(a.id::text) LIMIT ${SAMPLE}`);
    const people = await ids(`SELECT p.id FROM person p WHERE EXISTS (SELECT 1 FROM statement s WHERE s.speaker_person_id = p.id) ORDER BY md5(p.id::text) LIMIT ${SAMPLE}`);
    const statements = await ids(`SELECT s.id FROM statement s ORDER BY md5(s.id::text) LIMIT ${SAMPLE}`);
    const total = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM article`)).rows[0].n);
    const dated = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM article WHERE published_at IS NOT NULL`)).rows[0].n);
    const names = (await client.query<{ name: string }>(`SELECT p.name FROM person p JOIN article_person ap ON ap.person_id = p.id GROUP BY p.id ORDER BY count(*) DESC, p.name LIMIT 40`)).rows.map((r) => r.name);
    if (articles.length === 0 || people.length === 0) throw new Error('the benchmark database has no articles with attributed statements');

    // Traversal windows: pages of the newest dated articles. Both servers list newest first; the peer
    // sorts undated articles first (PostgreSQL's NULLS FIRST for DESC), so its offsets skip them.
    const pages = Math.max(1, Math.min(SAMPLE, Math.floor(dated / 10)));
    const offsets = Array.from({ length: pages }, (_, i) => (i * 7919) % pages * 10);
    const undated = total - dated;

    const nodeIds: [string, number][] = [
      ...articles.slice(0, 70).map((id): [string, number] => ['Article', id]),
      ...people.slice(0, 70).map((id): [string, number] => ['Person', id]),
      ...statements.slice(0, 60).map((id): [string, number] => ['Statement', id]),
    ];
    const queries = [...SEARCH_WORDS, ...names];
    const operations: Operation[] = [
      {
        name: 'article',
        description: 'article page: article + people + statements + speakers (node by id)',
        ours: { query: ARTICLE_OURS, bodies: bodies(ARTICLE_OURS, articles.map((id) => ({ id: gid('Article', id) }))) },
        peer: { query: ARTICLE_PEER, bodies: bodies(ARTICLE_PEER, articles.map((rowId) => ({ rowId }))) },
        note: 'peer lists people by primary key (it only orders by indexed columns), ours most-mentioned first',
      },
      {
        name: 'person',
        description: 'person page: person + statements (with article) + events + co-mentioned people',
        ours: { query: PERSON_OURS, bodies: bodies(PERSON_OURS, people.map((id) => ({ id: gid('Person', id) }))) },
        peer: { query: PERSON_PEER, bodies: bodies(PERSON_PEER, people.map((rowId) => ({ rowId }))) },
        note: 'peer co-mentions via a bench-only computed-column function; peer statements in primary-key order, ours newest article first',
      },
      {
        name: 'traversal',
        description: '4 levels: 10 articles -> 10 statements -> speaker -> 5 statements',
        ours: { query: TRAVERSAL_OURS, bodies: bodies(TRAVERSAL_OURS, (await newestCursors(client, offsets.map((o) => o - 1))).map((after) => ({ after }))) },
        peer: { query: TRAVERSAL_PEER, bodies: bodies(TRAVERSAL_PEER, offsets.map((o) => ({ offset: o }))) },
        note: `same articles on both (newest dated first; peer offsets shifted past ${undated} undated articles when it sorts them first)`,
      },
      {
        name: 'search',
        description: 'search(query:, first: 10) over the graph',
        ours: { query: SEARCH_OURS, bodies: bodies(SEARCH_OURS, queries.map((q) => ({ q }))) },
        peer: null,
        note: 'PostGraphile (amber) has no search: ours alone',
      },
      {
        name: 'node',
        description: 'node(id:) lookups of articles, people and statements',
        ours: { query: NODE_QUERY, bodies: bodies(NODE_QUERY, nodeIds.map(([t, id]) => ({ id: gid(t, id) }))) },
        peer: { query: NODE_QUERY, bodies: bodies(NODE_QUERY, nodeIds.map(([t, id]) => ({ id: peerId(t, id) }))) },
      },
    ];
    return { operations, undated };
  } finally {
    await client.end();
  }
}

/** Shifts the peer's traversal offsets when it sorts undated articles first (checked against the running peer). */
export async function alignPeerTraversal(op: Operation, peerUrl: string, undated: number): Promise<void> {
  if (!op.peer || undated === 0) return;
  const res = await post(peerUrl, JSON.stringify({ query: '{ allArticles(first: 1, orderBy: [PUBLISHED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { publishedAt } } }' }));
  const first = (res.json as { data?: { allArticles?: { nodes?: { publishedAt: string | null }[] } } }).data?.allArticles?.nodes?.[0];
  if (first && first.publishedAt === null) {
    op.peer.bodies = op.peer.bodies.map((b) => {
      const body = JSON.parse(b) as { query: string; variables: { offset: number } };
      return JSON.stringify({ ...body, variables: { offset: body.variables.offset + undated } });
    });
  }
}

export async function post(url: string, body: string): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* reported by the caller */
  }
  return { status: res.status, json, text };
}

/** Whether a response is a success with data for the operation's root field. */
export function responseProblem(status: number, json: unknown): string | null {
  if (status !== 200) return `HTTP ${status}`;
  const r = json as { data?: Record<string, unknown> | null; errors?: { message: string }[] } | null;
  if (!r) return 'not JSON';
  if (r.errors?.length) return r.errors.map((e) => e.message).join('; ');
  if (!r.data || Object.values(r.data).some((v) => v === null)) return 'no data';
  return null;
}

/**
 * Sends a few of a side's requests: null when all succeed, else the problem. A search field missing
 * from the schema is reported as `missing` (the op is n/a), not as a failure.
 */
export async function probe(url: string, side: Side): Promise<'ok' | 'missing' | string> {
  for (const body of side.bodies.slice(0, 5)) {
    const res = await post(url, body);
    const problem = responseProblem(res.status, res.json);
    if (problem) {
      const errors = (res.json as { errors?: { message: string; extensions?: { code?: string } }[] } | null)?.errors ?? [];
      if (errors.some((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && /Cannot query field "search"/.test(e.message))) return 'missing';
      return `${problem} (${res.text.slice(0, 300)})`;
    }
  }
  return 'ok';
}
