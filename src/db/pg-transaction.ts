import type pg from 'pg';
import type { Sql } from './sql.ts';

/**
 * Runs `fn` in a transaction on one pooled connection: every write of the graph. (Prisma's raw-query
 * path cost about 1 ms of CPU per call plus several ms per 100 kB of parameters, more than PostgreSQL's
 * own work for a batch.) Commits when `fn` resolves, rolls back when it throws. A statement running
 * longer than `timeoutMs` is cancelled.
 */
export async function withPgTransaction<T>(pool: pg.Pool, fn: (sql: Sql) => Promise<T>, options: { timeoutMs?: number; readOnly?: boolean } = {}): Promise<T> {
  const client = await pool.connect();
  // A connection that dies while checked out emits 'error' on the client: without a listener that
  // would crash the process; the failing query rejects anyway.
  let broken: Error | null = null;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  const sql: Sql = { query: async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[] };
  try {
    // One round trip. No JIT compilation: the writes' set-based statements over jsonb (a function
    // over jsonb is estimated at 100 rows per call) look costly enough for PostgreSQL to compile them,
    // which took ~1 s per 200-article batch for refreshing events at 21k articles, ~40 ms to run.
    const timeout = options.timeoutMs ? `; SET LOCAL statement_timeout = ${Math.floor(options.timeoutMs)}` : '';
    await client.query(`BEGIN${options.readOnly ? ' READ ONLY' : ''}; SET LOCAL jit = off${timeout}`);
    const result = await fn(sql);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    broken ??= await client.query('ROLLBACK').then(() => null, (e: Error) => e);
    throw error;
  } finally {
    client.off('error', onError);
    // A connection that failed is closed rather than handed to the next caller.
    client.release(broken ?? undefined);
  }
}
