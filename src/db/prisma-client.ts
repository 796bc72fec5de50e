import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { withGraphWriteLock } from './graph-write-lock.ts';
import { withPgTransaction } from './pg-transaction.ts';
import type { Sql } from './sql.ts';

export type Db = PrismaClient;

const pools = new WeakMap<PrismaClient, pg.Pool>();

/**
 * A Prisma client over the `pg` driver adapter (no native engine), on a pool we own: the graph's writers
 * use that pool directly (writerOf). Given `pool` (the process's one pool, see openDatabase), the client
 * shares it and leaves ending it to its owner; otherwise it makes its own (`poolSize`), ended by `$disconnect`.
 */
export function createPrismaClient(connectionString: string, options: { poolSize?: number; pool?: pg.Pool } = {}): PrismaClient {
  let pool = options.pool;
  if (!pool) {
    pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, outage) must not crash the process.
    pool.on('error', () => {});
  }
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: !options.pool }) });
  pools.set(client, pool);
  return client;
}

/** The pg pool under a client made by createPrismaClient (undefined for other clients). */
export function pgPoolOf(db: PrismaClient): pg.Pool | undefined {
  return pools.get(db);
}

/** Runs write transactions through pg: the one database API the graph's writers use at run time. */
export interface Writer {
  transaction<T>(fn: (sql: Sql) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  /** One statement outside a transaction (look-ups before a write). */
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs `fn` holding the graph's write lock, so that writers in every process (CLI, API replicas,
   * queue workers) look up, resolve and store one batch at a time: each batch resolves against
   * everything stored before it, whoever wrote that.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

/** Where a wrapped client (a request's deadline) puts the writer that must be used instead of the plain one. */
export const WRITER = Symbol('newsgraph.writer');

export function pgWriter(pool: pg.Pool): Writer {
  return {
    transaction: (fn, options) => withPgTransaction(pool, fn, options),
    query: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
    exclusive: (fn) => withGraphWriteLock(pool, fn),
  };
}

/** The writer of a client made by createPrismaClient (or the one a wrapper of it provides). */
export function writerOf(db: PrismaClient): Writer {
  const wrapped = (db as unknown as Record<symbol, Writer | undefined>)[WRITER];
  if (wrapped) return wrapped;
  const pool = pools.get(db);
  if (!pool) throw new Error('This database client has no pg pool: make it with createPrismaClient');
  return pgWriter(pool);
}
