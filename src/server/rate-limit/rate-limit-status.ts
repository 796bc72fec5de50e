import type { RateLimit } from '../../graphql/rate-limit/rate-limit.type.ts';
import type { TakeResult } from './token-bucket.ts';

/**
 * What one request was charged and what its client has left: the numbers behind both the `rateLimit`
 * field and the X-RateLimit-* headers, so the two always agree. The field's own type, so the shape is
 * written once (its fields are described there).
 */
export type RateLimitStatus = RateLimit;

/** The status after `limiter.take(…, cost)` or `check` returned `result`. */
export function rateLimitStatus(limiter: { capacity: number }, cost: number, result: TakeResult, now: number = Date.now()): RateLimitStatus {
  return { limit: Math.floor(limiter.capacity), cost: result.ok ? cost : 0, remaining: result.remaining, resetAt: new Date(now + result.fullInMs) };
}

/** The response headers a rate-limited endpoint sends, lower-case (Node and Apollo header maps are). */
export const RATE_LIMIT_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'] as const;

/**
 * GitHub's convention: X-RateLimit-Reset is a UTC epoch time in seconds, rounded up so that the
 * bucket is full by then. (Retry-After, on 429 only, is the HTTP standard's delay in seconds.)
 */
export function rateLimitHeaders(status: RateLimitStatus): [string, string][] {
  return [
    ['x-ratelimit-limit', String(status.limit)],
    ['x-ratelimit-remaining', String(status.remaining)],
    ['x-ratelimit-reset', String(Math.ceil(status.resetAt.getTime() / 1000))],
  ];
}
