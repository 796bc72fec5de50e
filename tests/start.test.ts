import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, killGroup, spawnTracked } from './helpers/child-process.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

/** Start-up compiles TypeScript, migrates, ingests the seeds, maybe runs initdb: minutes on a loaded machine. */
const START_DEADLINE_MS = 180_000;

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/**
 * Runs `npm start`'s entry point as users do and waits for the URL it prints. The server and the
 * embedded PostgreSQL it may start share a process group, killed whole if the test fails (`killGroup`).
 */
function start(env: Record<string, string>, started: ChildProcess[]): Promise<Started> {
  const child = spawnTracked(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${START_DEADLINE_MS} ms:\n${out}`)), START_DEADLINE_MS);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /ready at (http:\/\/\S+\/graphql)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

/** Ctrl-C, as a user stops `npm start`: the server stops its embedded PostgreSQL itself. */
async function stop(s: Started): Promise<number | null> {
  s.child.removeAllListeners('exit');
  const done = exited(s.child);
  s.child.kill('SIGINT');
  return (await done).code;
}

async function graph(url: string): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ articles { totalCount } people { totalCount } statements { totalCount } events { totalCount } person(name: "Kim") { name } }' }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe('npm start', () => {
  let external: TestDatabase | undefined;
  // Killed (with their process groups) after each test, passed or failed, before the database goes.
  const children: ChildProcess[] = [];
  const killChildren = () => children.splice(0).forEach(killGroup);
  afterAll(async () => {
    killChildren();
    await external?.drop();
  });

  it('on an external DATABASE_URL (production path): migrates, ingests seeds once, serves, shuts down cleanly', { timeout: 2 * START_DEADLINE_MS + 60_000 }, async () => {
    external = await createTestDatabase('start');
    const first = await start({ DATABASE_URL: external.url }, children);
    const before = await graph(first.url);
    expect(before.articles.totalCount).toBe(2);
    expect(before.person.name).toBe('Kim Jong Un');
    // Extraction's models are loaded before the server says it is ready, not in its first ingest.
    expect(first.output()).toMatch(/extraction warmed up in \d+ ms[\s\S]*ready at/);
    expect(await stop(first)).toBe(0);
    expect(first.output()).toMatch(/stopped/);

    const second = await start({ DATABASE_URL: external.url }, children);
    expect(second.output()).toMatch(/0 new, 0 updated, 2 already present/);
    expect(await graph(second.url)).toEqual(before);
    expect(await stop(second)).toBe(0);
  });

  it('without DATABASE_URL: starts an embedded PostgreSQL, and restarts on the same data', { timeout: 2 * START_DEADLINE_MS + 60_000 }, async () => {
    const tmp = makeTempDir('embedded');
    fs.chmodSync(tmp.dir, 0o777); // the embedded server may run as the `postgres` OS user
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const env = { DATABASE_URL: '', NEWSGRAPH_DATA_DIR: path.join(tmp.dir, 'pg'), NEWSGRAPH_PG_PORT: port };
    try {
      const first = await start(env, children);
      const before = await graph(first.url);
      expect(before.articles.totalCount).toBe(2);
      expect(await stop(first)).toBe(0);
      const second = await start(env, children);
      expect(await graph(second.url)).toEqual(before);
      expect(await stop(second)).toBe(0);
    } finally {
      // On failure the server and its PostgreSQL are still running in the dir: kill them first.
      killChildren();
      tmp.remove();
    }
  });
});
