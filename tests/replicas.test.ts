import { createHash } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killGroup, spawnTracked } from './helpers/child-process.ts';
import { writeSyntheticGraph } from './helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';
import { waitFor } from './helpers/wait.ts';

// Two real API processes on one PostgreSQL database and one Redis (the machine's, 127.0.0.1:6379,
// as in CI), each started as `npm start` starts it: they must behave as one service.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const KEY = 'replica-test-key-0123456789abcdef';
const BUDGET = 300;

interface Replica {
  child: ChildProcess;
  url: string;
  log: () => string;
}

function startReplica(db: TestDatabase, prefix: string, name: string): Promise<Replica> {
  const child = spawnTracked(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: '0',
      HOST: '127.0.0.1',
      INGEST_SEEDS: 'false',
      LOG_LEVEL: 'info',
      REDIS_URL,
      NEWSGRAPH_REDIS_PREFIX: prefix,
      NEWSGRAPH_RESPONSE_CACHE: 'true',
      NEWSGRAPH_RATE_LIMIT: String(BUDGET),
      NEWSGRAPH_API_KEYS: KEY,
      NEWSGRAPH_IDE: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  // Start-up compiles TypeScript and migrates: a minute or more on a loaded machine.
  return waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`replica ${name} exited with ${child.exitCode}:\n${out}`);
      const url = /ready at (http:\/\/[\d.:]+)\/graphql/.exec(out)?.[1];
      return url ? { child, url, log: () => out } : undefined;
    },
    `replica ${name} to print its URL`,
    { timeoutMs: 240_000, detail: () => out },
  );
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json(), headers: res.headers };
}

/** Request-log lines of a replica that were answered from the response cache, for one request id. */
const hitsOf = (r: Replica, requestId: string) => r.log().split('\n').filter((l) => l.includes(`"requestId":"${requestId}"`) && l.includes('"cache":"hit"')).length;

