import type { Logger } from '../logger.ts';
import { createRateLimiter } from '../rate-limit/token-bucket.ts';
import { createThrottledWarn } from '../throttled-log.ts';

export interface AuthFailureOptions {
  /** Wrong API keys a client may send per minute (as a burst) before its key attempts get 429. */
  perMinute: number;
}

export const DEFAULT_AUTH_FAILURES: AuthFailureOptions = { perMinute: 10 };

export interface AuthFailureGuard {
  /** Milliseconds until `client` may present a key again, or 0 when it may now. */
  lockedFor(client: string): number;
  /** Records a wrong key from `client`. */
  failed(client: string, fields?: Record<string, unknown>): void;
  /** Records a key attempt refused because `client` is locked out. */
  refused(client: string, fields?: Record<string, unknown>): void;
}

/**
 * Counts wrong API keys per client (address, see client-address.ts) in a token bucket: a guesser
 * gets `perMinute` tries, then every request that presents a key — right or wrong, so a lucky guess
 * cannot be told from a miss — is refused with 429 until the bucket refills. Requests without a key
 * are not affected. Failures are logged as warnings, at most 30 lines a minute.
 */
export function createAuthFailureGuard(options: AuthFailureOptions, logger: Logger, now?: () => number): AuthFailureGuard {
  const buckets = createRateLimiter({ capacity: options.perMinute, refillPerSecond: options.perMinute / 60 }, now);
  const warn = createThrottledWarn(logger, 'authentication failed', 30, now);
  return {
    lockedFor(client) {
      const r = buckets.check(client, 1);
      return r.ok ? 0 : r.retryAfterMs;
    },
    failed(client, fields = {}) {
      const r = buckets.take(client, 1);
      warn({ ...fields, client, failuresLeft: r.remaining });
    },
    refused(client, fields = {}) {
      warn({ ...fields, client, lockedOut: true });
    },
  };
}
