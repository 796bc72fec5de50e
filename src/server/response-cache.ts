import { createHash } from 'node:crypto';
import { DEFAULT_RESPONSE_CACHE_BYTES } from '../config/defaults.ts';
import type { Sql } from '../db/sql.ts';

export interface ResponseCacheOptions {
  /**
   * Memory the cache may hold, in bytes (default 64 MB): keys, bodies and headers as JavaScript holds
   * them (2 bytes per UTF-16 unit, the upper bound) plus a fixed overhead per entry. The least recently
   * used answers go first; an answer larger than 1/8 of this is not stored at all.
   */
  maxBytes?: number;
  /** Oldest answer served, in ms (default 60 s: what `Cache-Control: public, max-age=60` already allows any CDN). */
  maxAgeMs?: number;
  /** How often the database's data version is read, in ms (default 100): a write by another process shows within this. */
  versionCheckMs?: number;
  /** Largest answer body kept, in bytes of UTF-8 (default 256 kB; also bounded by maxBytes / 8). */
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
  /** What this entry counts against maxBytes. */
  bytes: number;
}

/** Map slot, entry object, version string, header arrays: a generous estimate, so that many tiny entries are bounded too. */
const ENTRY_OVERHEAD_BYTES = 512;
/** No single answer may take more than this share of the budget (it would evict most others). */
const MAX_ENTRY_SHARE = 8;

/** Memory an entry holds, counted as UTF-16 (what V8 uses for any string that is not pure Latin-1). */
function entryBytes(key: string, response: CachedResponse): number {
  let n = ENTRY_OVERHEAD_BYTES + 2 * (key.length + response.body.length);
  for (const [name, value] of response.headers) n += 2 * (name.length + value.length) + 64;
  return n;
}

/** JSON with object keys sorted at every level: the same variables in another order are the same request. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

// The database's own data version (migration 20261130120000_data_version): a sequence every write
// statement bumps while it holds a shared advisory lock until commit. It is read only when that lock
// can be taken exclusively, i.e. no write is in flight (else null: answer without caching), so a
// version never counts rows the answer computed under it cannot see. A standby has no writers of
// its own and reports how far it has replayed instead.
export const DATA_VERSION_LOCK = 7340011;
const VERSION_SQL = `SELECT CASE WHEN pg_is_in_recovery() THEN 'r' || pg_last_wal_replay_lsn()::text
  WHEN pg_try_advisory_xact_lock(${DATA_VERSION_LOCK}) THEN 'v' || (SELECT last_value || ':' || is_called FROM newsgraph_data_version)
  END AS v`;

/**
 * The cache key of a GraphQL request: a SHA-256 of its query text, operation name, variables and
 * accepted media type (canonical JSON), so a megabyte of query text is not kept as a key.
 */
export function requestKey({ query, operationName, variables, accept }: { query: unknown; operationName: unknown; variables: unknown; accept: string }): string | null {
  if (typeof query !== 'string') return null;
  const parts = [accept, operationName ?? null, variables ?? null, query];
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}

/**
 * The database's data version (VERSION_SQL), read at most every `checkMs` (one tiny statement shared
 * by all requests waiting for it). `forget` drops what was read, for after a write through this server.
 */
export function createVersionReader(sql: Sql, checkMs: number): { read(): Promise<string | null>; forget(): void } {
  let current: string | null = null;
  let checkedAt = -Infinity;
  let reading: Promise<string | null> | null = null;
  let generation = 0;
  return {
    async read() {
      if (current !== null && performance.now() - checkedAt < checkMs) return current;
      if (!reading) {
        const started = performance.now();
        const gen = generation;
        reading = sql.query<{ v: string }>(VERSION_SQL).then(
          (rows) => {
            // A write through this server while reading makes this answer too old to trust for the interval.
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
    },
    forget() {
      current = null;
      generation += 1;
    },
  };
}

export interface ResponseCache {
  /**
   * The cache key of a GraphQL request: a SHA-256 (64 hex characters) of its query text, operation name,
   * variables and accepted media type, so a megabyte of query text is not kept as a key.
   */
  key(parts: { query: unknown; operationName: unknown; variables: unknown; accept: string }): string | null;
  /** The data version to store an answer under, read before executing it. Null: the database did not say; do not cache. */
  version(): Promise<string | null>;
  /** A stored answer still valid for the current data version, or null. */
  get(key: string): Promise<CachedResponse | null>;
  set(key: string, version: string, response: CachedResponse): void;
  /** Forgets everything (after a mutation through this server); resolves once every replica will miss. */
  invalidate(): Promise<void>;
  readonly size: number;
  /** What the entries count against the budget (see ResponseCacheOptions.maxBytes); never above it. */
  readonly bytes: number;
  readonly maxBytes: number;
}

/**
 * Answers to public (unauthenticated) GraphQL queries, keyed by the request and valid while the
 * database's data version (see VERSION_SQL) is the one they were computed under. The version is read
 * at most every `versionCheckMs` (one tiny statement shared by all requests), so a write by another
 * process (the ingest CLI) shows within that time; mutations through this server invalidate at once.
 */
export function createResponseCache(sql: Sql, options: ResponseCacheOptions = {}): ResponseCache {
  const maxBytes = options.maxBytes ?? DEFAULT_RESPONSE_CACHE_BYTES;
  const maxEntryBytes = Math.floor(maxBytes / MAX_ENTRY_SHARE);
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
  // Map order is use order: the first entry is the least recently used.
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };
  const versions = createVersionReader(sql, options.versionCheckMs ?? 100);
  const version = versions.read;

  return {
    key: requestKey,
    version,
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (performance.now() - entry.storedAt > maxAgeMs) {
        remove(key);
        return null;
      }
      const v = await version();
      // The entry may have been replaced or evicted while the version was read.
      if (entries.get(key) !== entry) return v !== null && v === entry.version ? entry : null;
      if (v === null || v !== entry.version) {
        remove(key);
        return null;
      }
      // Most recently used last.
      entries.delete(key);
      entries.set(key, entry);
      return entry;
    },
    set(key, v, response) {
      remove(key);
      const size = entryBytes(key, response);
      if (size > maxEntryBytes || Buffer.byteLength(response.body) > maxBodyBytes) return;
      while (bytes + size > maxBytes) remove(entries.keys().next().value!);
      entries.set(key, { ...response, version: v, storedAt: performance.now(), bytes: size });
      bytes += size;
    },
    async invalidate() {
      entries.clear();
      bytes = 0;
      versions.forget();
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
    maxBytes,
  };
}
