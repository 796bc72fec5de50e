import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited as exitOf, killGroup, spawnTracked } from '../helpers/child-process.ts';
import { writeSyntheticGraph } from '../helpers/synthetic-graph.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait.ts';

describe('graceful shutdown of the real server process (SIGTERM)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('rel_shutdown');
    await writeSyntheticGraph(db.writer, { articles: 3, peoplePerArticle: 2, poolSize: 3 });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('finishes the in-flight request, refuses new connections, logs JSON, exits 0', { timeout: 300_000 }, async () => {
    const child = spawnTracked(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', INGEST_SEEDS: 'false', LOG_LEVEL: 'info', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const clients: pg.Client[] = [];
    try {
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.on('data', (d) => (out += d));
      const exited = exitOf(child);
      // Start-up compiles TypeScript and migrates: a minute or more on a loaded machine.
      const url = await waitFor(() => {
        if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
        return /ready at (http:\/\/[\d.:]+)\/graphql/.exec(out)?.[1];
      }, 'the server to print its URL', { timeoutMs: 180_000, detail: () => out });

      // Hold a lock on the article table so the request below stays in flight as long as we want.
      const locker = new pg.Client({ connectionString: db.url });
      clients.push(locker);
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE article IN ACCESS EXCLUSIVE MODE');
      const inFlight = fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'in-flight-1' }, body: JSON.stringify({ query: '{ articles { totalCount } }' }) });
      // Wait until the server's query is really queued behind the lock (no guessing with sleeps). Polled
      // from another session: inside the locker's transaction pg_stat_activity is a cached snapshot.
      const watcher = new pg.Client({ connectionString: db.url });
      clients.push(watcher);
      await watcher.connect();
      await waitFor(async () => (await watcher.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n > 0, 'the request to queue behind the lock');
      child.kill('SIGTERM');
      // No new connections once the server has taken the signal in (when, depends on the machine's load).
      await waitFor(() => fetch(`${url}/healthz`).then(() => false, () => true), 'the server to refuse new connections');
      await locker.query('COMMIT');
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ data: { articles: { totalCount: 3 } } });
      expect((await exited).code).toBe(0);

      const lines = out.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.find((l) => l.requestId === 'in-flight-1')).toMatchObject({ msg: 'request', status: 200, path: '/graphql' });
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['SIGTERM received, shutting down', 'stopped']));
    } finally {
      killGroup(child);
      await Promise.allSettled(clients.map((c) => c.end()));
    }
  });

  it('the Docker image runs the server as PID 1 in exec form, so docker stop\'s SIGTERM reaches it (the test above starts it the same way)', () => {
    const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(fs.readFileSync('Dockerfile', 'utf8'))?.[1];
    expect(cmd).toBeDefined();
    // node directly, on src/server/main.ts as compiled by the image's build (src/ -> dist/app/).
    expect(JSON.parse(cmd!)).toEqual(['node', 'dist/app/server/main.js']);
    const build = fs.readFileSync('tsconfig.build.json', 'utf8');
    expect(build).toMatch(/"rootDir": "src"/);
    expect(build).toMatch(/"outDir": "dist\/app"/);
  });
});
