import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../src/db/sql.ts';
import { createServer, type NewsgraphServer } from '../src/server/create-server.ts';
import { createResponseCache, type CachedResponse } from '../src/server/response-cache.ts';
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
    await writeSyntheticGraph(db.writer, { articles: 5, peoplePerArticle: 2, poolSize: 4 });
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

  // The data version is this database's own (a sequence bumped by writes), so a repeat with nothing
  // written in between is a hit, whatever other databases on the same server do.
  const repeat = (body: unknown) => post(body);

  it('answers a repeated query without SQL, the same bytes and headers, and sees new data at once', async () => {
    const first = await post({ query: QUERY, variables: { n: 10 } });
    expect(first.status).toBe(200);
    expect(first.sql).toBeGreaterThan(0);
    const second = await repeat({ query: QUERY, variables: { n: 10 } });
    expect(second).toEqual({ ...first, sql: 0 });
    expect(second.cacheControl).toBe('public, max-age=60');

    // Other variables are another entry.
    expect((await post({ query: QUERY, variables: { n: 2 } })).sql).toBeGreaterThan(0);

    // Any committed write moves the data version: the next answer is computed afresh.
    await writeSyntheticGraph(db.writer, { articles: 2, peoplePerArticle: 1, poolSize: 2, prefix: 'late' });
    const third = await post({ query: QUERY, variables: { n: 10 } });
    expect(third.sql).toBeGreaterThan(0);
    expect(JSON.parse(third.text).data.articles.totalCount).toBe(7);
    expect((await repeat({ query: QUERY, variables: { n: 10 } })).sql).toBe(0);
  });

  it('keeps its answers while other databases of the server are written, and caches nothing while a write is in flight', async () => {
    await post({ query: QUERY, variables: { n: 4 } });
    const other = await createTestDatabase('response_cache_other');
    try {
      await writeSyntheticGraph(other.writer, { articles: 3, peoplePerArticle: 1, poolSize: 2, prefix: 'elsewhere' });
      expect((await post({ query: QUERY, variables: { n: 4 } })).sql).toBe(0);
    } finally {
      await other.drop();
    }

    const cache = createResponseCache(db.sql, { versionCheckMs: 0 });
    const quiet = await cache.version();
    expect(quiet).toMatch(/^v\d+:/);
    // An uncommitted write in another session: no version can be trusted until it ends.
    const writer = new pg.Client({ connectionString: db.url });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`UPDATE article SET title = title WHERE id = (SELECT min(id) FROM article)`);
      expect(await cache.version()).toBeNull();
      const during = await post({ query: QUERY, variables: { n: 3 } });
      expect(during.sql).toBeGreaterThan(0);
      expect((await post({ query: QUERY, variables: { n: 3 } })).sql).toBeGreaterThan(0);
      await writer.query('COMMIT');
    } finally {
      await writer.end();
    }
    const after = await cache.version();
    expect(after).not.toBeNull();
    expect(after).not.toBe(quiet);
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

