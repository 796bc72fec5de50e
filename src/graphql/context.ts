import type { Db } from '../db/writer.ts';
import type { LiveFeed } from '../feed/live-feed.ts';
import type { IngestQueue } from '../queue/ingest-queue.ts';
import { countingSql, type Sql } from '../db/sql.ts';
import type { RateLimit } from './rate-limit/rate-limit.type.ts';
import { createLoaders, type Loaders } from './loaders/create-loaders.ts';

/** Who is calling. Reads are public by default; mutations require `authenticated`. */
export interface Viewer {
  /** True when the request carried a valid API key. */
  authenticated: boolean;
  /** Stable identifier of the caller for rate limiting and logs (API key id, else client address). */
  clientId: string;
}

export interface GraphQLContext {
  viewer: Viewer;
  /** Read access for this request; counts statements in `stats.sqlStatements`. */
  sql: Sql;
  /** Replaced after each mutation so that later fields read the corrected graph. */
  loaders: Loaders;
  /** Write access for mutations (Prisma transactions); null on read-only servers. */
  db: Db | null;
  /** The ingest queue (enqueueArticles, ingestJob, deadLetterJobs); null when the server runs without it. */
  queue: IngestQueue | null;
  /** Subscriptions: the process's live feed and how to drop this connection when it falls behind; null outside WebSocket. */
  live: { feed: LiveFeed; dropSlow: () => void } | null;
  stats: { sqlStatements: number };
  /** Facts about the running operation shared with the HTTP layer (Apollo copies the context object, not this). */
  operation: {
    type: 'query' | 'mutation' | 'subscription' | null;
    /** What the rate limiter charged this operation; null when rate limiting is off (or not charged yet). */
    rateLimit: RateLimit | null;
    /** The result holds numbers about this client (the `rateLimit` field): no shared cache may keep it. */
    perClient: boolean;
  };
  requestId: string;
}

/** Builds the per-request context: a fresh DataLoader set and SQL statement counter. */
export function createContext(sql: Sql, requestId: string, viewer: Viewer = { authenticated: false, clientId: 'anonymous' }, db: Db | null = null, queue: IngestQueue | null = null): GraphQLContext {
  const counter = { count: 0 };
  const counted = countingSql(sql, counter);
  return {
    viewer,
    sql: counted,
    loaders: createLoaders(counted),
    db,
    queue,
    live: null,
    operation: { type: null, rateLimit: null, perClient: false },
    get stats() {
      return { sqlStatements: counter.count };
    },
    requestId,
  };
}
