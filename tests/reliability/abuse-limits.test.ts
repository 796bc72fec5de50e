import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createSqlPool, type Sql } from '../../src/db/sql.ts';
import { parseApiKeys } from '../../src/config/api-keys.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createRateLimiter } from '../../src/server/rate-limit/token-bucket.ts';
import { listen } from '../helpers/graphql.ts';
import { writeSyntheticGraph } from '../helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { codes, post } from './http-client.ts';
import { sleep, slowSql } from './slow-sql.ts';

// Four dependent levels: at least four SQL round trips one after the other.
const DEEP = `{ articles(first: 5) { nodes { title people(first: 3) { nodes { name statements(first: 2) { nodes { text article { title people(first: 2) { nodes { name } } } } } } } } } }`;
const INTROSPECT = '{ __schema { queryType { name } types { name } } }';

describe('abusive requests are bounded', () => {
  let db: TestDatabase;
  const servers: NewsgraphServer[] = [];
  const start = async (options: Omit<Parameters<typeof createServer>[0], 'sql'> & { sql?: Sql }) => {
    const s = await createServer({ sql: db.sql, ...options });
    servers.push(s);
    return listen(s);
  };

  beforeAll(async () => {
    db = await createTestDatabase('rel_limits');
    await writeSyntheticGraph(db.writer, { articles: 8, peoplePerArticle: 3, poolSize: 5 });
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
  });

  it('refuses bodies over the limit with 413 PAYLOAD_TOO_LARGE, and keeps serving', async () => {
    const url = await start({ bodyLimitBytes: 64 * 1024 });
    const huge = JSON.stringify({ query: `{ articles { totalCount } } # ${'x'.repeat(200 * 1024)}` });
    const r = await post(url, huge);
    expect(r.status).toBe(413);
    expect(codes(r)).toEqual(['PAYLOAD_TOO_LARGE']);
    const ok = await post(url, { query: '{ articles { totalCount } }' });
    expect(ok.json.data.articles.totalCount).toBe(8);
  });

  it('a client trickling its request is cut off (408) after the request timeout, and others are served', async () => {
    const url = await start({ requestTimeoutMs: 500 });
    const { port } = new URL(url);
    const socket = net.connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (d) => (received += d));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
    const drip = setInterval(() => socket.write(' '), 100); // never finishes the body
    await closed;
    clearInterval(drip);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect((await post(url, { query: '{ articles { totalCount } }' })).json.data.articles.totalCount).toBe(8);
  });

  it('a single slow SQL statement is cut by the pool statement timeout', async () => {
    const pool = createSqlPool(db.url, { max: 1, statementTimeoutMs: 200 });
    try {
      await expect(pool.query('SELECT pg_sleep(5)')).rejects.toThrow(/statement timeout/);
      expect(await pool.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });

  it('an execution timeout answers TIMEOUT (503) and stops the runaway query issuing SQL', async () => {
    const full = slowSql(db.sql, 120);
    const urlFull = await start({ sql: full, executionTimeoutMs: 30_000 });
    const complete = await post(urlFull, { query: DEEP });
    expect(complete.json.errors).toBeUndefined();
    const needed = full.started.length;
    expect(needed).toBeGreaterThanOrEqual(4);

    const slow = slowSql(db.sql, 120);
    const url = await start({ sql: slow, executionTimeoutMs: 200 });
    const r = await post(url, { query: DEEP });
    expect(r.status).toBe(503);
    expect(codes(r)).toEqual(['TIMEOUT']);
    await sleep(120 * (needed + 1)); // long enough for the abandoned execution to have run everything
    expect(slow.started.length).toBeLessThan(needed);
    const quick = await post(url, { query: '{ __typename }' });
    expect(quick.json.data).toEqual({ __typename: 'Query' });
  });

  it('production masks internal errors and stack traces; the original goes to the log with the request id', async () => {
    const broken: Sql = { query: async () => { throw new Error('relation "secret_internal_table" does not exist'); } };
    const lines: any[] = [];
    const logger = createLogger({ level: 'info', write: (l) => lines.push(JSON.parse(l)) });
    const prod = await start({ sql: broken, production: true, logger });
    const dev = await start({ sql: broken, production: false });
    const p = await post(prod, { query: '{ articles { totalCount } }' }, { 'x-request-id': 'req-mask-1' });
    expect(p.status).toBe(200);
    expect(p.json.errors[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(p.text).not.toContain('secret_internal_table');
    expect(p.text).not.toContain('stacktrace');
    expect(p.text).not.toMatch(/\.ts:\d+/);
    const logged = lines.find((l) => l.msg === 'internal error');
    expect(logged).toMatchObject({ level: 'error', requestId: 'req-mask-1' });
    expect(logged.error.message).toContain('secret_internal_table');
    expect(logged.error.stack).toBeTruthy();
    // Development shows the message and the stack: the masking above is production's doing.
    const d = await post(dev, { query: '{ articles { totalCount } }' });
    expect(d.text).toContain('secret_internal_table');
    expect(d.json.errors[0].extensions.stacktrace).toBeDefined();
  });

  it('introspection and the IDE follow configuration (off by default in production)', async () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, ide: false });
    expect(loadConfig({})).toMatchObject({ introspection: true, ide: true });
    expect(loadConfig({ NODE_ENV: 'production', NEWSGRAPH_INTROSPECTION: 'true', NEWSGRAPH_IDE: '1' })).toMatchObject({ introspection: true, ide: true });
    expect(loadConfig({ NEWSGRAPH_INTROSPECTION: 'off', NEWSGRAPH_IDE: 'no' })).toMatchObject({ introspection: false, ide: false });
    expect(() => loadConfig({ NEWSGRAPH_INTROSPECTION: 'maybe' })).toThrow(/NEWSGRAPH_INTROSPECTION/);

    const off = await start({ introspection: false });
    const on = await start({ introspection: true });
    const prodDefault = await start({ production: true });
    const r = await post(off, { query: INTROSPECT });
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(r.json.data).toBeUndefined();
    expect(codes(await post(prodDefault, { query: '{ __type(name: "Article") { name } }' }))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const ok = await post(on, { query: INTROSPECT });
    expect(ok.json.data.__schema.queryType.name).toBe('Query');
    // Nor do validation errors leak field names through suggestions.
    const typo = await post(off, { query: '{ artcles { totalCount } }' });
    expect(codes(typo)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(typo.text).not.toMatch(/Did you mean|"articles"/);
    expect((await post(on, { query: '{ artcles { totalCount } }' })).json.errors[0].message).toMatch(/Did you mean "articles"/);
    // Ordinary queries are unaffected by the switch.
    expect((await post(off, { query: '{ articles { totalCount } }' })).json.data.articles.totalCount).toBe(8);
  });

  it('client mistakes found by fuzzing are client errors, not masked internal errors', async () => {
    const url = await start({ production: true });
    // A subscription sent over HTTP: refused as the client's mistake, saying where subscriptions live.
    const sub = await post(url, { query: 'subscription { statementAdded { text } }' });
    expect(sub.status).toBe(400);
    expect(codes(sub)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(sub.json.errors[0].message).toMatch(/served over WebSocket/);
    const nul = await post(url, { query: 'query ($n: String!) { organization(name: $n) { name } person(name: "ok") { name } }', variables: { n: 'a\u0000b' } });
    expect(codes(nul)).toEqual(['BAD_USER_INPUT']);
    expect(nul.json.errors[0].message).toMatch(/NUL/);
    const apq = await post(url, { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } });
    expect(apq.status).toBe(400);
    expect(codes(apq)).toEqual(['BAD_REQUEST']);
    expect(apq.json.errors[0].message).not.toBe('Internal server error');
  });

  it('rate limits per client on cost: RATE_LIMITED with 429 and Retry-After, other clients unaffected', async () => {
    const keyA = 'rate-limit-key-aaaaaaaa';
    const keyB = 'rate-limit-key-bbbbbbbb';
    const url = await start({ apiKeyHashes: parseApiKeys(`${keyA},${keyB}`), rateLimit: { capacity: 4, refillPerSecond: 0.001 } });
    const asA = { authorization: `Bearer ${keyA}` };
    // An invalid document never executes but still costs 1.
    expect((await post(url, { query: '{ nope }' }, asA)).status).toBe(400);
    for (let i = 0; i < 3; i++) expect((await post(url, { query: '{ articles { totalCount } }' }, asA)).status).toBe(200);
    const limited = await post(url, { query: '{ articles { totalCount } }' }, asA);
    expect(limited.status).toBe(429);
    expect(codes(limited)).toEqual(['RATE_LIMITED']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.json.data).toBeUndefined();
    expect(limited.json.errors[0].extensions.http).toBeUndefined();
    // An empty bucket refuses anything, garbage included, before parsing it.
    const garbage = await post(url, { query: '{'.repeat(1000) }, asA);
    expect(garbage.status).toBe(429);
    expect(codes(garbage)).toEqual(['RATE_LIMITED']);
    expect(Number(garbage.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post(url, { query: '{ articles { totalCount } }' }, { 'x-api-key': keyB })).status).toBe(200);
    expect((await post(url, { query: '{ articles { totalCount } }' })).status).toBe(200); // anonymous: by address
  });

  it('token buckets refill at the configured rate and charge the operation cost', () => {
    let t = 0;
    const limiter = createRateLimiter({ capacity: 100, refillPerSecond: 10 }, () => t);
    expect(limiter.capacity).toBe(100);
    // fullInMs: how long until the bucket is full again (60 missing points at 10 a second).
    expect(limiter.take('a', 60)).toEqual({ ok: true, remaining: 40, fullInMs: 6000 });
    expect(limiter.take('a', 60)).toMatchObject({ ok: false, retryAfterMs: 2000, fullInMs: 6000 });
    t = 2000;
    expect(limiter.take('a', 60)).toEqual({ ok: true, remaining: 0, fullInMs: 10_000 });
    expect(limiter.take('b', 100)).toEqual({ ok: true, remaining: 0, fullInMs: 10_000 });
    expect(limiter.take('c', 500)).toMatchObject({ ok: false, retryAfterMs: 0, fullInMs: 0 }); // full bucket, never enough
    expect(limiter.check('c', 100)).toEqual({ ok: true, remaining: 0, fullInMs: 10_000 });
    expect(limiter.check('c', 100)).toEqual({ ok: true, remaining: 0, fullInMs: 10_000 }); // checking takes nothing
    t = 2050;
    expect(limiter.take('a', 0)).toEqual({ ok: true, remaining: 0, fullInMs: 9950 }); // half a point back: still 0 whole points
    t = 1_000_000;
    expect(limiter.take('a', 1)).toEqual({ ok: true, remaining: 99, fullInMs: 100 }); // capped at capacity
    expect(loadConfig({ NEWSGRAPH_RATE_LIMIT: '0' }).rateLimit).toBeNull();
    expect(loadConfig({ NEWSGRAPH_RATE_LIMIT: '600' }).rateLimit).toEqual({ capacity: 600, refillPerSecond: 10 });
  });
});
