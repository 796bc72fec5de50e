import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNewsgraphSchema } from '../../src/graphql/build-schema.ts';
import { measureDocument, measureOperation } from '../../src/graphql/limits/query-cost.ts';
import { ingestArticles } from '../../src/pipeline/ingest-articles.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { parse } from 'graphql';
import { listen } from '../helpers/graphql.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const ACCEPT = { accept: 'application/graphql-response+json, application/json;q=0.9' };

describe('query cost, limits and HTTP behaviour', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  let base: string;
  const post = async (query: string, variables?: object, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...ACCEPT, ...headers }, body: JSON.stringify({ query, variables }) });
    return { res, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    db = await createTestDatabase('limits_http');
    await ingestArticles(db.writer, readSources(['seeds']));
    server = await createServer({ sql: db.sql, queryLimits: { maxCost: 2_000, maxDepth: 8, maxAliases: 5, maxDirectives: 4, maxFields: 5_000 }, maxTokens: 400, corsOrigins: ['https://app.example'] });
    base = await listen(server);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('computes cost GitHub-style: connections multiply what is below them', () => {
    const schema = buildNewsgraphSchema();
    const shape = (q: string, v = {}) => measureOperation(schema, parse(q), v);
    expect(shape('{ articles(first: 10) { nodes { title } } }').cost).toBe(10);
    expect(shape('{ articles(first: 10) { nodes { statements(first: 5) { nodes { text } } } } }').cost).toBe(10 + 50);
    expect(shape('query($n: Int) { articles(first: $n) { edges { node { title } } } }', { n: 3 }).cost).toBe(3);
    // Defaults to 20 per connection without first/last.
    expect(shape('{ people { nodes { name } } }').cost).toBe(20);
    expect(shape('{ articles { nodes { people { nodes { articles { nodes { title } } } } } } }').depth).toBe(6);
  });

  it('measures a repeated document once, again when a variable it read changes', () => {
    const schema = buildNewsgraphSchema();
    const document = parse('query($n: Int, $id: ID!) { node(id: $id) { id } articles(first: $n) { nodes { title } } }');
    expect(measureDocument(schema, document, { n: 3, id: 'a' }).cost).toBe(1 + 3);
    // $id is not read by the measurement: another id reuses the shape; another page size does not.
    expect(measureDocument(schema, document, { n: 3, id: 'b' }).cost).toBe(1 + 3);
    expect(measureDocument(schema, document, { n: 7, id: 'b' }).cost).toBe(1 + 7);
    expect(measureDocument(schema, document, { id: 'b' }).cost).toBe(1 + 20);
    const changed = measureDocument(schema, document, { n: 7, id: 'c' });
    changed.cost = -1;
    expect(measureDocument(schema, document, { n: 7, id: 'c' }).cost).toBe(1 + 7);
  });

  it('prices lists that are not connections by the most items they can return', () => {
    const schema = buildNewsgraphSchema();
    const cost = (q: string, v = {}) => measureOperation(schema, parse(q), v).cost;
    // Person + buckets (+ 20 statements per bucket): April 2019 by day is at most 31 buckets.
    expect(cost('{ person(name: "Kim") { timeline(interval: DAY, from: "2019-04-01", to: "2019-04-30") { start } } }')).toBe(1 + 31);
    expect(cost('{ person(name: "Kim") { timeline(interval: DAY, from: "2019-04-01", to: "2019-04-30") { statements { text } } } }')).toBe(1 + 31 + 31 * 20);
    expect(cost('query($i: TimelineInterval) { person(name: "Kim") { timeline(interval: $i, from: "2019-01-01", to: "2019-12-31") { start } } }', { i: 'MONTH' })).toBe(1 + 15);
    // Open-ended: priced at ten years. By day with statements that is over the default budget of 25,000.
    expect(cost('{ person(name: "Kim") { timeline { start } } }')).toBe(1 + Math.ceil(3653 / 28) + 1);
    expect(cost('{ person(name: "Kim") { timeline(interval: DAY) { statements { text } } } }')).toBeGreaterThan(25_000);
    expect(cost('{ nodes(ids: ["a", "b", "c"]) { id ... on Person { statements(first: 2) { nodes { text } } } } }')).toBe(3 + 3 * 2);
  });

  it('reports the cost in extensions.cost and refuses queries over budget before running them', async () => {
    const ok = await post('{ articles(first: 2) { nodes { title statements(first: 3) { nodes { text } } } } }');
    expect(ok.res.status).toBe(200);
    expect(ok.body.extensions.cost).toEqual({ requested: 8, limit: 2_000 });
    const big = await post('{ articles(first: 100) { nodes { statements(first: 100) { nodes { text } } } } }');
    expect(big.res.status).toBe(400);
    expect(big.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(big.body.errors[0].message).toMatch(/cost 10100 exceeds the budget of 2000/);
    expect(big.body.data).toBeUndefined();
  });

  it('enforces depth, alias, directive and token limits', async () => {
    const deep = await post('{ articles(first: 1) { nodes { people(first: 1) { nodes { articles(first: 1) { nodes { people(first: 1) { nodes { articles(first: 1) { nodes { title } } } } } } } } } } }');
    expect(deep.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(deep.body.errors[0].message).toMatch(/depth/);
    const aliases = await post(`{ ${Array.from({ length: 6 }, (_, i) => `a${i}: articles(first: 1) { totalCount }`).join(' ')} }`);
    expect(aliases.body.errors[0].message).toMatch(/6 aliases/);
    const directives = await post('{ articles(first: 1) @include(if: true) { totalCount @include(if: true) nodes @include(if: true) { title @skip(if: false) source @include(if: true) } } }');
    expect(directives.body.errors[0].message).toMatch(/directives/);
    const tokens = await post(`{ ${Array.from({ length: 500 }, () => '__typename').join(' ')} }`);
    expect(tokens.res.status).toBe(400);
    expect(tokens.body.errors[0].message).toMatch(/Document contains more tha[nt] 400 tokens/);
  });

  it('serves GET queries with public cache headers, and no-store for errors', async () => {
    const q = encodeURIComponent('{ articles(first: 1) { totalCount } }');
    const res = await fetch(`${base}/graphql?query=${q}`, { headers: ACCEPT });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const bad = await fetch(`${base}/graphql?query=${encodeURIComponent('{ nope }')}`, { headers: { accept: 'application/json' } });
    expect(bad.status).toBe(200);
    expect(bad.headers.get('cache-control')).toBe('no-store');
    const mutationOverGet = await fetch(`${base}/graphql?query=${encodeURIComponent('mutation { __typename }')}`, { headers: ACCEPT });
    // Refused either way: no Mutation type yet (400), or mutations over GET (405).
    expect([400, 405]).toContain(mutationOverGet.status);
  });

  it('compresses large responses for clients that accept it', async () => {
    const query = '{ articles { nodes { body } } }';
    for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...ACCEPT, 'accept-encoding': encoding }, body: JSON.stringify({ query }) });
      expect(res.headers.get('content-encoding')).toBe(encoding);
      // fetch decodes transparently; the declared length is the compressed one.
      const text = await res.text();
      expect(JSON.parse(text).data.articles.nodes).toHaveLength(2);
      expect(Number(res.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(text));
      expect(typeof decode).toBe('function');
    }
  });

  it('answers CORS preflights for allowed origins only', async () => {
    const pre = await fetch(`${base}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const other = await fetch(`${base}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
