import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { parseApiKeys } from '../../src/config/api-keys.ts';
import { createServer, type NewsgraphServer, type ServerOptions } from '../../src/server/create-server.ts';
import { DEFAULT_CORS_ALLOW_HEADERS } from '../../src/config/defaults.ts';
import { listen } from '../helpers/graphql.ts';
import { writeSyntheticGraph } from '../helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const KEY_A = 'rate-limit-visible-key-aaaaaaaa';
const KEY_B = 'rate-limit-visible-key-bbbbbbbb';
const ORIGIN = 'https://app.example';
const RATE_LIMIT = 'rateLimit { limit cost remaining resetAt }';
// 3 articles (3) + the rateLimit object (1).
const COST_4 = `{ articles(first: 3) { nodes { title } } ${RATE_LIMIT} }`;
const RATE_LIMIT_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

interface Answer {
  status: number;
  headers: Headers;
  json: any;
  /** Local clock when the request was sent and when its answer arrived: the server charged in between. */
  sent: number;
  at: number;
}

async function post(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const sent = Date.now();
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = JSON.parse(await res.text());
  return { status: res.status, headers: res.headers, json, sent, at: Date.now() };
}

/** The X-RateLimit-* headers as numbers. */
function limitHeaders(a: Answer) {
  return { limit: Number(a.headers.get('x-ratelimit-limit')), remaining: Number(a.headers.get('x-ratelimit-remaining')), reset: Number(a.headers.get('x-ratelimit-reset')) };
}

/** The field and the headers tell the same story; returns the field with resetAt in ms. */
function agreeing(a: Answer) {
  expect(a.status, JSON.stringify(a.json)).toBe(200);
  const field = a.json.data.rateLimit as { limit: number; cost: number; remaining: number; resetAt: string };
  const resetAt = Date.parse(field.resetAt);
  const h = limitHeaders(a);
  expect(h.limit).toBe(field.limit);
  expect(h.remaining).toBe(field.remaining);
  // X-RateLimit-Reset: UTC epoch seconds, rounded up (GitHub's convention).
  expect(h.reset).toBe(Math.ceil(resetAt / 1000));
  // What the client was charged is what the cost analysis reports.
  expect(field.cost).toBe(a.json.extensions.cost.requested);
  return { ...field, resetAt, sent: a.sent, at: a.at };
}

