import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlPool, type Sql, type SqlPool } from '../../src/db/sql.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { createLogger } from '../../src/server/logger.ts';
import { listen } from '../helpers/graphql.ts';
import { writeSyntheticGraph } from '../helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const DEADLINE_MS = 400;
// Two root fields: each of them has its statement cancelled, but a request is one log line.
const SLOW = JSON.stringify({ query: '{ articles(first: 1) { totalCount } people(first: 1) { totalCount } }' });

describe('slow requests that are abandoned', () => {
  let db: TestDatabase;
  let pool: SqlPool;
  let server: NewsgraphServer;
  let url: string;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('aborted_requests');
    await writeSyntheticGraph(db.writer, { articles: 1, peoplePerArticle: 1, poolSize: 1 });
    // As in production, the pool's statement_timeout equals the request deadline: PostgreSQL cancels
    // the slow statement (SQLSTATE 57014) after the client was answered TIMEOUT or went away.
    pool = createSqlPool(db.url, { max: 4, statementTimeoutMs: DEADLINE_MS });
    const slow: Sql = {
      async query<T>(text: string, params?: unknown[]) {
        await pool.query('SELECT pg_sleep(30)');
        return pool.query<T>(text, params);
      },
    };
    server = await createServer({ sql: slow, production: true, executionTimeoutMs: DEADLINE_MS, logger: createLogger({ level: 'info', write: (l) => lines.push(JSON.parse(l)) }) });
    url = await listen(server);
  });
  afterAll(async () => {
    await server?.stop();
    await pool?.end();
    await db?.drop();
  });

  it('are logged as one warning line each, without a stack, never as errors', { timeout: 60_000 }, async () => {
    // One client gives up after 100 ms, the other waits for its TIMEOUT.
    const gaveUp = new AbortController();
    const leaving = fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: SLOW, signal: gaveUp.signal }).catch(() => null);
    setTimeout(() => gaveUp.abort(), 100);
    const waited = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: SLOW });
    expect(waited.status).toBe(503);
    expect(((await waited.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('TIMEOUT');
    await leaving;

    // Wait until both abandoned executions have ended and been logged, whichever way.
    const reported = () => lines.filter((l) => l.msg !== 'request');
    for (let i = 0; i < 200 && reported().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(reported().map((l) => [l.level, l.msg])).toEqual([['warn', 'request aborted'], ['warn', 'request aborted']]);
    expect(JSON.stringify(lines)).not.toMatch(/stack|\\n\s+at /);
  });
});
