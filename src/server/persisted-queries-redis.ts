import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { SharedRedis } from './shared/redis.ts';

/**
 * Apollo's automatic persisted queries in Redis (REDIS_URL): a hash registered through one replica
 * runs by hash on every other. Redis being away reads as "not registered", so clients send the full
 * query again (the APQ protocol's own recovery) instead of failing.
 */
export function redisPersistedQueries(redis: SharedRedis, maxQueryBytes: number): KeyValueCache<string> {
  const key = (k: string) => `${redis.prefix}apq:${k}`;
  return {
    async get(k) {
      return (await redis.client.get(key(k)).catch(() => null)) ?? undefined;
    },
    async set(k, value, options) {
      // Documents are bounded by the body limit already; this keeps one entry from filling Redis.
      if (Buffer.byteLength(value) > maxQueryBytes) return;
      const ttl = options?.ttl;
      await (ttl ? redis.client.set(key(k), value, 'EX', ttl) : redis.client.set(key(k), value)).catch(() => {});
    },
    async delete(k) {
      return (await redis.client.del(key(k)).catch(() => 0)) > 0;
    },
  };
}