describe('rate limits clients can see: the rateLimit field, X-RateLimit-* headers, CORS', () => {
  let db: TestDatabase;
  const servers: NewsgraphServer[] = [];
  const start = async (options: Omit<ServerOptions, 'sql'>) => {
    const s = await createServer({ sql: db.sql, apiKeyHashes: parseApiKeys(`${KEY_A},${KEY_B}`), corsOrigins: [ORIGIN], ...options });
    servers.push(s);
    return listen(s);
  };
  const asA = { authorization: `Bearer ${KEY_A}` };
  const asB = { 'x-api-key': KEY_B };

  beforeAll(async () => {
    db = await createTestDatabase('rate_limit_http');
    await writeSyntheticGraph(db.writer, { articles: 8, peoplePerArticle: 2, poolSize: 4 });
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
  });

  it('reports limit, cost, remaining and resetAt in the field and the headers alike, going down by the cost of each request', async () => {
    // Slow refill (one point per 100 s): over this test the bucket gains well under one point.
    const rate = 0.01;
    const base = await start({ rateLimit: { capacity: 1000, refillPerSecond: rate } });
    const first = agreeing(await post(base, { query: COST_4 }, asA));
    expect(first).toMatchObject({ limit: 1000, cost: 4, remaining: 996 });
    // Full again once the 4 points are back: 400 s after the charge.
    expect(first.resetAt).toBeGreaterThanOrEqual(first.sent + (4 / rate) * 1000);
    expect(first.resetAt).toBeLessThanOrEqual(first.at + (4 / rate) * 1000);

    const second = agreeing(await post(base, { query: `{ articles(first: 7) { nodes { title } } ${RATE_LIMIT} }` }, asA));
    expect(second.cost).toBe(8);
    expect(second.remaining).toBe(first.remaining - second.cost);

    // Without the field the headers still count down, by what extensions.cost reports.
    const plain = await post(base, { query: '{ articles(first: 5) { nodes { title } } }' }, asA);
    expect(plain.json.extensions.cost.requested).toBe(5);
    expect(limitHeaders(plain)).toMatchObject({ limit: 1000, remaining: second.remaining - 5 });

    // A document with several operations is charged for the one that runs, not the first.
    const doc = `query Cheap { ${RATE_LIMIT} } query Dear { articles(first: 6) { nodes { title } } ${RATE_LIMIT} }`;
    const dear = agreeing(await post(base, { query: doc, operationName: 'Dear' }, asA));
    expect(dear.cost).toBe(7);
    expect(dear.remaining).toBe(second.remaining - 5 - 7);
    const cheap = agreeing(await post(base, { query: doc, operationName: 'Cheap' }, asA));
    expect(cheap).toMatchObject({ cost: 1, remaining: dear.remaining - 1 });

    // GET queries are charged the same way.
    const sent = Date.now();
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent(`{ ${RATE_LIMIT} }`)}`, { headers: { accept: 'application/json', ...asA } });
    const viaGet = agreeing({ status: get.status, headers: get.headers, json: await get.json(), sent, at: Date.now() });
    expect(viaGet).toMatchObject({ cost: 1, remaining: cheap.remaining - 1 });
    // Numbers about one client: no shared cache may keep them.
    expect(get.headers.get('cache-control')).toBe('no-store');
  });

  it('puts resetAt in the future, where the refill rate says the bucket is full again', async () => {
    // 60 points a minute: one a second.
    const rate = 1;
    const base = await start({ rateLimit: { capacity: 60, refillPerSecond: rate } });
    const a = agreeing(await post(base, { query: `{ articles(first: 8) { nodes { title } } ${RATE_LIMIT} }` }, asA));
    expect(a).toMatchObject({ limit: 60, cost: 9, remaining: 51 });
    expect(a.resetAt).toBeGreaterThan(a.at);
    // A fresh bucket less 9 points is full 9 s after the charge (made between sending and receiving).
    expect(a.resetAt).toBeGreaterThanOrEqual(a.sent + 9_000);
    expect(a.resetAt).toBeLessThanOrEqual(a.at + 9_000);

    // Whatever time passes, each charge pushes the moment of being full by cost / rate.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const b = agreeing(await post(base, { query: `{ articles(first: 2) { nodes { title } } ${RATE_LIMIT} }` }, asA));
    expect(b.cost).toBe(3);
    expect(Math.abs(b.resetAt - (a.resetAt + (b.cost / rate) * 1000))).toBeLessThanOrEqual(5);
    // Meanwhile at least 1.5 points came back: whole points left, rounded down.
    expect(b.remaining).toBeGreaterThanOrEqual(a.remaining - b.cost + 1);
    expect(b.remaining).toBeLessThanOrEqual(a.remaining - b.cost + Math.ceil(((b.at - a.sent) / 1000) * rate));
    // remaining and resetAt describe the same bucket: (limit - remaining) points are missing, less the
    // fraction of a point that `remaining` rounds away.
    expect(b.resetAt - b.at).toBeLessThanOrEqual(((b.limit - b.remaining) / rate) * 1000);
    expect(b.resetAt - b.sent).toBeGreaterThan(((b.limit - b.remaining - 1) / rate) * 1000);
  });

  it('answers 429 with Retry-After and the X-RateLimit-* headers, and keeps each client to its own bucket', async () => {
    const rate = 0.01;
    const base = await start({ rateLimit: { capacity: 10, refillPerSecond: rate } });
    const origin = { origin: ORIGIN };
    const first = await post(base, { query: COST_4 }, asA);
    expect(agreeing(first).remaining).toBe(6);
    expect(agreeing(await post(base, { query: COST_4 }, asA)).remaining).toBe(2);

    // Refused by the plugin: this operation costs 4, 2 are left.
    const refused = await post(base, { query: COST_4 }, { ...asA, ...origin });
    expect(refused.status).toBe(429);
    expect(refused.json.errors.map((e: any) => e.extensions.code)).toEqual(['RATE_LIMITED']);
    expect(refused.json.data).toBeUndefined();
    const h = limitHeaders(refused);
    expect(h).toMatchObject({ limit: 10, remaining: 2 });
    // Two points missing at 0.01 a second: 200 s; the bucket is full when 8 are back: 800 s after the
    // first charge, since the bucket refills from then on (by the refusal a fraction of a point is back,
    // so "800 s after the refusal was sent" is up to the time between the requests too late).
    expect(Number(refused.headers.get('retry-after'))).toBe(200);
    expect(h.reset).toBeGreaterThanOrEqual(Math.ceil((first.sent + 800_000) / 1000));
    expect(h.reset).toBeLessThanOrEqual(Math.ceil((refused.at + 800_000) / 1000));
    // A browser on an allowed origin may read them.
    const exposed = refused.headers.get('access-control-expose-headers')!.split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining([...RATE_LIMIT_HEADERS, 'retry-after']));

    // Spend the rest (1 point each), then even garbage is refused before it is parsed: headers there too.
    expect(agreeing(await post(base, { query: `{ ${RATE_LIMIT} }` }, asA)).remaining).toBe(1);
    expect(agreeing(await post(base, { query: `{ ${RATE_LIMIT} }` }, asA)).remaining).toBe(0);
    const empty = await post(base, { query: '{'.repeat(200) }, { ...asA, ...origin });
    expect(empty.status).toBe(429);
    expect(empty.json.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(empty.headers.get('retry-after'))).toBe(100);
    expect(limitHeaders(empty)).toMatchObject({ limit: 10, remaining: 0 });
    expect(limitHeaders(empty).reset).toBeGreaterThanOrEqual(Math.ceil((empty.sent + 1_000_000) / 1000) - 1);
    expect(empty.headers.get('access-control-expose-headers')).toMatch(/x-ratelimit-remaining/);

    // Other clients have buckets of their own: another key, and an anonymous caller (by address).
    expect(agreeing(await post(base, { query: COST_4 }, asB))).toMatchObject({ limit: 10, cost: 4, remaining: 6 });
    expect(agreeing(await post(base, { query: `{ ${RATE_LIMIT} }` }))).toMatchObject({ limit: 10, cost: 1, remaining: 9 });
    expect(agreeing(await post(base, { query: `{ ${RATE_LIMIT} }` }, asB))).toMatchObject({ cost: 1, remaining: 5 });
    expect((await post(base, { query: `{ ${RATE_LIMIT} }` }, asA)).status).toBe(429);
  });

  it('charges a document that never runs 1 point, and says so in the headers', async () => {
    const base = await start({ rateLimit: { capacity: 50, refillPerSecond: 0.01 } });
    const invalid = await post(base, { query: '{ nope }' }, asA);
    expect(invalid.status).toBe(400);
    expect(limitHeaders(invalid)).toMatchObject({ limit: 50, remaining: 49 });
    // Refused for its depth after it was measured: charged its cost, like any operation that got that far.
    let deep = '__typename';
    for (let i = 0; i < 7; i++) deep = `${i % 2 ? 'articles' : 'people'}(first: 1) { nodes { ${deep} } }`;
    const tooDeep = await post(base, { query: `{ ${deep} }` }, asA);
    expect(tooDeep.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(tooDeep.json.errors[0].message).toMatch(/depth/);
    expect(limitHeaders(tooDeep)).toMatchObject({ limit: 50, remaining: 49 - tooDeep.json.extensions.cost.requested });
    // Refused for its nesting before Apollo sees it: not charged, and the headers say where the client stands.
    const nested = await post(base, { query: `{ a${'(x: ['.repeat(300)} }` }, asA);
    expect(nested.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(limitHeaders(nested)).toEqual(limitHeaders(tooDeep));
  });

  it('answers null (and sends no X-RateLimit-* headers) when the server runs without a rate limit', async () => {
    const base = await start({ rateLimit: null });
    const r = await post(base, { query: COST_4 }, asA);
    expect(r.status).toBe(200);
    expect(r.json.data.rateLimit).toBeNull();
    expect(r.json.data.articles.nodes).toHaveLength(3);
    for (const name of RATE_LIMIT_HEADERS) expect(r.headers.get(name)).toBeNull();
    expect(loadConfig({ NEWSGRAPH_RATE_LIMIT: '0' }).rateLimit).toBeNull();
  });

  it('never serves the rateLimit field from the response cache, and charges cache hits with full headers', async () => {
    const base = await start({ rateLimit: { capacity: 100, refillPerSecond: 0.01 }, responseCache: { versionCheckMs: 0 } });
    const query = `{ articles(first: 2) { nodes { title } } ${RATE_LIMIT} }`;
    const one = agreeing(await post(base, { query }));
    const two = agreeing(await post(base, { query }));
    expect(two.remaining).toBe(one.remaining - 3);
    // A public query without the field is cached; each hit is charged again and says so.
    const plain = '{ articles(first: 4) { nodes { title } } }';
    const miss = await post(base, { query: plain });
    expect(miss.headers.get('cache-control')).toBe('public, max-age=60');
    const hit = await post(base, { query: plain });
    expect(hit.json).toEqual(miss.json);
    expect(limitHeaders(miss)).toMatchObject({ limit: 100, remaining: two.remaining - 4 });
    expect(limitHeaders(hit)).toMatchObject({ limit: 100, remaining: two.remaining - 8 });
    expect(limitHeaders(hit).reset).toBeGreaterThanOrEqual(limitHeaders(miss).reset);
  });

  it('answers preflights with the configured request headers, and exposes the rate-limit headers', async () => {
    const base = await start({ rateLimit: { capacity: 100, refillPerSecond: 1 } });
    const preflight = (url: string, path = '/graphql') => fetch(`${url}${path}`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,traceparent,baggage' },
    });
    const pre = await preflight(base);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const allowed = pre.headers.get('access-control-allow-headers')!.split(/,\s*/);
    expect(allowed).toEqual(DEFAULT_CORS_ALLOW_HEADERS);
    for (const name of ['content-type', 'authorization', 'x-api-key', 'apollo-require-preflight', 'x-apollo-operation-name', 'traceparent', 'tracestate', 'baggage']) {
      expect(allowed).toContain(name);
    }
    // The SDL endpoint answers the same way.
    expect((await preflight(base, '/schema.graphql')).headers.get('access-control-allow-headers')).toBe(allowed.join(', '));

    // Configured through the environment, read in config.ts only.
    const config = loadConfig({ NEWSGRAPH_CORS_ALLOW_HEADERS: ' Content-Type, X-Custom-Trace ,content-type,' });
    expect(config.corsAllowHeaders).toEqual(['content-type', 'x-custom-trace']);
    const custom = await start({ corsAllowHeaders: config.corsAllowHeaders, rateLimit: { capacity: 100, refillPerSecond: 1 } });
    expect((await preflight(custom)).headers.get('access-control-allow-headers')).toBe('content-type, x-custom-trace');
    expect(loadConfig({}).corsAllowHeaders).toEqual(DEFAULT_CORS_ALLOW_HEADERS);
    expect(() => loadConfig({ NEWSGRAPH_CORS_ALLOW_HEADERS: 'content-type, bad header' })).toThrow(ConfigError);
    expect(() => loadConfig({ NEWSGRAPH_CORS_ALLOW_HEADERS: 'x-a;b' })).toThrow(/NEWSGRAPH_CORS_ALLOW_HEADERS/);

    // The actual response lets the page read the rate-limit headers; other origins get no CORS headers.
    const r = await post(base, { query: `{ ${RATE_LIMIT} }` }, { origin: ORIGIN, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    expect(r.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(r.headers.get('access-control-expose-headers')!.split(/,\s*/)).toEqual(expect.arrayContaining([...RATE_LIMIT_HEADERS, 'retry-after', 'x-request-id']));
    const foreign = await post(base, { query: `{ ${RATE_LIMIT} }` }, { origin: 'https://elsewhere.example' });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreign.headers.get('access-control-expose-headers')).toBeNull();
  });
});
