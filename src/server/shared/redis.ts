import { Redis } from 'ioredis';

/**
 * The Redis connection a replica shares its state through (REDIS_URL): persisted queries, the
 * response cache and the rate limiter. Commands fail fast while Redis is away (one retry, a short
 * timeout), and each user falls back to what one process can do alone, so an outage of Redis costs
 * sharing, never availability.
 */
export interface SharedRedis {
  client: Redis;
  /** Prefix of every key this service writes (NEWSGRAPH_REDIS_PREFIX), so one Redis can serve several deployments. */
  prefix: string;
  /** Whether the first connection was made within a few seconds (the service starts either way). */
  ready: Promise<boolean>;
  close(): Promise<void>;
}

export function connectRedis(url: string, prefix: string): SharedRedis {
  // No offline queue: while disconnected a command fails at once (and its caller falls back) instead
  // of holding the request until Redis is back.
  const client = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000, connectTimeout: 2_000, enableOfflineQueue: false });
  // ioredis reports connection errors as events and reconnects by itself; commands made meanwhile
  // fail and their callers fall back. Without a listener Node would treat the event as fatal.
  client.on('error', () => {});
  return {
    client,
    prefix,
    ready: new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 3_000);
      timer.unref();
      client.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    }),
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
