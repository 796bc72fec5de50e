import type pg from 'pg';

/** The advisory lock key every writer of the graph takes (any bigint; this one spells "newsgraph"). */
export const GRAPH_WRITE_LOCK = 0x6e657773;

/**
 * Runs `fn` while this process holds the graph's write lock: a PostgreSQL session advisory lock on a
 * connection of its own, so the lock covers look-ups and the store transaction that run on other
 * connections of the pool. A process that dies holding it loses its session, and with it the lock.
 */
export async function withGraphWriteLock<T>(pool: pg.Pool, fn: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [GRAPH_WRITE_LOCK]);
    try {
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [GRAPH_WRITE_LOCK]).catch((error: Error) => (broken = error));
    }
  } finally {
    client.off('error', onError);
    // A connection whose unlock failed may still hold the lock: closing it is what releases it.
    client.release(broken);
  }
}