describe('replicas sharing one database and one Redis (REDIS_URL)', () => {
  let db: TestDatabase;
  let other: TestDatabase;
  let a: Replica;
  let b: Replica;
  const prefix = `newsgraph-test:${process.pid}:${Date.now()}:`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });

  beforeAll(async () => {
    [db, other] = await Promise.all([createTestDatabase('replicas'), createTestDatabase('replicas_other')]);
    await writeSyntheticGraph(db.writer, { articles: 3, peoplePerArticle: 2, poolSize: 3 });
    [a, b] = await Promise.all([startReplica(db, prefix, 'A'), startReplica(db, prefix, 'B')]);
  }, 300_000);

  /** Every key matching `pattern`, over the whole keyspace (one SCAN call covers only part of it). */
  const keysMatching = async (pattern: string): Promise<string[]> => {
    const keys: string[] = [];
    for (let cursor = '0'; ; ) {
      const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
      if (cursor === '0') return keys;
    }
  };

  afterAll(async () => {
    killGroup(a?.child);
    killGroup(b?.child);
    // Everything the replicas wrote to Redis is under this run's prefix.
    const keys = await keysMatching(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await Promise.allSettled([db?.drop(), other?.drop()]);
  });

  it('a query registered by hash on A runs by hash on B (automatic persisted queries)', async () => {
    const query = '{ articles(first: 2) { totalCount } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const persistedQuery = { version: 1, sha256Hash };
    // Unknown everywhere first: the protocol's answer, from both replicas.
    expect((await post(b.url, { extensions: { persistedQuery } })).json.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(a.url, { query, extensions: { persistedQuery } })).json.data).toEqual({ articles: { totalCount: 3 } });
    const byHash = await post(b.url, { extensions: { persistedQuery } });
    expect(byHash.status).toBe(200);
    expect(byHash.json.data).toEqual({ articles: { totalCount: 3 } });
  });

  it('an answer cached through A is a hit on B; after a write through A, B\'s next answer is fresh', async () => {
    const query = '{ articles(first: 10) { totalCount edges { node { title } } } }';
    const first = await post(a.url, { query }, { 'x-request-id': 'warm-a' });
    expect(first.json.data.articles.totalCount).toBe(3);
    // A stores its answer after sending it (the client is not kept waiting on Redis), so wait until
    // the entry is there: asked sooner, B computes the answer itself, as it should.
    await waitFor(async () => (await keysMatching(`${prefix}rc:e:*`)).length > 0, "A's answer in the shared cache");
    // B answers the same request from the shared cache (its request log says so).
    const fromB = await post(b.url, { query }, { 'x-request-id': 'hit-b' });
    expect(fromB.json).toEqual(first.json);
    await waitFor(() => hitsOf(b, 'hit-b') === 1, 'B to log its cache hit');

    const created = await post(a.url, { query: 'mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { outcome userErrors { message } } }', variables: { input: { title: 'Replica test article', text: 'Replica test article\n\nAnna Berg said "the replicas agree".' } } }, { authorization: `Bearer ${KEY}` });
    expect(created.json.errors).toBeUndefined();
    expect(created.json.data.ingestArticle).toMatchObject({ outcome: 'CREATED', userErrors: [] });
    // No waiting: the very next request to B must see the new article.
    const after = await post(b.url, { query }, { 'x-request-id': 'after-b' });
    expect(after.json.data.articles.totalCount).toBe(4);
    expect(hitsOf(b, 'after-b')).toBe(0);
  });

  it('writes to another database on the same server leave both replicas\' caches warm', async () => {
    const query = '{ people(first: 3) { totalCount } }';
    await post(a.url, { query }, { 'x-request-id': 'warm-people' });
    await writeSyntheticGraph(other.writer, { articles: 3, peoplePerArticle: 2, poolSize: 3, prefix: 'elsewhere' });
    const ids = Array.from({ length: 10 }, (_, i) => `warm-${i}`);
    for (const [i, id] of ids.entries()) expect((await post(i % 2 ? a.url : b.url, { query }, { 'x-request-id': id })).status).toBe(200);
    const hits = ids.filter((id, i) => hitsOf(i % 2 ? a : b, id) === 1).length;
    // Request logs are written when the answer has been sent: wait for the last line rather than guess.
    await waitFor(() => ids.every((id, i) => (i % 2 ? a : b).log().includes(`"requestId":"${id}"`)), 'every request to be logged');
    console.log(`shared response cache after writes to another database: ${ids.filter((id, i) => hitsOf(i % 2 ? a : b, id) === 1).length}/${ids.length} hits (first count ${hits})`);
    expect(ids.filter((id, i) => hitsOf(i % 2 ? a : b, id) === 1).length).toBe(ids.length);
  });

  it('a client has one rate budget across both replicas, not one per replica', async () => {
    const started = Date.now();
    const query = '{ articles(first: 10) { edges { node { title people(first: 5) { edges { node { name } } } } } } }';
    let spent = 0;
    const statuses: number[] = [];
    // Authenticated (never answered from the cache), alternating replicas, until well past two budgets.
    for (let i = 0; spent <= 2 * BUDGET && i < 4 * BUDGET; i++) {
      const r = await post(i % 2 ? a.url : b.url, { query }, { authorization: `Bearer ${KEY}` });
      statuses.push(r.status);
      if (r.status === 200) {
        const cost = Number(r.json.extensions?.cost?.requested ?? 0);
        expect(cost).toBeGreaterThan(1);
        spent += cost;
      } else if (statuses.filter((s) => s === 429).length >= 6) break;
    }
    const refilled = ((Date.now() - started) / 60_000) * BUDGET;
    console.log(`${spent} points spent across two replicas in ${statuses.length} requests (budget ${BUDGET}, refilled meanwhile ${refilled.toFixed(1)}); ${statuses.filter((s) => s === 429).length} refused`);
    // Per-replica buckets would have let through up to twice the budget.
    expect(spent).toBeLessThanOrEqual(BUDGET + Math.ceil(refilled));
    expect(statuses).toContain(429);
  });
});
