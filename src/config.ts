/**
 * The only reader of process.env. Every setting is validated here once; the rest of the code
 * receives a typed `Config`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseApiKeys } from './config/api-keys.ts';
import { DEFAULT_CORS_ALLOW_HEADERS, DEFAULT_RESPONSE_CACHE_BYTES } from './config/defaults.ts';
import { parseTrustProxy, type TrustProxy } from './config/trust-proxy.ts';

export interface Config {
  /** Production: an external PostgreSQL. Unset: an embedded PostgreSQL is started in `dataDir`. */
  databaseUrl: string | null;
  /** Connections of the process's one PostgreSQL pool, shared by reads and writes (NEWSGRAPH_DB_POOL_SIZE, default 10). */
  databasePoolSize: number;
  /** Where the embedded PostgreSQL keeps its files. */
  dataDir: string;
  /** Port of the embedded PostgreSQL. */
  embeddedPgPort: number;
  host: string;
  port: number;
  /** Directory ingested on start (idempotent). */
  seedsDir: string;
  ingestSeedsOnStart: boolean;
  /** `production` masks internal errors and may disable introspection. */
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** SHA-256 hashes of the accepted API keys (`NEWSGRAPH_API_KEYS`); mutations need one. */
  apiKeyHashes: Buffer[];
  /** Reads need an API key too. */
  privateReads: boolean;
  /** Wrong API keys a client may send per minute before its key attempts get 429; null: unlimited. */
  authFailures: { perMinute: number } | null;
  /** Proxies trusted to name the client in X-Forwarded-For (NEWSGRAPH_TRUST_PROXY: hops or CIDRs). */
  trustProxy: TrustProxy;
  /** Schema introspection on/off (default: off in production). */
  introspection: boolean;
  /** The GraphiQL IDE page on/off (default: off in production). */
  ide: boolean;
  /**
   * Where the schema's SDL is served for codegen (NEWSGRAPH_SCHEMA_PATH, default /schema.graphql;
   * `off` disables it). On even in production: with introspection off, clients generate from it.
   */
  schemaPath: string | null;
  /** A GraphQL request is answered with TIMEOUT after this long; also each SQL statement's limit. */
  executionTimeoutMs: number;
  /**
   * Per-client token bucket charged each operation's query cost (NEWSGRAPH_RATE_LIMIT points: the
   * bucket size, refilled over a minute); null (NEWSGRAPH_RATE_LIMIT=0): no limit.
   */
  rateLimit: { capacity: number; refillPerSecond: number } | null;
  bodyLimitBytes: number;
  /** Graceful shutdown waits this long for in-flight requests, then closes their connections. */
  shutdownTimeoutMs: number;
  /** Operations over these are refused before execution (QUERY_TOO_COMPLEX). */
  queryLimits: { maxCost: number; maxDepth: number; maxAliases: number; maxDirectives: number; maxFields: number; maxTokens: number };
  /**
   * The ingest queue (pg-boss on the graph's PostgreSQL): how often a failed article is retried (with
   * exponential backoff from `retryDelaySeconds`) before it is dead-lettered, and how long a taken job may
   * stay unfinished before it is handed to another worker (a worker that died holding it).
   */
  queue: { retryLimit: number; retryDelaySeconds: number; expireSeconds: number };
  /**
   * Subscriptions (the live feed): how many one WebSocket connection and one client may hold, and how
   * many committed batches a subscription may fall behind before its connection is dropped.
   */
  subscriptions: { perConnection: number; perClient: number; maxPending: number };
  /** `npm run worker`: batches in flight per process, and articles a worker takes per batch. */
  worker: { concurrency: number; batchSize: number };
  /** Origins allowed by CORS (`*` for any). */
  corsOrigins: string[];
  /** Request headers browsers on those origins may send (NEWSGRAPH_CORS_ALLOW_HEADERS; replaces the default list). */
  corsAllowHeaders: string[];
  /**
   * Redis shared by the replicas (REDIS_URL, redis:// or rediss://): persisted queries, the response
   * cache and the rate limiter live there; null: each process keeps its own.
   */
  redisUrl: string | null;
  /** Prefix of every Redis key (NEWSGRAPH_REDIS_PREFIX, default `newsgraph:`). */
  redisPrefix: string;
  /** Serve repeated public queries from memory until the data changes (NEWSGRAPH_RESPONSE_CACHE). */
  responseCache: boolean;
  /** Memory the response cache may hold, in bytes (NEWSGRAPH_RESPONSE_CACHE_BYTES, default 64 MB). */
  responseCacheBytes: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function readInt(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function readSchemaPath(env: Env): string | null {
  const raw = env.NEWSGRAPH_SCHEMA_PATH?.trim();
  if (raw === undefined || raw === '') return '/schema.graphql';
  if (['off', 'false', 'no', '0', 'none'].includes(raw.toLowerCase())) return null;
  // Codegen tools (graphql-config's URL loader) read a URL as SDL only when it ends in .graphql/.graphqls.
  if (!/^\/[\w.\-/]+\.(graphql|graphqls)$/.test(raw) || raw.startsWith('/ide/')) {
    throw new ConfigError(`NEWSGRAPH_SCHEMA_PATH must be a URL path ending in .graphql (e.g. /schema.graphql), or off; got "${raw}"`);
  }
  return raw;
}

// An HTTP header name (RFC 9110 token); `*` is one too, and means any header but Authorization.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/;

function readCorsAllowHeaders(env: Env): string[] {
  const raw = env.NEWSGRAPH_CORS_ALLOW_HEADERS?.trim();
  if (raw === undefined || raw === '') return [...DEFAULT_CORS_ALLOW_HEADERS];
  const names = [...new Set(raw.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))];
  const bad = names.find((h) => !HEADER_NAME.test(h));
  if (bad !== undefined) throw new ConfigError(`NEWSGRAPH_CORS_ALLOW_HEADERS must be a comma-separated list of header names, got "${bad}"`);
  return names;
}

function readDatabaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must be a postgresql:// URL, got protocol "${url.protocol}"`);
  }
  return raw;
}

function readRedisUrl(env: Env): string | null {
  const raw = env.REDIS_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`REDIS_URL is not a valid URL: "${raw}"`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new ConfigError(`REDIS_URL must be a redis:// or rediss:// URL, got protocol "${url.protocol}"`);
  return raw;
}

function readTrustProxy(env: Env): TrustProxy {
  try {
    return parseTrustProxy(env.NEWSGRAPH_TRUST_PROXY);
  } catch (error) {
    throw new ConfigError(`NEWSGRAPH_TRUST_PROXY must be a number of proxy hops or a comma-separated list of CIDRs: ${(error as Error).message}`);
  }
}

function readApiKeys(env: Env): Buffer[] {
  try {
    return parseApiKeys(env.NEWSGRAPH_API_KEYS);
  } catch (error) {
    throw new ConfigError(`NEWSGRAPH_API_KEYS: ${(error as Error).message}`);
  }
}

export function loadConfig(env: Env = process.env): Config {
  const cwd = process.cwd();
  const nodeEnv = readEnum(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  // At most GraphQL's largest Int: the rateLimit field reports the bucket size as one.
  const perMinute = readInt(env, 'NEWSGRAPH_RATE_LIMIT', 60_000, 0, 2_147_483_647);
  const authFailuresPerMinute = readInt(env, 'NEWSGRAPH_AUTH_FAILURES_PER_MINUTE', 10, 0, 1_000_000);
  return {
    databaseUrl: readDatabaseUrl(env),
    databasePoolSize: readInt(env, 'NEWSGRAPH_DB_POOL_SIZE', 10, 1, 1000),
    dataDir: path.resolve(cwd, env.NEWSGRAPH_DATA_DIR || '.data/pg'),
    embeddedPgPort: readInt(env, 'NEWSGRAPH_PG_PORT', 54329, 1, 65535),
    host: env.HOST || '0.0.0.0',
    port: readInt(env, 'PORT', 4000, 0, 65535),
    seedsDir: path.resolve(cwd, env.SEEDS_DIR || 'seeds'),
    ingestSeedsOnStart: readBool(env, 'INGEST_SEEDS', true),
    nodeEnv,
    logLevel: readEnum(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    apiKeyHashes: readApiKeys(env),
    privateReads: readBool(env, 'NEWSGRAPH_PRIVATE_READS', false),
    authFailures: authFailuresPerMinute === 0 ? null : { perMinute: authFailuresPerMinute },
    trustProxy: readTrustProxy(env),
    introspection: readBool(env, 'NEWSGRAPH_INTROSPECTION', nodeEnv !== 'production'),
    ide: readBool(env, 'NEWSGRAPH_IDE', nodeEnv !== 'production'),
    schemaPath: readSchemaPath(env),
    executionTimeoutMs: readInt(env, 'NEWSGRAPH_EXECUTION_TIMEOUT_MS', 10_000, 100, 600_000),
    rateLimit: perMinute === 0 ? null : { capacity: perMinute, refillPerSecond: perMinute / 60 },
    bodyLimitBytes: readInt(env, 'NEWSGRAPH_BODY_LIMIT_BYTES', 1024 * 1024, 1024),
    shutdownTimeoutMs: readInt(env, 'NEWSGRAPH_SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    queryLimits: {
      maxCost: readInt(env, 'NEWSGRAPH_MAX_COST', 25_000, 1),
      maxDepth: readInt(env, 'NEWSGRAPH_MAX_DEPTH', 12, 1, 1000),
      maxAliases: readInt(env, 'NEWSGRAPH_MAX_ALIASES', 30, 0, 100_000),
      maxDirectives: readInt(env, 'NEWSGRAPH_MAX_DIRECTIVES', 50, 0, 100_000),
      // As many as the token limit lets a document write out; only reused fragments go past it.
      maxFields: readInt(env, 'NEWSGRAPH_MAX_FIELDS', 5_000, 1, 1_000_000),
      maxTokens: readInt(env, 'NEWSGRAPH_MAX_TOKENS', 5_000, 10, 1_000_000),
    },
    queue: {
      retryLimit: readInt(env, 'NEWSGRAPH_QUEUE_RETRY_LIMIT', 3, 0, 100),
      retryDelaySeconds: readInt(env, 'NEWSGRAPH_QUEUE_RETRY_DELAY_SECONDS', 10, 0, 86_400),
      expireSeconds: readInt(env, 'NEWSGRAPH_QUEUE_EXPIRE_SECONDS', 900, 1, 86_400),
    },
    subscriptions: {
      perConnection: readInt(env, 'NEWSGRAPH_SUBSCRIPTIONS_PER_CONNECTION', 20, 1, 10_000),
      perClient: readInt(env, 'NEWSGRAPH_SUBSCRIPTIONS_PER_CLIENT', 100, 1, 1_000_000),
      maxPending: readInt(env, 'NEWSGRAPH_SUBSCRIPTION_MAX_PENDING', 64, 1, 100_000),
    },
    worker: {
      concurrency: readInt(env, 'NEWSGRAPH_WORKER_CONCURRENCY', 2, 1, 64),
      batchSize: readInt(env, 'NEWSGRAPH_WORKER_BATCH', 50, 1, 1000),
    },
    corsOrigins: (env.NEWSGRAPH_CORS_ORIGINS ?? '*').split(',').map((o) => o.trim()).filter(Boolean),
    corsAllowHeaders: readCorsAllowHeaders(env),
    redisUrl: readRedisUrl(env),
    redisPrefix: env.NEWSGRAPH_REDIS_PREFIX || 'newsgraph:',
    responseCache: readBool(env, 'NEWSGRAPH_RESPONSE_CACHE', false),
    responseCacheBytes: readInt(env, 'NEWSGRAPH_RESPONSE_CACHE_BYTES', DEFAULT_RESPONSE_CACHE_BYTES, 64 * 1024, 64 * 1024 * 1024 * 1024),
  };
}

/**
 * Where the shared evaluation corpora live (BBC, Reuters, PolNeAR): NEWSGRAPH_CORPUS_DIR, else
 * ../shared/corpus next to the checkout, else /work/shared/corpus. Null when none exists.
 * NEWSGRAPH_CORPUS_FALLBACK=false looks at NEWSGRAPH_CORPUS_DIR only, so a test can see what
 * happens on a machine without the corpus.
 */
export function corpusDir(env: Env = process.env): string | null {
  const fallbacks = readBool(env, 'NEWSGRAPH_CORPUS_FALLBACK', true) ? [path.resolve(process.cwd(), '../shared/corpus'), '/work/shared/corpus'] : [];
  const candidates = [env.NEWSGRAPH_CORPUS_DIR, ...fallbacks].filter((c): c is string => Boolean(c));
  return candidates.find((c) => existsSync(c)) ?? null;
}

/** Whether this runs under CI (`CI=true`, as CI services set it): there a test needing data it cannot find fails instead of skipping. */
export function runningInCi(env: Env = process.env): boolean {
  const raw = env.CI?.trim().toLowerCase();
  return raw !== undefined && raw !== '' && raw !== '0' && raw !== 'false';
}
