/**
 * The only reader of process.env. Every setting is validated here once; the rest of the code
 * receives a typed `Config`.
 */
import path from 'node:path';

export interface Config {
  /** Production: an external PostgreSQL. Unset: an embedded PostgreSQL is started in `dataDir`. */
  databaseUrl: string | null;
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

export function loadConfig(env: Env = process.env): Config {
  const cwd = process.cwd();
  return {
    databaseUrl: readDatabaseUrl(env),
    dataDir: path.resolve(cwd, env.NEWSGRAPH_DATA_DIR || '.data/pg'),
    embeddedPgPort: readInt(env, 'NEWSGRAPH_PG_PORT', 54329, 1, 65535),
    host: env.HOST || '0.0.0.0',
    port: readInt(env, 'PORT', 4000, 0, 65535),
    seedsDir: path.resolve(cwd, env.SEEDS_DIR || 'seeds'),
    ingestSeedsOnStart: readBool(env, 'INGEST_SEEDS', true),
    nodeEnv: readEnum(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development'),
    logLevel: readEnum(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
  };
}
