import { afterAll, describe, expect, it } from 'vitest';
import type { Sql } from '../src/db/sql.ts';
import { redisPersistedQueries } from '../src/server/persisted-queries-redis.ts';
import { redisRateLimiter } from '../src/server/rate-limit/redis-token-bucket.ts';
import { createSharedResponseCache } from '../src/server/response-cache-redis.ts';
import type { CachedResponse } from '../src/server/response-cache.ts';
import { connectRedis, type SharedRedis } from '../src/server/shared/redis.ts';
import { waitFor } from './helpers/wait.ts';

// The shared stores against the machine's real Redis (as CI has), each test under a key prefix of
// its own that is deleted afterwards; and against an address where no Redis listens.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const opened: SharedRedis[] = [];
const open = async (url = REDIS_URL) => {
  const r = connectRedis(url, `newsgraph-test:${process.pid}:${Date.now()}:${opened.length}:`);
  opened.push(r);
  await r.ready;
  return r;
};
afterAll(async () => {
  for (const r of opened) {
    const keys = await r.client.keys(`${r.prefix}*`).catch(() => [] as string[]);
    if (keys.length) await r.client.del(...keys).catch(() => {});
    await r.close();
  }
});

// A database whose data never changes: every stored answer stays valid.
const still: Sql = { query: async <T>() => [{ v: 'v1:true' }] as T[] };
const answer = (body: string): CachedResponse => ({ status: 200, headers: [['content-type', 'application/json']], body, cost: 1 });

describe('shared token buckets (Redis)', () => {
  it('charges, refuses past the bucket with the wait until enough is back, and refills with time', async () => {
    const limiter = redisRateLimiter(await open(), { capacity: 10, refillPerSecond: 10 });
    expect(await limiter.take('c', 7)).toMatchObject({ ok: true, remaining: 3 });
    const refused = await limiter.take('c', 8);
    expect(refused.ok).toBe(false);
    // 5 points missing at 10 a second: about half a second (a few ms have refilled already).
    expect(refused.ok ? 0 : refused.retryAfterMs).toBeGreaterThan(300);
    expect(refused.ok ? 0 : refused.retryAfterMs).toBeLessThanOrEqual(500);
    // Another client has its own bucket; checking takes nothing.
    expect((await limiter.check('other', 10)).result).toMatchObject({ ok: true });
    expect((await limiter.check('other', 10)).result).toMatchObject({ ok: true });
    await waitFor(async () => (await limiter.take('c', 8)).ok, 'the bucket to refill');
  });
});

describe('shared response cache (Redis)', () => {
  it('serves what another replica stored, and never holds more than its byte budget in all', async () => {
    const redis = await open();
    const maxBytes = 256 * 1024;
    const [one, two] = [createSharedResponseCache(still, redis, { maxBytes }), createSharedResponseCache(still, redis, { maxBytes })];
    const body = JSON.stringify({ data: { text: 'y'.repeat(10_000) } });
    const keyOf = (i: number) => one.key({ query: `{ a${i} }`, operationName: null, variables: null, accept: 'application/json' })!;
    for (let i = 0; i < 60; i++) {
      const cache = i % 2 ? one : two;
      cache.set(keyOf(i), (await cache.version())!, answer(body));
    }
    const stored = async () => Number(await redis.client.get(`${redis.prefix}rc:bytes`));
    await waitFor(async () => (await redis.client.zcard(`${redis.prefix}rc:lru`)) > 0 && (await one.get(keyOf(59))) !== null, 'the last answer to be stored');
    expect(await stored()).toBeLessThanOrEqual(maxBytes);
    expect(await stored()).toBeGreaterThan(maxBytes / 2);
    // The newest answers are there for either replica, the oldest were evicted.
    expect((await two.get(keyOf(59)))?.body).toBe(body);
    expect(await one.get(keyOf(0))).toBeNull();
  });

  it('a mutation through one replica makes every replica miss at once', async () => {
    const redis = await open();
    const [one, two] = [createSharedResponseCache(still, redis), createSharedResponseCache(still, redis)];
    const key = one.key({ query: '{ x }', operationName: null, variables: null, accept: '' })!;
    one.set(key, (await one.version())!, answer('{"data":{"x":1}}'));
    await waitFor(async () => (await two.get(key)) !== null, 'the answer to be stored');
    await one.invalidate();
    expect(await two.get(key)).toBeNull();
  });
});

describe('while Redis cannot be reached', () => {
  it('limits by this process\'s own buckets, misses the cache and forgets persisted queries instead of failing', async () => {
    const away = await open('redis://127.0.0.1:1');
    const limiter = redisRateLimiter(away, { capacity: 2, refillPerSecond: 0.001 });
    expect(await limiter.take('c', 2)).toMatchObject({ ok: true });
    expect(await limiter.take('c', 1)).toMatchObject({ ok: false });
    const cache = createSharedResponseCache(still, away);
    expect(await cache.version()).toBeNull();
    expect(await cache.get('k')).toBeNull();
    const apq = redisPersistedQueries(away, 1024);
    await apq.set('h', '{ x }');
    expect(await apq.get('h')).toBeUndefined();
  });
});
