import { countingSql, type Sql } from '../db/sql.ts';
import { createLoaders, type Loaders } from './loaders/create-loaders.ts';

export interface GraphQLContext {
  /** Read access for this request; counts statements in `stats.sqlStatements`. */
  sql: Sql;
  loaders: Loaders;
  stats: { sqlStatements: number };
  requestId: string;
}

/** Builds the per-request context: a fresh DataLoader set and SQL statement counter. */
export function createContext(sql: Sql, requestId: string): GraphQLContext {
  const counter = { count: 0 };
  const counted = countingSql(sql, counter);
  return {
    sql: counted,
    loaders: createLoaders(counted),
    get stats() {
      return { sqlStatements: counter.count };
    },
    requestId,
  };
}
