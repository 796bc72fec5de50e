import type { Sql } from '../../src/db/sql.ts';

/** Wraps a Sql so every statement takes at least `delayMs` more, and records when each one started. */
export function slowSql(sql: Sql, delayMs: number): Sql & { started: number[] } {
  const started: number[] = [];
  return {
    started,
    async query<T>(text: string, params?: unknown[]) {
      started.push(Date.now());
      await new Promise((r) => setTimeout(r, delayMs));
      return sql.query<T>(text, params);
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
