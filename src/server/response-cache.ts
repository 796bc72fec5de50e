import type { Sql } from '../db/sql.ts';

export interface ResponseCacheOptions {
  /** Answers kept; the least recently used go first (default 2000). */
  maxEntries?: number;
  /** Oldest answer served, in ms (default 60 s: what `Cache-Control: public, max-age=60` already allows any CDN). */
  maxAgeMs?: number;
  /** How often the database's data version is read, in ms (default 100): a write by another process shows within this. */
  versionCheckMs?: number;
  /** Largest answer kept, in bytes (default 256 kB). */
  maxBodyBytes?: number;
}

export interface CachedResponse {
  status: number;
  headers: [string, string][];
  body: string;
  /** Rate-limit points the query costs (charged again on every hit). */
  cost: number;
}

interface Entry extends CachedResponse {
  version: string;
  storedAt: number;
}

// The write-ahead log position moves with every committed write to the cluster (ingest, corrections,
// mutations, by any process) and with nothing else that changes data: an exact, if conservative, data
// version that needs no table. A standby reports how far it has replayed.
const VERSION_SQL = `SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END)::text AS v`;

export interface ResponseCache {
  /** The cache key of a GraphQL request (query text, operation name, variables, accepted media type). */
  key(parts: { query: unknown; operationName: unknown; variables: unknown; accept: string }): string | null;
  /** The data version to store an answer under, read before executing it. Null: the database did not say; do not cache. */
  version(): Promise<string | null>;
  /** A stored answer still valid for the current data version, or null. */
  get(key: string): Promise<CachedResponse | null>;
  set(key: string, version: string, response: CachedResponse): void;
  /** Forgets everything (after a mutation through this server). */
  invalidate(): void;
  readonly size: number;
}

/**
 * Answers to public (unauthenticated) GraphQL queries, keyed by the request and valid while the
 * database's data version (see VERSION_SQL) is the one they were computed under. The version is read
 * at most every `versionCheckMs` (one tiny statement shared by all requests), so a write by another
 * process (the ingest CLI) shows within that time; mutations through this server invalidate at once.
 */
export function createResponseCache(sql: Sql, options: ResponseCacheOptions = {}): ResponseCache {
  const maxEntries = options.maxEntries ?? 2000;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const checkMs = options.versionCheckMs ?? 100;
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
  const entries = new Map<string, Entry>();
  let current: string | null = null;
  let checkedAt = -Infinity;
  let reading: Promise<string | null> | null = null;
  let generation = 0;

  const version = async (): Promise<string | null> => {
    if (current !== null && performance.now() - checkedAt < checkMs) return current;
    if (!reading) {
      const started = performance.now();
      const gen = generation;
      reading = sql.query<{ v: string }>(VERSION_SQL).then(
        (rows) => {
          // An invalidation while reading makes this answer too old to trust for the interval.
          if (gen === generation) {
            current = rows[0]?.v ?? null;
            checkedAt = started;
          }
          return rows[0]?.v ?? null;
        },
        () => null,
      ).finally(() => {
        reading = null;
      });
    }
    return reading;
  };

  return {
    key({ query, operationName, variables, accept }) {
      if (typeof query !== 'string') return null;
      return `${accept}\u0000${operationName ?? ''}\u0000${variables === undefined || variables === null ? '' : JSON.stringify(variables)}\u0000${query}`;
    },
    version,
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (performance.now() - entry.storedAt > maxAgeMs) {
        entries.delete(key);
        return null;
      }
      const v = await version();
      if (v === null || v !== entry.version) {
        entries.delete(key);
        return null;
      }
      // Most recently used last.
      entries.delete(key);
      entries.set(key, entry);
      return entry;
    },
    set(key, v, response) {
      if (response.body.length > maxBodyBytes) return;
      entries.delete(key);
      entries.set(key, { ...response, version: v, storedAt: performance.now() });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    invalidate() {
      entries.clear();
      current = null;
      generation += 1;
    },
    get size() {
      return entries.size;
    },
  };
}
