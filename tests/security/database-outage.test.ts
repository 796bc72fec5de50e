import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConnectionError } from '../../src/db/connection-errors.ts';
import { parseApiKeys } from '../../src/config/api-keys.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { createLogger } from '../../src/server/logger.ts';
import { listen } from '../helpers/graphql.ts';
import { writeSyntheticGraph } from '../helpers/synthetic-graph.ts';
import { adminDatabaseUrl, createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

const KEY = 'outage-test-key-0123456789';
const READ = '{ articles(first: 2) { totalCount nodes { title } } }';
const WRITE = 'mutation { ingestArticle(input: { text: "Outage\\n\\nNothing can be stored now." }) { outcome } }';

async function admin(sql: string, params: unknown[] = []): Promise<void> {
  const c = new pg.Client({ connectionString: adminDatabaseUrl() });
  await c.connect();
  try {
    await c.query(sql, params);
  } finally {
    await c.end();
  }
}

describe('connection-level errors are told apart from statement errors', () => {
  it('recognises pg, PostgreSQL and Prisma ways of saying the database is gone', () => {
    const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    for (const e of [
      coded('ECONNREFUSED'), coded('ECONNRESET'), coded('57P01'), coded('57P02'), coded('57P03'), coded('08006'), coded('08001'),
      new Error('Connection terminated unexpectedly'), new Error('timeout exceeded when trying to connect'),
      coded('55000', 'database "x" is not currently accepting connections'),
      coded('P1001'), coded('P1017'), coded('P2024'),
      Object.assign(new Error('adapter'), { cause: { kind: 'DatabaseNotReachable' } }),
      Object.assign(new Error('prisma'), { code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'postgres', code: '57P01' } } } }),
      new AggregateError([coded('ECONNREFUSED')], 'connect failed'),
    ]) {
      expect(isConnectionError(e), String(e.message)).toBe(true);
    }
    for (const e of [coded('23505'), coded('42P01'), coded('57014', 'canceling statement due to statement timeout'), coded('55000', 'other'), new Error('boom'), null, 'ECONNREFUSED']) {
      expect(isConnectionError(e), String(e)).toBe(false);
    }
  });
});

describe('a database outage, over HTTP against a real PostgreSQL', () => {
  let db: TestDatabase;
  let server: NewsgraphServer;
  let url: string;
  const lines: { level: string; msg: string }[] = [];
  const logged = (msg: string) => lines.filter((l) => l.msg === msg);

  const send = async (query: string, accept = 'application/graphql-response+json', headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept, ...headers }, body: JSON.stringify({ query }) });
    const json = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    return { status: res.status, retryAfter: res.headers.get('retry-after'), json, codes: (json.errors ?? []).map((e) => e.extensions?.code) };
  };

  beforeAll(async () => {
    db = await createTestDatabase('outage');
    await writeSyntheticGraph(db.writer, { articles: 3, peoplePerArticle: 1, poolSize: 2 });
    const logger = createLogger({ level: 'info', write: (line) => lines.push(JSON.parse(line)) });
    // Production: internal errors would be masked, so only the code tells an outage from a bug.
    server = await createServer({ sql: db.sql, db: db.writer, production: true, logger, apiKeyHashes: parseApiKeys(KEY) });
    url = await listen(server);
  });
  afterAll(async () => {
    // Reopen first, whatever the test did, so the database can be dropped.
    await admin(`ALTER DATABASE ${db?.name} ALLOW_CONNECTIONS true`).catch(() => {});
    await server?.stop();
    await db?.drop();
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, logs the outage once and its end once', async () => {
    const before = await send(READ);
    expect(before.status).toBe(200);

    // The outage: every session of the database is cut and no new one is let in.
    await admin(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS false`);
    await admin('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db.name]);

    const results = [];
    for (let round = 0; round < 10; round++) results.push(...(await Promise.all(Array.from({ length: 8 }, () => send(READ)))));
    for (const r of results) {
      expect(r.status).toBe(503);
      expect(r.codes.length).toBeGreaterThan(0);
      expect(new Set(r.codes)).toEqual(new Set(['SERVICE_UNAVAILABLE']));
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
    }
    // A legacy application/json client gets the GraphQL result with 200, but the same code and hint.
    const legacy = await send(READ, 'application/json');
    expect(legacy.status).toBe(200);
    expect(legacy.codes).toContain('SERVICE_UNAVAILABLE');
    expect(Number(legacy.retryAfter)).toBeGreaterThan(0);
    // Writes go through Prisma: the same answer.
    const write = await send(WRITE, 'application/graphql-response+json', { authorization: `Bearer ${KEY}` });
    expect(write.codes).toEqual(['SERVICE_UNAVAILABLE']);
    expect(write.status).toBe(503);

    expect(logged('database unavailable')).toHaveLength(1);
    expect(logged('database unavailable')[0].level).toBe('warn');
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(logged('database available again')).toHaveLength(0);

    await admin(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS true`);
    // Wait on the condition (the pool reconnects on the next request), not on a clock.
    let after = await send(READ);
    for (let i = 0; i < 100 && after.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await send(READ);
    }
    expect(after.status).toBe(200);
    expect((after.json.data as { articles: { totalCount: number } }).articles.totalCount).toBe(3);
    await Promise.all(Array.from({ length: 8 }, () => send(READ)));
    expect(logged('database available again')).toHaveLength(1);
    expect(logged('database unavailable')).toHaveLength(1);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
