/**
 * Outcome of taking `cost` tokens: allowed, or how long until enough tokens are back. `remaining` is
 * whole tokens (rounded down); `fullInMs` is how long until the bucket is full again, which clients
 * see as `resetAt` / X-RateLimit-Reset.
 */
export type TakeResult = { ok: true; remaining: number; fullInMs: number } | { ok: false; remaining: number; retryAfterMs: number; fullInMs: number };

export interface RateLimitOptions {
  /** Bucket size: the largest burst of cost a client may spend at once. */
  capacity: number;
  /** Cost points given back per second. */
  refillPerSecond: number;
  /** Idle buckets are dropped past this many clients, so memory stays bounded. */
  maxClients?: number;
}

export interface RateLimiter {
  /** The bucket size every client gets. */
  readonly capacity: number;
  take(clientId: string, cost: number): TakeResult;
  /** Whether the client has at least `cost` tokens, without taking them (and when it will, if not). */
  check(clientId: string, cost: number): TakeResult;
}

/** The outcome of asking `cost` of a bucket holding `tokens` (shared by the in-memory and Redis buckets). */
export function bucketVerdict(options: RateLimitOptions, tokens: number, cost: number): TakeResult {
  const msToRefill = (missing: number) => Math.ceil((Math.max(0, missing) / options.refillPerSecond) * 1000);
  if (cost <= tokens) return { ok: true, remaining: Math.floor(tokens - cost), fullInMs: msToRefill(options.capacity - (tokens - cost)) };
  // A request costing more than the whole bucket can never pass; say when the bucket is full.
  const missing = Math.min(cost, options.capacity) - tokens;
  return { ok: false, remaining: Math.floor(tokens), retryAfterMs: msToRefill(missing), fullInMs: msToRefill(options.capacity - tokens) };
}

/**
 * Token buckets as the API charges them: possibly shared by every replica (Redis), so asynchronous.
 * `take` charges `cost` when the client has it; `check` only looks.
 */
export interface SharedRateLimiter {
  readonly capacity: number;
  take(clientId: string, cost: number): Promise<TakeResult>;
  /** Whether the client has `cost`, and where it stands (as for cost 0), from one reading of its bucket. */
  check(clientId: string, cost: number): Promise<{ result: TakeResult; standing: TakeResult }>;
}

/** This process's own buckets behind the shared interface (no REDIS_URL). */
export function localRateLimiter(options: RateLimitOptions): SharedRateLimiter {
  const local = createRateLimiter(options);
  return { capacity: local.capacity, take: async (id, cost) => local.take(id, cost), check: async (id, cost) => ({ result: local.check(id, cost), standing: local.check(id, 0) }) };
}

/**
 * In-memory token buckets, one per client id. Enough for one process; several replicas would each
 * allow the full budget (a shared store would be needed for a global limit).
 */
export function createRateLimiter(options: RateLimitOptions, now: () => number = () => Date.now()): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxClients = options.maxClients ?? 100_000;
  const refill = (clientId: string) => {
    const t = now();
    let b = buckets.get(clientId);
    if (b) {
      b.tokens = Math.min(options.capacity, b.tokens + ((t - b.at) / 1000) * options.refillPerSecond);
      b.at = t;
      buckets.delete(clientId); // re-insert: Map order is then least-recently-used first
    } else {
      if (buckets.size >= maxClients) buckets.delete(buckets.keys().next().value!);
      b = { tokens: options.capacity, at: t };
    }
    buckets.set(clientId, b);
    return b;
  };
  const verdict = (tokens: number, cost: number) => bucketVerdict(options, tokens, cost);
  return {
    capacity: options.capacity,
    check: (clientId, cost) => verdict(refill(clientId).tokens, cost),
    take(clientId, cost) {
      const b = refill(clientId);
      const result = verdict(b.tokens, cost);
      if (result.ok) b.tokens -= cost;
      return result;
    },
  };
}
