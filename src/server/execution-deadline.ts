import type { Sql } from '../db/sql.ts';
import { timeoutError } from './timeout-error.ts';
import type { WriteTracker } from './deadline-writes.ts';

/**
 * A Sql that refuses new statements once `signal` is aborted: a request past its deadline stops
 * issuing work instead of finishing a response nobody waits for. (A statement already running is
 * cut by the pool's `statement_timeout`.)
 */
export function deadlineSql(sql: Sql, signal: AbortSignal, ms: number): Sql {
  return {
    query<T>(text: string, params?: unknown[]) {
      if (signal.aborted) return Promise.reject(timeoutError(ms));
      return sql.query<T>(text, params);
    },
  };
}

/**
 * Resolves with `work`, or rejects with a TIMEOUT AppError after `ms` (aborting `controller`). With
 * `writes` (see deadline-writes.ts) a TIMEOUT is only answered once every write transaction under way
 * has rolled back, and not at all once one has reached its commit point: then `work`'s result is the answer.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, controller: AbortController, writes?: WriteTracker): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      if (writes?.committing) return;
      controller.abort();
      if (!writes?.pending.size) return reject(timeoutError(ms));
      // The abort cancels them; none can commit any more.
      void Promise.allSettled(writes.pending).then(() => reject(timeoutError(ms)));
    }, ms);
  });
  // The abandoned execution may still fail later; that must not become an unhandled rejection.
  work.catch(() => {});
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
