import type { Writer } from '../db/writer.ts';
import type { Sql } from '../db/sql.ts';
import { timeoutError } from './timeout-error.ts';

/**
 * The write transactions of one request, as its deadline sees them. A TIMEOUT answer must mean that
 * nothing was written, and a write that committed must be answered with its result; so:
 * - before the commit point (the last check before COMMIT) the deadline cancels the transaction and
 *   answers TIMEOUT only once it has rolled back (`pending` settled);
 * - from the commit point on (`committing`) the deadline no longer cuts the request.
 */
export interface WriteTracker {
  readonly signal: AbortSignal;
  readonly ms: number;
  /** Transactions begun and not yet committed or rolled back. */
  readonly pending: Set<Promise<unknown>>;
  /** A transaction of this request passed its commit point. */
  committing: boolean;
}

export function createWriteTracker(signal: AbortSignal, ms: number): WriteTracker {
  return { signal, ms, pending: new Set(), committing: false };
}

/**
 * PostgreSQL drops a cancel that reaches a session between statements (idle in transaction), so the
 * cancel is repeated until the transaction's callback has ended: the next statement is cut too.
 */
const CANCEL_REPEAT_MS = 50;

/**
 * `db` whose transactions obey the request's deadline (see WriteTracker). Once the deadline's signal is
 * aborted, a transaction not yet begun is refused, and one under way has its running statement
 * cancelled (`pg_cancel_backend` through `control`, another pool, since the transaction's own
 * connection is busy) and is rolled back whatever its callback did. Single statements pass through.
 */
export function deadlineDb(db: Writer, writes: WriteTracker, control: Sql): Writer {
  const { signal, ms } = writes;

  /** `start` opens a transaction and runs its body; `pidOf` asks the transaction's connection for its backend pid. */
  async function guarded<Tx>(start: (body: (tx: Tx) => Promise<unknown>) => Promise<unknown>, pidOf: (tx: Tx) => Promise<number>, fn: (tx: Tx) => Promise<unknown>): Promise<unknown> {
    if (signal.aborted) throw timeoutError(ms);
    let pid: number | null = null;
    let running = true;
    let ended!: () => void;
    const callbackEnded = new Promise<void>((resolve) => (ended = resolve));
    let cancelling: Promise<void> = Promise.resolve();
    const cancelUntilEnded = async () => {
      while (running) {
        if (pid !== null) await control.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => {});
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([callbackEnded, new Promise<void>((resolve) => (timer = setTimeout(resolve, CANCEL_REPEAT_MS)))]);
        clearTimeout(timer);
      }
    };
    const onAbort = () => {
      cancelling = cancelUntilEnded();
    };
    const run = start(async (tx: Tx) => {
      pid = await pidOf(tx);
      signal.addEventListener('abort', onAbort, { once: true });
      let result: unknown;
      let failure: { error: unknown } | null = null;
      try {
        if (signal.aborted) throw timeoutError(ms);
        result = await fn(tx);
      } catch (error) {
        failure = { error };
      } finally {
        running = false;
        ended();
        signal.removeEventListener('abort', onAbort);
      }
      // No cancel may still be on its way when COMMIT or ROLLBACK is sent.
      await cancelling;
      // The commit point: past the deadline, roll back whatever the callback did or caught.
      if (signal.aborted) throw timeoutError(ms);
      if (failure) throw failure.error;
      writes.committing = true;
      return result;
    });
    writes.pending.add(run);
    try {
      return await run;
    } finally {
      writes.pending.delete(run);
    }
  }

  return {
    query: db.query,
    // Reads before a write commit nothing; like single statements, the pool's statement_timeout bounds them.
    read: db.read,
    // Waiting for the lock is bounded by the pool's statement_timeout (the request's execution limit).
    exclusive: db.exclusive,
    transaction: <T>(fn: (sql: Sql) => Promise<T>, options?: { timeoutMs?: number }) =>
      guarded<Sql>((body) => db.transaction(body, options), async (sql) => (await sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0].pid, fn) as Promise<T>,
  };
}
