import type { AddressInfo } from 'node:net';
import type { Db } from '../../src/db/writer.ts';
import type { Sql } from '../../src/db/sql.ts';
import { createContext, type Viewer } from '../../src/graphql/context.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';

export interface GraphQLResult<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
  sqlStatements: number;
}

/** An authenticated caller, for mutations (which the auth guard refuses to anonymous viewers). */
export const TEST_ADMIN: Viewer = { authenticated: true, clientId: 'key:test' };

/**
 * Executes an operation in-process with an explicit per-request context (Apollo's executeOperation).
 * Anonymous by default; pass `TEST_ADMIN` as `viewer` for mutations.
 */
export async function execute<T = Record<string, any>>(server: NewsgraphServer, sql: Sql, query: string, variables?: Record<string, unknown>, viewer?: Viewer, db?: Db): Promise<GraphQLResult<T>> {
  const contextValue = createContext(sql, 'test', viewer, db ?? null);
  const response = await server.apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  const { data, errors } = response.body.singleResult;
  return { data: data as T | undefined, errors: errors as GraphQLResult['errors'], sqlStatements: contextValue.stats.sqlStatements };
}

/** The real HTTP server on an ephemeral port. */
export async function listen(server: NewsgraphServer): Promise<string> {
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
}
