import pg from 'pg';
import { withGraphWriteLock } from './graph-write-lock.ts';
import { withPgTransaction } from './pg-transaction.ts';
import type { Sql } from './sql.ts';

/**
 * The one database API of the graph's writers at run time (the store, the editor's corrections): pg
 * transactions on the process's pool. Prisma keeps the schema, the migrations and the generated types;
 * no query goes through its client (its query compiler cost about 1 ms of CPU per call).
 */
export interface Writer {
  transaction<T>(fn: (sql: Sql) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  /**
   * Look-ups before a write, in one read-only transaction with the writer's settings (no JIT, see
   * pg-transaction.ts). It writes nothing, so a request's deadline lets it through as it does single
   * statements: only `transaction` has a commit point.
   */
  read<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** One statement outside a transaction (the live feed's NOTIFY after a commit). */
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs `fn` holding the graph's write lock, so that writers in every process (CLI, API replicas,
   * queue workers) look up, resolve and store one batch at a time: each batch resolves against
   * everything stored before it, whoever wrote that.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

/** What services that write take: a Writer (a request's deadline wraps one, see deadline-writes.ts). */
export type Db = Writer;

export function pgWriter(pool: pg.Pool): Writer {
  return {
    transaction: (fn, options) => withPgTransaction(pool, fn, options),
    read: (fn) => withPgTransaction(pool, fn, { readOnly: true }),
    query: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
    exclusive: (fn) => withGraphWriteLock(pool, fn),
  };
}

/** A writer on a pool of its own (tests, tools); `end` closes the pool. The app shares openDatabase's one pool. */
export function createWriter(connectionString: string, options: { poolSize?: number } = {}): Writer & { pool: pg.Pool; end(): Promise<void> } {
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
  // An idle connection dropped by the server (restart, outage) must not crash the process.
  pool.on('error', () => {});
  return { ...pgWriter(pool), pool, end: () => pool.end() };
}
