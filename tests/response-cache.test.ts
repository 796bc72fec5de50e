import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type NewsgraphServer } from '../src/server/create-server.ts';
import { listen } from './helpers/graphql.ts';
import { writeSyntheticGraph } from './helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

const QUERY = /* GraphQL */ `query Page($n: Int!) { articles(first: $n) { totalCount nodes { title statements(first: 3) { nodes { text speaker { __typename ... on Person { name } } } } } } }`;

describe('response cache for public reads', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  let url: string;
  const sqlPerRequest: number[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('response_cache');
    await writeSyntheticGraph(db.prisma, { articles: 5, peoplePerArticle: 2, poolSize: 4 });
    server = await createServer({ sql: db.sql, responseCache: { versionCheckMs: 0 }, onRequestDone: ({ sqlStatements }) => sqlPerRequest.push(sqlStatements) });
    url = `${await listen(server)}/graphql`;
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, text: await res.text(), type: res.headers.get('content-type'), cacheControl: res.headers.get('cache-control'), sql: sqlPerRequest.at(-1) };
  };

  it('answers a repeated query without SQL, the same bytes and headers, and sees new data at once', async () => {
    const first = await post({ query: QUERY, variables: { n: 10 } });
    expect(first.status).toBe(200);
    expect(first.sql).toBeGreaterThan(0);
    const second = await post({ query: QUERY, variables: { n: 10 } });
    expect(second).toEqual({ ...first, sql: 0 });
    expect(second.cacheControl).toBe('public, max-age=60');

    // Other variables are another entry.
    expect((await post({ query: QUERY, variables: { n: 2 } })).sql).toBeGreaterThan(0);

    // Any committed write moves the data version: the next answer is computed afresh.
    await writeSyntheticGraph(db.prisma, { articles: 2, peoplePerArticle: 1, poolSize: 2, prefix: 'late' });
    const third = await post({ query: QUERY, variables: { n: 10 } });
    expect(third.sql).toBeGreaterThan(0);
    expect(JSON.parse(third.text).data.articles.totalCount).toBe(7);
    expect((await post({ query: QUERY, variables: { n: 10 } })).sql).toBe(0);
  });

  it('never stores errors or answers to authenticated callers', async () => {
    const bad = { query: '{ articles(first: 1000) { totalCount } }' };
    expect((await post(bad)).sql).toBeGreaterThanOrEqual(0);
    const again = await post(bad);
    expect(again.text).toContain('"errors"');
    expect(again.cacheControl).toBe('no-store');

    const key = { authorization: 'Bearer not-a-key' };
    const denied = await post({ query: QUERY, variables: { n: 1 } }, key);
    expect(denied.status).toBe(401);
  });
});
