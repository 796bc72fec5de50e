import type { Sql } from '../db/sql.ts';
import type { SharedRedis } from './shared/redis.ts';
import { DEFAULT_RESPONSE_CACHE_BYTES } from '../config/defaults.ts';
import { createVersionReader, requestKey, type CachedResponse, type ResponseCache, type ResponseCacheOptions } from './response-cache.ts';

// Entries live under `${prefix}rc:e:<version>:<epoch>:<request key>`; a sorted set orders them by
// last use and a hash holds their sizes, so the script below keeps the bytes of all entries under
// the budget by dropping the least recently used ones, whichever replica stored them. Entries also
// expire after maxAge; their bytes stay counted until eviction reaches them (an overcount only).
const SET_SCRIPT = `
local prev = redis.call('HGET', KEYS[4], KEYS[1])
if prev then redis.call('DECRBY', KEYS[3], prev) end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[5])
redis.call('HSET', KEYS[4], KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], KEYS[1])
local total = redis.call('INCRBY', KEYS[3], ARGV[2])
while total > tonumber(ARGV[4]) do
  local oldest = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
  if not oldest then break end
  local size = redis.call('HGET', KEYS[4], oldest) or 0
  redis.call('ZREM', KEYS[2], oldest)
  redis.call('HDEL', KEYS[4], oldest)
  redis.call('DEL', oldest)
  total = redis.call('DECRBY', KEYS[3], size)
end
return {total, redis.call('ZCARD', KEYS[2])}
`;
const GET_SCRIPT = `
local v = redis.call('GET', KEYS[1])
if v then redis.call('ZADD', KEYS[2], 'XX', ARGV[1], KEYS[1]) end
return v
`;

/**
 * The response cache shared by every replica (REDIS_URL). An answer is stored under the database's
 * data version (as in the in-process cache) and an epoch every replica bumps after a mutation it
 * ran, before answering it: the next request to any replica misses, so a correction is never served
 * stale, while writes to other databases change neither and leave the cache warm. Redis being away
 * means misses, not errors.
 */
export function createSharedResponseCache(sql: Sql, redis: SharedRedis, options: ResponseCacheOptions = {}): ResponseCache {
  const maxBytes = options.maxBytes ?? DEFAULT_RESPONSE_CACHE_BYTES;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const maxBodyBytes = Math.min(options.maxBodyBytes ?? 256 * 1024, Math.floor(maxBytes / 8));
  const versions = createVersionReader(sql, options.versionCheckMs ?? 100);
  const k = (name: string) => `${redis.prefix}rc:${name}`;
  const epochKey = k('epoch');
  // Bytes and entries of all replicas as the last store here left them (Redis is not read synchronously).
  let lastBytes = 0;
  let lastSize = 0;

  // The database's version and the replicas' mutation epoch together; null: do not cache.
  const version = async (): Promise<string | null> => {
    const [db, epoch] = await Promise.all([versions.read(), redis.client.get(epochKey).catch(() => undefined)]);
    return db === null || epoch === undefined ? null : `${db}:${epoch ?? 0}`;
  };
  return {
    key: requestKey,
    version,
    async get(key) {
      const v = await version();
      if (v === null) return null;
      const raw = (await redis.client.eval(GET_SCRIPT, 2, k(`e:${v}:${key}`), k('lru'), Date.now()).catch(() => null)) as string | null;
      return raw ? (JSON.parse(raw) as CachedResponse) : null;
    },
    set(key, v, response) {
      const value = JSON.stringify(response);
      const bytes = Buffer.byteLength(value);
      if (Buffer.byteLength(response.body) > maxBodyBytes) return;
      redis.client
        .eval(SET_SCRIPT, 4, k(`e:${v}:${key}`), k('lru'), k('bytes'), k('sizes'), value, bytes, Date.now(), maxBytes, maxAgeMs)
        .then((reply) => {
          const [total, entries] = reply as [number, number];
          lastBytes = Number(total);
          lastSize = Number(entries);
        })
        .catch(() => {});
    },
    async invalidate() {
      versions.forget();
      await redis.client.incr(epochKey).catch(() => {});
    },
    get size() {
      return lastSize;
    },
    get bytes() {
      return lastBytes;
    },
    maxBytes,
  };
}
