import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Runs `npm start`'s entry point as users do and waits for the URL it prints. */
function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
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

async function stop(s: Started): Promise<number | null> {
  s.child.removeAllListeners('exit');
  const exited = new Promise<number | null>((resolve) => s.child.on('exit', (code) => resolve(code)));
  s.child.kill('SIGINT');
  return exited;
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
  afterAll(async () => {
    await external?.drop();
  });

  it('on an external DATABASE_URL (production path): migrates, ingests seeds once, serves, shuts down cleanly', async () => {
    external = await createTestDatabase('start');
    const first = await start({ DATABASE_URL: external.url });
    const before = await graph(first.url);
    expect(before.articles.totalCount).toBe(2);
    expect(before.person.name).toBe('Kim Jong Un');
    expect(await stop(first)).toBe(0);
    expect(first.output()).toMatch(/stopped/);

    const second = await start({ DATABASE_URL: external.url });
    expect(second.output()).toMatch(/0 new, 0 updated, 2 already present/);
    expect(await graph(second.url)).toEqual(before);
    expect(await stop(second)).toBe(0);
  });

  it('without DATABASE_URL: starts an embedded PostgreSQL, and restarts on the same data', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-embedded-'));
    fs.chmodSync(dataDir, 0o777); // the embedded server may run as the `postgres` OS user
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const env = { DATABASE_URL: '', NEWSGRAPH_DATA_DIR: path.join(dataDir, 'pg'), NEWSGRAPH_PG_PORT: port };
    try {
      const first = await start(env);
      const before = await graph(first.url);
      expect(before.articles.totalCount).toBe(2);
      expect(await stop(first)).toBe(0);
      const second = await start(env);
      expect(await graph(second.url)).toEqual(before);
      expect(await stop(second)).toBe(0);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
