import type { Sql } from '../db/sql.ts';
import { isConnectionError } from '../db/connection-errors.ts';
import { databaseUnavailableError } from '../graphql/errors.ts';
import type { Logger } from './logger.ts';

export interface OutageTracker {
  /** A statement failed because the database cannot be reached. */
  down(error: unknown): void;
  /** A statement succeeded. */
  up(): void;
  readonly unavailable: boolean;
}

/**
 * An outage is logged once when it starts and once when it ends: during one, every request fails the
 * same way, and a line per failure (thousands a second under load) would bury everything else.
 */
export function createOutageTracker(logger: Logger): OutageTracker {
  let since: number | null = null;
  let failures = 0;
  return {
    get unavailable() {
      return since !== null;
    },
    down(error) {
      failures += 1;
      if (since !== null) return;
      since = Date.now();
      const e = error as { code?: unknown; message?: unknown };
      logger.warn('database unavailable', { code: e?.code, reason: e?.message });
    },
    up() {
      if (since === null) return;
      logger.info('database available again', { downMs: Date.now() - since, failedStatements: failures });
      since = null;
      failures = 0;
    },
  };
}

/**
 * Reports every statement's outcome to the tracker, and turns a lost or refused connection into
 * SERVICE_UNAVAILABLE (503, Retry-After) instead of an internal error.
 */
export function outageAwareSql(sql: Sql, tracker: OutageTracker): Sql {
  return {
    async query<T>(text: string, params?: unknown[]) {
      try {
        const rows = await sql.query<T>(text, params);
        tracker.up();
        return rows;
      } catch (error) {
        if (!isConnectionError(error)) {
          // PostgreSQL answered (with an error of the statement): it is reachable.
          if (typeof (error as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((error as { code: string }).code)) tracker.up();
          throw error;
        }
        tracker.down(error);
        throw databaseUnavailableError(error);
      }
    },
  };
}
