import { createHash } from 'node:crypto';
import pg from 'pg';

/** Minimal read interface the GraphQL services use; lets a request count its SQL statements. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

const OID_DATE = 1082;
const OID_INT8 = 20;
const OID_NUMERIC = 1700;

// Calendar dates stay `YYYY-MM-DD` strings: turning them into JS Dates would shift them by the
// server's time zone. Counts (bigint) fit in a JS number at our scale.
function getTypeParser(oid: number, format?: string) {
  if (oid === OID_DATE) return (v: string) => v;
  if (oid === OID_INT8 || oid === OID_NUMERIC) return (v: string) => Number(v);
  return pg.types.getTypeParser(oid, format as 'text');
}

/**
 * Statements starting with this comment run on connections with `plan_cache_mode = force_generic_plan`:
 * planned once per connection instead of at every execution. For the loaders' statements (look-ups by
 * id arrays, pages per parent), whose best plan does not depend on the values, PostgreSQL otherwise
 * keeps re-planning (a custom plan looks cheaper for the exact array length) and planning their
 * many-join SQL costs several times executing it. Not for statements whose plan should follow the
 * values (root lists with filters, search).
 */
export const GENERIC_PLAN = '/* generic-plan */ ';

/**
 * Statements starting with this comment run on connections with `plan_cache_mode = force_custom_plan`:
 * planned for their values at every execution (still parsed once, as prepared statements). For
 * statements whose best plan depends on the values: a root list filtered by an entity (the newest of
 * 13,552 articles of the most-mentioned person come from the date index, those of a one-article person
 * from the person's links) and search (a common word walks the date index, a rare one the full-text
 * index). Left to itself, PostgreSQL switched such a statement to a generic plan after five executions
 * for popular people (its estimate looked cheaper) and then read all 13,552 links per page: 187 ms.
 */
export const CUSTOM_PLAN = '/* custom-plan */ ';

export interface SqlPool extends Sql {
  pool: pg.Pool;
  end(): Promise<void>;
}

/**
 * Distinct statement texts run as named prepared statements: PostgreSQL parses and analyses each once
 * per connection (and may keep a generic plan), which for the read path's many-join SQL costs more
 * than executing it. Texts are built from fixed templates with values as parameters, so there are few;
 * past this many the rest run unprepared (each connection keeps its prepared statements).
 */
const MAX_PREPARED = 2000;

/** The process's connection pool: reads (GraphQL), and the writers through pgWriter (writer.ts). */
export function createSqlPool(connectionString: string, options: { max?: number; statementTimeoutMs?: number } = {}): SqlPool {
  const names = new Map<string, string>();
  const statementName = (text: string) => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED) {
      name = `ng_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      names.set(text, name);
    }
    return name;
  };
  const config = {
    connectionString,
    max: options.max ?? 10,
    types: { getTypeParser } as pg.CustomTypesConfig,
    statement_timeout: options.statementTimeoutMs,
  };
  const pool = new pg.Pool(config);
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  let genericPool: pg.Pool | null = null;
  let customPool: pg.Pool | null = null;
  const withPlanMode = (mode: string) => {
    const p = new pg.Pool({ ...config, options: `-c plan_cache_mode=${mode}` });
    p.on('error', () => {});
    return p;
  };
  const poolFor = (text: string) => {
    if (text.startsWith(GENERIC_PLAN)) return (genericPool ??= withPlanMode('force_generic_plan'));
    if (text.startsWith(CUSTOM_PLAN)) return (customPool ??= withPlanMode('force_custom_plan'));
    return pool;
  };
  return {
    pool,
    async query<T>(text: string, params?: unknown[]) {
      const name = statementName(text);
      const result = await poolFor(text).query(name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] });
      return result.rows as T[];
    },
    end: async () => {
      await Promise.all([pool.end(), genericPool?.end(), customPool?.end()]);
    },
  };
}

/** Wraps a Sql so each statement increments `counter.count` (per-request SQL statistics, N+1 tests). */
export function countingSql(sql: Sql, counter: { count: number }): Sql {
  return {
    query<T>(text: string, params?: unknown[]) {
      counter.count += 1;
      return sql.query<T>(text, params);
    },
  };
}