describe('response cache memory bound', () => {
  // A database whose data never changes: every stored answer stays valid.
  const still: Sql = { query: async <T>() => [{ v: '0/1' }] as T[] };
  const answer = (body: string): CachedResponse => ({ status: 200, headers: [['content-type', 'application/graphql-response+json; charset=utf-8']], body, cost: 1 });

  it('keys by a fixed-length hash and never holds more than its byte budget, however large or many the queries', async () => {
    const maxBytes = 1024 * 1024;
    const cache = createResponseCache(still, { maxBytes, versionCheckMs: 60_000 });
    const version = (await cache.version())!;
    // What grew the process to 1.2 GB: many distinct ~1 MB query texts (a long comment makes them distinct and big).
    const padding = `# ${'x'.repeat(1024 * 1024)}\n`;
    const body = JSON.stringify({ data: { articles: { totalCount: 1, nodes: [{ title: 'y'.repeat(20_000) }] } } });
    let peak = 0;
    for (let i = 0; i < 300; i++) {
      const key = cache.key({ query: `${padding}{ articles(first: ${i}) { totalCount } }`, operationName: null, variables: { n: i }, accept: 'application/json' })!;
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      cache.set(key, version, answer(body));
      peak = Math.max(peak, cache.bytes);
      expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
    }
    // Full, yet every entry is the answer's size, not the query's: about 1 MB / 40 kB of them.
    expect(peak).toBeGreaterThan(maxBytes / 2);
    expect(cache.size).toBeGreaterThan(10);
    expect(cache.size).toBeLessThan(30);
  });

  it('keeps the least recently used out first, refuses an answer over an eighth of the budget, and still serves hits', async () => {
    const cache = createResponseCache(still, { maxBytes: 64 * 1024, versionCheckMs: 60_000 });
    const version = (await cache.version())!;
    const k = (i: number) => cache.key({ query: `{ q${i} }`, operationName: null, variables: null, accept: '' })!;
    const body = 'z'.repeat(2_000); // about 4.6 kB counted: 14 fit
    for (let i = 0; i < 10; i++) cache.set(k(i), version, answer(body));
    expect(await cache.get(k(0))).toMatchObject({ body }); // 0 is now the most recently used
    for (let i = 10; i < 20; i++) cache.set(k(i), version, answer(body));
    expect(cache.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(await cache.get(k(0))).toMatchObject({ body });
    expect(await cache.get(k(1))).toBeNull();
    expect(await cache.get(k(19))).toMatchObject({ body });

    cache.set(k(99), version, answer('w'.repeat(5_000))); // 10 kB counted > 8 kB
    expect(await cache.get(k(99))).toBeNull();
    expect(await cache.get(k(19))).toMatchObject({ body });

    // The same request with its variables in another order is the same entry.
    const a = cache.key({ query: '{ a }', operationName: 'A', variables: { x: 1, y: { b: 2, a: 1 } }, accept: '' });
    const b = cache.key({ query: '{ a }', operationName: 'A', variables: { y: { a: 1, b: 2 }, x: 1 }, accept: '' });
    expect(a).toBe(b);
    expect(cache.key({ query: '{ a }', operationName: 'B', variables: { x: 1, y: { b: 2, a: 1 } }, accept: '' })).not.toBe(a);

    cache.invalidate();
    expect(cache.bytes).toBe(0);
    expect(cache.size).toBe(0);
  });

  it('over HTTP, many distinct large queries evict older answers by size, and hits keep working', async () => {
    const db = await createTestDatabase('response_cache_bytes');
    let server: NewsgraphServer | undefined;
    try {
      await writeSyntheticGraph(db.writer, { articles: 5, peoplePerArticle: 2, poolSize: 4 });
      const sqlPerRequest: number[] = [];
      // The data version is read once: other databases of the same cluster move the WAL position at any time.
      server = await createServer({ sql: db.sql, responseCache: { versionCheckMs: 600_000, maxBytes: 64 * 1024 }, onRequestDone: ({ sqlStatements }) => sqlPerRequest.push(sqlStatements) });
      const url = `${await listen(server)}/graphql`;
      const post = async (query: string) => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { n: 10 } }) });
        expect(res.status).toBe(200);
        await res.text();
        return sqlPerRequest.at(-1);
      };
      expect(await post(QUERY)).toBeGreaterThan(0);
      expect(await post(QUERY)).toBe(0);
      // 40 distinct ~100 kB queries: by count (the old limit of 2,000) all would stay, with their text.
      const padding = `# ${'p'.repeat(100_000)}\n`;
      for (let i = 0; i < 40; i++) expect(await post(`${padding}# ${i}\n${QUERY}`)).toBeGreaterThan(0);
      // The first answer was the least recently used: gone, computed again, then served from memory.
      expect(await post(QUERY)).toBeGreaterThan(0);
      expect(await post(QUERY)).toBe(0);
      expect(await post(`${padding}# 39\n${QUERY}`)).toBe(0);
    } finally {
      await server?.stop();
      await db.drop();
    }
  }, 120_000);
});
