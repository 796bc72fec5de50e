import type { Sql } from '../db/sql.ts';
import { AppError } from '../services/app-error.ts';

const hasNul = (v: unknown): boolean => (typeof v === 'string' ? v.includes('\u0000') : Array.isArray(v) ? v.some(hasNul) : false);

/**
 * PostgreSQL text cannot hold U+0000; a query parameter with one fails deep in the driver as an
 * internal error. Refuse it up front as the client's bad input, whichever resolver passed it on.
 */
export function rejectNulParams(sql: Sql): Sql {
  return {
    query<T>(text: string, params?: unknown[]) {
      if (params?.some(hasNul)) return Promise.reject(new AppError('BAD_USER_INPUT', 'Text arguments must not contain NUL (U+0000) characters'));
      return sql.query<T>(text, params);
    },
  };
}
