import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlPool } from '../../src/db/sql.ts';
import { createServer, type NewsgraphServer } from '../../src/server/create-server.ts';
import { createLogger } from '../../src/server/logger.ts';
import { DEFAULT_MIGRATIONS_DIR, expectedMigrations } from '../../src/server/readiness.ts';
import { listen } from '../helpers/graphql.ts';
import { writeSyntheticGraph } from '../helpers/synthetic-graph.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { waitFor } from '../helpers/wait.ts';
import { adminDatabaseUrl, createTestDatabase, databaseUrl, type TestDatabase } from '../helpers/test-database.ts';
import { post } from './http-client.ts';
import { sleep, slowSql } from './slow-sql.ts';

const get = async (url: string) => {
  const r = await fetch(url);
  return { status: r.status, json: (await r.json()) as any, headers: r.headers };
};

describe('operations: health, readiness, logs, graceful shutdown', () => {
  let db: TestDatabase;
  const servers: NewsgraphServer[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  const start = async (options: Partial<Parameters<typeof createServer>[0]> = {}) => {
    const s = await createServer({ sql: db.sql, ...options });
    servers.push(s);
    return { server: s, url: await listen(s) };
  };

  beforeAll(async () => {
    db = await createTestDatabase('rel_ops');
    await writeSyntheticGraph(db.writer, { articles: 4, peoplePerArticle: 2, poolSize: 3 });
  });
  afterAll(async () => {
    await Promise.allSettled(servers.map((s) => s.stop()));
    for (const c of cleanups) await c().catch(() => {});
    await db?.drop();
  });

  it('/healthz answers without touching the database; /readyz checks database and migrations', async () => {
    const { url } = await start();
    expect(await get(`${url}/healthz`)).toMatchObject({ status: 200, json: { status: 'ok' } });
    const ready = await get(`${url}/readyz`);
    const expected = expectedMigrations(DEFAULT_MIGRATIONS_DIR);
    expect(expected.length).toBeGreaterThan(0);
    expect(ready).toMatchObject({ status: 200, json: { status: 'ready', database: 'reachable', migrations: { expected: expected.length, applied: expected.length, missing: [] } } });
  });

  it('/readyz is 503 when a committed migration is not applied', async () => {
    const { dir } = makeTempDir('migrations'); // removed when the file ends
    for (const m of expectedMigrations(DEFAULT_MIGRATIONS_DIR)) fs.mkdirSync(path.join(dir, m));
    fs.mkdirSync(path.join(dir, '20991231000000_not_yet_applied'));
    const { url } = await start({ migrationsDir: dir });
    const r = await get(`${url}/readyz`);
    expect(r.status).toBe(503);
    expect(r.json).toMatchObject({ status: 'not ready', database: 'reachable', migrations: { missing: ['20991231000000_not_yet_applied'] } });
  });

  it('/readyz is 503 on a database that was never migrated, and when the database is unreachable', async () => {
    // Named like createTestDatabase's, so a killed run's leftover is attributed to its dead process and dropped.
    const name = `newsgraph_test_rel_bare_${process.pid}_${Date.now() % 1e8}`;
    const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const bare = createSqlPool(databaseUrl(adminDatabaseUrl(), name), { max: 1 });
    cleanups.push(async () => {
      await bare.end();
      const c = new pg.Client({ connectionString: adminDatabaseUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    });
    const unmigrated = await get(`${(await start({ sql: bare })).url}/readyz`);
    expect(unmigrated.status).toBe(503);
    expect(unmigrated.json).toMatchObject({ database: 'reachable', migrations: { applied: 0 } });
    expect(unmigrated.json.error).toMatch(/_prisma_migrations/);

    const nowhere = createSqlPool('postgresql://postgres@127.0.0.1:1/none', { max: 1 });
    cleanups.push(() => nowhere.end());
    const down = await get(`${(await start({ sql: nowhere })).url}/readyz`);
    expect(down.status).toBe(503);
    expect(down.json).toMatchObject({ status: 'not ready', database: 'unreachable' });
  });

  it('writes one JSON log line per request with the request id, echoed in X-Request-Id', async () => {
    const lines: string[] = [];
    const { url } = await start({ logger: createLogger({ level: 'info', write: (l) => lines.push(l) }) });
    // The page, and the count read from its counter (totalCount is counted only when selected).
    const r = await post(url, { query: 'query Count { articles { totalCount } }', operationName: 'Count' }, { 'x-request-id': 'trace-42' });
    expect(r.headers.get('x-request-id')).toBe('trace-42');
    const unsafe = await post(url, { query: '{ __typename }' }, { 'x-request-id': 'two words"}' });
    const generated = unsafe.headers.get('x-request-id')!;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await get(`${url}/healthz`);
    // The line is written when the response has finished, which the client may see first.
    await waitFor(() => lines.some((l) => JSON.parse(l).path === '/healthz'), 'the /healthz log line');
    const records = lines.map((l) => JSON.parse(l));
    expect(records.find((l) => l.requestId === 'trace-42')).toMatchObject({ level: 'info', msg: 'request', method: 'POST', path: '/graphql', status: 200, operationName: 'Count', clientId: 'ip:127.0.0.1', sqlStatements: 2 });
    expect(records.find((l) => l.requestId === generated)).toMatchObject({ status: 200 });
    expect(records.find((l) => l.path === '/healthz')).toMatchObject({ status: 200 });
    for (const l of records) expect(typeof l.time === 'string' && typeof l.ms === 'number').toBe(true);
  });

  it('respects the log level; silent writes nothing', () => {
    const lines: string[] = [];
    const warn = createLogger({ level: 'warn', write: (l) => lines.push(l) });
    warn.info('hidden');
    warn.warn('shown', { a: 1 });
    warn.child({ requestId: 'r' }).error('also shown', { error: new Error('boom') });
    createLogger({ level: 'silent', write: (l) => lines.push(l) }).error('never');
    expect(lines.map((l) => JSON.parse(l))).toMatchObject([{ level: 'warn', msg: 'shown', a: 1 }, { level: 'error', msg: 'also shown', requestId: 'r', error: { message: 'boom' } }]);
  });

  it('graceful shutdown finishes the in-flight request, refuses new connections, and does not wait for idle keep-alives', async () => {
    const slow = slowSql(db.sql, 300);
    const { server, url } = await start({ sql: slow, shutdownTimeoutMs: 120_000 });
    // If shutdown waited for idle keep-alive connections, stop() would outlive the test timeout.
    server.httpServer.keepAliveTimeout = 120_000;
    const warm = await post(url, { query: '{ __typename }' }); // leaves an idle keep-alive connection
    expect(warm.status).toBe(200);
    const inFlight = post(url, { query: '{ articles { totalCount nodes { title } } }' });
    while (slow.started.length === 0) await sleep(5); // the request is being executed
    const stopped = server.stop();
    await waitFor(() => fetch(`${url}/healthz`).then(() => false, () => true), 'the server to refuse new connections');
    const r = await inFlight;
    expect(r.status).toBe(200);
    expect(r.json.data.articles.totalCount).toBe(4);
    await stopped;
    expect(server.httpServer.listening).toBe(false);
  });
});
