import type { SharedRedis } from '../shared/redis.ts';
import { bucketVerdict, localRateLimiter, type RateLimitOptions, type SharedRateLimiter } from './token-bucket.ts';

// One token bucket per client in a Redis hash (tokens, last refill in ms), refilled and charged in
// one script so that replicas never race; Redis's own clock times the refill, so replicas whose
// clocks differ still agree. The key expires once the bucket would be full again (it then reads as
// full). Returns whether it charged and the tokens held before the charge.
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or capacity
local at = tonumber(b[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
local before = tokens
local charged = 0
if ARGV[4] == '1' and cost <= tokens then
  tokens = tokens - cost
  charged = 1
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMs) + 1000)
return {charged, string.format('%.17g', before)}
`;

/**
 * Token buckets every replica shares (REDIS_URL): a client's budget is one budget however many
 * replicas answer it. While Redis cannot be reached, each replica falls back to its own buckets.
 */
export function redisRateLimiter(redis: SharedRedis, options: RateLimitOptions): SharedRateLimiter {
  const fallback = localRateLimiter(options);
  /** Tokens held before this request (charging `cost` when `charge` and the client has it). */
  const tokensBefore = async (clientId: string, cost: number, charge: boolean) => {
    const key = `${redis.prefix}rl:${clientId}`;
    const [, before] = (await redis.client.eval(TAKE_SCRIPT, 1, key, options.capacity, options.refillPerSecond / 1000, cost, charge ? '1' : '0')) as [number, string];
    return Number(before);
  };
  return {
    capacity: options.capacity,
    take: (clientId, cost) => tokensBefore(clientId, cost, true).then((t) => bucketVerdict(options, t, cost), () => fallback.take(clientId, cost)),
    // One round trip for both answers: the request's check and where the client stands.
    check: (clientId, cost) =>
      tokensBefore(clientId, cost, false).then(
        (t) => ({ result: bucketVerdict(options, t, cost), standing: bucketVerdict(options, t, 0) }),
        () => fallback.check(clientId, cost),
      ),
  };
}
